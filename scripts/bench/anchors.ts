// Benchmark of comments on passages (issue 15), on a fresh SQLite database:
//
//   npx next build && npx tsx --conditions=react-server scripts/bench/anchors.ts [--anchors 10000] [--page-anchors 1000]
//
// 1. Re-anchoring at publish: OSAID 1.0's text with --anchors comments, each on a
//    passage of 2 to 12 words of a section, then publishVersion of an edited text
//    (a word changed in every section, a sentence and a paragraph deleted): the
//    time of the whole publish, of locating alone, and what became of the passages.
// 2. The version page (GET /d/{slug}) with --page-anchors comments on passages
//    against the same text with as many comments on its sections and no passage:
//    SQL statements per request (counted at the driver, scripts/bench/count-queries.mjs)
//    and the median time of 31 requests of each, one at a time, alternating.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { serveArgs } from "../serve-command";
import { freePort } from "../free-port";
import { waitForServer } from "../wait-for-server";

const { values: args } = parseArgs({ options: { anchors: { type: "string", default: "10000" }, "page-anchors": { type: "string", default: "1000" } } });
const ANCHORS = Number(args.anchors);
const PAGE_ANCHORS = Number(args["page-anchors"]);
const work = mkdtempSync(path.join(tmpdir(), "opendef-bench-anchors-"));
const DATABASE_URL = `file:${path.join(work, "anchors.db")}`;
process.env.DATABASE_URL = DATABASE_URL;

function migrate() {
  const result = spawnSync("npx", ["tsx", "scripts/db-migrate.ts", "deploy"], { env: { ...process.env, DATABASE_URL }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`migrate failed: ${result.stderr}`);
}

/** A small deterministic random source, so every run anchors the same passages. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

async function fixtures() {
  const { db } = await import("@/lib/db");
  const { publishVersion } = await import("@/scripts/seed/publish-version");
  const { readSeedVersionBody } = await import("@/scripts/seed/seed-data");
  const { sectionPlainText } = await import("@/lib/anchors/section-plain-text");
  const { selectorsAt } = await import("@/lib/anchors/text-selectors");
  const { planCarriedAnchors } = await import("@/lib/anchors/carry-anchors");
  const { newId } = await import("@/lib/ids");

  const body = readSeedVersionBody("osaid", "1.0.md");
  const [maintainer, author] = await Promise.all(
    ["bench-maint", "bench-author"].map((handle) => db.user.create({ data: { handle, name: handle, email: `${handle}@bench.example` }, select: { id: true, handle: true, name: true, role: true } })),
  );
  const actor = { ...maintainer, name: maintainer.name!, role: "member" as const };

  async function definitionWithComments(slug: string, count: number, anchored: boolean) {
    const definition = await db.definition.create({ data: { slug, title: `Bench ${slug}`, steward: "bench", summary: "bench" } });
    await db.definitionMaintainer.create({ data: { definitionId: definition.id, userId: maintainer.id } });
    const version = await publishVersion({ actor, input: { definitionId: definition.id, baseVersionId: null, label: "1.0", body, changelog: "Bench." } });
    const sections = await db.section.findMany({ where: { versionId: version.id }, select: { key: true, text: true } });
    const texts = sections.map((s) => ({ key: s.key, text: sectionPlainText(s.text) }));
    const pick = random(7);
    const start = Date.UTC(2025, 0, 1);
    for (let from = 0; from < count; from += 500) {
      const comments = [];
      const anchors = [];
      for (let i = from; i < Math.min(count, from + 500); i++) {
        const section = texts[i % texts.length];
        const words = [...section.text.matchAll(/\S+/g)];
        const first = pick(Math.max(1, words.length - 12));
        const last = Math.min(words.length - 1, first + 1 + pick(11));
        const id = newId(start + i * 1000);
        comments.push({ id, versionId: version.id, sectionKey: section.key, rootId: id, authorId: author.id, body: `Bench comment ${i}`, bodyHtml: `<p>Bench comment ${i}</p>\n`, createdAt: new Date(start + i * 1000) });
        if (anchored) {
          const selectors = selectorsAt(section.text, words[first].index!, words[last].index! + words[last][0].length);
          anchors.push({ commentId: id, versionId: version.id, sectionKey: section.key, status: "exact", similarity: 1, quote: selectors.exact, ...selectors });
        }
      }
      await db.comment.createMany({ data: comments });
      if (anchors.length) await db.commentAnchor.createMany({ data: anchors });
    }
    return { definition, version };
  }

  // 1. Re-anchoring at publish.
  const big = await definitionWithComments("bench-anchors", ANCHORS, true);
  const edited = body
    .replace(/ the /g, (m, offset: number) => (offset % 3 === 0 ? " a " : m))
    .replace(" Where they exist, snapshots saved partway through training and the optimiser's final state are welcome additions.", "")
    .replace("thoroughly enough", "in enough detail");
  const sections = (await import("@/lib/versions/split-sections")).splitSections(edited).sections;
  const planStarted = performance.now();
  await planCarriedAnchors(big.version.id, sections.map((s, i) => ({ key: String(i), text: s.text })));
  const planMs = performance.now() - planStarted;
  const publishStarted = performance.now();
  const published = await publishVersion({ actor, input: { definitionId: big.definition.id, baseVersionId: big.version.id, label: "1.1", body: edited, changelog: "Edited." } });
  const publishMs = performance.now() - publishStarted;

  // 2. Two pages to compare.
  await definitionWithComments("bench-page-anchored", PAGE_ANCHORS, true);
  await definitionWithComments("bench-page-plain", PAGE_ANCHORS, false);
  await db.$disconnect();
  return { planMs, publishMs, counts: published.anchors };
}

async function measurePages() {
  const port = await freePort();
  const counterPort = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, serveArgs(port), {
    env: {
      ...process.env,
      DATABASE_URL,
      NODE_ENV: "production",
      WEB_CONCURRENCY: "1",
      ANONYMOUS_CACHE_SECONDS: "0",
      NEXTAUTH_URL: origin,
      NEXTAUTH_SECRET: "opendef-bench-secret-not-for-production",
      OPENDEF_BENCH: "1",
      OPENDEF_BENCH_COUNTER_PORT: String(counterPort),
      NODE_OPTIONS: `--import ${path.resolve("scripts/bench/count-queries.mjs")}`,
    },
    stdio: "ignore",
  });
  try {
    await waitForServer(`${origin}/`, child);
    const sql = async () => ((await (await fetch(`http://127.0.0.1:${counterPort}/`)).json()) as { sql: number }).sql;
    const once = async (slug: string) => {
      const started = performance.now();
      const response = await fetch(`${origin}/d/${slug}`);
      const html = await response.text();
      return { ms: performance.now() - started, status: response.status, html };
    };
    const statementsOf = async (slug: string) => {
      await once(slug);
      const before = await sql();
      const { status, html } = await once(slug);
      return { statements: (await sql()) - before, status, kb: Buffer.byteLength(html) / 1024, marks: (html.match(/<mark class="passage/g) ?? []).length };
    };
    const pages = { anchored: await statementsOf("bench-page-anchored"), plain: await statementsOf("bench-page-plain") };
    // Alternating, so that the load of a shared machine falls on both alike.
    const times: { anchored: number[]; plain: number[] } = { anchored: [], plain: [] };
    for (let i = 0; i < 31; i++) {
      times.anchored.push((await once("bench-page-anchored")).ms);
      times.plain.push((await once("bench-page-plain")).ms);
    }
    const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    return {
      anchored: { ...pages.anchored, medianMs: median(times.anchored) },
      plain: { ...pages.plain, medianMs: median(times.plain) },
    };
  } finally {
    child.kill("SIGTERM");
  }
}

async function main() {
  migrate();
  const publish = await fixtures();
  const pages = await measurePages();
  const c = publish.counts;
  console.log(`\nComments on passages, SQLite (${new Date().toISOString()})`);
  console.log(`publish re-anchoring ${ANCHORS.toLocaleString("en")} comments on passages: whole publish ${(publish.publishMs / 1000).toFixed(2)} s (locating alone ${(publish.planMs / 1000).toFixed(2)} s); ${c.exact} exact, ${c.fuzzy} fuzzy, ${c.orphaned} orphaned`);
  console.log(`version page, ${PAGE_ANCHORS.toLocaleString("en")} comments:          SQL/request  median ms  KB    marks`);
  for (const [name, p] of [["on passages", pages.anchored], ["on sections, no passage", pages.plain]] as const) {
    console.log(`  ${name.padEnd(26)} ${String(p.statements).padStart(8)}  ${p.medianMs.toFixed(1).padStart(9)}  ${p.kb.toFixed(0).padStart(4)}  ${String(p.marks).padStart(5)}  [${p.status}]`);
  }
  console.log(`  ratio                      ${(pages.anchored.statements / pages.plain.statements).toFixed(2).padStart(8)}× ${(pages.anchored.medianMs / pages.plain.medianMs).toFixed(2).padStart(9)}×`);
}

main()
  .then(() => {
    rmSync(work, { recursive: true, force: true });
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(error);
    rmSync(work, { recursive: true, force: true });
    process.exit(1);
  });
