import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireAdmin } from "@/lib/auth/require-admin";
import { hasRole, isAdmin } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { setUserRoleSchema } from "@/lib/admin/set-user-role.schema";

/**
 * An admin appoints a moderator or makes one a member again. Admins themselves are
 * never changed here, so no admin can lock the site out of its own administration.
 * The role takes effect on the person's next request (sessions read it from the
 * database). Audited in the same transaction, with no definition: it is site-wide.
 */
export async function setUserRole({ actor, input }: { actor: Actor | null; input: z.input<typeof setUserRoleSchema> }) {
  const admin = await requireAdmin(actor, "change roles");
  const { handle, role, reason } = parseInput(setUserRoleSchema, input);

  const user = await db.user.findUnique({ where: { handle }, select: { id: true, handle: true, role: true } });
  if (!user) throw new AppError("not_found", `Nobody has the handle "${handle}".`);
  if (isAdmin(user)) throw new AppError("forbidden", `@${handle} is an admin; admins are not changed from the app.`);
  if (hasRole(user, role)) throw new AppError("duplicate", `@${handle} is already a ${role}.`);

  await db.$transaction(async (tx) => {
    // Only from the role read above: a concurrent change makes this one a no-op that rolls back.
    const changed = await tx.user.updateMany({ where: { id: user.id, role: user.role }, data: { role } });
    if (changed.count !== 1) throw new AppError("conflict", `@${handle}'s role was changed meanwhile. Reload and try again.`);
    await recordAudit(tx, {
      actorId: admin.id,
      action: hasRole({ role }, "moderator") ? "role.appoint" : "role.remove",
      targetType: "user",
      targetId: user.id,
      reason,
      data: { handle: user.handle, from: user.role, to: role },
    });
  });
  return { handle: user.handle, role };
}
