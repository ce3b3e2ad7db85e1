import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMember } from "@/lib/auth/require-member";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { proposeCorrectionSchema } from "@/lib/systems/propose-correction.schema";

/**
 * A member proposes a change to one fact of one system, with at least one
 * http(s) source. It changes nothing until a curator accepts it; it is public
 * from the start and in the audit log.
 */
export async function proposeCorrection({ actor, input }: { actor: Actor | null; input: z.input<typeof proposeCorrectionSchema> }) {
  const member = await requireMember(actor, "propose a correction");
  const data = parseInput(proposeCorrectionSchema, input);
  const system = await db.system.findUnique({ where: { slug: data.systemSlug }, select: { id: true, slug: true } });
  if (!system) throw new AppError("not_found", `There is no system "${data.systemSlug}" in the catalogue.`);

  return db.$transaction(async (tx) => {
    const correction = await tx.factCorrection.create({
      data: {
        systemId: system.id,
        criterion: data.criterion,
        value: data.value,
        explanation: data.explanation,
        sources: JSON.stringify(data.sources),
        asOf: data.asOf,
        proposerId: member.id,
      },
      select: { id: true, status: true },
    });
    await recordAudit(tx, {
      actorId: member.id,
      action: "correction.propose",
      targetType: "system",
      targetId: system.id,
      data: { system: system.slug, correction: correction.id, criterion: data.criterion, value: data.value },
    });
    return { id: correction.id, status: correction.status, systemSlug: system.slug };
  });
}
