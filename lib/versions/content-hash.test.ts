import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentHash, normaliseBody } from "@/lib/versions/content-hash";

describe("normaliseBody", () => {
  it("turns CRLF and lone CR into LF and leaves everything else alone", () => {
    expect(normaliseBody("a\r\nb\rc\nd\r\n\r\n")).toBe("a\nb\nc\nd\n\n");
    expect(normaliseBody("  tabs\tand trailing spaces  ")).toBe("  tabs\tand trailing spaces  ");
  });
});

describe("contentHash", () => {
  it("is the SHA-256 hex of the UTF-8 text", () => {
    expect(contentHash("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(contentHash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("hashes non-ASCII text as UTF-8", () => {
    const body = "## Données\n\nModèle ouvert — 开放";
    expect(contentHash(body)).toBe(createHash("sha256").update(Buffer.from(body, "utf8")).digest("hex"));
  });

  it("gives the same hash whatever the line endings, and matches the hash of the normalised body", () => {
    const hash = contentHash("## A\n\ntext\n");
    expect(contentHash("## A\r\n\r\ntext\r\n")).toBe(hash);
    expect(contentHash("## A\r\rtext\r")).toBe(hash);
    expect(createHash("sha256").update(normaliseBody("## A\r\n\r\ntext\r\n")).digest("hex")).toBe(hash);
  });

  it("changes when a single character changes", () => {
    expect(contentHash("open weights")).not.toBe(contentHash("open weights."));
  });
});
