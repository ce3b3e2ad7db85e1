import { describe, expect, it } from "vitest";
import { classify, type Verdict } from "@/lib/systems/classify";
import { CRITERIA, CRITERION_IDS, type FactValue, type RuleValue } from "@/lib/systems/criteria";

const all = (value: RuleValue) => Object.fromEntries(CRITERION_IDS.map((id) => [id, value])) as Record<string, RuleValue>;
const facts = (value: FactValue) => Object.fromEntries(CRITERION_IDS.map((id) => [id, value])) as Record<string, FactValue>;
// OSAID 1.0's reading: everything but the training data itself.
const osaid = { ...all("required"), trainingData: "not_required" as const };
// Open weights: the weights and the freedom to use them, nothing else.
const openWeights = { ...all("not_required"), weights: "required" as const, noUseRestrictions: "required" as const };

const CASES: { name: string; rules: Record<string, RuleValue>; facts: Record<string, FactValue | undefined>; expected: Verdict }[] = [
  { name: "everything open, everything required", rules: all("required"), facts: facts("yes"), expected: { verdict: "admitted" } },
  { name: "nothing required admits even a closed system", rules: all("not_required"), facts: facts("no"), expected: { verdict: "admitted" } },
  { name: "a 'no' on a required criterion fails it", rules: osaid, facts: { ...facts("yes"), trainingCode: "no" }, expected: { verdict: "not_admitted", failing: ["trainingCode"] } },
  { name: "'partly' does not meet a requirement", rules: osaid, facts: { ...facts("yes"), dataDocs: "partly" }, expected: { verdict: "not_admitted", failing: ["dataDocs"] } },
  { name: "a criterion not required is not tested", rules: osaid, facts: { ...facts("yes"), trainingData: "no" }, expected: { verdict: "admitted" } },
  { name: "implied criteria are not tested on their own", rules: { ...all("required"), dataDocs: "implied" }, facts: { ...facts("yes"), dataDocs: "no" }, expected: { verdict: "admitted" } },
  { name: "an unknown required fact leaves it undecided", rules: openWeights, facts: { ...facts("no"), weights: "unknown", noUseRestrictions: "yes" }, expected: { verdict: "undecided", unknown: ["weights"] } },
  { name: "a failure decides even with unknowns beside it", rules: openWeights, facts: { ...facts("yes"), weights: "unknown", noUseRestrictions: "no" }, expected: { verdict: "not_admitted", failing: ["noUseRestrictions"] } },
  { name: "a missing fact counts as unknown", rules: openWeights, facts: { weights: "yes" }, expected: { verdict: "undecided", unknown: ["noUseRestrictions"] } },
  { name: "every failing criterion is named, in catalogue order", rules: all("required"), facts: { ...facts("yes"), noUseRestrictions: "no", weights: "partly", trainingData: "no" }, expected: { verdict: "not_admitted", failing: ["weights", "trainingData", "noUseRestrictions"] } },
  { name: "every unknown is named", rules: all("required"), facts: { ...facts("unknown"), weights: "yes" }, expected: { verdict: "undecided", unknown: CRITERION_IDS.filter((id) => id !== "weights") } },
  { name: "an unknown on a criterion not required does not matter", rules: osaid, facts: { ...facts("yes"), trainingData: "unknown" }, expected: { verdict: "admitted" } },
];

describe("classify", () => {
  it.each(CASES)("$name", ({ rules, facts: f, expected }) => {
    expect(classify(rules, f)).toEqual(expected);
  });

  it("knows the six criteria the definitions use", () => {
    expect(CRITERIA.map((c) => c.id)).toEqual(["weights", "trainingCode", "inferenceCode", "trainingData", "dataDocs", "noUseRestrictions"]);
  });
});
