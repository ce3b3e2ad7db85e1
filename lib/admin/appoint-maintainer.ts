import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireAdmin } from "@/lib/auth/require-admin";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { appointMaintainerSchema } from "@/lib/admin/appoint-maintainer.schema";

/** An admin appoints someone maintainer of one definition; audited in the same transaction. */
export async function appointMaintainer({ actor, input }: { actor: Actor | null; input: z.input<typeof appointMaintainerSchema> }) {
  const admin = await requireAdmin(actor, "appoint maintainers");
  const { definitionId, handle, reason } = parseInput(appointMaintainerSchema, input);

  const [definition, user] = await Promise.all([
    db.definition.findUnique({ where: { id: definitionId }, select: { id: true, slug: true } }),
    db.user.findUnique({ where: { handle }, select: { id: true, handle: true, suspendedAt: true } }),
  ]);
  if (!definition) throw new AppError("not_found", "This definition does not exist.");
  if (!user) throw new AppError("not_found", `Nobody has the handle "${handle}".`);
  if (user.suspendedAt) throw new AppError("bad_input", `@${handle} is suspended: lift the suspension before appointing them.`);

  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.definitionMaintainer.create({
        data: { definitionId: definition.id, userId: user.id },
        select: { definitionId: true, userId: true, createdAt: true },
      });
      await recordAudit(tx, {
        actorId: admin.id,
        definitionId: definition.id,
        action: "maintainer.appoint",
        targetType: "user",
        targetId: user.id,
        reason,
        data: { handle: user.handle, definition: definition.slug },
      });
      return { definitionId: row.definitionId, handle: user.handle, since: row.createdAt };
    });
  } catch (error) {
    // Unique (definitionId, userId): already a maintainer, perhaps by a concurrent request.
    if ((error as { code?: string }).code === "P2002") throw new AppError("duplicate", `@${handle} already maintains this definition.`);
    throw error;
  }
}
