"use server";
import { formAction } from "@/lib/actions/form-action";
import { proposeRuleChange } from "@/lib/systems/propose-rule-change";
import { proposeRuleChangeSchema } from "@/lib/systems/propose-rule-change.schema";
import { amendmentPath } from "@/lib/paths";

// Thin: the use case checks the author, the amendment's status and the rule.
export const proposeRuleChangeAction = formAction(
  async ({ actor, form }) => {
    const { amendmentId } = await proposeRuleChange({ actor, input: form.fields(proposeRuleChangeSchema) });
    return `${amendmentPath(form.get("slug") ?? "", amendmentId)}#rules`;
  },
  { refresh: true },
);
