import "server-only";
import { z } from "zod";
import { classify, type Verdict } from "@/lib/systems/classify";
import { loadCurrentFacts, loadCurrentVersions, loadRuleSets } from "@/lib/systems/load-catalogue";

export const listSystemsSchema = z.object({
  /** A definition's slug: sort by its verdict (admitted first); otherwise by name. */
  sort: z.string().max(100).optional(),
  /** "slug:verdict", e.g. "osaid:admitted": only the systems with that verdict. */
  filter: z.string().max(120).optional(),
  q: z.string().max(100).optional(),
});

const ORDER: Record<Verdict["verdict"], number> = { admitted: 0, undecided: 1, not_admitted: 2 };

/**
 * The matrix of /systems: every system × each definition's current version, a
 * verdict per cell. Four statements whatever the number of systems: the
 * classification runs in memory.
 */
export async function listSystems(input: z.input<typeof listSystemsSchema> = {}) {
  const query = listSystemsSchema.catch({}).parse(input);
  const [systems, definitions] = await Promise.all([loadCurrentFacts(), loadCurrentVersions()]);
  const ruleSets = await loadRuleSets(definitions.flatMap((d) => (d.version ? [d.version.id] : [])));
  const columns = definitions.map((d) => ({ slug: d.slug, title: d.title, label: d.version?.label ?? null, hasRules: d.version ? ruleSets.has(d.version.id) : false }));
  let rows = systems.map((s) => ({
    slug: s.slug,
    name: s.name,
    developer: s.developer,
    released: s.released,
    facts: s.facts,
    verdicts: Object.fromEntries(
      definitions.map((d) => {
        const rules = d.version ? ruleSets.get(d.version.id) : undefined;
        return [d.slug, rules ? classify(rules, s.facts) : null];
      }),
    ) as Record<string, Verdict | null>,
  }));
  const q = query.q?.trim().toLowerCase();
  if (q) rows = rows.filter((r) => r.name.toLowerCase().includes(q) || r.developer.toLowerCase().includes(q));
  const [filterSlug, filterVerdict] = (query.filter ?? "").split(":");
  if (filterSlug && filterVerdict) rows = rows.filter((r) => r.verdicts[filterSlug]?.verdict === filterVerdict);
  if (query.sort && columns.some((c) => c.slug === query.sort)) {
    const slug = query.sort;
    rows = [...rows].sort((a, b) => ORDER[a.verdicts[slug]?.verdict ?? "undecided"] - ORDER[b.verdicts[slug]?.verdict ?? "undecided"] || a.name.localeCompare(b.name));
  }
  return { columns, rows, query };
}

export type SystemsMatrix = Awaited<ReturnType<typeof listSystems>>;
