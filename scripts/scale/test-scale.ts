// Scale-out test (scripts/test-scale.sh runs it): two instances of this
// checkout's production build (.next) on one PostgreSQL database, behind a local
// nginx, all on loopback. It shows that nothing that matters lives in one
// instance: what one writes the other reads at once, a session from one works on
// the other, rate limits are counted in the database for both, and stopping one
// loses no acknowledged write while the other keeps serving through nginx.
// The instances run two processes each and reach PostgreSQL through a PgBouncer
// (transaction pooling) that the test starts on loopback; PostgreSQL's connections
// (pg_stat_activity) and the app's connections to PgBouncer are sampled throughout
// and must stay within PgBouncer's pool and DATABASE_POOL_SIZE per instance.
// Prints "N passed, N failed" and exits non-zero on any failure.
//
// Env: SCALE_PG_URL (default postgresql://opendef:opendef@127.0.0.1:5432/opendef_scale;
// the database is dropped and recreated, so its name must contain "scale").
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { dropDatabase, maintenanceUrlFor, recreateDatabase } from "../postgres/drop-database";
import { fetchActionRequest, findCommentForm, mpaActionRequest, type CommentForm } from "../bench/comment-form";
import { serveArgs } from "../serve-command";
import { freePort } from "../free-port";
import { waitForServer } from "../wait-for-server";

const ROOT = process.cwd();
const PG_URL = process.env.SCALE_PG_URL ?? "postgresql://opendef:opendef@127.0.0.1:5432/opendef_scale";
// The whole test stops itself after this, whatever happens.
const DEADLINE_MS = 8 * 60_000;
const WRITERS = 120;
// The connection budget under test: each instance's processes share POOL_PER_INSTANCE
// connections to PgBouncer, which holds at most PGBOUNCER_POOL to PostgreSQL.
const PROCESSES = 2;
const POOL_PER_INSTANCE = 6;
const PGBOUNCER_POOL = 4;
const TEST_APPLICATION = "opendef-scale-test";

const work = mkdtempSync(path.join(tmpdir(), "opendef-scale-"));
chmodSync(work, 0o755); // nginx's workers (nobody) write their temp files below it
const children = new Map<string, ChildProcess>();
let passed = 0;
let failed = 0;

function log(message: string) {
  console.log(`scale: ${message}`);
}

function check(name: string, ok: boolean, detail: string) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "PASS" : "FAIL"}  ${name}${detail ? ` — ${detail}` : ""}`);
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}


function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { env, encoding: "utf8", timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  writeFileSync(path.join(work, "setup.log"), `$ ${command} ${args.join(" ")}\n${result.stdout}${result.stderr}\n`, { flag: "a" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
}

async function resetDatabase(): Promise<void> {
  const url = new URL(PG_URL);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^\w*scale\w*$/.test(name)) throw new Error(`refusing to reset "${name}": SCALE_PG_URL must name a database whose name contains "scale"`);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) throw new Error(`loopback only (got ${url.hostname})`);
  await recreateDatabase(maintenanceUrlFor(PG_URL), name);
}

async function dropScaleDatabase(): Promise<void> {
  const url = new URL(PG_URL);
  const name = decodeURIComponent(url.pathname.slice(1));
  await dropDatabase(maintenanceUrlFor(PG_URL), name);
}

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: PG_URL, application_name: TEST_APPLICATION });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const out = createWriteStream(path.join(work, `${name}.log`));
  child.stdout!.pipe(out, { end: false });
  child.stderr!.pipe(out, { end: false });
  children.set(name, child);
  return child;
}

/** Up when it answers anything but a server error (nginx answers 502 until an instance does). */
function waitFor(url: string, what: string, child: ChildProcess) {
  return waitForServer(url, child, { what, ready: (response) => response.status < 500, detail: () => `; see ${work}` });
}

type Fixture = { slug: string; versionId: string; label: string; sessions: { token: string; userId: string }[] };

/** Posts the page's comment form without JavaScript: 303 to the comment, or 200 with the refusal. */
async function post(origin: string, form: CommentForm, token: string, body: string, headers: Record<string, string> = {}) {
  const request = mpaActionRequest(form, body);
  const response = await fetch(`${origin}/d/${fixture.slug}`, {
    method: "POST",
    headers: { ...request.headers, Cookie: `next-auth.session-token=${token}`, Origin: headers.Origin ?? origin, ...headers },
    body: new Uint8Array(request.body),
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  const id = /#comment-([A-Za-z0-9_-]+)/.exec(response.headers.get("location") ?? "")?.[1] ?? null;
  const refusal = /role="alert"[^>]*>([^<]*)</.exec(text)?.[1] ?? null;
  return { status: response.status, id, refusal, upstream: response.headers.get("x-upstream") };
}

async function formOn(origin: string, token: string): Promise<CommentForm> {
  const response = await fetch(`${origin}/d/${fixture.slug}`, { headers: { Cookie: `next-auth.session-token=${token}` } });
  return findCommentForm(await response.text());
}

/** Follows a comment's permalink on one origin and says whether the page shows it. */
/** Whether the comment's permalink leads to a page showing it: for a member (a session token), or for an anonymous reader. */
async function shows(origin: string, commentId: string, token?: string): Promise<boolean> {
  const headers: Record<string, string> = token ? { Cookie: `next-auth.session-token=${token}` } : {};
  const redirect = await fetch(`${origin}/d/${fixture.slug}/comments/${commentId}`, { headers, redirect: "manual" });
  const location = redirect.headers.get("location");
  if (redirect.status !== 307 || !location) return false;
  const target = new URL(location, origin);
  const page = await fetch(`${origin}${target.pathname}${target.search}`, { headers });
  return page.ok && (await page.text()).includes(`id="comment-${commentId}"`);
}

/**
 * Milliseconds from `since` (the post's acknowledgement) until an anonymous reader on
 * `origin` sent the first request that showed the comment (the anonymous cache keeps
 * pages 1 s), or null after 5 s. Polled every 50 ms.
 */
async function anonymousSeesWithin(origin: string, commentId: string, since = Date.now()): Promise<number | null> {
  while (Date.now() - since < 5000) {
    const sent = Date.now();
    if (await shows(origin, commentId)) return sent - since;
    await sleep(50);
  }
  return null;
}

/** Posts the page's comment form as its JavaScript does (answered in place, ActionForm): the new comment's id, or the refusal. */
async function postWithScript(origin: string, form: CommentForm, token: string, body: string) {
  const request = fetchActionRequest(form, [["body", body], ["respond", "in-place"]]);
  const response = await fetch(`${origin}/d/${fixture.slug}`, {
    method: "POST",
    headers: { ...request.headers, Cookie: `next-auth.session-token=${token}`, Origin: origin },
    body: new Uint8Array(request.body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  const id = text.includes('"inPlace"') ? (/"inPlace":\{"id":"([A-Za-z0-9_-]+)"/.exec(text)?.[1] ?? null) : null;
  return { status: response.status, id, refusal: id ? null : text.slice(0, 200) };
}

let fixture: Fixture;

async function main() {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) throw new Error(`no production build in ${ROOT}/.next: run npm run build first`);
  const [portA, portB, portLb] = [await freePort(), await freePort(), await freePort()];
  const lb = `http://127.0.0.1:${portLb}`;
  const a = `http://127.0.0.1:${portA}`;
  const b = `http://127.0.0.1:${portB}`;
  log(`instances A ${a} and B ${b} behind nginx ${lb}; logs in ${work}`);

  await resetDatabase();
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: PG_URL, NEXT_TELEMETRY_DISABLED: "1" };
  run("npx", ["tsx", "scripts/db-migrate.ts", "deploy"], env);
  run("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], env);
  const fixtureFile = path.join(work, "fixture.json");
  run("npx", ["tsx", "--conditions=react-server", "scripts/bench/seed-dataset.ts", "--slug", "scale", "--comments", "200", "--amendments", "0", "--votes", "0", "--users", String(WRITERS + 10), "--sessions", String(WRITERS + 10), "--user-prefix", "scale", "--out", fixtureFile], env);
  fixture = JSON.parse(readFileSync(fixtureFile, "utf8")) as Fixture;

  // PgBouncer in transaction mode in front of PostgreSQL; migrations and seeds above
  // went straight to PostgreSQL, as the README says they must.
  const portPgb = await freePort();
  const database = decodeURIComponent(new URL(PG_URL).pathname.slice(1));
  const direct = new URL(PG_URL);
  writeFileSync(
    path.join(work, "pgbouncer.ini"),
    [
      "[databases]",
      `${database} = host=${direct.hostname} port=${direct.port || 5432} dbname=${database} user=${decodeURIComponent(direct.username)} password=${decodeURIComponent(direct.password)}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${portPgb}`,
      "unix_socket_dir =",
      // Loopback only, and the server login is in [databases]: clients need no password here.
      "auth_type = any",
      "pool_mode = transaction",
      `default_pool_size = ${PGBOUNCER_POOL}`,
      "max_client_conn = 200",
      "",
    ].join("\n"),
  );
  // PgBouncer refuses to run as root.
  const pgbouncer = start("pgbouncer", process.env.PGBOUNCER ?? "pgbouncer", [...(process.getuid?.() === 0 ? ["-u", "postgres"] : []), path.join(work, "pgbouncer.ini")], env);
  const throughPgbouncer = new URL(PG_URL);
  throughPgbouncer.port = String(portPgb);
  for (let i = 0; ; i++) {
    const client = new pg.Client({ connectionString: throughPgbouncer.toString(), application_name: TEST_APPLICATION });
    const up = await client.connect().then(() => client.end().then(() => true), () => false);
    if (up) break;
    if (pgbouncer.exitCode !== null || i > 50) throw new Error(`PgBouncer did not start; see ${work}/pgbouncer.log`);
    await sleep(100);
  }

  // The settings every instance must share: database, secret, public URL, limits.
  const shared: NodeJS.ProcessEnv = {
    ...env,
    DATABASE_URL: throughPgbouncer.toString(),
    DATABASE_POOL_SIZE: String(POOL_PER_INSTANCE),
    NODE_ENV: "production",
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    NEXTAUTH_URL: lb,
    TRUSTED_PROXY_HOPS: "1",
    // Long enough that two posts by one member always fall in one window, however
    // slow the machine; every other member here posts once.
    COMMENT_MIN_INTERVAL_SECONDS: "60",
  };
  // npm start, two processes per instance.
  const instanceA = start("instance-a", process.execPath, serveArgs(portA), { ...shared, WEB_CONCURRENCY: String(PROCESSES) });
  const instanceB = start("instance-b", process.execPath, serveArgs(portB), { ...shared, WEB_CONCURRENCY: String(PROCESSES) });
  await Promise.all([waitFor(`${a}/`, "instance A", instanceA), waitFor(`${b}/`, "instance B", instanceB)]);
  const sampler = sampleConnections(database, portPgb);

  for (const dir of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(work, "tmp", dir), { recursive: true, mode: 0o777 });
  chmodSync(path.join(work, "tmp"), 0o777);
  for (const dir of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) chmodSync(path.join(work, "tmp", dir), 0o777);
  const config = readFileSync(path.join(ROOT, "scripts/scale/nginx.conf.template"), "utf8")
    .replaceAll("@DIR@", work)
    .replaceAll("@PORT_A@", String(portA))
    .replaceAll("@PORT_B@", String(portB))
    .replaceAll("@PORT_LB@", String(portLb));
  writeFileSync(path.join(work, "nginx.conf"), config);
  const nginx = start("nginx", process.env.NGINX ?? "nginx", ["-p", work, "-c", path.join(work, "nginx.conf")], env);
  await waitFor(`${lb}/`, "nginx", nginx);

  const tokens = fixture.sessions.map((s) => s.token);

  // 1. nginx spreads requests over both instances.
  const upstreams = new Set<string>();
  for (let i = 0; i < 6; i++) upstreams.add((await fetch(`${lb}/`)).headers.get("x-upstream") ?? "?");
  check("nginx sends requests to both instances", upstreams.has(`127.0.0.1:${portA}`) && upstreams.has(`127.0.0.1:${portB}`), [...upstreams].join(", "));

  // 2. Written through A, read through B at once.
  {
    const form = await formOn(a, tokens[0]);
    const posted = await post(a, form, tokens[0], `Posted through instance A at ${new Date().toISOString()}.`);
    const readOnB = posted.id ? await shows(b, posted.id, tokens[3]) : false;
    check("a comment posted through A is readable through B at once", posted.status === 303 && readOnB, `A answered ${posted.status}${posted.refusal ? ` (${posted.refusal})` : ""}, B ${readOnB ? "shows" : "does not show"} comment ${posted.id} to another member`);
    const anonymousAfter = posted.id ? await anonymousSeesWithin(b, posted.id) : null;
    check("and anonymous readers of B see it within 2 s", anonymousAfter !== null && anonymousAfter <= 2000, anonymousAfter === null ? "not within 5 s" : `after ${anonymousAfter} ms`);
  }
  // 2b. Issue 11: the same through the page's JavaScript path (answered in place, no redirect).
  {
    const form = await formOn(a, tokens[5]);
    // The anonymous readers of B read the thread before the post, as they would.
    await fetch(`${b}/d/${fixture.slug}`).then((r) => r.arrayBuffer());
    // So does a member of B, twice: B keeps that member's page (decision 039) and serves it again.
    const newestOnB = () => fetch(`${b}/d/${fixture.slug}?order=newest`, { headers: { Cookie: `next-auth.session-token=${tokens[6]}` } });
    await newestOnB().then((r) => r.arrayBuffer());
    const keptBefore = (await newestOnB().then(async (r) => (await r.arrayBuffer(), r.headers.get("x-opendef-cache")))) === "hit";
    const posted = await postWithScript(a, form, tokens[5], `Posted through instance A with JavaScript at ${new Date().toISOString()}.`);
    const acknowledged = Date.now();
    const readOnB = posted.id ? await shows(b, posted.id, tokens[6]) : false;
    check("a comment posted with JavaScript through A is shown to a member on B at once", posted.status === 200 && readOnB, `A answered ${posted.status}${posted.refusal ? ` (${posted.refusal})` : ""}, B ${readOnB ? "shows" : "does not show"} comment ${posted.id}`);
    const afterPost = await newestOnB();
    const keptPageShows = !!posted.id && (await afterPost.text()).includes(`id="comment-${posted.id}"`);
    check(
      "and the page B had kept for a member shows it at once (B served it from memory before the post)",
      keptBefore && keptPageShows && afterPost.headers.get("x-opendef-cache") === null,
      `kept before the post: ${keptBefore}; after it: ${afterPost.headers.get("x-opendef-cache") ?? "rendered"}, ${keptPageShows ? "shows" : "does not show"} comment ${posted.id}`,
    );
    const anonymousAfter = posted.id ? await anonymousSeesWithin(b, posted.id, acknowledged) : null;
    check(
      "and an anonymous reader of B within 1 s (request sent ≤ 1,050 ms after: the cache's second plus one 50 ms polling step)",
      anonymousAfter !== null && anonymousAfter <= 1050,
      anonymousAfter === null ? "not within 5 s" : `after ${anonymousAfter} ms`,
    );
  }

  // 3. A session made by signing in on A works on B (database sessions, shared secret).
  {
    const email = `scale-signin-${Date.now()}@opendef.example`;
    const csrfResponse = await fetch(`${a}/api/auth/csrf`);
    const csrfCookie = (csrfResponse.headers.getSetCookie().find((c) => c.startsWith("next-auth.csrf-token=")) ?? "").split(";")[0];
    const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
    const signIn = await fetch(`${a}/api/auth/signin/email`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: `${lb}/`, json: "true" }),
      redirect: "manual",
    });
    const [mail] = await sql<{ text: string }>(`SELECT text FROM "OutboxMail" WHERE "to" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [email]);
    const link = /(http:\/\/\S+\/signin\/confirm\S+)/.exec(mail?.text ?? "")?.[1];
    let session = "";
    if (link) {
      // The link opens a confirmation page; its "Sign in" button posts the token from A's origin.
      const token = new URL(link).searchParams.get("token") ?? "";
      const response = await fetch(`${a}/api/auth/callback/email?${new URLSearchParams({ token, callbackUrl: "/" })}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie, Origin: a },
        body: new URLSearchParams({ csrfToken }),
        redirect: "manual",
      });
      session = (response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token=")) ?? "").split(";")[0];
    }
    const onB = session ? ((await (await fetch(`${b}/api/auth/session`, { headers: { Cookie: session } })).json()) as { user?: { handle?: string } }) : {};
    const pageOnB = session ? await (await fetch(`${b}/d/${fixture.slug}`, { headers: { Cookie: session } })).text() : "";
    // A new account is asked its name before any page (docs/decisions/021): B asking it proves B knows the session.
    const asksName = pageOnB.includes("Choose your name");
    check(
      "a session from A works on B",
      Boolean(onB.user?.handle) && asksName,
      `sign-in on A ${signIn.status}, mail ${link ? "read" : "MISSING"}, session cookie ${session ? "set" : "MISSING"}, B knows ${onB.user?.handle ?? "nobody"}${asksName ? " and asks the new member's name" : ""}`,
    );
  }

  // 4. The per-member posting interval is counted in the database, not per instance.
  {
    const token = tokens[1];
    const formA = await formOn(a, token);
    const formB = await formOn(b, token);
    const first = await post(a, formA, token, `First of two quick comments, through A (${Date.now()}).`);
    const second = await post(b, formB, token, `Second of two quick comments, through B (${Date.now()}).`);
    const [{ n }] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "Comment" WHERE "authorId" = $1 AND body LIKE '%of two quick comments%'`, [fixture.sessions[1].userId]);
    check(
      "rate limits are shared: a second quick post through B is refused",
      first.status === 303 && second.status === 200 && /too fast/i.test(second.refusal ?? "") && Number(n) === 1,
      `A ${first.status}, B ${second.status}${second.refusal ? ` ("${second.refusal}")` : ""}, ${n} written`,
    );
  }

  // 5. Stop A while members post and readers read through nginx.
  {
    const form = await formOn(lb, tokens[2]);
    const acknowledged: { id: string; upstream: string | null }[] = [];
    const failures: string[] = [];
    let next = 10; // sessions 0-9 are spent above
    let stopped = false;
    let readsAfterStop = 0;
    const readFailuresAfterStop: string[] = [];
    let readsBeforeStop = 0;
    const writer = async () => {
      while (next < tokens.length) {
        const i = next++;
        try {
          const result = await post(lb, form, tokens[i], `Posted through nginx by member ${i} (${Date.now()}).`, { Origin: lb });
          if (result.status === 303 && result.id) acknowledged.push({ id: result.id, upstream: result.upstream });
          else failures.push(`${result.status}${result.refusal ? ` ${result.refusal}` : ""} via ${result.upstream}`);
        } catch (error) {
          failures.push(String(error));
        }
      }
    };
    const reader = async () => {
      while (next < tokens.length) {
        const response = await fetch(`${lb}/d/${fixture.slug}`).catch((error: unknown) => ({ status: 0, text: async () => String(error), headers: new Headers() }));
        await response.text();
        if (stopped) {
          readsAfterStop++;
          if (response.status !== 200) readFailuresAfterStop.push(`${response.status} via ${response.headers.get("x-upstream")}`);
        } else readsBeforeStop++;
      }
    };
    const stopper = async () => {
      while (acknowledged.length < WRITERS / 3 && next < tokens.length) await sleep(20);
      instanceA.kill("SIGTERM");
      stopped = true;
      log(`stopped instance A (SIGTERM) after ${acknowledged.length} acknowledged comments`);
    };
    await Promise.all([writer(), writer(), writer(), reader(), stopper()]);
    await new Promise((resolve) => (instanceA.exitCode !== null ? resolve(null) : instanceA.once("exit", resolve)));

    const ids = acknowledged.map((x) => x.id);
    const stored = await sql<{ id: string }>(`SELECT id FROM "Comment" WHERE id = ANY($1)`, [ids]);
    const viaA = acknowledged.filter((x) => x.upstream?.endsWith(`:${portA}`)).length;
    check(
      "stopping A loses no acknowledged comment",
      ids.length > 0 && stored.length === ids.length && viaA > 0,
      `${ids.length} acknowledged (${viaA} by A), ${stored.length} stored; ${failures.length} not acknowledged${failures.length ? `: ${[...new Set(failures)].slice(0, 3).join("; ")}` : ""}`,
    );
    let readable = 0;
    for (const id of ids) if (await shows(lb, id)) readable++;
    check("every acknowledged comment is readable through nginx afterwards", readable === ids.length, `${readable} of ${ids.length}`);
    check(
      "B keeps serving readers through nginx while and after A stops",
      readsAfterStop > 0 && readFailuresAfterStop.length === 0,
      `${readsBeforeStop} reads before the stop, ${readsAfterStop} after, ${readFailuresAfterStop.length} failed${readFailuresAfterStop.length ? `: ${readFailuresAfterStop.slice(0, 3).join("; ")}` : ""}`,
    );
    const after = await post(lb, await formOn(lb, tokens[3]), tokens[3], `Posted through nginx after A stopped (${Date.now()}).`, { Origin: lb });
    check("B takes new comments through nginx after A stopped", after.status === 303 && after.upstream === `127.0.0.1:${portB}`, `${after.status} via ${after.upstream}`);
  }

  // 6. The connection budget held all along.
  {
    const { samples, maxPostgres, maxClients } = await sampler.stop();
    check(
      "PostgreSQL's connections stay within PgBouncer's pool",
      samples > 10 && maxPostgres > 0 && maxPostgres <= PGBOUNCER_POOL,
      `at most ${maxPostgres} in pg_stat_activity (pool ${PGBOUNCER_POOL}) over ${samples} samples`,
    );
    check(
      "the app's connections stay within DATABASE_POOL_SIZE per instance",
      maxClients > 0 && maxClients <= 2 * POOL_PER_INSTANCE,
      `at most ${maxClients} to PgBouncer from 2 instances of ${PROCESSES} processes (DATABASE_POOL_SIZE=${POOL_PER_INSTANCE} each)`,
    );
  }
}

/** Samples, every 100 ms until stopped, PostgreSQL's connections to the test database
 * (but the test's own) and the open connections to PgBouncer's port (but the sampler's). */
function sampleConnections(database: string, portPgb: number) {
  let running = true;
  let samples = 0;
  let maxPostgres = 0;
  let maxClients = 0;
  const loop = (async () => {
    const client = new pg.Client({ connectionString: PG_URL, application_name: TEST_APPLICATION });
    await client.connect();
    try {
      while (running) {
        const { rows } = await client.query<{ n: string }>(
          // Client backends only: an autovacuum worker on the same database (after the
          // test's burst of writes) is listed there too, and is nobody's connection.
          "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND application_name <> $2 AND backend_type = 'client backend'",
          [database, TEST_APPLICATION],
        );
        maxPostgres = Math.max(maxPostgres, Number(rows[0].n));
        // Established TCP connections to PgBouncer's port, counted at the client end.
        const ss = spawnSync("ss", ["-Htn", "state", "established", `( dport = :${portPgb} )`], { encoding: "utf8" });
        maxClients = Math.max(maxClients, ss.stdout.split("\n").filter(Boolean).length);
        samples++;
        await sleep(100);
      }
    } finally {
      await client.end();
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { samples, maxPostgres, maxClients };
    },
  };
}

async function cleanup() {
  for (const [, child] of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  await sleep(500);
  for (const [, child] of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await dropScaleDatabase().catch((error: unknown) => console.error(`scale: could not drop the test database: ${String(error)}`));
}

const deadline = setTimeout(() => {
  console.error(`scale: gave up after ${DEADLINE_MS / 60_000} minutes`);
  failed++;
  void cleanup().finally(() => {
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(1);
  });
}, DEADLINE_MS);

main()
  .catch((error: unknown) => {
    failed++;
    console.error(`scale: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  })
  .finally(async () => {
    clearTimeout(deadline);
    await cleanup();
    if (failed === 0) rmSync(work, { recursive: true, force: true });
    else console.log(`scale: logs kept in ${work}`);
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed === 0 && passed > 0 ? 0 : 1);
  });
