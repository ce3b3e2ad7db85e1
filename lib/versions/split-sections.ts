import "server-only";
import { createMarkdownParser } from "@/lib/markdown/create-markdown-parser";

export type SplitSection = { heading: string; text: string };
export type SplitBody = { preamble: string; sections: SplitSection[] };

const md = createMarkdownParser();

/**
 * Splits a version's body into its sections. A section starts at a top-level
 * "## Heading" line. The same parser that renders the document decides what is a
 * heading, so a "##" line inside fenced code, a list item or a block quote never
 * starts a section, and every rendered top-level h2 does. Setext headings
 * ("Heading" underlined with "---") do not split: authors mark sections with "##".
 */
export function splitSections(body: string): SplitBody {
  const normalised = body.replace(/\r\n?/g, "\n");
  const lines = normalised.split("\n");
  const tokens = md.parse(normalised, {});

  const headings: { heading: string; start: number; end: number }[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== "heading_open" || token.tag !== "h2" || token.markup !== "##" || token.level !== 0 || !token.map) return;
    headings.push({ heading: tokens[index + 1].content, start: token.map[0], end: token.map[1] });
  });

  const preambleEnd = headings.length > 0 ? headings[0].start : lines.length;
  return {
    preamble: trimBlankLines(lines.slice(0, preambleEnd)),
    sections: headings.map((h, i) => ({
      heading: h.heading,
      text: trimBlankLines(lines.slice(h.end, i + 1 < headings.length ? headings[i + 1].start : lines.length)),
    })),
  };
}

/**
 * Rebuilds a body from its parts, one blank line between blocks, ending with a
 * newline. For parts that came from splitSections, splitSections(joinSections(p))
 * gives p back. Headings are single lines.
 */
export function joinSections(preamble: string, sections: SplitSection[]): string {
  const blocks = [
    ...(preamble === "" ? [] : [preamble]),
    ...sections.map((s) => (s.text === "" ? `## ${s.heading}` : `## ${s.heading}\n\n${s.text}`)),
  ];
  return blocks.length === 0 ? "" : `${blocks.join("\n\n")}\n`;
}

// Only whole blank lines go: leading spaces on the first line may be an indented
// code block, and trailing spaces on the last may be a hard line break.
function trimBlankLines(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === "") start++;
  while (end > start && lines[end - 1].trim() === "") end--;
  return lines.slice(start, end).join("\n");
}
