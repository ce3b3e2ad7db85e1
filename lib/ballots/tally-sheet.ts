// The tally sheet of a closed ballot as CSV: the rules of the count on "#"
// lines, then one row per ballot (voter handle, or receipt when secret) with
// its rank per option. Anyone can recount it (scripts/recount.ts) with the
// same function the server used. Pure: no server imports.
import { countRankings, type CountResult, type Ranking } from "@/lib/ballots/count-ballot";

export type TallyOption = { id: string; label: string; majority: number; isDefault: boolean };
export type TallySheet = { ballotId: string; title: string; quorum: number; options: TallyOption[]; rows: { voter: string; ranks: Ranking }[] };

function cell(value: string | number): string {
  const text = String(value);
  return /[",\n\r#]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function writeTallySheet(sheet: TallySheet): string {
  const lines = [
    "# OpenDef tally sheet: a ranked ballot counted by the Debian constitution, appendix A.6",
    `# ballot,${cell(sheet.ballotId)},${cell(sheet.title)}`,
    `# quorum,${sheet.quorum}`,
    ...sheet.options.map((o) => `# option,${cell(o.id)},${o.majority},${o.isDefault ? "default" : ""},${cell(o.label)}`),
    ["voter", ...sheet.options.map((o) => cell(o.id))].join(","),
    ...[...sheet.rows]
      .sort((a, b) => (a.voter < b.voter ? -1 : a.voter > b.voter ? 1 : 0))
      .map((row) => [cell(row.voter), ...sheet.options.map((o) => row.ranks[o.id] ?? "")].join(",")),
  ];
  return lines.join("\n") + "\n";
}

/** One CSV line's cells (quotes as RFC 4180; the sheet has no line breaks inside cells). */
function cells(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let value = "";
    if (line[i] === '"') {
      i++;
      for (;;) {
        const end = line.indexOf('"', i);
        if (end < 0) throw new Error(`Unclosed quote in: ${line}`);
        value += line.slice(i, end);
        i = end + 1;
        if (line[i] === '"') {
          value += '"';
          i++;
        } else break;
      }
    } else {
      const end = line.indexOf(",", i);
      value = line.slice(i, end < 0 ? line.length : end);
      i = end < 0 ? line.length : end;
    }
    out.push(value);
    if (line[i] !== ",") return out;
    i++;
  }
}

export function readTallySheet(text: string): TallySheet {
  const lines = text.split(/\r?\n/).filter((l) => l !== "");
  const sheet: TallySheet = { ballotId: "", title: "", quorum: 0, options: [], rows: [] };
  let header: string[] | null = null;
  for (const [n, line] of lines.entries()) {
    if (line.startsWith("# ")) {
      const [kind, ...rest] = cells(line.slice(2));
      if (kind === "ballot") [sheet.ballotId, sheet.title] = rest;
      else if (kind === "quorum") sheet.quorum = Number(rest[0]);
      else if (kind === "option") sheet.options.push({ id: rest[0], majority: Number(rest[1]), isDefault: rest[2] === "default", label: rest[3] });
      continue;
    }
    const row = cells(line);
    if (!header) {
      header = row;
      if (header[0] !== "voter" || header.slice(1).join() !== sheet.options.map((o) => o.id).join()) throw new Error(`Line ${n + 1}: the columns do not match the "# option" lines.`);
      continue;
    }
    if (row.length !== header.length) throw new Error(`Line ${n + 1}: ${row.length} cells, expected ${header.length}.`);
    const ranks: Ranking = {};
    header.slice(1).forEach((id, i) => {
      const value = row[i + 1].trim();
      if (value === "") return;
      const rank = Number(value);
      if (!Number.isInteger(rank) || rank < 1 || rank > header!.length - 1) throw new Error(`Line ${n + 1}: "${value}" is not a rank from 1 to ${header!.length - 1}.`);
      ranks[id] = rank;
    });
    sheet.rows.push({ voter: row[0], ranks });
  }
  if (sheet.options.filter((o) => o.isDefault).length !== 1) throw new Error("The sheet must name exactly one default option.");
  return sheet;
}

/** The count of a tally sheet: what the server stored when the ballot closed. */
export function countTallySheet(sheet: TallySheet): CountResult {
  return countRankings({
    options: sheet.options.map((o) => ({ key: o.id, majority: o.majority })),
    defaultOption: sheet.options.find((o) => o.isDefault)!.id,
    quorum: sheet.quorum,
    rankings: sheet.rows.map((r) => r.ranks),
  });
}
