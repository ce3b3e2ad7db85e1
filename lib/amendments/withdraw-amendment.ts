import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { requireMember } from "@/lib/auth/require-member";
import { UNDECIDED_STATUSES } from "@/lib/amendments/amendment-status";
import { withdrawAmendmentSchema } from "@/lib/amendments/withdraw-amendment.schema";

/**
 * The author withdraws their amendment at any point before the maintainers'
 * decision. Its sponsors, votes and revisions stay on record. Like every member
 * write it needs an account that is not suspended (a suspension ends every
 * session, so the app never offers it to a suspended author anyway).
 */
export async function withdrawAmendment({ actor, input }: { actor: Actor | null; input: z.input<typeof withdrawAmendmentSchema> }) {
  const { amendmentId } = parseInput(withdrawAmendmentSchema, input);

  const member = await requireMember(actor, "withdraw amendments");
  const amendment = await db.amendment.findFirst({ where: { id: amendmentId }, select: { id: true, authorId: true, status: true } });
  if (!amendment) throw new AppError("not_found", "This amendment does not exist.");
  if (amendment.authorId !== member.id) throw new AppError("forbidden", "Only the author can withdraw an amendment.");
  if (amendment.status === "withdrawn") return { amendmentId: amendment.id, status: "withdrawn" as const, changed: false };

  const updated = await db.amendment.updateMany({
    where: { id: amendment.id, authorId: member.id, status: { in: [...UNDECIDED_STATUSES] } },
    data: { status: "withdrawn" },
  });
  if (updated.count !== 1) {
    const latest = await db.amendment.findFirst({ where: { id: amendment.id, authorId: member.id }, select: { status: true } });
    if (latest?.status === "withdrawn") return { amendmentId: amendment.id, status: "withdrawn" as const, changed: false };
    throw new AppError("closed", `The maintainers have already decided on this amendment (${latest?.status ?? amendment.status}): it can no longer be withdrawn.`);
  }
  return { amendmentId: amendment.id, status: "withdrawn" as const, changed: true };
}
