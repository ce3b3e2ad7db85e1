import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMaintainerOf } from "@/lib/auth/require-maintainer-of";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { debianQuorum, DEFAULT_OPTION_LABEL } from "@/lib/ballots/ballot-rules";
import { openBallotSchema } from "@/lib/ballots/open-ballot.schema";

/** Amendments that have their sponsors: the vote on them is open or over, but nobody has decided. */
const BALLOTABLE_STATUSES = ["voting", "closed"];

/**
 * A maintainer of the definition opens a ranked ballot on one section of its
 * current version: 2 to 12 competing options (amendments on that section that
 * have their sponsors, or texts written for the ballot) and the default option
 * "None of the above", always last. It opens now and closes after `days`. The
 * ballot, its options and the "ballot.open" audit entry commit together.
 */
export async function openBallot({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof openBallotSchema>; now?: Date }) {
  const data = parseInput(openBallotSchema, input);

  const version = await db.version.findFirst({
    where: { id: data.versionId },
    select: { id: true, label: true, status: true, definitionId: true, definition: { select: { slug: true } }, sections: { where: { key: data.sectionKey }, select: { key: true, heading: true } } },
  });
  if (!version) throw new AppError("not_found", "This version does not exist.");
  const member = await requireMaintainerOf(actor, { id: version.definitionId }, { doing: "open ballots" });
  if (version.status !== "published") throw new AppError("conflict", "Ballots are opened on the definition's current version: this one is not.");
  const section = version.sections[0];
  if (!section) throw new AppError("bad_input", `Version ${version.label} has no section "${data.sectionKey}". Pick one of its sections.`);

  const amendmentIds = data.options.flatMap((o) => ("amendmentId" in o ? [o.amendmentId] : []));
  if (new Set(amendmentIds).size !== amendmentIds.length) throw new AppError("bad_input", "An amendment is listed twice: list each once.");
  const amendments = await db.amendment.findMany({
    where: { id: { in: amendmentIds }, definitionId: version.definitionId, versionId: version.id, sectionKey: section.key, hiddenAt: null },
    select: { id: true, title: true, proposedText: true, status: true },
  });
  const byId = new Map(amendments.map((a) => [a.id, a]));
  for (const id of amendmentIds) {
    const amendment = byId.get(id);
    if (!amendment) throw new AppError("bad_input", `Amendment ${id} is not an amendment to section "${section.heading}" of version ${version.label}.`);
    if (!BALLOTABLE_STATUSES.includes(amendment.status)) throw new AppError("conflict", `The amendment "${amendment.title}" is ${amendment.status}: only amendments that have their sponsors and are not decided can be on a ballot.`);
  }

  const quorum = data.quorum === "debian" ? debianQuorum(await db.user.count({ where: { suspendedAt: null } })) : data.quorum;
  const options = [
    ...data.options.map((o, i) => {
      if ("amendmentId" in o) {
        const a = byId.get(o.amendmentId)!;
        return { position: i + 1, label: a.title, text: a.proposedText, amendmentId: a.id, majority: o.majority, isDefault: false };
      }
      return { position: i + 1, label: o.label, text: o.text, amendmentId: null, majority: o.majority, isDefault: false };
    }),
    { position: data.options.length + 1, label: DEFAULT_OPTION_LABEL, text: "", amendmentId: null, majority: 1, isDefault: true },
  ];

  return db.$transaction(async (tx) => {
    const ballot = await tx.ballot.create({
      data: {
        definitionId: version.definitionId,
        versionId: version.id,
        sectionKey: section.key,
        title: data.title,
        opensAt: now,
        closesAt: new Date(now.getTime() + data.days * 86_400_000),
        quorum,
        quorumRule: data.quorum === "debian" ? "debian" : "fixed",
        secret: data.secret,
        createdById: member.id,
        createdAt: now,
        options: { create: options },
      },
      select: { id: true, closesAt: true },
    });
    await recordAudit(tx, {
      actorId: member.id,
      definitionId: version.definitionId,
      action: "ballot.open",
      targetType: "ballot",
      targetId: ballot.id,
      data: { title: data.title, sectionKey: section.key, versionLabel: version.label, options: options.map((o) => ({ label: o.label, majority: o.majority, amendmentId: o.amendmentId })), quorum, secret: data.secret, closesAt: ballot.closesAt.toISOString() },
    });
    return { ballotId: ballot.id, definitionSlug: version.definition.slug, closesAt: ballot.closesAt };
  });
}
