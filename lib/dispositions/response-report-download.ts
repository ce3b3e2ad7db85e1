import "server-only";
import { buildResponseReport } from "@/lib/dispositions/build-response-report";
import { csvLines, markdownSection, reportRow, responseReportOutput, type ReportRow } from "@/lib/dispositions/response-report-rows";
import { apiRoute } from "@/lib/api/api-route";
import { responsesPath, siteOrigin } from "@/lib/paths";

/** A version's response report as JSON (the API's answer), through its output schema. */
export async function responseReportJson(slug: string, label: string, origin: string) {
  const report = await buildResponseReport(slug, label);
  return responseReportOutput.parse({
    definition: report.definition,
    version: report.version.label,
    previousVersion: report.previous?.label ?? null,
    counts: report.counts,
    sections: report.sections.map((s) => ({ key: s.key, heading: s.heading, change: s.change, items: s.items.length })),
    items: report.sections.flatMap((s) => s.items.map((i) => reportRow(i, origin))),
  });
}

/** The same report as CSV: one line per item, in the JSON's order. */
export async function responseReportCsv(slug: string, label: string, origin: string): Promise<string> {
  const json = await responseReportJson(slug, label, origin);
  return csvLines(json.items);
}

/** The same report as Markdown, for mailing lists and minutes. */
export async function responseReportMarkdown(slug: string, label: string, origin: string): Promise<string> {
  const report = await buildResponseReport(slug, label);
  const { counts } = report;
  const n = (count: number, one: string) => `${count} ${one}${count === 1 ? "" : "s"}`;
  const head = [
    `# Response to comments: ${report.definition.title} ${report.version.label}`,
    "",
    report.previous
      ? `What became of the ${n(counts.threads, "thread")} and ${n(counts.amendments, "amendment")} on version ${report.previous.label}: ${n(counts.answeredThreads, "thread")} and ${n(counts.answeredAmendments, "amendment")} answered. Changes are shown as [-deleted-] and {+inserted+}.`
      : "This is the first version: there were no earlier comments to answer.",
    "",
    `Online: ${origin}${responsesPath(report.definition.slug, report.version.label)}`,
    "",
  ].join("\n");
  const body = report.sections.map((s) => markdownSection(s, s.items.map((i): ReportRow => reportRow(i, origin)))).join("\n");
  return `${head}\n${body}`;
}

const DOWNLOADS = {
  md: { write: responseReportMarkdown, type: "text/markdown; charset=utf-8" },
  csv: { write: responseReportCsv, type: "text/csv; charset=utf-8; header=present" },
} as const;

/** The GET handler of a report download (`/d/{slug}/v/{label}/responses.md` or `.csv`), as an attachment named after the version. */
export function responseReportDownload(format: keyof typeof DOWNLOADS) {
  return apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string; label: string }> }) => {
    const { slug, label } = await params;
    const text = await DOWNLOADS[format].write(slug, label, siteOrigin(new URL(request.url).origin));
    const filename = `${slug}-${label.replace(/[^A-Za-z0-9._-]/g, "_")}-responses.${format}`;
    return new Response(text, { headers: { "Content-Type": DOWNLOADS[format].type, "Content-Disposition": `attachment; filename="${filename}"` } });
  });
}
