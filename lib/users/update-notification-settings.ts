import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMember } from "@/lib/auth/require-member";
import { parseInput } from "@/lib/errors/parse-input";
import { notificationSettingsSchema } from "@/lib/users/account-settings.schema";

/** Whether notifications are also e-mailed (they always appear on /notifications). */
export async function updateNotificationSettings({ actor, input }: { actor: Actor | null; input: z.input<typeof notificationSettingsSchema> }) {
  const { emailNotifications } = parseInput(notificationSettingsSchema, input);
  const member = await requireMember(actor, "change your settings");
  await db.accountSettings.upsert({
    where: { userId: member.id },
    create: { userId: member.id, emailNotifications },
    update: { emailNotifications },
    select: { userId: true },
  });
  return { emailNotifications };
}
