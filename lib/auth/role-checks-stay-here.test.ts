// Nothing outside lib/auth/ compares a role: use cases refuse through the guards
// here, pages ask the booleans in roles.ts. A comparison written anywhere else
// fails this test with its file and line.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const ROLE_COMPARISON = /role\s*(===|!==)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("role comparisons", () => {
  it("are found only in lib/auth/", () => {
    const files = ["app", "lib"].flatMap((dir) => sourceFiles(join(ROOT, dir))).map((path) => relative(ROOT, path));
    // Scanned the tree for real (a wrong root would find nothing and pass).
    expect(files).toContain(join("lib", "comments", "create-comment.ts"));
    const found = files
      .filter((path) => !path.startsWith(join("lib", "auth")))
      .flatMap((path) =>
        readFileSync(join(ROOT, path), "utf8")
          .split("\n")
          .flatMap((line, i) => (ROLE_COMPARISON.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(found).toEqual([]);
  });

  it("are recognised in the forms they take", () => {
    for (const line of ['if (actor.role !== "admin")', "u.role===role", 'user?.role  === "moderator"']) expect(line).toMatch(ROLE_COMPARISON);
  });
});
