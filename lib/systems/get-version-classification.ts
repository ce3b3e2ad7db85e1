import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { classify } from "@/lib/systems/classify";
import { loadCurrentFacts, loadRuleSets } from "@/lib/systems/load-catalogue";

/** What one published version admits: its rules and every system's verdict under them. */
export async function getVersionClassification(slug: string, label: string) {
  const version = await db.version.findFirst({
    where: { label, status: { in: ["published", "superseded"] }, definition: { slug } },
    select: { id: true, label: true, status: true, rules: { select: { criterion: true, value: true, rationale: true, sectionKey: true } } },
  });
  if (!version) throw new AppError("not_found", `Definition "${slug}" has no published version "${label}".`);
  const [systems, ruleSets] = await Promise.all([loadCurrentFacts(), loadRuleSets([version.id])]);
  const rules = ruleSets.get(version.id);
  return {
    definition: slug,
    version: version.label!,
    current: version.status === "published",
    rules: version.rules,
    systems: systems.map((s) => ({ slug: s.slug, name: s.name, ...(rules ? classify(rules, s.facts) : { verdict: "no_rules" as const }) })),
  };
}
