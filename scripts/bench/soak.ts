// Steady mixed load on the production build, for memory and connection trouble that
// only shows over minutes (issue 22):
//
//   npm run build && npm run soak -- --db sqlite --seconds 600     (or --db postgres)
//
// A fresh database (migrate, demo seed, a fixture from scripts/bench/seed-dataset.ts),
// `npm start` with --processes processes on a loopback port, then every second:
// 40 anonymous reads and 10 member reads of the definition page, 3 comments posted
// and 5 votes cast through the page's forms (no JavaScript: a 303 is the
// acknowledgement), each post and vote by a different member. Requests go through
// one keep-alive agent, as a load balancer's connections to an instance do. Each
// --report seconds (default 60) it prints the RSS of every server process and the
// p99 of each kind; at the end the RSS slope, errors and resets (ECONNRESET or a
// socket closed under a request). Only 127.0.0.1; bounded by --seconds (at most 3600).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { maintenanceUrlFor, recreateDatabase, dropDatabase } from "../postgres/drop-database";
import { findCommentForm, findVoteForm, mpaActionRequest, withFields, type CommentForm } from "./comment-form";
import { serveArgs } from "../serve-command";
import { freePort } from "../free-port";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    seconds: { type: "string", default: "600" },
    report: { type: "string", default: "60" },
    processes: { type: "string", default: "2" },
    "pg-url": { type: "string", default: process.env.BENCH_PG_URL ?? "postgresql://opendef:opendef@127.0.0.1:5432/opendef_soak_bench" },
  },
});
const SECONDS = Number(args.seconds);
const REPORT = Number(args.report);
if (!Number.isInteger(SECONDS) || SECONDS < 10 || SECONDS > 3600) throw new Error("--seconds is a whole number from 10 to 3600");
if (!Number.isInteger(REPORT) || REPORT < 5) throw new Error("--report is a whole number of seconds, at least 5");
const RATE = { anonymous: 40, member: 10, post: 3, vote: 5 } as const;
type Kind = keyof typeof RATE;
const work = mkdtempSync(path.join(tmpdir(), "opendef-soak-"));
let server: ChildProcess | null = null;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


function run(command: string, argv: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, argv, { env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
  if (result.status !== 0) throw new Error(`${command} ${argv.join(" ")} failed:\n${result.stdout}${result.stderr}`);
}

async function database(): Promise<{ url: string; drop(): Promise<void> }> {
  if (args.db === "sqlite") return { url: `file:${path.join(work, "soak.db")}`, drop: async () => {} };
  if (args.db !== "postgres") throw new Error("--db is sqlite or postgres");
  const url = new URL(args["pg-url"]!);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^\w*bench\w*$/.test(name)) throw new Error(`refusing to reset "${name}": its name must contain "bench"`);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) throw new Error("loopback only");
  await recreateDatabase(maintenanceUrlFor(url.toString()), name);
  return { url: url.toString(), drop: () => dropDatabase(maintenanceUrlFor(url.toString()), name) };
}

// ---------------------------------------------------------------- processes

function children(pid: number): number[] {
  const tree = [pid];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) tree.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return tree;
}

function readProcText(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return "";
  }
}

function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

// ---------------------------------------------------------------- requests

// Like a load balancer's pool of upstream connections: kept alive and reused.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
type Result = { status: number; ms: number; error?: string; reset?: boolean };

function send(origin: string, method: string, pathname: string, headers: Record<string, string>, body?: Buffer): Promise<Result> {
  const started = performance.now();
  return new Promise((resolve) => {
    const url = new URL(pathname, origin);
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers: body ? { ...headers, "content-length": String(body.length) } : headers, agent, timeout: 30_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      res.on("error", (e: NodeJS.ErrnoException) => resolve({ status: 0, ms: performance.now() - started, error: e.message, reset: e.code === "ECONNRESET" }));
    });
    req.on("timeout", () => req.destroy(new Error("timeout after 30 s")));
    req.on("error", (e: NodeJS.ErrnoException) => resolve({ status: 0, ms: performance.now() - started, error: `${e.code ?? ""} ${e.message}`.trim(), reset: e.code === "ECONNRESET" || /socket hang up/.test(e.message) }));
    req.end(body);
  });
}

function p99(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
}

/** Least-squares slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

type Fixture = { slug: string; amendmentIds: string[]; sessions: { token: string; userId: string }[]; freeVotes: [number, number][] };

async function main() {
  const db = await database();
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db.url, NEXT_TELEMETRY_DISABLED: "1" };
  const posts = RATE.post * SECONDS;
  const votes = RATE.vote * SECONDS;
  // Enough members that every post and vote comes from a different one.
  const members = Math.max(200, Math.ceil(posts / 5));
  const amendments = Math.max(5, Math.ceil(votes / members) + 1);
  console.log(`soak: ${args.db}, ${SECONDS} s, ${args.processes} processes; set-up (${members} members, ${amendments} amendments)...`);
  run("npx", ["tsx", "scripts/db-migrate.ts", "deploy"], env);
  run("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], env);
  const fixtureFile = path.join(work, "fixture.json");
  run("npx", ["tsx", "--conditions=react-server", "scripts/bench/seed-dataset.ts", "--slug", "soak", "--comments", "300", "--amendments", String(amendments), "--votes", "0", "--users", String(members), "--sessions", String(members), "--user-prefix", "soak", "--out", fixtureFile], env);
  const fixture = JSON.parse(readFileSync(fixtureFile, "utf8")) as Fixture;

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, serveArgs(port), {
    env: {
      ...env,
      NODE_ENV: "production",
      WEB_CONCURRENCY: args.processes,
      NEXTAUTH_URL: origin,
      NEXTAUTH_SECRET: "opendef-soak-secret-not-for-production",
      SMTP_URL: "",
      COMMENT_MIN_INTERVAL_SECONDS: "0",
      COMMENT_LIMIT_PER_ADDRESS_PER_HOUR: "0",
      VOTES_PER_MINUTE: "0",
      VOTES_PER_ADDRESS_PER_MINUTE: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const serverLog: string[] = [];
  const keep = (c: Buffer) => serverLog.push(...c.toString("utf8").split("\n").filter(Boolean));
  server.stdout!.on("data", keep);
  server.stderr!.on("data", keep);
  for (let i = 0; ; i++) {
    if ((await send(origin, "GET", "/", {})).status === 200) break;
    if (server.exitCode !== null || i > 300) throw new Error(`the server did not start:\n${serverLog.slice(-10).join("\n")}`);
    await sleep(200);
  }

  const cookie = (i: number) => ({ Cookie: `next-auth.session-token=${fixture.sessions[i % fixture.sessions.length].token}` });
  const page = `/d/${fixture.slug}`;
  const commentForm: CommentForm = findCommentForm(await (await fetch(origin + page, { headers: cookie(0) })).text());
  const [s0, a0] = fixture.freeVotes[0];
  const voteForm: CommentForm = findVoteForm(await (await fetch(`${origin}${page}/amendments/${fixture.amendmentIds[a0]}`, { headers: cookie(s0) })).text());

  let postNumber = 0;
  let voteNumber = 0;
  let memberRead = 0;
  const one: Record<Kind, () => Promise<Result>> = {
    anonymous: () => send(origin, "GET", page, {}),
    member: () => send(origin, "GET", page, cookie(memberRead++)),
    post: () => {
      const n = postNumber++;
      const { headers, body } = mpaActionRequest(commentForm, `Soak comment ${n} at ${new Date().toISOString()}.`);
      return send(origin, "POST", page, { ...headers, ...cookie(n), Origin: origin }, body);
    },
    vote: () => {
      const [s, a] = fixture.freeVotes[voteNumber++ % fixture.freeVotes.length];
      const { headers, body } = mpaActionRequest(withFields(voteForm, { amendmentId: fixture.amendmentIds[a] }), [["choice", ["for", "against", "abstain"][(s + a) % 3]]]);
      return send(origin, "POST", `${page}/amendments/${fixture.amendmentIds[a]}`, { ...headers, ...cookie(s), Origin: origin }, body);
    },
  };
  const expected: Record<Kind, number> = { anonymous: 200, member: 200, post: 303, vote: 303 };

  const window: Record<Kind, number[]> = { anonymous: [], member: [], post: [], vote: [] };
  const totals = { requests: 0, errors: 0, resets: 0 };
  const firstErrors: string[] = [];
  const rssPoints: [number, number][] = [];
  const inFlight = new Set<Promise<void>>();
  const started = Date.now();
  const report = (elapsed: number) => {
    const pids = children(server!.pid!);
    const rss = pids.map((pid) => rssMb(pid));
    const total = rss.reduce((s, r) => s + r, 0);
    // The primary first, then its children: the workers and tsx's esbuild service.
    const names = pids.map((pid, i) => (i === 0 ? "primary" : readProcText(pid, "cmdline").includes("esbuild") ? "esbuild" : `worker ${pid}`));
    rssPoints.push([elapsed / 60, total]);
    const kinds = (Object.keys(window) as Kind[]).map((k) => `${k} ${p99(window[k]).toFixed(0)}`).join(", ");
    console.log(`soak: ${String(Math.round(elapsed)).padStart(4)} s  RSS MB ${rss.map((r, i) => `${names[i]} ${r.toFixed(0)}`).join(", ")} = ${total.toFixed(0)}  p99 ms: ${kinds}  requests ${totals.requests}, errors ${totals.errors}, resets ${totals.resets}`);
    for (const k of Object.keys(window) as Kind[]) window[k] = [];
  };
  report(0);
  let nextReport = REPORT;
  for (let second = 0; second < SECONDS; second++) {
    // Spread each kind's requests over the second.
    for (const kind of Object.keys(RATE) as Kind[]) {
      for (let i = 0; i < RATE[kind]; i++) {
        const delay = (1000 * i) / RATE[kind] + Math.random() * 10;
        const task: Promise<void> = sleep(delay)
          .then(() => one[kind]())
          .then((result) => {
            totals.requests++;
            window[kind].push(result.ms);
            if (result.status !== expected[kind]) {
              totals.errors++;
              if (firstErrors.length < 5) firstErrors.push(`${kind}: ${result.status} ${result.error ?? ""}`.trim());
            }
            if (result.reset) totals.resets++;
          })
          .finally(() => inFlight.delete(task));
        inFlight.add(task);
      }
    }
    await sleep(started + (second + 1) * 1000 - Date.now());
    if (second + 1 >= nextReport) {
      report((Date.now() - started) / 1000);
      nextReport += REPORT;
    }
  }
  await Promise.all(inFlight);
  if (SECONDS % REPORT !== 0) report((Date.now() - started) / 1000);
  // The slope over the run after its first report (start-up and first renders excluded).
  const steady = rssPoints.slice(1);
  console.log(`soak: RSS slope ${slope(steady.length >= 2 ? steady : rssPoints).toFixed(1)} MB/min (all processes); ${totals.requests} requests, ${totals.errors} errors, ${totals.resets} resets`);
  if (firstErrors.length) console.log(`soak: first errors: ${firstErrors.join("; ")}`);
  const died = serverLog.filter((l) => /died|failed to start/.test(l));
  if (died.length) console.log(`soak: server: ${died.slice(0, 3).join("; ")}`);
  server.kill("SIGTERM");
  await new Promise((resolve) => (server!.exitCode !== null ? resolve(null) : server!.once("exit", resolve)));
  agent.destroy();
  await db.drop();
  rmSync(work, { recursive: true, force: true });
  process.exit(totals.errors === 0 && totals.resets === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  server?.kill("SIGKILL");
  process.exit(1);
});
