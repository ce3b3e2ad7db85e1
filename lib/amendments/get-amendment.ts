import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { maintains } from "@/lib/auth/require-maintainer-of";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { amendmentRedline } from "@/lib/amendments/amendment-redline";
import { isOpen, isUndecided, type AmendmentKind } from "@/lib/amendments/amendment-status";
import { amendmentDetailSchema, getAmendmentSchema, HIDDEN_NOTICE, type AmendmentDetail } from "@/lib/amendments/get-amendment.schema";
import { closeExpiredVotes } from "@/lib/votes/close-expired-votes";
import { tallyVotes } from "@/lib/votes/tally-votes";

const person = (user: { handle: string; name: string | null }) => ({ handle: user.handle, name: user.name ?? user.handle });

/**
 * One amendment for its page: the redline of its current revision against the
 * section text it was written against, rationale, author, status, sponsors,
 * the tally of votes on the current revision apart from votes last cast on
 * earlier ones, every revision, and the maintainers' decision. A vote whose
 * window has passed is closed first. Voters and their choices are listed only
 * when the definition's votes are public. An amendment hidden by moderators
 * keeps its status and tallies but none of its words. `actor` may be null (a
 * reader who is not signed in); it only decides the `viewer` hints.
 */
export async function getAmendment({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof getAmendmentSchema>; now?: Date }): Promise<AmendmentDetail> {
  const { amendmentId } = parseInput(getAmendmentSchema, input);

  await closeExpiredVotes({ amendmentId, now });
  const amendment = await db.amendment.findFirst({
    where: { id: amendmentId },
    select: {
      id: true,
      definitionId: true,
      versionId: true,
      sectionKey: true,
      kind: true,
      title: true,
      rationale: true,
      proposedText: true,
      baseText: true,
      revision: true,
      status: true,
      createdAt: true,
      votingOpensAt: true,
      votingClosesAt: true,
      decidedAt: true,
      decisionReason: true,
      hiddenAt: true,
      authorId: true,
      author: { select: { handle: true, name: true } },
      decidedBy: { select: { handle: true, name: true } },
      definition: { select: { slug: true, title: true, voteVisibility: true, sponsorsRequired: true } },
      version: { select: { label: true, status: true } },
      mergedInto: { select: { label: true } },
      revisions: { orderBy: { number: "asc" }, select: { number: true, title: true, rationale: true, proposedText: true, createdAt: true } },
      sponsors: { orderBy: { createdAt: "asc" }, select: { userId: true, user: { select: { handle: true, name: true } } } },
    },
  });
  if (!amendment) throw new AppError("not_found", "This amendment does not exist.");

  const secret = amendment.definition.voteVisibility !== "public";
  const [section, tallies, votes, isMaintainer, ownVote] = await Promise.all([
    db.section.findFirst({ where: { versionId: amendment.versionId, key: amendment.sectionKey }, select: { heading: true } }),
    tallyVotes([amendment]),
    // Secret ballots: the choices are never even read.
    secret
      ? Promise.resolve([])
      : db.vote.findMany({
          where: { amendmentId: amendment.id },
          orderBy: [{ updatedAt: "asc" }, { userId: "asc" }],
          select: { choice: true, revision: true, updatedAt: true, user: { select: { handle: true, name: true } } },
        }),
    actor && amendment.status === "closed" ? maintains(actor, amendment.definitionId) : Promise.resolve(false),
    // The reader's own vote, even when votes are secret: it is theirs to see.
    actor ? db.vote.findUnique({ where: { amendmentId_userId: { amendmentId: amendment.id, userId: actor.id } }, select: { choice: true, revision: true } }) : Promise.resolve(null),
  ]);
  const tally = tallies.get(amendment.id)!;
  const hidden = amendment.hiddenAt !== null;
  const kind = amendment.kind as AmendmentKind;
  const isAuthor = actor?.id === amendment.authorId;
  const hasSponsored = actor ? amendment.sponsors.some((s) => s.userId === actor.id) : false;
  const publicVotes = votes.map((v) => ({ voter: person(v.user), choice: v.choice, revision: v.revision, at: v.updatedAt }));

  return amendmentDetailSchema.parse({
    id: amendment.id,
    title: hidden ? HIDDEN_NOTICE : amendment.title,
    rationale: hidden ? HIDDEN_NOTICE : amendment.rationale,
    rationaleHtml: hidden ? `<p>${HIDDEN_NOTICE}</p>` : renderMarkdown(amendment.rationale, "comment"),
    kind,
    status: amendment.status,
    hidden,
    revision: amendment.revision,
    createdAt: amendment.createdAt,
    definition: amendment.definition,
    baseVersion: { label: amendment.version.label!, status: amendment.version.status },
    section: { key: amendment.sectionKey, heading: section?.heading ?? null },
    author: person(amendment.author),
    baseText: amendment.baseText,
    proposedText: hidden ? "" : amendment.proposedText,
    redline: hidden ? { parts: [], html: "" } : amendmentRedline(kind, amendment.baseText, amendment.proposedText),
    sponsors: {
      count: amendment.sponsors.length,
      required: amendment.definition.sponsorsRequired,
      people: amendment.sponsors.map((s) => person(s.user)),
    },
    votingOpensAt: amendment.votingOpensAt,
    votingClosesAt: amendment.votingClosesAt,
    tally: tally.current,
    earlierTally: tally.earlier,
    votes: {
      current: publicVotes.filter((v) => v.revision === amendment.revision),
      earlier: publicVotes.filter((v) => v.revision !== amendment.revision),
    },
    revisions: amendment.revisions.map((r) =>
      hidden ? { number: r.number, title: HIDDEN_NOTICE, rationale: HIDDEN_NOTICE, proposedText: "", createdAt: r.createdAt } : r,
    ),
    decision:
      amendment.decidedAt && amendment.decidedBy && amendment.decisionReason !== null
        ? {
            outcome: amendment.status === "rejected" ? "rejected" : "accepted",
            reason: amendment.decisionReason,
            by: person(amendment.decidedBy),
            at: amendment.decidedAt,
          }
        : null,
    mergedInto: amendment.mergedInto?.label ? { label: amendment.mergedInto.label } : null,
    viewer: {
      isAuthor,
      hasSponsored,
      canSponsor: actor !== null && !isAuthor && !hasSponsored && !hidden && amendment.status === "seeking",
      canVote: actor !== null && !hidden && amendment.status === "voting",
      canRevise: isAuthor && !hidden && isOpen(amendment.status),
      canWithdraw: isAuthor && isUndecided(amendment.status),
      canResubmit: isAuthor && !hidden && amendment.status === "stale",
      canDecide: isMaintainer,
      ownVote: ownVote ? { choice: ownVote.choice, onCurrentRevision: ownVote.revision === amendment.revision } : null,
    },
  });
}
