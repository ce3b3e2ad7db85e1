"use server";
import { formAction } from "@/lib/actions/form-action";
import { setDraftRules } from "@/lib/systems/set-draft-rules";
import { CRITERION_IDS } from "@/lib/systems/criteria";
import { draftPath } from "@/lib/paths";

// Thin: the form sends one rule, rationale and section per criterion; the use case
// checks the set is complete and the actor maintains the definition.
export const setDraftRulesAction = formAction(
  async ({ actor, form }) => {
    const rules = CRITERION_IDS.map((criterion) => ({
      criterion,
      value: form.get(`rule-${criterion}`) as never,
      rationale: form.get(`rationale-${criterion}`) ?? "",
      sectionKey: form.get(`section-${criterion}`) || null,
    }));
    await setDraftRules({ actor, input: { draftId: form.get("draftId") ?? "", rules } });
    return `${draftPath(form.get("slug") ?? "")}#rules`;
  },
  { refresh: true },
);
