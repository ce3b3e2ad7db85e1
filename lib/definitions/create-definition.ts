import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireAdmin } from "@/lib/auth/require-admin";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { createDefinitionSchema } from "@/lib/definitions/create-definition.schema";

/** An admin creates a definition; the creation is audited in the same transaction. */
export async function createDefinition({ actor, input }: { actor: Actor | null; input: z.input<typeof createDefinitionSchema> }) {
  const admin = await requireAdmin(actor, "create definitions");
  const data = parseInput(createDefinitionSchema, input);
  const existing = await db.definition.findUnique({ where: { slug: data.slug }, select: { id: true } });
  if (existing) throw new AppError("conflict", `A definition with the slug "${data.slug}" exists already.`);
  try {
    return await db.$transaction(async (tx) => {
      const definition = await tx.definition.create({
        data: { slug: data.slug, title: data.title, steward: data.steward, summary: data.summary, sources: JSON.stringify(data.sources) },
      });
      await recordAudit(tx, {
        actorId: admin.id,
        definitionId: definition.id,
        action: "definition.create",
        targetType: "definition",
        targetId: definition.id,
        data: { slug: definition.slug, title: definition.title },
      });
      return definition;
    });
  } catch (error) {
    // Unique slug: a concurrent request created it first.
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", `A definition with the slug "${data.slug}" exists already.`);
    throw error;
  }
}
