import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireAdmin } from "@/lib/auth/require-admin";
import { isAdmin } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { setCuratorSchema } from "@/lib/systems/set-curator.schema";

/**
 * An admin appoints a curator of the systems catalogue, or removes one. A curator
 * is a row of its own, not a role, so a moderator can also curate. Admins curate
 * without a row. Audited in the same transaction.
 */
export async function setCurator({ actor, input }: { actor: Actor | null; input: z.input<typeof setCuratorSchema> }) {
  const admin = await requireAdmin(actor, "appoint curators");
  const { handle, curator, reason } = parseInput(setCuratorSchema, input);
  const user = await db.user.findUnique({ where: { handle }, select: { id: true, handle: true, role: true, suspendedAt: true } });
  if (!user) throw new AppError("not_found", `Nobody has the handle "${handle}".`);
  if (isAdmin(user)) throw new AppError("bad_input", `@${handle} is an admin, and admins are curators already.`);
  if (curator === "yes" && user.suspendedAt) throw new AppError("bad_input", `@${handle} is suspended: lift the suspension before appointing them.`);

  try {
    await db.$transaction(async (tx) => {
      if (curator === "yes") await tx.curator.create({ data: { userId: user.id, appointedById: admin.id } });
      else if ((await tx.curator.deleteMany({ where: { userId: user.id } })).count !== 1) throw new AppError("not_found", `@${handle} is not a curator.`);
      await recordAudit(tx, {
        actorId: admin.id,
        action: curator === "yes" ? "curator.appoint" : "curator.remove",
        targetType: "user",
        targetId: user.id,
        reason,
        data: { handle: user.handle },
      });
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("duplicate", `@${handle} is a curator already.`);
    throw error;
  }
  return { handle: user.handle, curator: curator === "yes" };
}
