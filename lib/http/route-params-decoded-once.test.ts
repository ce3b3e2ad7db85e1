// Next.js hands a route its dynamic segments ([label], [handle], ...) decoded once.
// Decoding one again turned /versions/%25 into a URIError (a 500) and /versions/%2500
// into a NUL that the request check, which decodes once, never saw. So nothing under
// app/ decodes a URL component itself; a new call fails here with its file and line.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
// Decodes the browser's location.hash (an element id), not a route segment.
const ALLOWED = [join("app", "d", "[slug]", "focus-target.tsx")];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("route segments", () => {
  it("are decoded once, by Next.js: nothing under app/ or in the report downloads decodes them again", () => {
    const files = sourceFiles(join(ROOT, "app")).map((path) => relative(ROOT, path));
    expect(files).toContain(join("app", "d", "[slug]", "v", "[label]", "page.tsx"));
    const found = [...files, join("lib", "dispositions", "response-report-download.ts")]
      .filter((path) => !ALLOWED.includes(path))
      .flatMap((path) =>
        readFileSync(join(ROOT, path), "utf8")
          .split("\n")
          .flatMap((line, i) => (line.includes("decodeURIComponent(") ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(found).toEqual([]);
  });
});
