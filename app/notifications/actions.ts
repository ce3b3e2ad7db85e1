"use server";
import { formAction } from "@/lib/actions/form-action";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { unsubscribe } from "@/lib/notifications/unsubscribe";

export const markAllReadAction = formAction(async ({ actor }) => {
  await markNotificationsRead({ actor });
  return "/notifications";
});

// The link in every notification e-mail: works without signing in; the token is
// the credential, and only a POST (this form) unsubscribes.
export const unsubscribeAction = formAction(
  async ({ form }) => {
    await unsubscribe({ token: form.get("token") ?? "" });
    return "/unsubscribe/done";
  },
  { signedIn: false },
);
