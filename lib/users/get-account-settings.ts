import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMember } from "@/lib/auth/require-member";
import { suggestedName } from "@/lib/users/needs-name";
import { userPath } from "@/lib/paths";

/** The actor's own account as the settings page and the name prompt show it (never anyone else's). */
export async function getAccountSettings({ actor }: { actor: Actor | null }) {
  const member = await requireMember(actor, "see your settings");
  const account = await db.user.findUniqueOrThrow({
    where: { id: member.id },
    select: { name: true, handle: true, email: true, settings: { select: { nameChosenAt: true, emailNotifications: true } } },
  });
  return {
    name: account.name,
    handle: account.handle,
    profilePath: userPath(account.handle),
    email: account.email,
    suggestedName: suggestedName(account),
    nameChosen: Boolean(account.settings?.nameChosenAt),
    emailNotifications: account.settings?.emailNotifications ?? true,
  };
}
