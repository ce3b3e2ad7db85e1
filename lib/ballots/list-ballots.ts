import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { ballotStatus, WHOLE_VERSION } from "@/lib/ballots/ballot-rules";
import { closeExpiredBallots } from "@/lib/ballots/close-ballot";

/** Every ballot of a definition, newest first, with its status and winner's label once closed (scheduled ones too). */
export async function listBallots({ slug, now = new Date() }: { slug: string; now?: Date }) {
  const definition = await db.definition.findUnique({ where: { slug }, select: { id: true, slug: true, title: true } });
  if (!definition) throw new AppError("not_found", "This definition does not exist.");
  await closeExpiredBallots({ definitionId: definition.id, now });
  const [ballots, counts] = await Promise.all([
    db.ballot.findMany({
      where: { definitionId: definition.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, title: true, sectionKey: true, opensAt: true, closesAt: true, closedAt: true, secret: true, winnerOptionId: true, options: { orderBy: { position: "asc" }, select: { id: true, label: true } } },
    }),
    db.ballotVote.groupBy({ by: ["ballotId"], where: { ballot: { definitionId: definition.id } }, _count: { _all: true } }),
  ]);
  const voters = new Map(counts.map((c) => [c.ballotId, c._count._all]));
  return {
    definition,
    ballots: ballots.map((b) => ({
      id: b.id,
      title: b.title,
      scope: b.sectionKey === WHOLE_VERSION ? ("version" as const) : ("section" as const),
      /** null on a ballot on the whole version. */
      sectionKey: b.sectionKey === WHOLE_VERSION ? null : b.sectionKey,
      status: ballotStatus(b, now),
      opensAt: b.opensAt,
      closesAt: b.closesAt,
      closedAt: b.closedAt,
      secret: b.secret,
      voters: voters.get(b.id) ?? 0,
      options: b.options.length,
      winner: b.options.find((o) => o.id === b.winnerOptionId)?.label ?? null,
    })),
  };
}
