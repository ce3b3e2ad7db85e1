import "server-only";
import { db } from "@/lib/db";
import { formatUtc } from "@/lib/format-utc";
import { ballotPath } from "@/lib/paths";
import { DEFAULT_OPTION_LABEL } from "@/lib/ballots/ballot-rules";

// The definition's followers hear of a ballot twice: when voting opens and when
// it closes with a result. In-app notifications only (no e-mail): a ballot is
// a call to act on the site. Both run after the commit that opened or closed
// the ballot; a failure is logged and undoes nothing.

async function notifyFollowers({ definitionId, skipUserId, text, url }: { definitionId: string; skipUserId: string | null; text: string; url: string }) {
  const follows = await db.follow.findMany({
    where: { definitionId, user: { suspendedAt: null }, ...(skipUserId ? { userId: { not: skipUserId } } : {}) },
    select: { userId: true },
  });
  if (follows.length > 0) await db.notification.createMany({ data: follows.map((f) => ({ userId: f.userId, kind: "ballot", text, url })) });
  return follows.length;
}

/**
 * Tells followers that these ballots are open, each once: a ballot is claimed
 * by setting `announcedAt` where it is still null, so two readers that find a
 * scheduled ballot open at the same moment announce it once. The maintainer who
 * opened it is not told.
 */
export async function announceOpenBallots({ where, now }: { where: { id: string } | { definitionId: string }; now: Date }): Promise<number> {
  try {
    const due = await db.ballot.findMany({
      where: { ...where, announcedAt: null, closedAt: null, opensAt: { lte: now }, closesAt: { gt: now } },
      select: { id: true, title: true, definitionId: true, createdById: true, closesAt: true, definition: { select: { slug: true, title: true } } },
    });
    let told = 0;
    for (const ballot of due) {
      const claimed = await db.ballot.updateMany({ where: { id: ballot.id, announcedAt: null }, data: { announcedAt: now } });
      if (claimed.count !== 1) continue;
      told += await notifyFollowers({
        definitionId: ballot.definitionId,
        skipUserId: ballot.createdById,
        text: `Ballot open on ${ballot.definition.title}: "${ballot.title}" (until ${formatUtc(ballot.closesAt)})`,
        url: ballotPath(ballot.definition.slug, ballot.id),
      });
    }
    return told;
  } catch (error) {
    console.error("ballot open notifications failed", error);
    return 0;
  }
}

/** Tells followers a ballot closed, and its result (the winner, a tie, or that the current text stays). */
export async function notifyBallotClosed({ ballotId, actorId }: { ballotId: string; actorId: string | null }): Promise<number> {
  try {
    const ballot = await db.ballot.findUniqueOrThrow({
      where: { id: ballotId },
      select: { id: true, title: true, definitionId: true, winnerOptionId: true, definition: { select: { slug: true, title: true } }, options: { select: { id: true, label: true, isDefault: true } } },
    });
    const winner = ballot.options.find((o) => o.id === ballot.winnerOptionId);
    const outcome = !winner ? "a tie, for the lead maintainer's casting vote" : winner.isDefault ? `"${DEFAULT_OPTION_LABEL}" won` : `"${winner.label}" won`;
    return await notifyFollowers({
      definitionId: ballot.definitionId,
      skipUserId: actorId,
      text: `Ballot closed on ${ballot.definition.title}: "${ballot.title}": ${outcome}`,
      url: `${ballotPath(ballot.definition.slug, ballot.id)}#results`,
    });
  } catch (error) {
    console.error("ballot close notifications failed", error);
    return 0;
  }
}
