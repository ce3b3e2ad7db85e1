import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireCurator } from "@/lib/auth/require-curator";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { criterionLabel } from "@/lib/systems/criteria";
import { decideCorrectionSchema } from "@/lib/systems/decide-correction.schema";
import { systemPath } from "@/lib/paths";
import { indexSystem } from "@/lib/search/search-index";

/**
 * A curator accepts or rejects an open correction, with a reason. Accepting
 * writes the fact's next revision (the proposer is its author, the correction
 * its why). Either way the proposer is notified and the audit log records it,
 * all in one transaction: of two curators deciding at once, one wins and the
 * other is told it was decided meanwhile.
 */
export async function decideCorrection({ actor, input }: { actor: Actor | null; input: z.input<typeof decideCorrectionSchema> }) {
  const curator = await requireCurator(actor, "decide corrections");
  const data = parseInput(decideCorrectionSchema, input);
  const correction = await db.factCorrection.findUnique({
    where: { id: data.correctionId },
    select: { id: true, status: true, systemId: true, criterion: true, value: true, explanation: true, sources: true, asOf: true, proposerId: true, system: { select: { slug: true, name: true } } },
  });
  if (!correction) throw new AppError("not_found", "There is no such correction.");
  if (correction.status !== "open") throw new AppError("closed", `This correction was ${correction.status} already.`);

  try {
    return await db.$transaction(async (tx) => {
      const decided = await tx.factCorrection.updateMany({
        where: { id: correction.id, status: "open" },
        data: { status: data.outcome, decidedById: curator.id, decisionReason: data.reason, decidedAt: new Date() },
      });
      if (decided.count !== 1) throw new AppError("conflict", "Another curator decided this correction meanwhile. Reload to see how.");
      let revision: number | null = null;
      if (data.outcome === "accepted") {
        const last = await tx.systemFact.findFirst({
          where: { systemId: correction.systemId, criterion: correction.criterion },
          orderBy: { revision: "desc" },
          select: { revision: true },
        });
        revision = (last?.revision ?? 0) + 1;
        await tx.systemFact.create({
          data: {
            systemId: correction.systemId,
            criterion: correction.criterion,
            revision,
            value: correction.value,
            explanation: correction.explanation,
            sources: correction.sources,
            asOf: correction.asOf,
            authorId: correction.proposerId,
            reason: data.reason,
            correctionId: correction.id,
          },
        });
        // The new explanation is what search finds the system by from now on.
        await indexSystem(tx, correction.systemId);
      }
      await tx.notification.create({
        data: {
          userId: correction.proposerId,
          kind: "correction",
          text: `Your correction to ${correction.system.name} (${criterionLabel(correction.criterion)}) was ${data.outcome}: ${data.reason}`,
          url: systemPath(correction.system.slug, "corrections"),
        },
      });
      await recordAudit(tx, {
        actorId: curator.id,
        action: data.outcome === "accepted" ? "correction.accept" : "correction.reject",
        targetType: "system",
        targetId: correction.systemId,
        reason: data.reason,
        data: { system: correction.system.slug, correction: correction.id, criterion: correction.criterion, value: correction.value, revision },
      });
      return { id: correction.id, status: data.outcome, revision, systemSlug: correction.system.slug };
    });
  } catch (error) {
    // Two accepted corrections to the same fact at once: the second revision number collides.
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", "This fact changed meanwhile. Reload and decide again.");
    throw error;
  }
}
