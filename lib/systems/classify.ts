import type { FactValue, RuleValue } from "@/lib/systems/criteria";
import { CRITERION_IDS } from "@/lib/systems/criteria";

export type Verdict =
  | { verdict: "admitted" }
  | { verdict: "not_admitted"; failing: string[] }
  | { verdict: "undecided"; unknown: string[] };

/**
 * What one rule set says of one system's facts. Only required criteria are
 * tested; "implied" ones follow from another requirement and are not tested
 * twice. A required criterion is met by "yes" alone ("partly" is not enough).
 * One failure decides the verdict even if other facts are unknown; otherwise
 * unknown facts on required criteria leave it undecided, and name them. A
 * missing fact counts as unknown. Criteria come back in the catalogue's order.
 */
export function classify(rules: Record<string, RuleValue>, facts: Record<string, FactValue | undefined>): Verdict {
  const failing: string[] = [];
  const unknown: string[] = [];
  for (const id of CRITERION_IDS) {
    if (rules[id] !== "required") continue;
    const fact = facts[id] ?? "unknown";
    if (fact === "unknown") unknown.push(id);
    else if (fact !== "yes") failing.push(id);
  }
  if (failing.length > 0) return { verdict: "not_admitted", failing };
  if (unknown.length > 0) return { verdict: "undecided", unknown };
  return { verdict: "admitted" };
}

export const VERDICT_WORDS: Record<Verdict["verdict"], { words: string; symbol: string }> = {
  admitted: { words: "admitted", symbol: "✓" },
  not_admitted: { words: "not admitted", symbol: "✗" },
  undecided: { words: "undecided", symbol: "?" },
};

export function sameVerdict(a: Verdict, b: Verdict): boolean {
  return a.verdict === b.verdict;
}
