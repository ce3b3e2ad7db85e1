import { z } from "zod";
import type { DiffPart } from "@/lib/versions/word-diff";

// The report's three downloads (JSON, CSV, Markdown) are written from the same
// flat rows, so a CSV parsed back gives exactly the JSON's items.

/** What leaves the server for each thread or amendment: names and handles, never e-mails or internal user ids. */
export const reportRowSchema = z.object({
  section: z.string(),
  type: z.enum(["thread", "amendment"]),
  id: z.string(),
  title: z.string(),
  author: z.string(),
  authorHandle: z.string(),
  createdAt: z.string(),
  url: z.string(),
  disposition: z.string(),
  dispositionLabel: z.string(),
  reason: z.string(),
  answeredBy: z.string(),
  answeredAt: z.string(),
  duplicateOf: z.string(),
  acceptedIn: z.string(),
});
export type ReportRow = z.infer<typeof reportRowSchema>;
export const REPORT_COLUMNS = Object.keys(reportRowSchema.shape) as (keyof ReportRow)[];

export const responseReportOutput = z.object({
  definition: z.object({ slug: z.string(), title: z.string() }),
  version: z.string(),
  previousVersion: z.string().nullable(),
  counts: z.object({ threads: z.number(), answeredThreads: z.number(), amendments: z.number(), answeredAmendments: z.number() }),
  sections: z.array(z.object({ key: z.string().nullable(), heading: z.string(), change: z.string().nullable(), items: z.number() })),
  items: z.array(reportRowSchema),
});

type ItemLike = {
  type: "thread" | "amendment";
  id: string;
  section: string;
  title: string;
  author: { handle: string; name: string };
  createdAt: Date;
  path: string;
  disposition: {
    kind: string;
    label: string;
    reason: string;
    author: { handle: string; name: string };
    createdAt: Date;
    duplicateOf: { path: string } | null;
    acceptedIn: { label: string } | null;
  } | null;
};

export function reportRow(item: ItemLike, origin: string): ReportRow {
  const d = item.disposition;
  return {
    section: item.section,
    type: item.type,
    id: item.id,
    title: item.title,
    author: item.author.name,
    authorHandle: item.author.handle,
    createdAt: item.createdAt.toISOString(),
    url: `${origin}${item.path}`,
    disposition: d?.kind ?? "",
    dispositionLabel: d?.label ?? "No answer yet",
    reason: d?.reason ?? "",
    answeredBy: d?.author.name ?? "",
    answeredAt: d?.createdAt.toISOString() ?? "",
    duplicateOf: d?.duplicateOf ? `${origin}${d.duplicateOf.path}` : "",
    acceptedIn: d?.acceptedIn?.label ?? "",
  };
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The header line and one line per row, CRLF-terminated (RFC 4180). */
export function csvLines(rows: ReportRow[], header = true): string {
  const lines = rows.map((row) => REPORT_COLUMNS.map((c) => csvField(row[c])).join(","));
  return (header ? [REPORT_COLUMNS.join(","), ...lines] : lines).map((l) => `${l}\r\n`).join("");
}

/** A word diff in Markdown: [-deleted-] and {+inserted+}, as git's word diff writes it. */
export function markdownDiff(parts: DiffPart[]): string {
  return parts.map((p) => (p.kind === "equal" ? p.text : p.kind === "insert" ? `{+${p.text}+}` : `[-${p.text}-]`)).join("");
}

/** Markdown of one report section: its diff, then each item with its answer. */
export function markdownSection(section: { heading: string; change: string | null; diff: { parts: DiffPart[] } | null }, rows: ReportRow[]): string {
  const out = [`## ${section.heading}`, ""];
  if (section.diff && section.change && section.change !== "unchanged") {
    out.push(`Changed in this version (${section.change}):`, "", ...markdownDiff(section.diff.parts).split("\n").map((l) => `> ${l}`), "");
  } else if (section.change === "unchanged") {
    out.push("Unchanged in this version.", "");
  }
  if (rows.length === 0) out.push("No threads or amendments on this section.", "");
  for (const r of rows) {
    const what = r.type === "thread" ? "Thread" : "Amendment";
    out.push(`- **${r.dispositionLabel}**: ${what} by ${r.author} (${r.createdAt.slice(0, 10)}), <${r.url}>: ${r.title.replace(/\n/g, " ")}`);
    if (r.duplicateOf) out.push(`  Duplicate of <${r.duplicateOf}>.`);
    if (r.acceptedIn) out.push(`  Accepted in version ${r.acceptedIn}.`);
    if (r.reason) out.push(...r.reason.split("\n").map((l) => `  > ${l}`));
    if (r.answeredBy) out.push(`  Answered by ${r.answeredBy} on ${r.answeredAt.slice(0, 10)}.`);
  }
  out.push("");
  return out.join("\n");
}
