import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { FactValue, RuleValue } from "@/lib/systems/criteria";
import type { RuleSet, SystemFacts } from "@/lib/systems/rule-change-effect";

export const urlListSchema = z.array(z.string());
export const linkListSchema = z.array(z.object({ label: z.string(), url: z.string() }));

/**
 * Every system with its facts as they stand now (the highest revision of each),
 * in two statements however many systems there are.
 */
export async function loadCurrentFacts(where: { slug?: string } = {}): Promise<(SystemFacts & { id: string; developer: string; released: string })[]> {
  const systems = await db.system.findMany({ where, orderBy: { name: "asc" }, select: { id: true, slug: true, name: true, developer: true, released: true } });
  const facts = await db.systemFact.findMany({
    where: where.slug ? { systemId: { in: systems.map((s) => s.id) } } : {},
    orderBy: { revision: "asc" },
    select: { systemId: true, criterion: true, value: true },
  });
  const bySystem = new Map(systems.map((s) => [s.id, {} as Record<string, FactValue>]));
  // Ascending revisions: the last one written for a criterion is the fact now.
  for (const f of facts) bySystem.get(f.systemId)![f.criterion] = f.value as FactValue;
  return systems.map((s) => ({ ...s, facts: bySystem.get(s.id)! }));
}

/** The rule sets of the given versions, in one statement: versionId → criterion → rule. */
export async function loadRuleSets(versionIds: string[]): Promise<Map<string, RuleSet>> {
  const rules = await db.versionRule.findMany({ where: { versionId: { in: versionIds } }, select: { versionId: true, criterion: true, value: true } });
  const sets = new Map<string, RuleSet>();
  for (const r of rules) {
    const set = sets.get(r.versionId) ?? {};
    set[r.criterion] = r.value as RuleValue;
    sets.set(r.versionId, set);
  }
  return sets;
}

/** Each definition's current (published) version, in one statement. */
export async function loadCurrentVersions() {
  const definitions = await db.definition.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, slug: true, title: true, versions: { where: { status: "published" }, select: { id: true, label: true } } },
  });
  return definitions.map((d) => ({ slug: d.slug, title: d.title, version: d.versions[0] ?? null }));
}
