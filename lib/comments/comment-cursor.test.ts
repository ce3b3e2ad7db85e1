import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/comments/comment-cursor";

describe("comment cursors", () => {
  it("round-trip a position as an opaque URL-safe string", () => {
    const position = { createdAt: new Date("2025-01-02T03:04:05.678Z"), id: "cm1abc_-2" };
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it("refuse anything they did not make", () => {
    const bad = [
      "",
      "not base64!",
      Buffer.from("2025-01-02T03:04:05.678Z").toString("base64url"),
      Buffer.from("2025-02-30T03:04:05.678Z|id").toString("base64url"),
      Buffer.from("2025-01-02|id").toString("base64url"),
      Buffer.from("2025-01-02T03:04:05.678Z|id|extra").toString("base64url"),
      Buffer.from("2025-01-02T03:04:05.678Z|id'; drop table").toString("base64url"),
    ];
    for (const cursor of bad) expect(() => decodeCursor(cursor), cursor).toThrow(expect.objectContaining({ code: "bad_input" }));
  });
});
