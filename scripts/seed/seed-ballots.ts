import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { openBallot } from "@/lib/ballots/open-ballot";
import { castBallot } from "@/lib/ballots/cast-ballot";
import { closeExpiredBallot } from "@/lib/ballots/close-ballot";

type SeedBallot = {
  definition: string;
  section: string;
  maintainer: string;
  title: string;
  daysAgo: number;
  days: number;
  quorum: number | "debian";
  secret: boolean;
  options: { label: string; text: string; majority: number }[];
  /** Per voter, the rank of each option in order, the default last (null: unranked). */
  ranks: Record<string, (number | null)[]>;
};

const DAY_MS = 86_400_000;

/**
 * The demo ranked ballots (prisma/seed/ballots.json), through the same use
 * cases as the app: one whose period has ended (closed and counted here) and
 * one still open. Idempotent: a definition that has ballots is left alone.
 * Returns how many ballots it opened.
 */
export async function seedBallots(actors: Map<string, Actor>, now: Date = new Date()): Promise<number> {
  const specs = JSON.parse(readFileSync(path.join(process.cwd(), "prisma/seed/ballots.json"), "utf8")) as SeedBallot[];
  const actor = (handle: string) => {
    const found = actors.get(handle);
    if (!found) throw new Error(`seed ballot: unknown demo user ${handle}`);
    return found;
  };
  const skip = new Set<string>();
  for (const slug of new Set(specs.map((s) => s.definition))) {
    if ((await db.ballot.count({ where: { definition: { slug } } })) > 0) skip.add(slug);
  }
  let opened = 0;
  for (const spec of specs) {
    if (skip.has(spec.definition)) continue;
    const version = await db.version.findFirst({
      where: { definition: { slug: spec.definition }, status: "published" },
      select: { id: true, sections: { where: { heading: spec.section }, select: { key: true } } },
    });
    if (!version?.sections[0]) throw new Error(`seed ballot: ${spec.definition} has no current section "${spec.section}"`);
    const start = new Date(now.getTime() - spec.daysAgo * DAY_MS);
    const { ballotId } = await openBallot({
      actor: actor(spec.maintainer),
      input: { versionId: version.id, sectionKey: version.sections[0].key, title: spec.title, days: spec.days, quorum: spec.quorum, secret: spec.secret, options: spec.options },
      now: start,
    });
    opened++;
    const ids = (await db.ballotOption.findMany({ where: { ballotId }, orderBy: { position: "asc" }, select: { id: true } })).map((o) => o.id);
    for (const [i, [handle, ranks]] of Object.entries(spec.ranks).entries()) {
      const ranking = Object.fromEntries(ids.flatMap((id, k) => (ranks[k] == null ? [] : [[id, ranks[k]!]])));
      await castBallot({ actor: actor(handle), input: { ballotId, ranks: ranking }, now: new Date(start.getTime() + (i + 1) * 3_600_000) });
    }
    await closeExpiredBallot({ ballotId, now });
  }
  return opened;
}
