import { createHash } from "node:crypto";
import { createDeflateRaw, crc32 } from "node:zlib";
import { ReusableBuffer } from "@/lib/export/reusable-buffer";

// A streaming ZIP writer (PKWARE APPNOTE 6.3: local headers with a data
// descriptor, deflate, central directory at the end), about a hundred lines
// instead of a dependency. Each file is compressed while it is produced, so an
// export of any size holds one batch of rows in memory. No ZIP64: a file or the
// archive past 4 GiB is refused rather than written corrupt.

/** A file's content in pieces: text (written as UTF-8) or bytes. */
export type ZipEntry = { name: string; content: AsyncIterable<string | Buffer> };
export type ZipEntryDigest = { name: string; sha256: string; bytes: number };

const LIMIT = 0xffff_fffe;
/** Text is encoded and deflated this many characters at a time (docs/decisions/036-export-first-export-memory.md). */
const TEXT_PIECE = 16_384;
const DOS_DATE_1980 = (0 << 11) | (1 << 5) | 1; // the archive's dates carry no meaning: the manifest is the record

function u16(n: number) {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/**
 * The ZIP's bytes, file by file, then `last(digests)` (e.g. a manifest of the
 * files' SHA-256s) as the final file, then the central directory.
 */
export async function* zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>, last?: (digests: ZipEntryDigest[]) => ZipEntry): AsyncGenerator<Buffer> {
  const central: Buffer[] = [];
  const digests: ZipEntryDigest[] = [];
  const encoded = new ReusableBuffer();
  let offset = 0;

  async function* one(entry: ZipEntry): AsyncGenerator<Buffer> {
    const name = Buffer.from(entry.name, "utf8");
    // Flags: bit 3 (sizes in a data descriptor), bit 11 (UTF-8 names).
    const header = Buffer.concat([u32(0x04034b50), u16(20), u16(0x0808), u16(8), u16(0), u16(DOS_DATE_1980), u32(0), u32(0), u32(0), u16(name.length), u16(0), name]);
    const start = offset;
    offset += header.length;
    yield header;

    const hash = createHash("sha256");
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const deflate = createDeflateRaw({ level: 6 });
    const pending: Buffer[] = [];
    deflate.on("data", (chunk: Buffer) => pending.push(chunk));
    // Small pieces of text are joined and handed to the hash, CRC and zlib
    // 16 KiB at a time, encoded into one reused Buffer; so each write waits
    // until zlib has taken its bytes. The caller may reuse a Buffer it handed
    // over once the next piece is asked for.
    let text = "";
    const feed = async (bytes: Buffer) => {
      hash.update(bytes);
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (size > LIMIT) throw new Error(`${entry.name} is over 4 GiB, more than a ZIP without ZIP64 holds.`);
      await new Promise<void>((resolve, reject) => deflate.write(bytes, (error) => (error ? reject(error) : resolve())));
    };
    const feedText = async () => {
      const bytes = encoded.encode(text);
      text = "";
      await feed(bytes);
    };
    for await (const piece of entry.content) {
      if (typeof piece === "string") {
        text += piece;
        if (text.length < TEXT_PIECE) continue;
        await feedText();
      } else {
        if (text.length > 0) await feedText();
        await feed(piece);
      }
      while (pending.length) {
        const out = pending.shift()!;
        compressed += out.length;
        yield out;
      }
    }
    if (text.length > 0) await feedText();
    await new Promise<void>((resolve, reject) => {
      deflate.on("end", resolve).on("error", reject);
      deflate.end();
    });
    for (const out of pending.splice(0)) {
      compressed += out.length;
      yield out;
    }
    offset += compressed;
    const descriptor = Buffer.concat([u32(0x08074b50), u32(crc), u32(compressed), u32(size)]);
    offset += descriptor.length;
    if (offset > LIMIT) throw new Error("The archive is over 4 GiB, more than a ZIP without ZIP64 holds.");
    yield descriptor;
    central.push(Buffer.concat([u32(0x02014b50), u16(20), u16(20), u16(0x0808), u16(8), u16(0), u16(DOS_DATE_1980), u32(crc), u32(compressed), u32(size), u16(name.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(start), name]));
    digests.push({ name: entry.name, sha256: hash.digest("hex"), bytes: size });
  }

  for await (const entry of entries) yield* one(entry);
  if (last) yield* one(last(digests));
  const directory = Buffer.concat(central);
  yield Buffer.concat([directory, u32(0x06054b50), u16(0), u16(0), u16(central.length), u16(central.length), u32(directory.length), u32(offset), u16(0)]);
}
