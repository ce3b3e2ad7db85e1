import type { SystemsMatrix } from "@/lib/systems/list-systems";

/** The matrix as rows of text, for CSV: one column per definition's verdict and one for what decides it. */
export function matrixRecords({ columns, rows }: Pick<SystemsMatrix, "columns" | "rows">) {
  const header = ["system", "developer", "released", ...columns.flatMap((c) => [`${c.slug} ${c.label ?? ""}`.trim(), `${c.slug} because`])];
  const records = rows.map((r) => [
    r.name,
    r.developer,
    r.released,
    ...columns.flatMap((c) => {
      const v = r.verdicts[c.slug];
      if (!v) return ["no rules", ""];
      return [v.verdict, v.verdict === "not_admitted" ? v.failing.join(" ") : v.verdict === "undecided" ? v.unknown.join(" ") : ""];
    }),
  ]);
  return { header, records };
}
