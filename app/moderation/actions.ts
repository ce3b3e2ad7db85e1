"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { actionError } from "@/lib/errors/action-result";
import { clientAddress } from "@/lib/http/client-address";
import { flagContent } from "@/lib/moderation/flag-content";
import { hideContent } from "@/lib/moderation/hide-content";
import { restoreContent } from "@/lib/moderation/restore-content";
import { lockThread } from "@/lib/moderation/lock-thread";
import { suspendUser } from "@/lib/moderation/suspend-user";
import { resolveFlag } from "@/lib/moderation/resolve-flag";
import type { ModerationState } from "@/app/moderation/moderation-form";

// Thin: read the form, call the use case (which checks that the actor may), then
// go back to where the form was. Each of these is a public POST endpoint.

function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

/** Back to the page the form was on; only a path on this site ("//host" would leave it). */
function returnTo(form: FormData): string {
  const to = field(form, "returnTo") ?? "";
  return to.startsWith("/") && !to.startsWith("//") && !to.startsWith("/\\") ? to : "/moderation";
}

function target(form: FormData) {
  return { targetType: field(form, "targetType"), targetId: field(form, "targetId") };
}

export async function flagContentAction(_previous: ModerationState, form: FormData): Promise<ModerationState> {
  const actor = await currentUser();
  if (!actor) return { error: "Sign in to flag." };
  try {
    await flagContent({ actor, input: { ...target(form), reason: field(form, "reason") }, address: clientAddress(await headers()) });
  } catch (error) {
    return actionError(error);
  }
  return { error: null, done: "Thank you. A moderator will look at it." };
}

export async function hideContentAction(_previous: ModerationState, form: FormData): Promise<ModerationState> {
  const actor = await currentUser();
  if (!actor) return { error: "Sign in as a moderator to hide content." };
  try {
    await hideContent({ actor, input: { ...target(form), reason: field(form, "reason") } });
  } catch (error) {
    return actionError(error);
  }
  redirect(returnTo(form));
}

export async function restoreContentAction(_previous: ModerationState, form: FormData): Promise<ModerationState> {
  const actor = await currentUser();
  if (!actor) return { error: "Sign in as a moderator to restore content." };
  try {
    await restoreContent({ actor, input: { ...target(form), reason: field(form, "reason") } });
  } catch (error) {
    return actionError(error);
  }
  redirect(returnTo(form));
}

export async function lockThreadAction(_previous: ModerationState, form: FormData): Promise<ModerationState> {
  const actor = await currentUser();
  if (!actor) return { error: "Sign in as a moderator to lock threads." };
  try {
    await lockThread({ actor, input: { commentId: field(form, "commentId"), locked: field(form, "locked"), reason: field(form, "reason") } });
  } catch (error) {
    return actionError(error);
  }
  redirect(returnTo(form));
}

export async function suspendUserAction(_previous: ModerationState, form: FormData): Promise<ModerationState> {
  const actor = await currentUser();
  if (!actor) return { error: "Sign in as a moderator to suspend accounts." };
  try {
    await suspendUser({ actor, input: { userId: field(form, "userId"), reason: field(form, "reason") } });
  } catch (error) {
    return actionError(error);
  }
  redirect(returnTo(form));
}

export async function resolveFlagAction(_previous: ModerationState, form: FormData): Promise<ModerationState> {
  const actor = await currentUser();
  if (!actor) return { error: "Sign in as a moderator to close flags." };
  try {
    await resolveFlag({ actor, input: { flagId: field(form, "flagId") } });
  } catch (error) {
    return actionError(error);
  }
  redirect(returnTo(form));
}
