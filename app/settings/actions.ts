"use server";
import { cookies } from "next/headers";
import { formAction } from "@/lib/actions/form-action";
import { sessionCookieName } from "@/lib/auth/auth-options";
import { chooseName } from "@/lib/users/choose-name";
import { chooseNameSchema } from "@/lib/users/choose-name.schema";
import { deleteAccount } from "@/lib/users/delete-account";
import { deleteAccountSchema, notificationSettingsSchema, stopFollowingSchema } from "@/lib/users/account-settings.schema";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";
import { updateNotificationSettings } from "@/lib/users/update-notification-settings";
import { stopFollowing } from "@/lib/notifications/stop-following";

export const chooseNameAction = formAction(
  async ({ actor, form }) => {
    await chooseName({ actor, input: form.fields(chooseNameSchema) });
    return form.returnTo("/settings");
  },
  { keep: (form) => ({ body: form.get("name") }), refresh: true },
);

export const notificationSettingsAction = formAction(async ({ actor, form }) => {
  await updateNotificationSettings({ actor, input: form.fields(notificationSettingsSchema) });
  return "/settings?saved=notifications#notifications";
}, { refresh: true });

export const stopFollowingAction = formAction(async ({ actor, form }) => {
  await stopFollowing({ actor, input: form.fields(stopFollowingSchema) });
  return "/settings#notifications";
}, { refresh: true });

/** Every session row goes; this browser's cookie too, so it shows signed out at once. */
async function forgetSessionCookie() {
  (await cookies()).delete(sessionCookieName());
}

export const signOutEverywhereAction = formAction(async ({ actor }) => {
  await signOutEverywhere({ actor });
  await forgetSessionCookie();
  return "/settings/signed-out";
});

export const deleteAccountAction = formAction(async ({ actor, form }) => {
  await deleteAccount({ actor, input: form.fields(deleteAccountSchema) });
  await forgetSessionCookie();
  return "/settings/deleted";
});
