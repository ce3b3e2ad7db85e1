"use server";
import { redirect } from "next/navigation";
import { refresh } from "next/cache";
import { currentUser } from "@/lib/auth/current-user";
import { startDraft } from "@/lib/versions/start-draft";
import { updateDraft } from "@/lib/versions/update-draft";
import { takeInAmendment } from "@/lib/versions/take-in-amendment";
import { publishDraft } from "@/lib/versions/publish-draft";
import { discardDraft } from "@/lib/versions/discard-draft";
import type { TakeInResult } from "@/lib/versions/take-in-amendment.schema";
import { actionError, type ActionState } from "@/lib/errors/action-result";

// Thin: every rule (maintainers only, the revision token, the label) is in the use cases.

function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

const draftPage = (form: FormData) => `/d/${encodeURIComponent(field(form, "slug") ?? "")}/draft`;

export async function startDraftAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const actor = await currentUser();
  if (!actor) return { error: "Sign in as a maintainer to start a draft." };
  try {
    await startDraft({ actor, input: { definitionId: field(form, "definitionId") } });
  } catch (error) {
    return actionError(error);
  }
  redirect(draftPage(form));
}

export async function saveDraftAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const actor = await currentUser();
  const body = field(form, "body") ?? "";
  if (!actor) return { error: "Sign in as a maintainer to edit the draft.", body };
  try {
    await updateDraft({ actor, input: { draftId: field(form, "draftId"), revision: field(form, "revision"), body, changelog: field(form, "changelog") } });
  } catch (error) {
    return actionError(error, body);
  }
  // Same page, new #fragment: the router would only scroll, so render the new state.
  refresh();
  redirect(`${draftPage(form)}#changes`);
}

export type TakeInState = ActionState & { conflict?: Extract<TakeInResult, { status: "conflict" }> };

export async function takeInAction(_previous: TakeInState, form: FormData): Promise<TakeInState> {
  const actor = await currentUser();
  if (!actor) return { error: "Sign in as a maintainer to take in amendments." };
  const resolvedText = field(form, "resolvedText");
  let result: TakeInResult;
  try {
    result = await takeInAmendment({
      actor,
      input: { draftId: field(form, "draftId"), amendmentId: field(form, "amendmentId"), ...(resolvedText !== undefined ? { resolvedText, revision: field(form, "revision") } : {}) },
    });
  } catch (error) {
    return actionError(error);
  }
  if (result.status === "conflict") return { error: null, conflict: result };
  // Same page, new #fragment: the router would only scroll, so render the new state.
  refresh();
  redirect(`${draftPage(form)}#changes`);
}

export async function publishDraftAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const actor = await currentUser();
  if (!actor) return { error: "Sign in as a maintainer to publish." };
  let path: string;
  try {
    const published = await publishDraft({
      actor,
      input: {
        draftId: field(form, "draftId"),
        revision: field(form, "revision"),
        label: field(form, "label"),
        changelog: field(form, "body"),
        commentsOpenAt: field(form, "commentsOpenAt"),
        commentsCloseAt: field(form, "commentsCloseAt"),
      },
    });
    path = published.path;
  } catch (error) {
    return actionError(error, field(form, "body"));
  }
  redirect(path);
}

export async function discardDraftAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const actor = await currentUser();
  if (!actor) return { error: "Sign in as a maintainer." };
  try {
    await discardDraft({ actor, input: { draftId: field(form, "draftId") } });
  } catch (error) {
    return actionError(error);
  }
  redirect(`/d/${encodeURIComponent(field(form, "slug") ?? "")}`);
}
