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
      systemId: null,
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

  it("takes exactly one subject, a version or a system, and nothing of a version's on a system", () => {
    const message = (input: Record<string, unknown>) => createCommentSchema.safeParse({ body: "x", ...input }).error?.issues[0].message;
    expect(message({})).toBe("Say which version or system the comment is on.");
    expect(message({ versionId: "", systemId: "" })).toBe("Say which version or system the comment is on.");
    expect(message({ versionId: "v", systemId: "s" })).toBe("A comment is on a version or on a system, not both.");
    expect(message({ systemId: "s", sectionKey: "k" })).toBe("A comment on a system has no section, amendment or quoted passage.");
    expect(message({ systemId: "s", amendmentId: "a" })).toBe("A comment on a system has no section, amendment or quoted passage.");
    expect(message({ systemId: "s", quote: "words" })).toBe("A comment on a system has no section, amendment or quoted passage.");
    expect(createCommentSchema.parse({ systemId: "s", body: "x" })).toMatchObject({ versionId: null, systemId: "s" });
  });
});
