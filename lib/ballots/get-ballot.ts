import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { ballotStatus, WHOLE_VERSION } from "@/lib/ballots/ballot-rules";
import type { CountResult } from "@/lib/ballots/count-ballot";
import { closeExpiredBallot } from "@/lib/ballots/close-ballot";
import { ballotIdSchema } from "@/lib/ballots/ballot-id.schema";
import { findLeadMaintainer } from "@/lib/ballots/decide-ballot-tie";
import { announceOpenBallots } from "@/lib/ballots/notify-ballot";

/**
 * A ballot as anyone may read it: its options and rules, how many have voted,
 * and after closing the stored count (keys are option ids). A ballot whose
 * period has ended is closed and counted first. With an actor, their own
 * ranking and receipt too (never anyone else's).
 */
export async function getBallot({ actor, input, now = new Date() }: { actor: Actor | null; input: { ballotId: string }; now?: Date }) {
  const { ballotId } = parseInput(ballotIdSchema, input);
  const exists = await db.ballot.findFirst({ where: { id: ballotId }, select: { id: true, opensAt: true, closedAt: true, closesAt: true, announcedAt: true } });
  if (!exists) throw new AppError("not_found", "This ballot does not exist.");
  if (!exists.closedAt && exists.closesAt <= now) await closeExpiredBallot({ ballotId, now });
  else if (!exists.announcedAt && ballotStatus(exists, now) === "open") await announceOpenBallots({ where: { id: ballotId }, now });

  const [ballot, voters, own] = await Promise.all([
    db.ballot.findUniqueOrThrow({
      where: { id: ballotId },
      select: {
        id: true, title: true, sectionKey: true, opensAt: true, closesAt: true, closedAt: true, quorum: true, quorumRule: true, secret: true,
        result: true, winnerOptionId: true, castingVoteById: true, acceptedAt: true, acceptedAmendmentId: true, createdAt: true, versionId: true,
        definition: { select: { id: true, slug: true, title: true } },
        options: { orderBy: { position: "asc" }, select: { id: true, position: true, label: true, text: true, amendmentId: true, sectionKey: true, majority: true, isDefault: true } },
      },
    }),
    db.ballotVote.count({ where: { ballotId } }),
    actor ? db.ballotVote.findUnique({ where: { ballotId_userId: { ballotId, userId: actor.id } }, select: { ranks: true, receipt: true, revision: true, updatedAt: true } }) : null,
  ]);
  const wholeVersion = ballot.sectionKey === WHOLE_VERSION;
  // The sections the options rewrite (on a section ballot, that one section).
  const keys = new Set(ballot.options.flatMap((o) => (o.sectionKey ? [o.sectionKey] : [])));
  if (!wholeVersion) keys.add(ballot.sectionKey);
  const [version, sections, lead, castingVoteBy] = await Promise.all([
    db.version.findUnique({ where: { id: ballot.versionId }, select: { label: true } }),
    db.section.findMany({ where: { versionId: ballot.versionId, key: { in: [...keys] } }, select: { key: true, heading: true, text: true } }),
    findLeadMaintainer(ballot.definition.id),
    ballot.castingVoteById ? db.user.findUnique({ where: { id: ballot.castingVoteById }, select: { handle: true } }) : null,
  ]);
  const result = ballot.result ? (JSON.parse(ballot.result) as CountResult) : null;
  const headings = new Map(sections.map((s) => [s.key, s.heading]));
  const section = wholeVersion ? null : sections.find((s) => s.key === ballot.sectionKey);
  return {
    id: ballot.id,
    title: ballot.title,
    definition: ballot.definition,
    versionLabel: version?.label ?? null,
    scope: wholeVersion ? ("version" as const) : ("section" as const),
    /** null on a ballot on the whole version. */
    section: wholeVersion ? null : { key: ballot.sectionKey, heading: section?.heading ?? ballot.sectionKey, text: section?.text ?? "" },
    status: ballotStatus(ballot, now),
    opensAt: ballot.opensAt,
    closesAt: ballot.closesAt,
    closedAt: ballot.closedAt,
    quorum: ballot.quorum,
    quorumRule: ballot.quorumRule,
    secret: ballot.secret,
    voters,
    options: ballot.options.map((o) => ({ ...o, sectionHeading: o.sectionKey ? (headings.get(o.sectionKey) ?? o.sectionKey) : null })),
    result,
    winnerOptionId: ballot.winnerOptionId,
    castingVoteBy: castingVoteBy?.handle ?? null,
    leadMaintainer: lead?.user.handle ?? null,
    leadMaintainerId: lead?.userId ?? null,
    acceptedAt: ballot.acceptedAt,
    acceptedAmendmentId: ballot.acceptedAmendmentId,
    own: own ? { ranks: JSON.parse(own.ranks) as Record<string, number>, receipt: own.receipt, revision: own.revision, updatedAt: own.updatedAt } : null,
  };
}

export type BallotDetail = Awaited<ReturnType<typeof getBallot>>;
