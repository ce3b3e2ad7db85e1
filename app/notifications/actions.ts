"use server";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { unsubscribe } from "@/lib/notifications/unsubscribe";
import { actionError, type ActionState } from "@/lib/errors/action-result";

export async function markAllReadAction(_previous: ActionState, _form: FormData): Promise<ActionState> {
  const actor = await currentUser();
  if (!actor) return { error: "Sign in to see your notifications." };
  try {
    await markNotificationsRead({ actor });
  } catch (error) {
    return actionError(error);
  }
  redirect("/notifications");
}

// The link in every notification e-mail: works without signing in; the token is
// the credential, and only a POST (this form) unsubscribes.
export async function unsubscribeAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const token = form.get("token");
  try {
    await unsubscribe({ token: typeof token === "string" ? token : "" });
  } catch (error) {
    return actionError(error);
  }
  redirect(`/unsubscribe/done`);
}
