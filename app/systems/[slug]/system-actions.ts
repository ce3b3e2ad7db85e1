"use server";
import { formAction } from "@/lib/actions/form-action";
import { proposeCorrection } from "@/lib/systems/propose-correction";
import { proposeCorrectionSchema } from "@/lib/systems/propose-correction.schema";
import { decideCorrection } from "@/lib/systems/decide-correction";
import { decideCorrectionSchema } from "@/lib/systems/decide-correction.schema";
import { systemPath } from "@/lib/paths";

// Thin: the use cases guard (a member proposes, a curator decides) and audit.

export const proposeCorrectionAction = formAction(
  async ({ actor, form }) => {
    const { systemSlug } = await proposeCorrection({ actor, input: form.fields(proposeCorrectionSchema) });
    return systemPath(systemSlug, "corrections");
  },
  { refresh: true },
);

export const decideCorrectionAction = formAction(
  async ({ actor, form }) => {
    const { systemSlug } = await decideCorrection({ actor, input: form.fields(decideCorrectionSchema) });
    return systemPath(systemSlug, "corrections");
  },
  { refresh: true },
);
