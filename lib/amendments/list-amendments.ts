import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { HIDDEN_NOTICE } from "@/lib/amendments/get-amendment.schema";
import { amendmentListSchema, listAmendmentsSchema, type AmendmentList } from "@/lib/amendments/list-amendments.schema";
import { closeExpiredVotes } from "@/lib/votes/close-expired-votes";
import { support, tallyVotes } from "@/lib/votes/tally-votes";

const person = (user: { handle: string; name: string | null }) => ({ handle: user.handle, name: user.name ?? user.handle });

/**
 * A definition's amendments, optionally of one section and of some statuses,
 * newest first ("recent") or by support: for-votes minus against-votes on the
 * current revision, derived from the Vote rows in one groupBy, ties newest
 * first. Votes whose window has passed are closed first. Four queries whatever
 * the number of amendments or votes. Hidden amendments are listed with a notice
 * instead of their title. Public: no actor needed.
 */
export async function listAmendments({ input, now = new Date() }: { input: z.input<typeof listAmendmentsSchema>; now?: Date }): Promise<AmendmentList> {
  const { slug, sectionKey, status, sort } = parseInput(listAmendmentsSchema, input);

  const definition = await db.definition.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, voteVisibility: true, sponsorsRequired: true } });
  if (!definition) throw new AppError("not_found", `There is no definition "${slug}".`);
  await closeExpiredVotes({ definitionId: definition.id, now });

  const rows = await db.amendment.findMany({
    where: {
      definitionId: definition.id,
      ...(sectionKey ? { sectionKey } : {}),
      ...(status && status.length > 0 ? { status: { in: status } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      title: true,
      status: true,
      kind: true,
      hiddenAt: true,
      sectionKey: true,
      versionId: true,
      revision: true,
      createdAt: true,
      votingClosesAt: true,
      decidedAt: true,
      decisionReason: true,
      author: { select: { handle: true, name: true } },
      decidedBy: { select: { handle: true, name: true } },
      version: { select: { label: true } },
      _count: { select: { sponsors: true } },
    },
  });
  const [tallies, sections] = await Promise.all([
    tallyVotes(rows),
    // The headings people know a section by, as they read in each amendment's base version.
    db.section.findMany({
      where: { versionId: { in: [...new Set(rows.map((r) => r.versionId))] }, key: { in: [...new Set(rows.map((r) => r.sectionKey))] } },
      select: { versionId: true, key: true, heading: true },
    }),
  ]);
  const headings = new Map(sections.map((s) => [`${s.versionId}:${s.key}`, s.heading]));

  const amendments = rows.map((row) => {
    const tally = tallies.get(row.id)!.current;
    return {
      id: row.id,
      title: row.hiddenAt ? HIDDEN_NOTICE : row.title,
      status: row.status,
      kind: row.kind,
      hidden: row.hiddenAt !== null,
      sectionKey: row.sectionKey,
      sectionHeading: headings.get(`${row.versionId}:${row.sectionKey}`) ?? null,
      baseVersion: row.version.label!,
      revision: row.revision,
      author: person(row.author),
      createdAt: row.createdAt,
      sponsors: row._count.sponsors,
      sponsorsRequired: definition.sponsorsRequired,
      votingClosesAt: row.votingClosesAt,
      tally,
      support: support(tally),
      decision:
        row.decidedAt && row.decidedBy && row.decisionReason !== null
          ? { outcome: row.status === "rejected" ? "rejected" : "accepted", reason: row.decisionReason, by: person(row.decidedBy), at: row.decidedAt }
          : null,
    };
  });
  // Array.prototype.sort is stable: ties keep the newest-first order of the query.
  if (sort === "support") amendments.sort((a, b) => b.support - a.support);

  return amendmentListSchema.parse({
    definition: { slug: definition.slug, title: definition.title, voteVisibility: definition.voteVisibility },
    amendments,
  });
}
