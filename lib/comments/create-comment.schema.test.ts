import { describe, expect, it } from "vitest";
import { commentBodySchema, createCommentSchema } from "@/lib/comments/create-comment.schema";

function message(body: unknown) {
  const result = commentBodySchema.safeParse(body);
  return result.success ? null : result.error.issues[0].message;
}

describe("commentBodySchema", () => {
  it("keeps the author's Markdown, with Windows line endings and trailing space normalised", () => {
    expect(commentBodySchema.parse("  indented code\r\nline two  \n\n")).toBe("  indented code\nline two");
  });

  it("says what to fix", () => {
    expect(message("")).toMatch(/empty/);
    expect(message(" \n\u00a0\t")).toMatch(/empty/);
    expect(message("a\0")).toMatch(/NUL/);
    expect(message("\uDFFF")).toMatch(/invalid Unicode/);
    expect(message("é".repeat(10_001))).toMatch(/10,001 characters long; the limit is 10,000/);
    expect(message(42)).toMatch(/Write a comment/);
    expect(message("é".repeat(10_000))).toBeNull();
    expect(message("🙂")).toBeNull();
  });
});

describe("createCommentSchema", () => {
  it("reads empty optional ids, and an empty or blank quoted passage, from a form as none", () => {
    expect(createCommentSchema.parse({ versionId: "v", sectionKey: "", parentId: undefined, amendmentId: null, body: "x", quote: "  ", quoteStart: "" })).toEqual({
      versionId: "v",
      sectionKey: null,
      parentId: null,
      amendmentId: null,
      body: "x",
      quote: null,
      quoteStart: null,
    });
  });

  it("refuses a passage position that is not a whole number", () => {
    expect(createCommentSchema.safeParse({ versionId: "v", body: "x", quote: "words", quoteStart: "-1" }).error?.issues[0].message).toBe("The passage's position must be a whole number.");
    expect(createCommentSchema.parse({ versionId: "v", body: "x", quote: "words", quoteStart: "12" }).quoteStart).toBe(12);
  });
});
