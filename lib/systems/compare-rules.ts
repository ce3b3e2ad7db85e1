import "server-only";
import { db } from "@/lib/db";
import { CRITERIA, type RuleValue } from "@/lib/systems/criteria";

/**
 * The /compare table, read from the rules of each definition's current version:
 * per criterion its rule, the one-line rationale and the section that says it
 * (by its stable key, so the link survives re-ordering). Two statements.
 */
export async function compareRules() {
  const definitions = await db.definition.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      slug: true,
      title: true,
      versions: {
        where: { status: "published" },
        select: { label: true, rules: { select: { criterion: true, value: true, rationale: true, sectionKey: true } }, sections: { select: { key: true, heading: true } } },
      },
    },
  });
  return {
    criteria: CRITERIA,
    definitions: definitions.map((d) => {
      const current = d.versions[0] ?? null;
      const headings = new Map(current?.sections.map((s) => [s.key, s.heading]) ?? []);
      return {
        slug: d.slug,
        title: d.title,
        currentLabel: current?.label ?? null,
        cells: Object.fromEntries(
          (current?.rules ?? []).map((r) => [r.criterion, { value: r.value as RuleValue, rationale: r.rationale, sectionKey: r.sectionKey, sectionHeading: r.sectionKey ? headings.get(r.sectionKey) ?? null : null }]),
        ) as Record<string, { value: RuleValue; rationale: string; sectionKey: string | null; sectionHeading: string | null } | undefined>,
      };
    }),
  };
}
