import type { Actor } from "@/lib/auth/current-user";
import { getDraftEffect } from "@/lib/systems/get-rule-change-effect";
import { CRITERIA, RULE_VALUES, RULE_WORDS } from "@/lib/systems/criteria";
import { ActionForm } from "@/app/_components/action-form";
import { RuleChangeSummary } from "@/app/systems/rule-change-summary";
import { setDraftRulesAction } from "@/app/d/[slug]/draft/draft-rules-actions";

/** The draft's rules, what publishing them would change in the systems catalogue, and the form to edit them. */
export async function DraftRules({ actor, slug, draftId, sections }: { actor: Actor; slug: string; draftId: string; sections: { key: string; heading: string }[] }) {
  const effect = await getDraftEffect({ actor, draftId });
  const byCriterion = new Map(effect.rules.map((r) => [r.criterion, r]));
  return (
    <section aria-labelledby="rules-heading" id="rules">
      <h2 id="rules-heading">Rules and what they admit</h2>
      {!effect.hasOwnRules && <p className="muted">This draft keeps the rules of {effect.baseLabel ?? "its base"} until you save its own.</p>}
      <RuleChangeSummary effect={effect} lead="If this draft is published" conditional />
      <ActionForm action={setDraftRulesAction} hidden={{ slug, draftId }} submitLabel="Save the rules">
        {CRITERIA.map((c) => {
          const rule = byCriterion.get(c.id);
          return (
            <fieldset key={c.id}>
              <legend>{c.label}</legend>
              <label htmlFor={`rule-${c.id}`}>Rule</label>
              <select id={`rule-${c.id}`} name={`rule-${c.id}`} defaultValue={rule?.value ?? "not_required"}>
                {RULE_VALUES.map((v) => <option key={v} value={v}>{RULE_WORDS[v]}</option>)}
              </select>
              <label htmlFor={`rationale-${c.id}`}>Rationale (one line)</label>
              <input id={`rationale-${c.id}`} name={`rationale-${c.id}`} type="text" required defaultValue={rule?.rationale ?? ""} />
              <label htmlFor={`section-${c.id}`}>Section that says it</label>
              <select id={`section-${c.id}`} name={`section-${c.id}`} defaultValue={rule?.sectionKey ?? ""}>
                <option value="">none</option>
                {sections.map((s) => <option key={s.key} value={s.key}>{s.heading}</option>)}
              </select>
            </fieldset>
          );
        })}
      </ActionForm>
    </section>
  );
}
