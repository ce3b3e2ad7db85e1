"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { previewAmendment } from "@/lib/amendments/preview-amendment";
import { sponsorAmendment } from "@/lib/amendments/sponsor-amendment";
import { withdrawAmendment } from "@/lib/amendments/withdraw-amendment";
import { reviseAmendment } from "@/lib/amendments/revise-amendment";
import { resubmitAmendment } from "@/lib/amendments/resubmit-amendment";
import { decideAmendment } from "@/lib/amendments/decide-amendment";
import { recordVote } from "@/lib/votes/cast-vote";
import { clientAddress } from "@/lib/http/client-address";
import { actionError, type ActionState } from "@/lib/errors/action-result";

// Thin: read the form, call the use case (it decides who may do what), redirect.

function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

function amendmentPath(form: FormData, id?: string) {
  return `/d/${encodeURIComponent(field(form, "slug") ?? "")}/amendments/${encodeURIComponent(id ?? field(form, "amendmentId") ?? "")}`;
}

export type ProposeState = ActionState & {
  preview?: { html: string; problem: string | null };
  values?: { kind: string; title: string; rationale: string; proposedText: string };
};

export async function proposeAmendmentAction(_previous: ProposeState, form: FormData): Promise<ProposeState> {
  const input = {
    versionId: field(form, "versionId"),
    sectionKey: field(form, "sectionKey"),
    kind: field(form, "kind"),
    title: field(form, "title") ?? "",
    rationale: field(form, "rationale") ?? "",
    proposedText: field(form, "proposedText") ?? "",
  };
  const values = { kind: input.kind ?? "replace", title: input.title, rationale: input.rationale, proposedText: input.proposedText };
  const actor = await currentUser();
  if (field(form, "intent") === "preview") {
    try {
      const preview = await previewAmendment({ actor, input });
      return { error: null, values, preview: { html: preview.redline.html, problem: preview.problem } };
    } catch (error) {
      return { ...actionError(error), values };
    }
  }
  if (!actor) return { error: "Sign in to propose an amendment.", values };
  let path: string;
  try {
    const amendment = await proposeAmendment({ actor, input });
    path = amendmentPath(form, amendment.id);
  } catch (error) {
    return { ...actionError(error), values };
  }
  redirect(path);
}

/** Runs one amendment use case for the signed-in member, then shows the amendment again. */
async function onAmendment(form: FormData, doing: string, run: (actor: NonNullable<Awaited<ReturnType<typeof currentUser>>>) => Promise<unknown>): Promise<ActionState> {
  const actor = await currentUser();
  if (!actor) return { error: `Sign in to ${doing}.` };
  try {
    await run(actor);
  } catch (error) {
    return actionError(error, field(form, "body"));
  }
  redirect(amendmentPath(form));
}

export async function sponsorAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return onAmendment(form, "sponsor this amendment", (actor) => sponsorAmendment({ actor, input: { amendmentId: field(form, "amendmentId") } }));
}

export async function voteAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return onAmendment(form, "vote", async (actor) =>
    recordVote({ actor, input: { amendmentId: field(form, "amendmentId"), choice: field(form, "choice") }, address: clientAddress(await headers()) }),
  );
}

export async function withdrawAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return onAmendment(form, "withdraw your amendment", (actor) => withdrawAmendment({ actor, input: { amendmentId: field(form, "amendmentId") } }));
}

export async function reviseAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return onAmendment(form, "revise your amendment", (actor) =>
    reviseAmendment({
      actor,
      input: {
        amendmentId: field(form, "amendmentId"),
        revision: field(form, "revision"),
        title: field(form, "title") ?? "",
        rationale: field(form, "rationale") ?? "",
        proposedText: field(form, "body") ?? "",
      },
    }),
  );
}

export async function resubmitAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return onAmendment(form, "resubmit your amendment", (actor) =>
    resubmitAmendment({ actor, input: { amendmentId: field(form, "amendmentId"), versionId: field(form, "versionId"), proposedText: field(form, "body") ?? "" } }),
  );
}

export async function decideAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return onAmendment(form, "decide on this amendment", (actor) =>
    decideAmendment({ actor, input: { amendmentId: field(form, "amendmentId"), outcome: field(form, "outcome"), reason: field(form, "body") ?? "" } }),
  );
}
