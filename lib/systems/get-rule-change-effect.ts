import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { loadDraft } from "@/lib/versions/load-draft";
import { loadCurrentFacts, loadRuleSets } from "@/lib/systems/load-catalogue";
import { ruleChangeEffect } from "@/lib/systems/rule-change-effect";

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
  const [sets, systems] = await Promise.all([loadRuleSets(ids), loadCurrentFacts()]);
  const before = base ? sets.get(base.id) ?? null : null;
  const after = sets.get(draft.id) ?? before;
  return { hasOwnRules: sets.has(draft.id), baseLabel: base?.label ?? null, ...ruleChangeEffect(before, after, systems) };
}
