"use server";
import { headers } from "next/headers";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { proposeAmendmentSchema } from "@/lib/amendments/propose-amendment.schema";
import { previewAmendment } from "@/lib/amendments/preview-amendment";
import { sponsorAmendment } from "@/lib/amendments/sponsor-amendment";
import { sponsorAmendmentSchema } from "@/lib/amendments/sponsor-amendment.schema";
import { withdrawAmendment } from "@/lib/amendments/withdraw-amendment";
import { withdrawAmendmentSchema } from "@/lib/amendments/withdraw-amendment.schema";
import { reviseAmendment } from "@/lib/amendments/revise-amendment";
import { reviseAmendmentSchema } from "@/lib/amendments/revise-amendment.schema";
import { resubmitAmendment } from "@/lib/amendments/resubmit-amendment";
import { resubmitAmendmentSchema } from "@/lib/amendments/rebase-amendment.schema";
import { decideAmendment } from "@/lib/amendments/decide-amendment";
import { decideAmendmentSchema } from "@/lib/amendments/decide-amendment.schema";
import { recordVote } from "@/lib/votes/cast-vote";
import { castVoteSchema } from "@/lib/votes/cast-vote.schema";
import { clientAddress } from "@/lib/http/client-address";
import { formAction, type FormReader } from "@/lib/actions/form-action";
import { amendmentPath } from "@/lib/paths";
import type { ActionState } from "@/lib/errors/action-result";
import { tallyInPlace } from "@/app/d/[slug]/amendments/[id]/amendment-tally";

// Thin: the use case decides who may do what; then back to the amendment.

function amendmentPage(form: FormReader, id?: string) {
  return amendmentPath(form.get("slug") ?? "", id ?? form.get("amendmentId") ?? "");
}

export type ProposeState = ActionState & {
  preview?: { html: string; problem: string | null };
  values?: { kind: string; title: string; rationale: string; proposedText: string };
};

function proposal(form: FormReader) {
  const fields = form.fields(proposeAmendmentSchema);
  const input = { ...fields, title: fields.title ?? "", rationale: fields.rationale ?? "", proposedText: fields.proposedText ?? "" };
  // What the form shows again, whatever the answer.
  const values = { kind: input.kind ?? "replace", title: input.title, rationale: input.rationale, proposedText: input.proposedText };
  return { input, values };
}

export const proposeAmendmentAction = formAction<ProposeState>(
  async ({ actor, form }) => {
    const { input, values } = proposal(form);
    if (form.get("intent") === "preview") {
      const preview = await previewAmendment({ actor, input });
      return { error: null, values, preview: { html: preview.redline.html, problem: preview.problem } };
    }
    const amendment = await proposeAmendment({ actor, input });
    return amendmentPage(form, amendment.id);
  },
  { keep: (form) => ({ values: proposal(form).values }) },
);

// The amendment's page forms: a refusal keeps the text typed into "body".
const keepBody = (form: FormReader) => ({ body: form.get("body") });

export const sponsorAction = formAction(
  async ({ actor, form }) => {
    await sponsorAmendment({ actor, input: form.fields(sponsorAmendmentSchema) });
    return amendmentPage(form);
  },
  { keep: keepBody },
);

export const voteAction = formAction(
  async ({ actor, form }) => {
    const vote = await recordVote({ actor, input: form.fields(castVoteSchema), address: clientAddress(await headers()) });
    // With JavaScript: only the new tally (one groupBy), shown in place of the old one.
    if (form.get("respond") === "in-place") return tallyInPlace(vote);
    return amendmentPage(form);
  },
  { keep: keepBody },
);

export const withdrawAction = formAction(
  async ({ actor, form }) => {
    await withdrawAmendment({ actor, input: form.fields(withdrawAmendmentSchema) });
    return amendmentPage(form);
  },
  { keep: keepBody },
);

export const reviseAction = formAction(
  async ({ actor, form }) => {
    const fields = form.fields(reviseAmendmentSchema);
    await reviseAmendment({ actor, input: { ...fields, title: fields.title ?? "", rationale: fields.rationale ?? "", proposedText: form.get("body") ?? "" } });
    return amendmentPage(form);
  },
  { keep: keepBody },
);

export const resubmitAction = formAction(
  async ({ actor, form }) => {
    await resubmitAmendment({ actor, input: { ...form.fields(resubmitAmendmentSchema), proposedText: form.get("body") ?? "" } });
    return amendmentPage(form);
  },
  { keep: keepBody },
);

export const decideAction = formAction(
  async ({ actor, form }) => {
    await decideAmendment({ actor, input: { ...form.fields(decideAmendmentSchema), reason: form.get("body") ?? "" } });
    return amendmentPage(form);
  },
  { keep: keepBody },
);
