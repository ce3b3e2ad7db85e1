// The dispositions benchmark's fixture (issue 13), bulk-inserted on top of the demo
// seed: a definition whose version 1.0 has --threads top-level threads (60% on a
// section) and --threads/50 amendments, about 40% of both answered (dispositions
// written as setDisposition writes them, reason rendered by renderMarkdown), then
// version 1.1 published through publishVersion with one section changed, so the
// report of 1.1 covers every thread. Prints JSON: the slug, the labels, the counts
// and an admin's session token (the queue as a maintainer sees it).
//
//   DATABASE_URL=... npx tsx --conditions=react-server scripts/bench/seed-responses.ts \
//     --slug bench-responses --threads 10000 --out /tmp/responses.json
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { createDefinition } from "@/lib/definitions/create-definition";
import { publishVersion } from "@/scripts/seed/publish-version";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { newId } from "@/lib/ids";
import { DISPOSITION_KINDS } from "@/lib/dispositions/disposition-kinds";

const { values: args } = parseArgs({ options: { slug: { type: "string", default: "bench-responses" }, threads: { type: "string", default: "10000" }, out: { type: "string" } } });
const slug = args.slug!;
const threadCount = Number(args.threads);
if (!Number.isInteger(threadCount) || threadCount < 1) throw new Error("--threads is a whole number above 0");

const BODIES = [
  "The section should say **which** licences count for the parameters.",
  "Please define _substantially equivalent_ with an example; see [the FAQ](https://opensource.org/ai/faq).",
  "Agree with the direction, but the data paragraph, with its exceptions, reads as optional.",
  "A reviewer needs the filtering code as well as the list of sources.",
];
const REASONS = ["Covered by the text as it stands.", "Taken in, in part: see the **changed** paragraph.", "A question for the licence review, not for the definition.", "Same request as an earlier thread."];

async function main() {
  const started = Date.now();
  const adminRow = await db.user.findUniqueOrThrow({ where: { handle: "admin" }, select: { id: true, handle: true, name: true } });
  const admin: Actor = { id: adminRow.id, handle: adminRow.handle, name: adminRow.name ?? "admin", role: "admin" };
  const authors = await db.user.findMany({ where: { suspendedAt: null }, select: { id: true }, take: 12, orderBy: { handle: "asc" } });
  const definition = await createDefinition({ actor: admin, input: { slug, title: `Benchmark responses (${threadCount.toLocaleString("en")} threads)`, steward: "OpenDef benchmark", summary: "A fixed dataset for the response report and the queue.", sources: [] } });
  const body = readFileSync(path.join(process.cwd(), "prisma/seed/content/osaid/1.0.md"), "utf8");
  const now = Date.now();
  await publishVersion({ actor: admin, input: { definitionId: definition.id, baseVersionId: null, label: "1.0", body, changelog: "Benchmark fixture.", publishedAt: new Date(now - 60 * 86_400_000) } });
  const v1 = await db.version.findFirstOrThrow({ where: { definitionId: definition.id, label: "1.0" }, select: { id: true, publishedAt: true, sections: { select: { key: true, text: true }, orderBy: { position: "asc" } } } });

  const start = v1.publishedAt!.getTime();
  const threads = Array.from({ length: threadCount }, (_, i) => {
    const id = newId(start + i * 1000);
    const text = BODIES[i % BODIES.length];
    return { id, rootId: id, versionId: v1.id, sectionKey: i % 5 < 3 ? v1.sections[i % v1.sections.length].key : null, authorId: authors[i % authors.length].id, body: `${text} (${i + 1})`, bodyHtml: renderMarkdown(`${text} (${i + 1})`, "comment"), createdAt: new Date(start + i * 1000) };
  });
  for (let i = 0; i < threads.length; i += 1000) await db.comment.createMany({ data: threads.slice(i, i + 1000) });
  const amendments = Array.from({ length: Math.max(1, Math.floor(threadCount / 50)) }, (_, i) => {
    const section = v1.sections[i % v1.sections.length];
    return { id: newId(start + i * 1000 + 500), definitionId: definition.id, versionId: v1.id, sectionKey: section.key, kind: "replace", title: `Benchmark amendment ${i + 1}`, rationale: "Say more precisely what is required.", proposedText: `${section.text}\n\nOne more sentence.`, baseText: section.text, status: "rejected", authorId: authors[i % authors.length].id, createdAt: new Date(start + i * 1000 + 500) };
  });
  for (let i = 0; i < amendments.length; i += 500) await db.amendment.createMany({ data: amendments.slice(i, i + 500) });

  // About 40% answered, each a day after its thread; every fifth answered one has an earlier answer too (history).
  const kinds = DISPOSITION_KINDS.filter((k) => k !== "withdrawn" && k !== "duplicate");
  const dispositions = [...threads.map((t) => ({ commentId: t.id, amendmentId: null, createdAt: t.createdAt })), ...amendments.map((a) => ({ commentId: null, amendmentId: a.id, createdAt: a.createdAt }))]
    .filter((_, i) => i % 5 < 2)
    .flatMap((target, i) => {
      const row = (n: number) => {
        const reason = REASONS[(i + n) % REASONS.length];
        return { id: newId(target.createdAt.getTime() + 86_400_000 + n), definitionId: definition.id, ...target, kind: kinds[(i + n) % kinds.length], reason, reasonHtml: renderMarkdown(reason, "comment"), authorId: admin.id, createdAt: new Date(target.createdAt.getTime() + 86_400_000 + n * 3600_000) };
      };
      return i % 5 === 0 ? [row(0), row(1)] : [row(0)];
    });
  for (let i = 0; i < dispositions.length; i += 1000) await db.disposition.createMany({ data: dispositions.slice(i, i + 1000) });

  const changed = v1.sections[1] ?? v1.sections[0];
  const next = body.replace(changed.text, `${changed.text}\n\nAdded in 1.1 after the comments.`);
  await publishVersion({ actor: admin, input: { definitionId: definition.id, baseVersionId: v1.id, label: "1.1", body: next, changelog: "Answers the comments." } });

  const token = randomBytes(32).toString("hex");
  await db.session.create({ data: { sessionToken: token, userId: admin.id, expires: new Date(now + 86_400_000) } });
  const fixture = { slug, label: "1.1", previousLabel: "1.0", threads: threads.length, amendments: amendments.length, dispositions: dispositions.length, maintainerToken: token, seconds: (Date.now() - started) / 1000 };
  if (args.out) writeFileSync(args.out, JSON.stringify(fixture));
  else console.log(JSON.stringify(fixture));
  console.error(`seed-responses: ${slug}: ${threads.length} threads, ${amendments.length} amendments, ${dispositions.length} dispositions in ${fixture.seconds.toFixed(1)} s`);
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
