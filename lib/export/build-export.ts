import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, mkdtemp, open, readdir, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { db, openRowReader } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { GENESIS_HASH } from "@/lib/audit/audit-hash";
import { closeExpiredVotes } from "@/lib/votes/close-expired-votes";
import { exportTables, type ExportTable } from "@/lib/export/export-tables";
import { ReusableBuffer } from "@/lib/export/reusable-buffer";
import { zipStream, type ZipEntry } from "@/lib/export/zip-stream";

export const EXPORT_FORMAT = "opendef-export/1";

/** Where built exports are kept: one file per scope and state of the record. */
function cacheDir() {
  // Outside the project: nothing for the build to trace.
  return process.env.EXPORT_CACHE_DIR || path.join(/*turbopackIgnore: true*/ tmpdir(), "opendef-export");
}

async function findScope(slug: string | null) {
  if (slug === null) return { definitionId: null, slug: null, fileStem: "opendef-export" };
  const definition = await db.definition.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (!definition) throw new AppError("not_found", `No definition has the slug "${slug}".`);
  return { definitionId: definition.id, slug: definition.slug, fileStem: `opendef-export-${definition.slug}` };
}

/**
 * A fingerprint of the public record: the audit chain's head (every maintainer,
 * moderator and admin action) plus counts and latest times of what members
 * change without an audit entry (comments, votes, sponsorships, ballots cast).
 * Amendments change status without an audit entry too (withdrawn by their
 * author, a vote's window ending): their number per status is part of it, and
 * votes whose window has passed are closed first, as every page that shows a
 * status does, so the export says what a reader sees. A member's new display
 * name shows beside everything they wrote: the settings' latest change is part of it.
 * The same fingerprint means the same export, so the cached ZIP is served.
 */
export async function recordState() {
  await closeExpiredVotes({});
  // One query after another: on PostgreSQL, ten at once take ten of the pool's
  // connections, which a fresh server opened for its first export, each kept with
  // its buffers (docs/decisions/036-export-first-export-memory.md). SQLite runs
  // them one at a time anyway (007).
  const head = await db.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const comments = await db.comment.aggregate({ _count: { _all: true }, _max: { createdAt: true, editedAt: true, deletedAt: true, hiddenAt: true } });
  const revisions = await db.commentRevision.aggregate({ _count: { _all: true }, _max: { createdAt: true } });
  const amendments = await db.amendment.aggregate({ _count: { _all: true }, _max: { createdAt: true, votingOpensAt: true, hiddenAt: true } });
  const amendmentStatuses = await db.amendment.groupBy({ by: ["status"], _count: { _all: true }, orderBy: { status: "asc" } });
  const amendmentRevisions = await db.amendmentRevision.aggregate({ _count: { _all: true }, _max: { createdAt: true } });
  const sponsorships = await db.sponsorship.aggregate({ _count: { _all: true }, _max: { createdAt: true } });
  const votes = await db.vote.aggregate({ _count: { _all: true }, _max: { updatedAt: true } });
  const ballotVotes = await db.ballotVote.aggregate({ _count: { _all: true }, _max: { updatedAt: true } });
  const names = await db.accountSettings.aggregate({ _max: { updatedAt: true } });
  const auditHead = { seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH };
  const key = createHash("sha256").update(JSON.stringify([auditHead, comments, revisions, amendments, amendmentStatuses, amendmentRevisions, sponsorships, votes, ballotVotes, names])).digest("hex").slice(0, 32);
  return { auditHead, key };
}

function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Text is handed on in pieces of about this many characters, not a line at a time;
 * small enough that the pieces being built add little to what outlives V8's minor
 * collections (docs/decisions/036-export-first-export-memory.md).
 */
const CHUNK = 16_384;

/**
 * Two files per table from one read of it: the JSON Lines go into the ZIP as
 * the rows come, the CSV lines meanwhile into a temporary file that follows
 * as the next entry (a ZIP holds one file at a time). Lines are joined into
 * pieces of about 16 KiB before they move on: one write, one Buffer and one
 * hand-over per line was most of what the export allocated.
 */
function entries(tables: ExportTable[], rowCounts: Map<string, number>, scratch: string): ZipEntry[] {
  return tables.flatMap((table) => {
    const csvFile = path.join(/*turbopackIgnore: true*/ scratch, `${table.name}.csv`);
    return [
      {
        name: `${table.name}.jsonl`,
        content: (async function* () {
          const csv = await open(csvFile, "w");
          const csvBytes = new ReusableBuffer();
          const write = async (text: string) => {
            const bytes = csvBytes.encode(text);
            for (let written = 0; written < bytes.length; ) written += (await csv.write(bytes, written)).bytesWritten;
          };
          try {
            let n = 0;
            let jsonl = "";
            let csvText = table.columns.join(",") + "\r\n";
            for await (const row of table.rows()) {
              n += 1;
              jsonl += JSON.stringify(row) + "\n";
              csvText += table.columns.map((c) => csvField(row[c] ?? null)).join(",") + "\r\n";
              if (jsonl.length >= CHUNK) {
                yield jsonl;
                jsonl = "";
              }
              if (csvText.length >= CHUNK) {
                await write(csvText);
                csvText = "";
              }
            }
            if (jsonl) yield jsonl;
            await write(csvText);
            rowCounts.set(`${table.name}.jsonl`, n);
            rowCounts.set(`${table.name}.csv`, n);
          } finally {
            await csv.close();
          }
        })(),
      },
      {
        name: `${table.name}.csv`,
        content: (async function* () {
          // Bytes as written, read into one reused Buffer: the ZIP writer has taken each piece before it asks for the next.
          const csv = await open(csvFile, "r");
          const piece = new ReusableBuffer();
          try {
            for (let read = await csv.read(piece.space, 0, CHUNK); read.bytesRead > 0; read = await csv.read(piece.space, 0, CHUNK)) yield piece.space.subarray(0, read.bytesRead);
          } finally {
            await csv.close();
            await rm(csvFile, { force: true });
          }
        })(),
      },
    ];
  });
}

/** The export's ZIP as a stream of bytes: JSON Lines and CSV per table, then manifest.json. */
export async function* exportZip({ definitionId, slug, auditHead, stateKey, now = new Date() }: { definitionId: string | null; slug: string | null; auditHead: { seq: number; hash: string }; stateKey: string; now?: Date }) {
  const reader = await openRowReader();
  const rowCounts = new Map<string, number>();
  let scratch: string | null = null;
  try {
    const tables = await exportTables({ definitionId }, reader);
    scratch = await mkdtemp(path.join(/*turbopackIgnore: true*/ tmpdir(), "opendef-export-csv-"));
    yield* zipStream(entries(tables, rowCounts, scratch), (digests) => ({
      name: "manifest.json",
      content: (async function* () {
        const manifest = {
          format: EXPORT_FORMAT,
          definition: slug,
          generatedAt: now.toISOString(),
          stateKey,
          auditHead,
          files: digests.map((d) => ({ ...d, rows: rowCounts.get(d.name) ?? 0 })),
        };
        yield JSON.stringify(manifest, null, 2) + "\n";
      })(),
    }));
  } finally {
    // The export's own connection (SQLite) is closed however the build ends.
    await reader.close();
    if (scratch !== null) await rm(scratch, { recursive: true, force: true });
  }
}

type Located = Awaited<ReturnType<typeof locateExport>>;

/** The scope, the record's state and where the ZIP of that state is (or will be) cached. */
async function locateExport(slug: string | null) {
  const scope = await findScope(slug);
  const { auditHead, key } = await recordState();
  const dir = cacheDir();
  return { scope, auditHead, key, dir, fileName: `${scope.fileStem}.zip`, cached: path.join(dir, `${scope.fileStem}--${key}.zip`) };
}

/** A new ZIP was renamed into place: older builds of this scope are stale now. */
async function pruneOlderBuilds(at: Located) {
  for (const name of await readdir(/*turbopackIgnore: true*/ at.dir)) {
    if (name.startsWith(`${at.scope.fileStem}--`) && name.endsWith(".zip") && path.join(at.dir, name) !== at.cached) await rm(path.join(at.dir, name), { force: true });
  }
}

/**
 * The export of everything (`slug` null) or of one definition, built if the
 * record changed since the cached one: its path and name. Built into a
 * temporary file and renamed, so a reader never sees half a ZIP.
 */
export async function ensureExport({ slug }: { slug: string | null }) {
  const at = await locateExport(slug);
  const found = await stat(at.cached).catch(() => null);
  if (found) return { file: at.cached, fileName: at.fileName, key: at.key, bytes: found.size };

  await mkdir(at.dir, { recursive: true });
  const partial = `${at.cached}.${randomUUID()}.part`;
  try {
    await pipeline(Readable.from(exportZip({ ...at.scope, auditHead: at.auditHead, stateKey: at.key })), createWriteStream(partial));
    await rename(partial, at.cached);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  await pruneOlderBuilds(at);
  return { file: at.cached, fileName: at.fileName, key: at.key, bytes: (await stat(at.cached)).size };
}

/**
 * For GET /export[/{slug}]: the state's key (the ETag) at once, and `open()` for
 * the bytes: the cached ZIP when the record has not changed since it was built,
 * otherwise the ZIP as it is built, each piece written to the cache and sent on
 * (the first byte leaves at once, not after the whole build). A piece is read
 * from the database only when the client has taken the last one.
 */
export async function exportDownload({ slug }: { slug: string | null }) {
  const at = await locateExport(slug);
  return {
    key: at.key,
    fileName: at.fileName,
    async open(): Promise<{ body: ReadableStream<Uint8Array>; bytes: number | null }> {
      const found = await stat(at.cached).catch(() => null);
      if (found) return { body: Readable.toWeb(createReadStream(at.cached)) as ReadableStream<Uint8Array>, bytes: found.size };
      return { body: await buildWhileSending(at), bytes: null };
    },
  };
}

async function buildWhileSending(at: Located): Promise<ReadableStream<Uint8Array>> {
  // Opened before the answer starts, so a cache folder that cannot be written is a 500, not a cut download.
  await mkdir(at.dir, { recursive: true });
  const partial = `${at.cached}.${randomUUID()}.part`;
  const file = await open(partial, "w");
  const zip = exportZip({ ...at.scope, auditHead: at.auditHead, stateKey: at.key });
  const discard = async () => {
    await file.close().catch(() => undefined);
    await rm(partial, { force: true });
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await zip.next();
        if (next.done) {
          await file.close();
          await rename(partial, at.cached);
          await pruneOlderBuilds(at);
          controller.close();
          return;
        }
        for (let written = 0; written < next.value.length; ) written += (await file.write(next.value, written)).bytesWritten;
        controller.enqueue(next.value);
      } catch (error) {
        // Headers are gone: the client sees the connection end before the ZIP's directory, and nothing half-built is cached.
        await zip.return(undefined).catch(() => undefined);
        await discard();
        controller.error(error);
      }
    },
    // The client went away: stop reading the database; the next request builds again.
    async cancel() {
      await zip.return(undefined).catch(() => undefined);
      await discard();
    },
  });
}
