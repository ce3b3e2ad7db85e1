import "server-only";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { commentBodySchema } from "@/lib/comments/create-comment.schema";
import { ImportError, SOURCE_LABEL, type ImportRecord, type ImportSource } from "@/lib/import/import-record";
import { parseWxr } from "@/lib/import/parse-wxr";
import { parseMbox } from "@/lib/import/parse-mbox";
import { parseDiscourse } from "@/lib/import/parse-discourse";

// Brings a discussion held elsewhere into a version's comments
// (docs/decisions/019-import-export.md). The whole file is read, checked and
// threaded before anything is written; then whole threads are written in
// transactions of about BATCH comments, so a failure leaves no half thread and
// a second run (or a rerun after a failure) adds only what is missing.

export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;
const BATCH = 1_000;
const AUTHOR_NAME_MAX = 200;
/** Imported authors' handles start so: "_" is never in a member's handle (lib/users/make-handle.ts). */
export const IMPORTED_HANDLE_PREFIX = "_imported-";

export type ImportSummary = { records: number; imported: number; skipped: Record<string, number>; dryRun: boolean };
export type ImportOptions = {
  format: ImportSource;
  definitionSlug: string;
  versionLabel: string;
  sectionKey?: string | null;
  dryRun?: boolean;
  /** Discourse: the forum's address, for the posts' links. */
  baseUrl?: string;
  onProgress?: (done: number, total: number) => void;
};

/** The file as text: refused when too large, not UTF-8, or holding a NUL, naming the line. */
export function decodeImportFile(bytes: Uint8Array): string {
  if (bytes.length > IMPORT_MAX_BYTES) throw new ImportError(`The file is ${(bytes.length / 1024 / 1024).toFixed(0)} MB; the limit is ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Split it and import the parts.`);
  const lineOf = (offset: number) => {
    let line = 1;
    for (let i = 0; i < offset; i += 1) if (bytes[i] === 10) line += 1;
    return line;
  };
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new ImportError(`Line ${lineOf(nul)} holds a NUL byte: the file is binary or damaged.`);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Find the first bad line to name it.
    let start = 0;
    for (let line = 1; start <= bytes.length; line += 1) {
      let end = bytes.indexOf(10, start);
      if (end === -1) end = bytes.length;
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start, end));
      } catch {
        throw new ImportError(`Line ${line} is not valid UTF-8: convert the file to UTF-8 first.`);
      }
      start = end + 1;
    }
    throw new ImportError("The file is not valid UTF-8: convert it to UTF-8 first.");
  }
}

async function parse(format: ImportSource, text: string, baseUrl: string): Promise<ImportRecord[]> {
  if (format === "wxr") return parseWxr(text);
  if (format === "mbox") return parseMbox(text);
  return parseDiscourse(text, baseUrl);
}

type Prepared = ImportRecord & { bodyMarkdown: string; authorName: string };

/** Only web links are kept: a source may hold "javascript:" or worse in a URL field. */
const webLink = (url: string | null) => (url && /^https?:\/\/[^\s<>"']+$/i.test(url.trim()) ? url.trim() : null);

/** Every record checked as a member's comment would be; all problems at once, each naming its record. */
function check(records: ImportRecord[]): Prepared[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const prepared: Prepared[] = [];
  for (const record of records) {
    if (seen.has(record.sourceId)) problems.push(`${record.where}: the id ${record.sourceId} appears twice in the file.`);
    seen.add(record.sourceId);
    if (record.skip) {
      prepared.push({ ...record, bodyMarkdown: "" });
      continue;
    }
    const body = commentBodySchema.safeParse(record.body);
    if (!body.success) problems.push(`${record.where}: ${body.error.issues[0].message}`);
    const authorName = record.authorName.replace(/\s+/g, " ").trim().slice(0, AUTHOR_NAME_MAX);
    if (!authorName.isWellFormed() || /[\0-\x1f]/.test(authorName)) problems.push(`${record.where}: the author's name holds control or broken characters.`);
    if (body.success) prepared.push({ ...record, authorName, authorUrl: webLink(record.authorUrl) ?? "", url: webLink(record.url), bodyMarkdown: body.data });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).join("\n  ");
    throw new ImportError(`Nothing was imported: ${problems.length} record${problems.length === 1 ? "" : "s"} cannot be.\n  ${shown}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ""}`);
  }
  return prepared;
}

export async function importDiscussion(bytes: Uint8Array, options: ImportOptions): Promise<ImportSummary> {
  const text = decodeImportFile(bytes);
  const records = await parse(options.format, text, options.baseUrl ?? "");
  const prepared = check(records);

  const version = await db.version.findFirst({
    where: { label: options.versionLabel, status: { not: "draft" }, definition: { slug: options.definitionSlug } },
    select: { id: true, sections: { select: { key: true } } },
  });
  if (!version) throw new ImportError(`No published version "${options.versionLabel}" of a definition "${options.definitionSlug}".`);
  const sectionKey = options.sectionKey ?? null;
  if (sectionKey !== null && !version.sections.some((s) => s.key === sectionKey)) {
    throw new ImportError(`Version ${options.versionLabel} has no section "${sectionKey}" (it has ${version.sections.map((s) => s.key).join(", ")}).`);
  }

  // What earlier runs wrote: skipped now, and parents for what follows.
  const existing = await db.importedComment.findMany({
    where: { versionId: version.id, source: options.format },
    select: { sourceId: true, comment: { select: { id: true, rootId: true, depth: true } } },
  });
  const placed = new Map(existing.map((e) => [e.sourceId, { id: e.comment.id, rootId: e.comment.rootId ?? e.comment.id, depth: e.comment.depth }]));

  const skipped: Record<string, number> = {};
  const count = (reason: string) => (skipped[reason] = (skipped[reason] ?? 0) + 1);
  const toWrite: Prepared[] = [];
  for (const record of prepared) {
    if (record.skip) count(record.skip);
    else if (placed.has(record.sourceId)) count("already imported");
    else toWrite.push(record);
  }

  // Parents before children: oldest first, then each record after its parent.
  const bySource = new Map(toWrite.map((r) => [r.sourceId, r]));
  const ordered: Prepared[] = [];
  const done = new Set<string>();
  const visit = (record: Prepared, path: Set<string>) => {
    if (done.has(record.sourceId)) return;
    if (path.has(record.sourceId)) throw new ImportError(`${record.where}: its replies form a loop.`);
    path.add(record.sourceId);
    const parent = record.parentSourceId ? bySource.get(record.parentSourceId) : undefined;
    if (parent) visit(parent, path);
    done.add(record.sourceId);
    ordered.push(record);
  };
  for (const record of [...toWrite].sort((a, b) => a.date.getTime() - b.date.getTime())) visit(record, new Set());

  // Threads stay whole within one transaction: group by the root each record hangs under.
  const rootOf = (record: Prepared): string => {
    let current = record;
    for (;;) {
      const parentId = current.parentSourceId;
      if (parentId === null) return current.sourceId;
      const earlier = placed.get(parentId);
      if (earlier) return `existing:${earlier.rootId}`;
      const parent = bySource.get(parentId);
      if (!parent) return current.sourceId; // a reply to something not imported starts a thread of its own
      current = parent;
    }
  };
  const threads = new Map<string, Prepared[]>();
  for (const record of ordered) {
    const root = rootOf(record);
    const thread = threads.get(root);
    if (thread) thread.push(record);
    else threads.set(root, [record]);
  }

  const summary: ImportSummary = { records: records.length, imported: 0, skipped, dryRun: options.dryRun ?? false };
  if (options.dryRun) {
    summary.imported = ordered.length;
    return summary;
  }

  const batches: Prepared[][] = [];
  let batch: Prepared[] = [];
  for (const thread of threads.values()) {
    batch.push(...thread);
    if (batch.length >= BATCH) {
      batches.push(batch);
      batch = [];
    }
  }
  if (batch.length > 0) batches.push(batch);

  for (const records of batches) {
    const authorKeys = [...new Set(records.map((r) => JSON.stringify([r.authorName, r.authorUrl])))].map((k) => JSON.parse(k) as [string, string]);
    await db.$transaction(
      async (tx) => {
        // Each imported author: found from an earlier batch or run, or made with the User row their comments hang on.
        const authorIds = new Map<string, { id: string; userId: string }>();
        for (const [name, url] of authorKeys) {
          const key = { source: options.format, name, url };
          let author = await tx.importedAuthor.findUnique({ where: { source_name_url: key }, select: { id: true, userId: true } });
          if (!author) {
            const id = newId();
            const user = await tx.user.create({ data: { handle: `${IMPORTED_HANDLE_PREFIX}${id}`, name: `${name} (imported from ${SOURCE_LABEL[options.format]})`, email: null }, select: { id: true } });
            author = await tx.importedAuthor.create({ data: { id, userId: user.id, ...key }, select: { id: true, userId: true } });
          }
          authorIds.set(JSON.stringify([name, url]), author);
        }
        const comments = [];
        const marks = [];
        const placedHere = new Map<string, { id: string; rootId: string; depth: number }>();
        for (const r of records) {
          const parent = r.parentSourceId ? (placedHere.get(r.parentSourceId) ?? placed.get(r.parentSourceId)) : undefined;
          const id = newId(r.date.getTime());
          const spot = { id, rootId: parent ? parent.rootId : id, depth: parent ? parent.depth + 1 : 0 };
          placedHere.set(r.sourceId, spot);
          const author = authorIds.get(JSON.stringify([r.authorName, r.authorUrl]))!;
          comments.push({ id, versionId: version.id, sectionKey, parentId: parent?.id ?? null, rootId: spot.rootId, depth: spot.depth, authorId: author.userId, body: r.bodyMarkdown, bodyHtml: renderMarkdown(r.bodyMarkdown, "comment"), createdAt: r.date });
          marks.push({ commentId: id, versionId: version.id, source: options.format, sourceId: r.sourceId, sourceUrl: r.url, importedAuthorId: author.id });
        }
        await tx.comment.createMany({ data: comments });
        await tx.importedComment.createMany({ data: marks });
        for (const [sourceId, spot] of placedHere) placed.set(sourceId, spot);
      },
      { timeout: 60_000 },
    );
    summary.imported += records.length;
    options.onProgress?.(summary.imported, ordered.length);
  }
  return summary;
}
