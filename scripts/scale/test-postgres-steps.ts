// Runs the README's "Running on PostgreSQL" block as written (scripts/test-scale.sh
// runs this first): a fresh role and database with random names on the machine's
// PostgreSQL, the block's own commands in bash, then requests / and /signin (which
// reads the session) and expects 200 from both. Differences from pasting it, all
// made to the text before it runs: the names on its first line, the port, and
// `npm run build` left out (the suite has just built this checkout; the build
// never touches the database). The block runs `su postgres -c psql`, which needs
// root and the machine's cluster; elsewhere (npm test as another user, on the
// embedded server or TEST_PG_URL) that line and the block's 127.0.0.1:5432 point
// at TEST_PG_URL instead, whose role must then be allowed to create roles.
// Prints "N passed, N failed".
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../free-port";

const ROOT = process.cwd();
let passed = 0;
let failed = 0;
function check(name: string, ok: boolean, detail: string) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "PASS" : "FAIL"}  ${name}${detail ? ` — ${detail}` : ""}`);
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


function readmeSteps(): string {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const block = /<!-- postgres-steps:start -->\s*```sh\n([\s\S]*?)```\s*<!-- postgres-steps:end -->/.exec(readme)?.[1];
  if (!block) throw new Error("README.md has no postgres-steps block");
  return block;
}

const admin = new URL(process.env.TEST_PG_URL?.trim() || "postgresql://opendef:opendef@127.0.0.1:5432/postgres");
const machineCluster = process.getuid?.() === 0 && admin.hostname === "127.0.0.1" && (admin.port || "5432") === "5432";

function psqlAsPostgres(sql: string) {
  const psql = machineCluster ? ["su", ["postgres", "-c", "psql -XAtq -v ON_ERROR_STOP=1"]] as const : ["psql", ["-XAtq", "-v", "ON_ERROR_STOP=1", admin.href]] as const;
  return spawnSync(psql[0], psql[1], { input: sql, encoding: "utf8", cwd: "/" });
}

async function main() {
  const suffix = `${process.pid}_${Math.random().toString(36).slice(2, 7)}`;
  const dbName = `opendef_steps_${suffix}`;
  const dbUser = `opendef_steps_${suffix}`;
  const port = await freePort();
  const steps = readmeSteps();
  const names = /^DB_NAME=opendef DB_USER=opendef_app /m;
  const build = /^npm run build\n/m;
  const start = /^npm start -- -p 3000\n/m;
  if (!names.test(steps) || !build.test(steps) || !start.test(steps)) throw new Error("the README's block changed: update the substitutions in scripts/scale/test-postgres-steps.ts");
  let script = steps.replace(names, `DB_NAME=${dbName} DB_USER=${dbUser} `);
  if (!machineCluster) script = script.replace("su postgres -c psql", `psql -X '${admin.href}'`).replace("@127.0.0.1:5432/", `@${admin.host}/`);
  script = script
    .replaceAll("localhost:3000", `127.0.0.1:${port}`)
    .replace(build, "")
    .replace(start, `exec npm start -- -p ${port} -H 127.0.0.1\n`);
  const work = mkdtempSync(path.join(tmpdir(), "opendef-steps-"));
  writeFileSync(path.join(work, "steps.sh"), `set -euo pipefail\n${script}`);
  const output: string[] = [];
  // What a newcomer's shell would not have: nothing of the suite's own settings.
  const env: NodeJS.ProcessEnv = { ...process.env, WEB_CONCURRENCY: "2" };
  for (const name of ["DATABASE_URL", "NEXTAUTH_URL", "NEXTAUTH_SECRET", "SMTP_URL", "NODE_ENV", "OPENDEF_DEV_OUTBOX"]) delete env[name];
  const child = spawn("bash", [path.join(work, "steps.sh")], {
    cwd: ROOT,
    detached: true, // its own process group: npm, the primary and its workers stop together
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => output.push(...chunk.toString("utf8").split("\n").filter(Boolean));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  try {
    let home = 0;
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline && child.exitCode === null) {
      home = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.status, () => 0);
      if (home) break;
      await sleep(300);
    }
    const signin = home ? await fetch(`http://127.0.0.1:${port}/signin`).then((r) => r.status, () => 0) : 0;
    const tail = output.slice(-5).join(" | ");
    check("the README's PostgreSQL steps, pasted into bash, serve / (200)", home === 200, home ? `${home}` : `no answer; ${child.exitCode !== null ? `the steps exited ${child.exitCode}: ` : ""}${tail}`);
    check("and /signin, which reads the session (200)", signin === 200, String(signin));
    check("the role needs no CREATEDB: it only owns its database", !output.some((l) => /permission denied/i.test(l)), tail);
  } finally {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
    const dropped = psqlAsPostgres(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE);\nDROP ROLE IF EXISTS ${dbUser};\n`);
    if (dropped.status !== 0) console.error(`steps: could not drop ${dbName}: ${dropped.stderr}`);
    rmSync(work, { recursive: true, force: true });
  }
}

main()
  .catch((error: unknown) => {
    failed++;
    console.error(`steps: ${error instanceof Error ? error.message : String(error)}`);
  })
  .finally(() => {
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed === 0 && passed > 0 ? 0 : 1);
  });
