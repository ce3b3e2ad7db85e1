"use server";
import { headers } from "next/headers";
import { clientAddress } from "@/lib/http/client-address";
import { formAction } from "@/lib/actions/form-action";
import { flagContent } from "@/lib/moderation/flag-content";
import { flagContentSchema } from "@/lib/moderation/flag-content.schema";
import { hideContent } from "@/lib/moderation/hide-content";
import { hideContentSchema } from "@/lib/moderation/hide-content.schema";
import { restoreContent } from "@/lib/moderation/restore-content";
import { restoreContentSchema } from "@/lib/moderation/restore-content.schema";
import { lockThread } from "@/lib/moderation/lock-thread";
import { lockThreadSchema } from "@/lib/moderation/lock-thread.schema";
import { suspendUser } from "@/lib/moderation/suspend-user";
import { suspendUserSchema } from "@/lib/moderation/suspend-user.schema";
import { resolveFlag } from "@/lib/moderation/resolve-flag";
import { resolveFlagSchema } from "@/lib/moderation/resolve-flag.schema";
import type { ModerationState } from "@/app/_components/moderation-form";

// Thin: the use case checks that the actor may (lib/auth/require-moderator.ts),
// then back to the page the form was on.

export const flagContentAction = formAction<ModerationState>(async ({ actor, form }) => {
  await flagContent({ actor, input: form.fields(flagContentSchema), address: clientAddress(await headers()) });
  return { error: null, done: "Thank you. A moderator will look at it." };
});

export const hideContentAction = formAction<ModerationState>(async ({ actor, form }) => {
  await hideContent({ actor, input: form.fields(hideContentSchema) });
  return form.returnTo("/moderation");
});

export const restoreContentAction = formAction<ModerationState>(async ({ actor, form }) => {
  await restoreContent({ actor, input: form.fields(restoreContentSchema) });
  return form.returnTo("/moderation");
});

export const lockThreadAction = formAction<ModerationState>(async ({ actor, form }) => {
  await lockThread({ actor, input: form.fields(lockThreadSchema) });
  return form.returnTo("/moderation");
});

export const suspendUserAction = formAction<ModerationState>(async ({ actor, form }) => {
  await suspendUser({ actor, input: form.fields(suspendUserSchema) });
  return form.returnTo("/moderation");
});

export const resolveFlagAction = formAction<ModerationState>(async ({ actor, form }) => {
  await resolveFlag({ actor, input: form.fields(resolveFlagSchema) });
  return form.returnTo("/moderation");
});
