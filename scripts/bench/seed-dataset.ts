// The benchmark's fixture, bulk-inserted on top of the demo seed (scripts/seed.ts).
// The definition and its version go through the domain (createDefinition,
// publishVersion); the large tables go in with createMany for speed, but every row
// is what the domain would have written: replies carry their thread's rootId,
// depth and section, bodyHtml is rendered by renderMarkdown, amendments have their
// first revision and sponsors, votes are one per member and amendment.
//
// Run by scripts/bench.ts (needs tsx's react-server condition for "server-only"):
//   DATABASE_URL=... npx tsx --conditions=react-server scripts/bench/seed-dataset.ts \
//     --slug bench --comments 10000 --reply-share 0.3 --amendments 200 --votes 5000 \
//     --users 500 --sessions 50 --out /tmp/fixture.json
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { createDefinition } from "@/lib/definitions/create-definition";
import { publishVersion } from "@/scripts/seed/publish-version";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { encodeCursor } from "@/lib/comments/comment-cursor";
import { COMMENT_PAGE_SIZE } from "@/lib/comments/list-comments";

const { values: args } = parseArgs({
  options: {
    slug: { type: "string", default: "bench" },
    comments: { type: "string", default: "10000" },
    "reply-share": { type: "string", default: "0.3" },
    amendments: { type: "string", default: "200" },
    votes: { type: "string", default: "5000" },
    users: { type: "string", default: "500" },
    sessions: { type: "string", default: "50" },
    "user-prefix": { type: "string", default: "bench" },
    out: { type: "string" },
  },
});

const slug = args.slug!;
const commentCount = whole(args.comments!, "comments");
const replyShare = Number(args["reply-share"]);
const amendmentCount = whole(args.amendments!, "amendments");
const voteCount = whole(args.votes!, "votes");
const userCount = Math.max(whole(args.users!, "users"), 2);
const sessionCount = Math.min(whole(args.sessions!, "sessions"), userCount);
if (!(replyShare >= 0 && replyShare < 1)) throw new Error("--reply-share is a fraction in [0, 1)");
if (amendmentCount > 0 && voteCount > amendmentCount * userCount) {
  throw new Error(`--votes ${voteCount} needs more members: at most one vote per member and amendment (${amendmentCount} × ${userCount})`);
}

function whole(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} is a whole number (got ${value})`);
  return n;
}

// A fixed seed: the same flags give the same threads, so runs compare.
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20261125);
const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)];

// Ids shaped like Prisma's cuid(): we need them before insert to link replies.
let idCounter = 0;
function cuidLike(): string {
  idCounter++;
  return `c${Date.now().toString(36)}${idCounter.toString(36).padStart(5, "0")}${randomBytes(6).toString("hex")}`.slice(0, 25);
}

const PHRASES = [
  "The section asks for **complete** data information, but a skilled person needs more than an inventory.",
  "Could the text say what happens when a dataset cannot legally be shared? See [the FAQ](https://opensource.org/ai/faq).",
  "I agree with the intent; the wording _substantially equivalent_ is doing a lot of work here.",
  "> Weights, configuration settings and any other trained parameters\n\nDoes this include optimizer state?",
  "Three points:\n\n1. licences that forbid uses do not qualify;\n2. code must be complete;\n3. parameters need OSI-approved terms.",
  "A model card is not the same as data information. `README.md` files rarely list preprocessing steps.",
  "This would exclude most current releases, which may be the point.",
  "- use\n- study\n- modify\n- share\n\nAll four apply to the complete system, not only the weights.",
  "Intermediate checkpoints matter for reproducibility; please keep them in scope.",
  "Who decides what a *skilled person* is? The text should name a test.",
];

function commentBody(n: number): string {
  const parts = [pick(PHRASES)];
  const extra = Math.floor(random() * 3);
  for (let i = 0; i < extra; i++) parts.push(pick(PHRASES));
  // Unique per comment, as real comments are (and as the duplicate check expects).
  parts.push(`(benchmark comment ${n})`);
  return parts.join("\n\n");
}

async function ensureUsers(): Promise<{ id: string; handle: string }[]> {
  const prefix = args["user-prefix"]!;
  const created = new Date("2024-01-01T00:00:00Z");
  const rows = Array.from({ length: userCount }, (_, i) => {
    const handle = `${prefix}-${String(i + 1).padStart(4, "0")}`;
    return { id: cuidLike(), handle, name: `Bench Member ${i + 1}`, email: `${handle}@bench.example`, emailVerified: created, createdAt: created, role: "member" };
  });
  const existing = await db.user.findMany({ where: { handle: { in: rows.map((r) => r.handle) } }, select: { handle: true } });
  const have = new Set(existing.map((u) => u.handle));
  const missing = rows.filter((r) => !have.has(r.handle));
  for (let i = 0; i < missing.length; i += 500) {
    const batch = missing.slice(i, i + 500);
    await db.user.createMany({ data: batch });
    // Members who chose their names: the handle is the address's local part, which would otherwise ask them first (lib/users/needs-name.ts).
    await db.accountSettings.createMany({ data: batch.map((u) => ({ userId: u.id, nameChosenAt: created })) });
  }
  const users = await db.user.findMany({ where: { handle: { in: rows.map((r) => r.handle) } }, select: { id: true, handle: true }, orderBy: { handle: "asc" } });
  return users;
}

async function main() {
  const started = Date.now();
  const adminRow = await db.user.findUnique({ where: { handle: "admin" }, select: { id: true, handle: true, name: true, role: true } });
  if (!adminRow) throw new Error("seed the demo data first (scripts/seed.ts): no admin user");
  const admin: Actor = { id: adminRow.id, handle: adminRow.handle, name: adminRow.name ?? "admin", role: "admin" };

  if (await db.definition.findUnique({ where: { slug }, select: { id: true } })) throw new Error(`definition "${slug}" exists already: seed into a fresh database`);
  const definition = await createDefinition({
    actor: admin,
    input: {
      slug,
      title: `Benchmark definition (${commentCount.toLocaleString("en")} comments)`,
      steward: "OpenDef benchmark",
      summary: "A fixed dataset for scripts/bench.ts: the OSAID 1.0 paraphrase with a large discussion.",
      sources: [],
    },
  });
  const now = Date.now();
  const publishedAt = new Date(now - 30 * 24 * 3600_000);
  await publishVersion({
    actor: admin,
    input: {
      definitionId: definition.id,
      baseVersionId: null,
      label: "1.0",
      body: readFileSync(path.join(process.cwd(), "prisma/seed/content/osaid/1.0.md"), "utf8"),
      changelog: "Benchmark fixture.",
      publishedAt,
    },
  });
  const version = await db.version.findFirstOrThrow({
    where: { definitionId: definition.id, label: "1.0" },
    select: { id: true, label: true, sections: { select: { key: true, text: true }, orderBy: { position: "asc" } } },
  });
  const users = await ensureUsers();

  // ---- comments: top-level threads in time order, then replies inside them ----
  type Row = { id: string; versionId: string; sectionKey: string | null; parentId: string | null; rootId: string; depth: number; authorId: string; body: string; bodyHtml: string; createdAt: Date };
  const topCount = commentCount - Math.round(commentCount * replyShare);
  const span = now - 3600_000 - publishedAt.getTime();
  const roots: Row[] = [];
  for (let i = 0; i < topCount; i++) {
    const id = cuidLike();
    // 60% on a section, the rest on the version as a whole.
    const sectionKey = random() < 0.6 ? pick(version.sections).key : null;
    const body = commentBody(i + 1);
    roots.push({
      id, versionId: version.id, sectionKey, parentId: null, rootId: id, depth: 0,
      authorId: pick(users).id, body, bodyHtml: renderMarkdown(body, "comment"),
      createdAt: new Date(publishedAt.getTime() + Math.floor(((i + 0.5) / Math.max(topCount, 1)) * span * 0.9)),
    });
  }
  const threads = new Map<string, Row[]>(roots.map((r) => [r.id, [r]]));
  const replies: Row[] = [];
  for (let j = 0; replies.length < commentCount - topCount && roots.length > 0; j++) {
    const root = pick(roots);
    const thread = threads.get(root.id)!;
    // Half answer the thread's opener, half answer a reply in it: threads get deep.
    const parent = random() < 0.5 ? root : thread[thread.length - 1];
    const id = cuidLike();
    const body = commentBody(topCount + replies.length + 1);
    const row: Row = {
      id, versionId: version.id, sectionKey: root.sectionKey, parentId: parent.id, rootId: root.id, depth: parent.depth + 1,
      authorId: pick(users).id, body, bodyHtml: renderMarkdown(body, "comment"),
      createdAt: new Date(Math.min(parent.createdAt.getTime() + 60_000 + Math.floor(random() * 6 * 3600_000), now - 60_000)),
    };
    // Never older than its parent, even when clamped to now.
    if (row.createdAt <= parent.createdAt) row.createdAt = new Date(parent.createdAt.getTime() + 1);
    thread.push(row);
    replies.push(row);
  }
  const all = [...roots, ...replies];
  for (let i = 0; i < all.length; i += 1000) await db.comment.createMany({ data: all.slice(i, i + 1000) });

  // ---- amendments in voting, with their first revision and two sponsors each ----
  const amendmentIds: string[] = [];
  const amendments = Array.from({ length: amendmentCount }, (_, i) => {
    const section = version.sections[i % version.sections.length];
    const id = cuidLike();
    amendmentIds.push(id);
    return {
      id, definitionId: definition.id, versionId: version.id, sectionKey: section.key, kind: "replace",
      title: `Benchmark amendment ${i + 1}`, rationale: "Say more precisely what is required.",
      proposedText: `${section.text}\n\nBenchmark amendment ${i + 1} adds this sentence.`, baseText: section.text,
      revision: 1, status: "voting", authorId: users[i % users.length].id,
      createdAt: new Date(now - 3 * 24 * 3600_000), votingOpensAt: new Date(now - 24 * 3600_000), votingClosesAt: new Date(now + 13 * 24 * 3600_000),
    };
  });
  for (let i = 0; i < amendments.length; i += 200) {
    const chunk = amendments.slice(i, i + 200);
    await db.amendment.createMany({ data: chunk });
    await db.amendmentRevision.createMany({ data: chunk.map((a) => ({ amendmentId: a.id, number: 1, title: a.title, rationale: a.rationale, proposedText: a.proposedText, createdAt: a.createdAt })) });
    await db.sponsorship.createMany({
      data: chunk.flatMap((a, k) => [1, 2].map((step) => ({ amendmentId: a.id, userId: users[(i + k + step) % users.length].id, createdAt: a.createdAt }))),
    });
  }

  // ---- votes: one per (amendment, member), spread evenly ----
  const votes: { amendmentId: string; userId: string; choice: string; revision: number; createdAt: Date; updatedAt: Date }[] = [];
  const voted = new Set<string>();
  const tally = new Map<string, { for: number; against: number; abstain: number }>();
  for (let v = 0; v < voteCount && amendmentCount > 0; v++) {
    const a = v % amendmentCount;
    const round = Math.floor(v / amendmentCount);
    const choice = pick(["for", "for", "against", "abstain"] as const);
    const userIndex = (a * 7 + round) % users.length;
    voted.add(`${a}:${userIndex}`);
    votes.push({ amendmentId: amendmentIds[a], userId: users[userIndex].id, choice, revision: 1, createdAt: new Date(now - 3600_000), updatedAt: new Date(now - 3600_000) });
    const t = tally.get(amendmentIds[a]) ?? { for: 0, against: 0, abstain: 0 };
    t[choice]++;
    tally.set(amendmentIds[a], t);
  }
  for (let i = 0; i < votes.length; i += 1000) await db.vote.createMany({ data: votes.slice(i, i + 1000) });

  // ---- signed-in members: next-auth database sessions, as sign-in writes them ----
  const sessions = users.slice(0, sessionCount).map((u) => ({ id: cuidLike(), sessionToken: randomBytes(32).toString("hex"), userId: u.id, expires: new Date(now + 24 * 3600_000) }));
  if (sessions.length > 0) await db.session.createMany({ data: sessions });

  // ---- what the benchmark requests: a deep page and a deep comment ----
  const ordered = [...roots].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  const pages = Math.ceil(ordered.length / COMMENT_PAGE_SIZE);
  // The last page: its cursor is the last row of the page before it.
  const deepCursor = pages > 1 ? encodeCursor(ordered[(pages - 1) * COMMENT_PAGE_SIZE - 1]) : null;
  // The deepest reply in a thread near the end of the discussion.
  const lateRoots = new Set(ordered.slice(Math.floor(ordered.length * 0.9)).map((r) => r.id));
  const deepComment = replies.filter((r) => lateRoots.has(r.rootId)).sort((a, b) => b.depth - a.depth)[0] ?? ordered.at(-1) ?? null;

  // Votes the signed-in members have not cast yet, as [session index, amendment
  // index]: the benchmark casts each once, so every tally is exactly predictable.
  const freeVotes: [number, number][] = [];
  for (let a = 0; a < amendmentIds.length; a++) for (let u = 0; u < sessions.length; u++) if (!voted.has(`${a}:${u}`)) freeVotes.push([u, a]);

  const fixture = {
    slug,
    versionId: version.id,
    label: version.label!,
    comments: all.length,
    topLevel: roots.length,
    replies: replies.length,
    maxDepth: Math.max(0, ...replies.map((r) => r.depth)),
    amendments: amendmentIds.length,
    votes: votes.length,
    deepCursor,
    deepCommentId: deepComment?.id ?? null,
    deepCommentDepth: deepComment?.depth ?? null,
    amendmentIds,
    tally: Object.fromEntries(tally),
    sessions: sessions.map((s) => ({ token: s.sessionToken, userId: s.userId })),
    freeVotes,
    seconds: (Date.now() - started) / 1000,
  };
  const json = JSON.stringify(fixture);
  if (args.out) writeFileSync(args.out, json);
  else console.log(json);
  console.error(`seed-dataset: ${slug}: ${all.length} comments (${replies.length} replies, depth ≤ ${fixture.maxDepth}), ${amendmentIds.length} amendments, ${votes.length} votes, ${sessions.length} sessions in ${fixture.seconds.toFixed(1)} s`);
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
