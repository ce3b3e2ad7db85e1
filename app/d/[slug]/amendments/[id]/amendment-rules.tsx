import { getAmendmentEffect } from "@/lib/systems/get-rule-change-effect";
import { CRITERIA, criterionLabel, RULE_VALUES, RULE_WORDS, type RuleValue } from "@/lib/systems/criteria";
import { ActionForm } from "@/app/_components/action-form";
import { RuleChangeSummary } from "@/app/systems/rule-change-summary";
import { proposeRuleChangeAction } from "@/app/d/[slug]/amendments/[id]/amendment-rules-actions";

/** The rule changes an amendment proposes and what accepting it would admit; its author adds them while it seeks sponsors. */
export async function AmendmentRules({ slug, amendmentId, canEdit }: { slug: string; amendmentId: string; canEdit: boolean }) {
  const effect = await getAmendmentEffect(amendmentId);
  if (!effect || (effect.ruleChanges.length === 0 && !canEdit)) return null;
  return (
    <section aria-labelledby="rules-heading" id="rules">
      <h2 id="rules-heading">Rule changes and what they admit</h2>
      {effect.ruleChanges.length > 0 && (
        <ul>
          {effect.ruleChanges.map((c) => (
            <li key={c.criterion}>{criterionLabel(c.criterion)}: {RULE_WORDS[c.value as RuleValue]}. {c.rationale}</li>
          ))}
        </ul>
      )}
      <RuleChangeSummary effect={effect} lead="If this is accepted" conditional />
      {canEdit && (
        <ActionForm action={proposeRuleChangeAction} hidden={{ slug, amendmentId }} submitLabel="Propose the rule change">
          <label htmlFor="rc-criterion">Criterion</label>
          <select id="rc-criterion" name="criterion">
            {CRITERIA.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
          <label htmlFor="rc-value">Rule</label>
          <select id="rc-value" name="value">
            {RULE_VALUES.map((v) => <option key={v} value={v}>{RULE_WORDS[v]}</option>)}
          </select>
          <label htmlFor="rc-rationale">Rationale (one line)</label>
          <input id="rc-rationale" name="rationale" type="text" required />
        </ActionForm>
      )}
    </section>
  );
}
