import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { parseInput } from "@/lib/errors/parse-input";
import { proposeAmendmentSchema } from "@/lib/amendments/propose-amendment.schema";
import { findTargetSection } from "@/lib/amendments/find-target-section";
import { assertProposedText } from "@/lib/amendments/check-proposed-text";
import { indexAmendment } from "@/lib/search/search-index";
import { requireMember } from "@/lib/auth/require-member";
import { enforceProposalLimit } from "@/lib/amendments/enforce-proposal-limit";

/**
 * A member proposes an amendment to one section of a definition's current
 * version: replace its text, insert a new section after it, or delete it. The
 * section's text at this moment is kept as baseText (what the redline compares
 * against and what a later rebase starts from), and the proposal is revision 1,
 * stored as an AmendmentRevision too. It starts out seeking sponsors (or voting
 * at once when the definition requires none). Refusals write nothing.
 */
export async function proposeAmendment({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof proposeAmendmentSchema>; now?: Date }) {
  const data = parseInput(proposeAmendmentSchema, input);

  const member = await requireMember(actor, "propose amendments");
  const { version, definition, section } = await findTargetSection({ versionId: data.versionId, sectionKey: data.sectionKey });
  assertProposedText(data.kind, data.proposedText, section.text);
  await enforceProposalLimit({ userId: member.id, now });

  const opensAtOnce = definition.sponsorsRequired <= 0;
  return db.$transaction(async (tx) => {
    const amendment = await tx.amendment.create({
      data: {
        definitionId: definition.id,
        versionId: version.id,
        sectionKey: section.key,
        kind: data.kind,
        title: data.title,
        rationale: data.rationale,
        proposedText: data.proposedText,
        baseText: section.text,
        revision: 1,
        status: opensAtOnce ? "voting" : "seeking",
        votingOpensAt: opensAtOnce ? now : null,
        votingClosesAt: opensAtOnce ? new Date(now.getTime() + definition.voteWindowDays * 86_400_000) : null,
        authorId: member.id,
        createdAt: now,
      },
      select: { id: true, status: true, revision: true, sectionKey: true, kind: true, createdAt: true },
    });
    await indexAmendment(tx, amendment.id);
    await tx.amendmentRevision.create({
      data: { amendmentId: amendment.id, number: 1, title: data.title, rationale: data.rationale, proposedText: data.proposedText, createdAt: now },
    });
    return { ...amendment, definitionSlug: definition.slug, versionLabel: version.label };
  });
}
