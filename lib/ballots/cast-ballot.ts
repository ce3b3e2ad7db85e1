import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMember } from "@/lib/auth/require-member";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { formatUtc } from "@/lib/format-utc";
import { ballotReceipt } from "@/lib/ballots/ballot-receipt";
import { closeExpiredBallot } from "@/lib/ballots/close-ballot";
import { castBallotSchema } from "@/lib/ballots/cast-ballot.schema";
import { announceOpenBallots } from "@/lib/ballots/notify-ballot";
import { databaseTarget } from "@/lib/db/migrations";
import { Prisma } from "@/lib/db/generated/pg/client";

/**
 * A member ranks the options of an open ballot (1 = most preferred, equal ranks
 * allowed, unranked options below every ranked one). One ballot per member: a
 * later submission replaces the earlier one until the ballot closes.
 *
 * The write is one INSERT … SELECT … ON CONFLICT DO UPDATE that checks in the
 * same statement that the ballot is still open, so any number of concurrent
 * submissions leave one row per member, and none lands after closing. Each
 * acknowledgement carries the row's revision: the highest is the one stored.
 */
export async function castBallot({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof castBallotSchema>; now?: Date }) {
  const { ballotId, ranks } = parseInput(castBallotSchema, input);
  const member = await requireMember(actor, "vote on ballots");

  const ballot = await db.ballot.findFirst({
    where: { id: ballotId },
    select: { id: true, opensAt: true, closesAt: true, closedAt: true, announcedAt: true, options: { select: { id: true, label: true }, orderBy: { position: "asc" } } },
  });
  if (!ballot) throw new AppError("not_found", "This ballot does not exist.");
  if (ballot.closedAt || ballot.closesAt <= now) {
    await closeExpiredBallot({ ballotId: ballot.id, now });
    throw new AppError("closed", `This ballot closed on ${formatUtc(ballot.closedAt ?? ballot.closesAt)}: it takes no more votes.`);
  }
  if (ballot.opensAt > now) throw new AppError("closed", `This ballot is scheduled: voting opens on ${formatUtc(ballot.opensAt)}. Come back then.`);

  const ids = new Set(ballot.options.map((o) => o.id));
  const n = ballot.options.length;
  const ranking: Record<string, number> = {};
  for (const [optionId, rank] of Object.entries(ranks)) {
    if (!ids.has(optionId)) throw new AppError("bad_input", `"${optionId}" is not an option of this ballot. Reload the ballot and rank its options.`);
    if (rank === null) continue;
    if (rank < 1 || rank > n) {
      const label = ballot.options.find((o) => o.id === optionId)!.label;
      throw new AppError("bad_input", `Ranks go from 1 (most preferred) to ${n}; "${label}" was given ${rank}.`);
    }
    ranking[optionId] = rank;
  }
  if (Object.keys(ranking).length === 0) throw new AppError("bad_input", "Rank at least one option: 1 for the one you prefer most.");

  const receipt = ballotReceipt(ballot.id, member.id);
  // On PostgreSQL the statement takes a share lock on the ballot row: closing (an
  // UPDATE of that row, then the count) waits for votes in flight, and a vote that
  // waited sees the ballot closed. SQLite has one writer at a time already.
  const lock = databaseTarget().provider === "postgresql" ? Prisma.sql`FOR SHARE` : Prisma.empty;
  const written = await db.$queryRaw<{ revision: number | bigint }[]>`
    WITH "open" AS (
      SELECT "id" FROM "Ballot"
      WHERE "id" = ${ballot.id} AND "closedAt" IS NULL AND "opensAt" <= ${now} AND "closesAt" > ${now}
      ${lock}
    )
    INSERT INTO "BallotVote" ("ballotId", "userId", "ranks", "receipt", "revision", "createdAt", "updatedAt")
    SELECT "id", ${member.id}, ${JSON.stringify(ranking)}, ${receipt}, 1, ${now}, ${now} FROM "open" WHERE true
    ON CONFLICT ("ballotId", "userId") DO UPDATE SET
      "ranks" = excluded."ranks",
      "revision" = "BallotVote"."revision" + 1,
      "updatedAt" = excluded."updatedAt"
    RETURNING "revision"`;
  if (written.length !== 1) throw new AppError("closed", "This ballot closed a moment ago: it takes no more votes.");
  // A scheduled ballot nobody has looked at since it opened: its followers hear of it now.
  if (!ballot.announcedAt) await announceOpenBallots({ where: { id: ballot.id }, now });
  return { ballotId: ballot.id, ranks: ranking, receipt, revision: Number(written[0].revision) };
}
