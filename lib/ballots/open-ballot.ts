import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMaintainerOf } from "@/lib/auth/require-maintainer-of";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { formatUtc } from "@/lib/format-utc";
import { BALLOT_MAX_LEAD_DAYS, debianQuorum, DEFAULT_OPTION_LABEL, WHOLE_VERSION } from "@/lib/ballots/ballot-rules";
import { announceOpenBallots } from "@/lib/ballots/notify-ballot";
import { openBallotSchema } from "@/lib/ballots/open-ballot.schema";

/** Amendments that have their sponsors: the vote on them is open or over, but nobody has decided. */
const BALLOTABLE_STATUSES = ["voting", "closed"];

/**
 * A maintainer of the definition opens a ranked ballot on one section of its
 * current version, or on the whole version (sectionKey ""): 2 to 12 competing
 * options (amendments that have their sponsors, on that section or on any
 * section of the version; or texts written for the ballot, each rewriting a
 * named section) and the default option "None of the above", always last.
 * Voting opens now or at `opensAt` (scheduled until then) and lasts `days`.
 * The ballot, its options and the "ballot.open" audit entry commit together;
 * followers hear of it once voting is open.
 */
export async function openBallot({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof openBallotSchema>; now?: Date }) {
  const data = parseInput(openBallotSchema, input);
  const wholeVersion = data.sectionKey === WHOLE_VERSION;

  const version = await db.version.findFirst({
    where: { id: data.versionId },
    select: { id: true, label: true, status: true, definitionId: true, definition: { select: { slug: true } }, sections: { select: { key: true, heading: true } } },
  });
  if (!version) throw new AppError("not_found", "This version does not exist.");
  const member = await requireMaintainerOf(actor, { id: version.definitionId }, { doing: "open ballots" });
  if (version.status !== "published") throw new AppError("conflict", "Ballots are opened on the definition's current version: this one is not.");
  const sections = new Map(version.sections.map((s) => [s.key, s]));
  const section = wholeVersion ? null : sections.get(data.sectionKey);
  if (!wholeVersion && !section) throw new AppError("bad_input", `Version ${version.label} has no section "${data.sectionKey}". Pick one of its sections, or the whole version.`);

  // A time a few minutes past (the form was filled in a moment ago) opens now.
  const opensAt = data.opensAt && data.opensAt > now ? data.opensAt : now;
  if (data.opensAt && data.opensAt.getTime() < now.getTime() - 5 * 60_000) throw new AppError("bad_input", `The opening time ${formatUtc(data.opensAt)} has passed: leave it empty to open the ballot now.`);
  if (opensAt.getTime() > now.getTime() + BALLOT_MAX_LEAD_DAYS * 86_400_000) throw new AppError("bad_input", `A ballot opens at most ${BALLOT_MAX_LEAD_DAYS} days ahead.`);

  for (const o of data.options) {
    if ("amendmentId" in o) continue;
    if (!o.sectionKey) {
      if (wholeVersion) throw new AppError("bad_input", `On a ballot on the whole version, name the section the written option "${o.label}" rewrites.`);
      continue;
    }
    if (!sections.has(o.sectionKey)) throw new AppError("bad_input", `Version ${version.label} has no section "${o.sectionKey}" for the written option "${o.label}".`);
    if (section && o.sectionKey !== section.key) throw new AppError("bad_input", `The written option "${o.label}" names another section than the ballot's ("${section.heading}"): a section ballot's options all rewrite that section.`);
  }

  const amendmentIds = data.options.flatMap((o) => ("amendmentId" in o ? [o.amendmentId] : []));
  if (new Set(amendmentIds).size !== amendmentIds.length) throw new AppError("bad_input", "An amendment is listed twice: list each once.");
  const amendments = await db.amendment.findMany({
    where: { id: { in: amendmentIds }, definitionId: version.definitionId, versionId: version.id, ...(section ? { sectionKey: section.key } : {}), hiddenAt: null },
    select: { id: true, title: true, proposedText: true, status: true, sectionKey: true },
  });
  const byId = new Map(amendments.map((a) => [a.id, a]));
  for (const id of amendmentIds) {
    const amendment = byId.get(id);
    if (!amendment) throw new AppError("bad_input", section ? `Amendment ${id} is not an amendment to section "${section.heading}" of version ${version.label}.` : `Amendment ${id} is not an amendment to version ${version.label}.`);
    if (!BALLOTABLE_STATUSES.includes(amendment.status)) throw new AppError("conflict", `The amendment "${amendment.title}" is ${amendment.status}: only amendments that have their sponsors and are not decided can be on a ballot.`);
  }

  const quorum = data.quorum === "debian" ? debianQuorum(await db.user.count({ where: { suspendedAt: null } })) : data.quorum;
  const options = [
    ...data.options.map((o, i) => {
      if ("amendmentId" in o) {
        const a = byId.get(o.amendmentId)!;
        return { position: i + 1, label: a.title, text: a.proposedText, amendmentId: a.id, sectionKey: a.sectionKey, majority: o.majority, isDefault: false };
      }
      return { position: i + 1, label: o.label, text: o.text, amendmentId: null, sectionKey: o.sectionKey || section!.key, majority: o.majority, isDefault: false };
    }),
    { position: data.options.length + 1, label: DEFAULT_OPTION_LABEL, text: "", amendmentId: null, sectionKey: null, majority: 1, isDefault: true },
  ];
  const openNow = opensAt <= now;

  const opened = await db.$transaction(async (tx) => {
    const ballot = await tx.ballot.create({
      data: {
        definitionId: version.definitionId,
        versionId: version.id,
        sectionKey: data.sectionKey,
        title: data.title,
        opensAt,
        closesAt: new Date(opensAt.getTime() + data.days * 86_400_000),
        quorum,
        quorumRule: data.quorum === "debian" ? "debian" : "fixed",
        secret: data.secret,
        createdById: member.id,
        createdAt: now,
        options: { create: options },
      },
      select: { id: true, opensAt: true, closesAt: true },
    });
    await recordAudit(tx, {
      actorId: member.id,
      definitionId: version.definitionId,
      action: "ballot.open",
      targetType: "ballot",
      targetId: ballot.id,
      data: { title: data.title, sectionKey: data.sectionKey, versionLabel: version.label, options: options.map((o) => ({ label: o.label, majority: o.majority, amendmentId: o.amendmentId, sectionKey: o.sectionKey })), quorum, secret: data.secret, opensAt: ballot.opensAt.toISOString(), closesAt: ballot.closesAt.toISOString() },
    });
    return { ballotId: ballot.id, definitionSlug: version.definition.slug, opensAt: ballot.opensAt, closesAt: ballot.closesAt };
  });
  if (openNow) await announceOpenBallots({ where: { id: opened.ballotId }, now });
  return opened;
}
