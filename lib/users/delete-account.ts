import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMember } from "@/lib/auth/require-member";
import { isStaff } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { deleteAccountSchema } from "@/lib/users/account-settings.schema";
import { removeAuthorComments } from "@/lib/search/search-index";

/** What every deleted account is called wherever its public record shows a name. */
export const DELETED_MEMBER_NAME = "deleted member";

/**
 * Deletes the actor's account. The User row stays, because comments, amendments
 * and votes in the public record point at it, but it keeps nothing personal: no
 * e-mail, no sign-in links, no sessions, the name "deleted member" and a random
 * handle. Follows and notifications go. With comments "erase", the text of every
 * comment (and its earlier revisions) is erased too and the comment shows as
 * deleted; replies keep their place. Amendments, sponsorships and votes stay:
 * they are part of how a version came about (docs/decisions/021-accounts-and-staff-badges.md).
 * Staff hand over their role first, so that no power is left on a nameless account.
 * The audit log records the deletion by the account's internal id only.
 */
export async function deleteAccount({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof deleteAccountSchema>; now?: Date }) {
  const { comments } = parseInput(deleteAccountSchema, input);
  const member = await requireMember(actor, "delete your account");
  const maintained = await db.definitionMaintainer.count({ where: { userId: member.id } });
  if (isStaff(member) || maintained > 0) {
    throw new AppError("forbidden", "Staff accounts cannot be deleted here: ask an admin to take away your role (or maintainership) first, then delete the account.");
  }
  const erase = comments === "erase";

  const erased = await db.$transaction(async (tx) => {
    let erasedComments = 0;
    if (erase) {
      await tx.commentRevision.deleteMany({ where: { comment: { authorId: member.id } } });
      erasedComments = (await tx.comment.updateMany({ where: { authorId: member.id }, data: { body: "", bodyHtml: "" } })).count;
      await tx.comment.updateMany({ where: { authorId: member.id, deletedAt: null }, data: { deletedAt: now } });
      // Erased text must not stay findable: the author's comments leave the search index.
      await removeAuthorComments(tx, member.id);
    }
    await tx.session.deleteMany({ where: { userId: member.id } });
    await tx.accessToken.deleteMany({ where: { userId: member.id } });
    await tx.account.deleteMany({ where: { userId: member.id } });
    await tx.follow.deleteMany({ where: { userId: member.id } });
    await tx.notification.deleteMany({ where: { userId: member.id } });
    await tx.user.update({
      where: { id: member.id },
      data: { name: DELETED_MEMBER_NAME, handle: `deleted-${randomBytes(6).toString("hex")}`, email: null, emailVerified: null, image: null },
      select: { id: true },
    });
    await tx.accountSettings.upsert({
      where: { userId: member.id },
      create: { userId: member.id, deletedAt: now, emailNotifications: false },
      update: { deletedAt: now, emailNotifications: false },
      select: { userId: true },
    });
    // No name, handle or address: the id alone, which nothing links to a person any more.
    await recordAudit(tx, { actorId: member.id, action: "account.delete", targetType: "user", targetId: member.id, data: { commentText: erase ? "erased" : "kept" } });
    return erasedComments;
  });
  return { erasedComments: erased };
}
