// Rows of the systems catalogue for database tests, written straight to the database.
import "@/scripts/testing/require-test-database";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { indexSystem } from "@/lib/search/search-index";
import { CRITERION_IDS, type FactValue, type RuleValue } from "@/lib/systems/criteria";

/**
 * A system with one revision of each given fact (the rest left without a fact), authored by `authorId` or a fresh user,
 * and indexed for search. `explanations` by criterion, else "Set by a test.".
 */
export async function makeSystem({
  facts = {},
  name,
  developer,
  explanations = {},
  authorId,
}: { facts?: Record<string, FactValue>; name?: string; developer?: string; explanations?: Record<string, string>; authorId?: string } = {}) {
  const slug = `system-${randomUUID().slice(0, 8)}`;
  const author = authorId ?? (await db.user.create({ data: { handle: `author-${randomUUID().slice(0, 8)}` } })).id;
  // One transaction that also indexes the system for search, as the seed writes one.
  return db.$transaction(async (tx) => {
    const system = await tx.system.create({ data: { slug, name: name ?? `System ${slug}`, developer: developer ?? "A lab", released: "2024-01-01", sizes: "7B" } });
    await tx.systemFact.createMany({
      data: Object.entries(facts).map(([criterion, value]) => ({
        systemId: system.id, criterion, revision: 1, value, explanation: explanations[criterion] ?? "Set by a test.", sources: '["https://example.org/source"]', asOf: "2025-01-01", authorId: author, reason: "Test fixture.",
      })),
    });
    await indexSystem(tx, system.id);
    return system;
  });
}

/** One rule per criterion, "not_required" unless overridden. */
export function completeRuleSet(overrides: Record<string, RuleValue> = {}) {
  return CRITERION_IDS.map((criterion) => ({ criterion, value: overrides[criterion] ?? ("not_required" as RuleValue), rationale: "Set by a test.", sectionKey: null }));
}

export async function setRules(versionId: string, overrides: Record<string, RuleValue>) {
  await db.versionRule.createMany({ data: completeRuleSet(overrides).map((r) => ({ versionId, ...r })) });
}
