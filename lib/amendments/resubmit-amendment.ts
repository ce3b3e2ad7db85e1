import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import type { AmendmentKind } from "@/lib/amendments/amendment-status";
import { resubmitAmendmentSchema } from "@/lib/amendments/rebase-amendment.schema";
import { assertProposedText } from "@/lib/amendments/check-proposed-text";
import { indexAmendment } from "@/lib/search/search-index";
import { requireMember } from "@/lib/auth/require-member";
import { enforceProposalLimit } from "@/lib/amendments/enforce-proposal-limit";

const DAY_MS = 86_400_000;

/**
 * The author moves a stale amendment onto the current version with the text
 * they resolved (usually from rebaseAmendment's merge): its base becomes the
 * section's current text, the text becomes a new revision, and it goes back to
 * seeking sponsors. Earlier sponsorships are cleared, since they endorsed a text
 * that no longer applies; votes cast on earlier revisions remain on record and
 * are shown apart from votes on the new one.
 */
export async function resubmitAmendment({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof resubmitAmendmentSchema>; now?: Date }) {
  const data = parseInput(resubmitAmendmentSchema, input);

  const member = await requireMember(actor, "resubmit amendments");
  const amendment = await db.amendment.findFirst({
    where: { id: data.amendmentId },
    select: {
      id: true,
      authorId: true,
      definitionId: true,
      sectionKey: true,
      kind: true,
      status: true,
      revision: true,
      title: true,
      rationale: true,
      hiddenAt: true,
      definition: { select: { sponsorsRequired: true, voteWindowDays: true } },
    },
  });
  if (!amendment) throw new AppError("not_found", "This amendment does not exist.");
  if (amendment.authorId !== member.id) throw new AppError("forbidden", "Only the author can update and resubmit an amendment.");
  if (amendment.hiddenAt) throw new AppError("forbidden", "Moderators hid this amendment: it cannot be resubmitted.");
  if (amendment.status !== "stale") throw new AppError("bad_input", "Only an amendment whose section changed in a newer version (a stale one) is resubmitted.");

  const current = await db.version.findFirst({
    where: { definitionId: amendment.definitionId, status: "published" },
    select: { id: true, label: true, sections: { where: { key: amendment.sectionKey }, select: { text: true } } },
  });
  if (!current) throw new AppError("not_found", "This definition has no published version.");
  if (current.id !== data.versionId) {
    throw new AppError("conflict", `Version ${current.label} has been published since you updated the text. Review the merge against ${current.label} and resubmit.`);
  }
  const section = current.sections[0];
  if (!section) {
    throw new AppError("bad_input", `The section this amendment changes no longer exists in version ${current.label}. Withdraw it, or propose a new amendment.`);
  }
  const kind = amendment.kind as AmendmentKind;
  assertProposedText(kind, data.proposedText, section.text);
  await enforceProposalLimit({ userId: member.id, now });

  const title = data.title ?? amendment.title;
  const rationale = data.rationale ?? amendment.rationale;
  const next = amendment.revision + 1;
  const opensAtOnce = amendment.definition.sponsorsRequired <= 0;
  // A lost race commits having written nothing instead of rolling back (see reviseAmendment).
  const moved = await db.$transaction(async (tx) => {
    const moved = await tx.amendment.updateMany({
      where: { id: amendment.id, authorId: member.id, definitionId: amendment.definitionId, status: "stale", revision: amendment.revision },
      data: {
        versionId: current.id,
        baseText: section.text,
        proposedText: data.proposedText,
        title,
        rationale,
        revision: next,
        status: opensAtOnce ? "voting" : "seeking",
        votingOpensAt: opensAtOnce ? now : null,
        votingClosesAt: opensAtOnce ? new Date(now.getTime() + amendment.definition.voteWindowDays * DAY_MS) : null,
      },
    });
    if (moved.count !== 1) return false;
    await indexAmendment(tx, amendment.id);
    await tx.amendmentRevision.create({ data: { amendmentId: amendment.id, number: next, title, rationale, proposedText: data.proposedText, createdAt: now } });
    await tx.sponsorship.deleteMany({ where: { amendmentId: amendment.id } });
    return true;
  });
  if (!moved) throw new AppError("conflict", "The amendment changed while you were updating it. Reload it and try again.");
  return { amendmentId: amendment.id, revision: next, status: opensAtOnce ? ("voting" as const) : ("seeking" as const), versionLabel: current.label! };
}
