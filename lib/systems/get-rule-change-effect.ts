import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { loadDraft } from "@/lib/versions/load-draft";
import { loadCurrentFacts, loadRuleSets } from "@/lib/systems/load-catalogue";
import { ruleChangeEffect } from "@/lib/systems/rule-change-effect";
import type { RuleValue } from "@/lib/systems/criteria";

/** Between two published versions of a definition: the rules that changed and the systems now (no longer) admitted. */
export async function getVersionsEffect(slug: string, fromLabel: string | null, toLabel: string) {
  const versions = await db.version.findMany({
    where: { definition: { slug }, status: { in: ["published", "superseded"] }, label: { in: [toLabel, ...(fromLabel ? [fromLabel] : [])] } },
    select: { id: true, label: true },
  });
  const to = versions.find((v) => v.label === toLabel);
  const from = fromLabel ? versions.find((v) => v.label === fromLabel) : undefined;
  if (!to || (fromLabel && !from)) return null;
  const [sets, systems] = await Promise.all([loadRuleSets(versions.map((v) => v.id)), loadCurrentFacts()]);
  return ruleChangeEffect(from ? sets.get(from.id) ?? null : null, sets.get(to.id) ?? null, systems);
}

/**
 * For a draft's maintainers: what publishing it would change. A draft without
 * rules of its own keeps its base version's, so it changes nothing yet.
 */
export async function getDraftEffect({ actor, draftId }: { actor: Actor | null; draftId: string }) {
  const { draft, base } = await loadDraft({ actor, draftId });
  const ids = [draft.id, ...(base ? [base.id] : [])];
  const [sets, systems, rows] = await Promise.all([
    loadRuleSets(ids),
    loadCurrentFacts(),
    db.versionRule.findMany({ where: { versionId: { in: ids } }, select: { versionId: true, criterion: true, value: true, rationale: true, sectionKey: true } }),
  ]);
  const before = base ? sets.get(base.id) ?? null : null;
  const after = sets.get(draft.id) ?? before;
  const own = rows.filter((r) => r.versionId === draft.id);
  return {
    hasOwnRules: sets.has(draft.id),
    baseLabel: base?.label ?? null,
    /** The rules the draft would publish with, to fill the form. */
    rules: (own.length > 0 ? own : rows.filter((r) => r.versionId === base?.id)).map(({ versionId: _, ...r }) => r),
    ...ruleChangeEffect(before, after, systems),
  };
}

/** For a history page: each published version's effect against the one before it, in three statements. */
export async function getHistoryEffects(slug: string) {
  const versions = await db.version.findMany({
    where: { definition: { slug }, status: { in: ["published", "superseded"] } },
    orderBy: { number: "asc" },
    select: { id: true, label: true },
  });
  const [sets, systems] = await Promise.all([loadRuleSets(versions.map((v) => v.id)), loadCurrentFacts()]);
  return new Map(versions.map((v, i) => [v.label!, i === 0 ? null : ruleChangeEffect(sets.get(versions[i - 1].id) ?? null, sets.get(v.id) ?? null, systems)]));
}

/**
 * Public: what accepting an amendment would do to its version's rules and so to
 * the systems it admits. An amendment without rule changes changes nothing.
 */
export async function getAmendmentEffect(amendmentId: string) {
  const amendment = await db.amendment.findFirst({
    where: { id: amendmentId, hiddenAt: null },
    select: { versionId: true, ruleChanges: { select: { criterion: true, value: true, rationale: true } } },
  });
  if (!amendment) return null;
  const [sets, systems] = await Promise.all([loadRuleSets([amendment.versionId]), loadCurrentFacts()]);
  const before = sets.get(amendment.versionId) ?? null;
  const after = before ? { ...before, ...Object.fromEntries(amendment.ruleChanges.map((c) => [c.criterion, c.value as RuleValue])) } : null;
  return { ruleChanges: amendment.ruleChanges, ...ruleChangeEffect(before, after, systems) };
}
