// Recounts a ranked ballot from its downloaded tally sheet, with the same
// counting function the server used (Debian constitution A.6), and prints the
// result: `npm run recount -- tally.csv` (add --json for the count as the API
// gives it under "result").
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { CountResult, Strength } from "@/lib/ballots/count-ballot";
import { countTallySheet, readTallySheet, type TallySheet } from "@/lib/ballots/tally-sheet";

/** The count of a sheet, and the same in words: what the results page says. */
export function recount(csv: string): { sheet: TallySheet; result: CountResult; report: string } {
  const sheet = readTallySheet(csv);
  const result = countTallySheet(sheet);
  const label = (id: string) => sheet.options.find((o) => o.id === id)?.label ?? id;
  const n = (i: number) => String(i + 1);
  const s = (x: Strength | null) => (x ? `${x.for}:${x.against}` : "-");
  const lines = [
    `Ballot ${sheet.ballotId}: ${sheet.title}`,
    `${result.voters} ballot${result.voters === 1 ? "" : "s"}, quorum ${result.quorum}`,
    ...sheet.options.map((o, i) => `Option ${n(i)}: ${o.label}${o.isDefault ? " (default)" : ""}${o.majority !== 1 ? ` (needs ${o.majority}:1)` : ""}`),
    "",
    "Pairwise: row x, column y = voters preferring option x to option y",
    ["      ", ...sheet.options.map((_, i) => n(i).padStart(5))].join(""),
    ...result.matrix.map((row, i) => [`Opt ${n(i)}`.padEnd(6), ...row.map((v, j) => (i === j ? "" : String(v)).padStart(5))].join("")),
    "",
    ...(result.dropped.length === 0 ? ["Dropped: none (every option met the quorum and its majority ratio)"] : []),
    ...result.dropped.map((d) =>
      d.reason === "quorum"
        ? `Dropped (quorum): ${label(d.key)}: ranked above the default by ${d.over}, quorum ${d.required}`
        : `Dropped (majority): ${label(d.key)}: ${d.over} to ${d.under} against the default, needs more than ${d.required}:1`,
    ),
    `Defeats: ${result.defeats.map(([a, b, x]) => `${label(a)} > ${label(b)} (${s(x)})`).join("; ") || "none"}`,
    ...result.rounds.flatMap((r, i) => [`Round ${i + 1}: Schwartz set ${r.schwartzSet.map(label).join(", ")}${r.droppedDefeats.length ? `; weakest defeats dropped: ${r.droppedDefeats.map(([a, b]) => `${label(a)} > ${label(b)}`).join(", ")}` : ""}`]),
    "Strongest paths:",
    ...result.remaining.map((a, i) => `  ${label(a)}: ${result.remaining.map((b, j) => (i === j ? null : `${label(b)} ${s(result.strongestPaths[i][j])}`)).filter(Boolean).join(", ")}`),
    result.winner ? `Winner: ${label(result.winner)}` : `Tie between ${result.schwartzSet.map(label).join(", ")}: the casting vote decides`,
  ];
  return { sheet, result, report: lines.join("\n") };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    console.error("Usage: npm run recount -- TALLY.csv [--json]");
    process.exit(2);
  }
  try {
    const { result, report } = recount(readFileSync(file, "utf8"));
    console.log(args.includes("--json") ? JSON.stringify(result, null, 2) : report);
  } catch (error) {
    console.error(`Cannot recount ${file}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
