import { classify, type Verdict } from "@/lib/systems/classify";
import { CRITERION_IDS, type FactValue, type RuleValue } from "@/lib/systems/criteria";

export type RuleSet = Record<string, RuleValue>;
export type SystemFacts = { slug: string; name: string; facts: Record<string, FactValue> };

export type EffectRow = { slug: string; name: string; before: Verdict; after: Verdict };

/**
 * What changing one rule set into another does to the catalogue: the systems
 * whose verdict changes, grouped the way a reader asks ("now admitted", "no
 * longer admitted", the rest), and the rules that changed. Pure.
 */
export function ruleChangeEffect(before: RuleSet | null, after: RuleSet | null, systems: SystemFacts[]) {
  const changedRules = CRITERION_IDS.flatMap((id) => {
    const from = before?.[id] ?? null;
    const to = after?.[id] ?? null;
    return from === to ? [] : [{ criterion: id, from, to }];
  });
  const rows: EffectRow[] = [];
  if (before && after) {
    for (const s of systems) {
      const b = classify(before, s.facts);
      const a = classify(after, s.facts);
      if (b.verdict !== a.verdict) rows.push({ slug: s.slug, name: s.name, before: b, after: a });
    }
  }
  return {
    changedRules,
    nowAdmitted: rows.filter((r) => r.after.verdict === "admitted"),
    noLongerAdmitted: rows.filter((r) => r.before.verdict === "admitted"),
    otherChanges: rows.filter((r) => r.after.verdict !== "admitted" && r.before.verdict !== "admitted"),
  };
}

export type RuleChangeEffect = ReturnType<typeof ruleChangeEffect>;
