import type { SystemsMatrix } from "@/lib/systems/list-systems";
import { systemPath } from "@/lib/paths";

/** The matrix for JSON readers: only public fields, each verdict with the criteria that decide it. */
export function systemsOutput({ columns, rows }: Pick<SystemsMatrix, "columns" | "rows">) {
  return {
    definitions: columns.map((c) => ({ slug: c.slug, title: c.title, currentVersion: c.label })),
    systems: rows.map((r) => ({ slug: r.slug, name: r.name, developer: r.developer, released: r.released, path: systemPath(r.slug), facts: r.facts, verdicts: r.verdicts })),
  };
}
