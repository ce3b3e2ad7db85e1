import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { zipStream } from "@/lib/export/zip-stream";
import { readZip } from "@/scripts/testing/read-zip";

async function collect(stream: AsyncIterable<Buffer>) {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

async function* lines(n: number) {
  for (let i = 0; i < n; i += 1) yield `{"n":${i},"text":"line ${i} ünïcode"}\n`;
}

/** Text and bytes in turn, as build-export hands over a CSV file read back from disk. */
async function* textAndBytes() {
  yield "id,";
  yield Buffer.from("ünïcode\r\n1,é", "utf8");
  yield "\r\n2,";
  yield Buffer.from("x", "utf8");
}

describe("zipStream", () => {
  it("writes files (from text and bytes) that a ZIP reader (ours and Debian's unzip when present) reads back byte for byte, with their SHA-256", async () => {
    const zip = await collect(
      zipStream([{ name: "a.jsonl", content: lines(20_000) }, { name: "empty.csv", content: (async function* () {})() }, { name: "mixed.csv", content: textAndBytes() }], (digests) => ({ name: "manifest.json", content: [JSON.stringify(digests)] as unknown as AsyncIterable<string> })),
    );
    const files = readZip(zip);
    expect([...files.keys()]).toEqual(["a.jsonl", "empty.csv", "mixed.csv", "manifest.json"]);
    expect(files.get("mixed.csv")!.toString("utf8")).toBe("id,ünïcode\r\n1,é\r\n2,x");
    expect(files.get("a.jsonl")!.toString("utf8").split("\n")).toHaveLength(20_001);
    expect(files.get("empty.csv")!.length).toBe(0);
    const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8"));
    expect(manifest[0]).toMatchObject({ name: "a.jsonl", bytes: files.get("a.jsonl")!.length });
    expect(zip.length).toBeLessThan(files.get("a.jsonl")!.length / 3);
    let unzip = false;
    try {
      execFileSync("unzip", ["-v"], { stdio: "ignore" });
      unzip = true;
    } catch {
      // unzip is not installed: our reader has checked the archive above.
    }
    if (unzip) {
      const file = path.join(mkdtempSync(path.join(tmpdir(), "zip-")), "t.zip");
      writeFileSync(file, zip);
      expect(execFileSync("unzip", ["-t", file]).toString()).toMatch(/No errors detected/);
    }
  });

  it("keeps every byte of pieces larger than its reused buffer, and of bytes the caller reuses once it is asked for the next piece", async () => {
    const long = "é€𝄞 ".repeat(40_000); // 280,000 UTF-16 units, 400,000 bytes of UTF-8
    const reused = Buffer.alloc(4);
    async function* bytesInOneBuffer() {
      for (const word of ["abcd", "efgh", "ijkl"]) {
        reused.write(word);
        yield reused;
      }
    }
    const zip = await collect(zipStream([{ name: "long.txt", content: (async function* () { yield "x"; yield long; yield "y"; })() }, { name: "reused.bin", content: bytesInOneBuffer() }]));
    const files = readZip(zip);
    expect(files.get("long.txt")!.toString("utf8")).toBe(`x${long}y`);
    expect(files.get("reused.bin")!.toString("utf8")).toBe("abcdefghijkl");
  });
});
