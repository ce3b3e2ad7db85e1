"use server";
import { startDraft } from "@/lib/versions/start-draft";
import { startDraftSchema } from "@/lib/versions/start-draft.schema";
import { updateDraft } from "@/lib/versions/update-draft";
import { updateDraftSchema } from "@/lib/versions/update-draft.schema";
import { takeInAmendment } from "@/lib/versions/take-in-amendment";
import { takeInAmendmentSchema, type TakeInResult } from "@/lib/versions/take-in-amendment.schema";
import { publishDraft } from "@/lib/versions/publish-draft";
import { publishDraftSchema } from "@/lib/versions/publish-draft.schema";
import { discardDraft } from "@/lib/versions/discard-draft";
import { discardDraftSchema } from "@/lib/versions/discard-draft.schema";
import { formAction, type FormReader } from "@/lib/actions/form-action";
import { definitionPath, draftPath } from "@/lib/paths";
import type { ActionState } from "@/lib/errors/action-result";

// Thin: every rule (maintainers only, the revision token, the label) is in the use cases.
// Saving and taking in stay on the same page with a new #fragment, hence refresh.

const draftPage = (form: FormReader) => draftPath(form.get("slug") ?? "");

export const startDraftAction = formAction(async ({ actor, form }) => {
  await startDraft({ actor, input: form.fields(startDraftSchema) });
  return draftPage(form);
});

export const saveDraftAction = formAction(
  async ({ actor, form }) => {
    await updateDraft({ actor, input: { ...form.fields(updateDraftSchema), body: form.get("body") ?? "" } });
    return `${draftPage(form)}#changes`;
  },
  { keep: (form) => ({ body: form.get("body") ?? "" }), refresh: true },
);

export type TakeInState = ActionState & { conflict?: Extract<TakeInResult, { status: "conflict" }> };

export const takeInAction = formAction<TakeInState>(
  async ({ actor, form }) => {
    const { draftId, amendmentId, resolvedText, revision } = form.fields(takeInAmendmentSchema);
    // The revision goes only with a resolution: it is the one the conflict was shown for.
    const result = await takeInAmendment({ actor, input: { draftId, amendmentId, ...(resolvedText !== undefined ? { resolvedText, revision } : {}) } });
    if (result.status === "conflict") return { error: null, conflict: result };
    return `${draftPage(form)}#changes`;
  },
  { refresh: true },
);

export const publishDraftAction = formAction(
  async ({ actor, form }) => {
    const published = await publishDraft({ actor, input: { ...form.fields(publishDraftSchema), changelog: form.get("body") } });
    return published.path;
  },
  { keep: (form) => ({ body: form.get("body") }) },
);

export const discardDraftAction = formAction(async ({ actor, form }) => {
  await discardDraft({ actor, input: form.fields(discardDraftSchema) });
  return definitionPath(form.get("slug") ?? "");
});
