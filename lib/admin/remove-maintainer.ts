import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireAdmin } from "@/lib/auth/require-admin";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { removeMaintainerSchema } from "@/lib/admin/remove-maintainer.schema";

/** An admin removes a maintainer from one definition; audited in the same transaction. */
export async function removeMaintainer({ actor, input }: { actor: Actor | null; input: z.input<typeof removeMaintainerSchema> }) {
  const admin = await requireAdmin(actor, "remove maintainers");
  const { definitionId, handle, reason } = parseInput(removeMaintainerSchema, input);

  const notMaintainer = () => new AppError("not_found", `@${handle} does not maintain this definition.`);
  const user = await db.user.findUnique({ where: { handle }, select: { id: true, handle: true } });
  if (!user) throw notMaintainer();
  const definition = await db.definition.findUnique({ where: { id: definitionId }, select: { id: true, slug: true } });
  if (!definition) throw new AppError("not_found", "This definition does not exist.");

  await db.$transaction(async (tx) => {
    // Counted inside the transaction: of two concurrent removals one finds nothing
    // to delete and rolls back, so the log never records a removal twice.
    const removed = await tx.definitionMaintainer.deleteMany({ where: { definitionId: definition.id, userId: user.id } });
    if (removed.count !== 1) throw notMaintainer();
    await recordAudit(tx, {
      actorId: admin.id,
      definitionId: definition.id,
      action: "maintainer.remove",
      targetType: "user",
      targetId: user.id,
      reason,
      data: { handle: user.handle, definition: definition.slug },
    });
  });
  return { definitionId: definition.id, handle: user.handle };
}
