import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { sponsorAmendmentSchema } from "@/lib/amendments/sponsor-amendment.schema";
import { requireMember } from "@/lib/auth/require-member";

const DAY_MS = 86_400_000;

function notSeekingMessage(status: string): string {
  switch (status) {
    case "voting":
      return "This amendment already has its sponsors and its vote is open: vote on it instead.";
    case "stale":
      return "The section this amendment changes was edited by a newer version; it can be sponsored again once the author updates it.";
    case "withdrawn":
      return "The author withdrew this amendment.";
    default:
      return "This amendment is past the sponsoring stage: its vote has already taken place.";
  }
}

/**
 * A member other than the author sponsors an amendment that is seeking
 * sponsors. When the definition's sponsorsRequired-th sponsor arrives, the vote
 * opens at once (status voting, for voteWindowDays). Sponsoring twice changes
 * nothing and is not an error.
 *
 * Exact under concurrency: the transaction first takes the amendment's row (a
 * conditional update to its own status, which PostgreSQL locks until commit and
 * SQLite runs as its single writer), so sponsors of one amendment are counted one
 * after another, the K-th opens the vote, and the conditional `status =
 * 'seeking'` update opens it once.
 */
export async function sponsorAmendment({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof sponsorAmendmentSchema>; now?: Date }) {
  const { amendmentId } = parseInput(sponsorAmendmentSchema, input);

  const member = await requireMember(actor, "sponsor amendments");
  const amendment = await db.amendment.findFirst({
    where: { id: amendmentId },
    select: {
      id: true,
      authorId: true,
      status: true,
      hiddenAt: true,
      definition: { select: { sponsorsRequired: true, voteWindowDays: true } },
      sponsors: { where: { userId: member.id }, select: { userId: true } },
    },
  });
  if (!amendment) throw new AppError("not_found", "This amendment does not exist.");
  if (amendment.authorId === member.id) {
    throw new AppError("forbidden", "You proposed this amendment: it needs sponsors other than you.");
  }
  const { sponsorsRequired, voteWindowDays } = amendment.definition;
  const alreadySponsored = amendment.sponsors.length > 0;
  const result = async (opened: boolean) => {
    const [sponsors, latest] = await Promise.all([
      db.sponsorship.count({ where: { amendmentId: amendment.id } }),
      db.amendment.findFirstOrThrow({ where: { id: amendment.id }, select: { status: true, votingClosesAt: true } }),
    ]);
    return { amendmentId: amendment.id, sponsors, sponsorsRequired, opened, status: latest.status, votingClosesAt: latest.votingClosesAt };
  };
  if (alreadySponsored) return result(false);
  if (amendment.status !== "seeking") throw new AppError("closed", notSeekingMessage(amendment.status));
  if (amendment.hiddenAt) throw new AppError("forbidden", "Moderators hid this amendment: it cannot be sponsored.");

  const outcome = await db.$transaction(async (tx) => {
    const locked = await tx.amendment.updateMany({
      where: { id: amendment.id, status: "seeking", authorId: { not: member.id }, hiddenAt: null },
      data: { status: "seeking" },
    });
    if (locked.count !== 1) return { changed: false as const };
    await tx.sponsorship.upsert({
      where: { amendmentId_userId: { amendmentId: amendment.id, userId: member.id } },
      create: { amendmentId: amendment.id, userId: member.id, createdAt: now },
      update: {},
    });
    const sponsors = await tx.sponsorship.count({ where: { amendmentId: amendment.id } });
    if (sponsors < sponsorsRequired) return { changed: true as const, opened: false };
    const opened = await tx.amendment.updateMany({
      where: { id: amendment.id, status: "seeking" },
      data: { status: "voting", votingOpensAt: now, votingClosesAt: new Date(now.getTime() + voteWindowDays * DAY_MS) },
    });
    return { changed: true as const, opened: opened.count === 1 };
  });
  if (!outcome.changed) {
    // The amendment left "seeking" since it was read: say why, unless this very
    // member had sponsored it meanwhile (a double click), which is no error.
    const [mine, latest] = await Promise.all([
      db.sponsorship.findUnique({ where: { amendmentId_userId: { amendmentId: amendment.id, userId: member.id } }, select: { userId: true } }),
      db.amendment.findFirst({ where: { id: amendment.id }, select: { status: true } }),
    ]);
    if (mine) return result(false);
    throw new AppError("closed", notSeekingMessage(latest?.status ?? "closed"));
  }
  return result(outcome.opened);
}
