import { describe, expect, it } from "vitest";
import { contentHash } from "@/lib/versions/content-hash";
import { verifyHashChain, type ChainedVersion } from "@/lib/versions/verify-hash-chain";

function chain(...bodies: string[]): ChainedVersion[] {
  return bodies.map((body, i) => ({
    label: `1.${i}`,
    body,
    contentHash: contentHash(body),
    previousHash: i === 0 ? null : contentHash(bodies[i - 1]),
  }));
}

describe("verifyHashChain", () => {
  it("accepts an unbroken chain, a single version and no versions", () => {
    expect(verifyHashChain(chain("## A\n", "## A\n\nmore\n", "## B\n"))).toEqual({ ok: true });
    expect(verifyHashChain(chain("## A\n"))).toEqual({ ok: true });
    expect(verifyHashChain([])).toEqual({ ok: true });
  });

  it("reports a body edited after publication", () => {
    const versions = chain("## A\n", "## B\n", "## C\n");
    versions[1] = { ...versions[1], body: "## B (quietly changed)\n" };
    expect(verifyHashChain(versions)).toMatchObject({ ok: false, label: "1.1", problem: expect.stringContaining("does not match its content hash") });
  });

  it("reports a body and hash both rewritten, at the next version whose link breaks", () => {
    const versions = chain("## A\n", "## B\n", "## C\n");
    versions[1] = { ...versions[1], body: "## X\n", contentHash: contentHash("## X\n") };
    expect(verifyHashChain(versions)).toMatchObject({ ok: false, label: "1.2", problem: expect.stringContaining("version 1.1") });
  });

  it("reports a version removed from the middle", () => {
    const versions = chain("## A\n", "## B\n", "## C\n");
    expect(verifyHashChain([versions[0], versions[2]])).toMatchObject({ ok: false, label: "1.2" });
  });

  it("reports a first version that points at an earlier one", () => {
    const versions = chain("## A\n", "## B\n");
    expect(verifyHashChain(versions.slice(1))).toMatchObject({ ok: false, label: "1.1", problem: expect.stringContaining("earlier version is missing") });
  });

  it("reports a missing content hash", () => {
    const versions = chain("## A\n", "## B\n");
    versions[0] = { ...versions[0], contentHash: null };
    expect(verifyHashChain(versions)).toMatchObject({ ok: false, label: "1.0", problem: expect.stringContaining("no content hash") });
  });

  it("reports a body stored with CR line endings, which readers could not re-hash", () => {
    const [version] = chain("## A\n");
    expect(verifyHashChain([{ ...version, body: "## A\r\n" }])).toMatchObject({ ok: false, label: "1.0", problem: expect.stringContaining("CR line endings") });
  });

  it("reports versions given out of order", () => {
    const versions = chain("## A\n", "## B\n");
    expect(verifyHashChain([versions[1], versions[0]])).toMatchObject({ ok: false, label: "1.1" });
  });
});
