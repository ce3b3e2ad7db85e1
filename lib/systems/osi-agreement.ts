import "server-only";
import { db } from "@/lib/db";
import { classify } from "@/lib/systems/classify";
import { loadCurrentFacts, loadRuleSets } from "@/lib/systems/load-catalogue";

/**
 * For each system the OSI published a verdict on: that verdict against the one
 * OpenDef derives from OSAID 1.0's rules and the facts. Shown on /systems so a
 * disagreement is explained rather than hidden; the seed test expects none.
 */
export async function osiAgreement() {
  const [external, version, systems] = await Promise.all([
    db.externalClassification.findMany({ where: { source: "osi", reading: { not: "" } }, select: { systemId: true, verdict: true, reading: true, url: true, asOf: true } }),
    db.version.findFirst({ where: { label: "1.0", definition: { slug: "osaid" } }, select: { id: true } }),
    loadCurrentFacts(),
  ]);
  const rules = version ? (await loadRuleSets([version.id])).get(version.id) : undefined;
  if (!rules) return [];
  return external.flatMap((e) => {
    const system = systems.find((s) => s.id === e.systemId);
    if (!system) return [];
    const derived = classify(rules, system.facts);
    return [{ slug: system.slug, name: system.name, osi: e.verdict, osiReading: e.reading, url: e.url, asOf: e.asOf, derived, agrees: derived.verdict === e.reading }];
  });
}
