import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { indexVersionSections } from "@/lib/search/search-index";
import { recordAudit } from "@/lib/audit/record-audit";
import { carryRulesForward } from "@/lib/systems/carry-rules-forward";
import { markStaleAmendments } from "@/lib/amendments/mark-stale-amendments";
import { splitSections } from "@/lib/versions/split-sections";
import { assignSectionKeys, type KeyedSection, type PositionedSection } from "@/lib/versions/assign-section-keys";
import { contentHash, normaliseBody } from "@/lib/versions/content-hash";
import { planCarriedAnchors, writeCarriedAnchors } from "@/lib/anchors/carry-anchors";
import { recordPublishDispositions } from "@/lib/dispositions/record-publish-dispositions";

// The one publish core shared by publishVersion (scripts, seed) and publishDraft
// (maintainers in the app), so both supersede, hash, key sections, retire
// amendments and audit the same way.

/** The published version a new text was written against; null for a first version. */
export type PublicationBase = {
  id: string;
  number: number | null;
  body: string;
  contentHash: string | null;
  sections: KeyedSection[];
} | null;

export type PreparedPublication = {
  body: string;
  hash: string;
  sections: PositionedSection[];
  /** Keys of the base's sections whose text the new version changes or removes. */
  changedSectionKeys: string[];
};

export type PublicationDetails = {
  label: string;
  changelog: string;
  publishedAt?: Date;
  commentsOpenAt?: Date | null;
  commentsCloseAt?: Date | null;
};

export const NEWER_VERSION_MESSAGE = "A newer version of this definition has been published. Start again from it.";

export function newerVersionConflict(): AppError {
  return new AppError("conflict", NEWER_VERSION_MESSAGE);
}

/** Checks and computes everything a publish writes, before any transaction opens. */
export function preparePublication({ base, body: rawBody }: { base: PublicationBase; body: string }): PreparedPublication {
  const body = normaliseBody(rawBody);
  if (body.trim() === "") throw new AppError("bad_input", "The text is empty.");
  const { sections } = splitSections(body);
  if (sections.length === 0) throw new AppError("bad_input", "The text needs at least one section (a line starting with '## ').");
  if (base && base.body === body) throw new AppError("bad_input", "The text is identical to the current version.");
  const keyed = assignSectionKeys(base?.sections ?? null, sections);
  const after = new Map(keyed.map((s) => [s.key, s.text]));
  const changedSectionKeys = (base?.sections ?? []).filter((s) => after.get(s.key) !== s.text).map((s) => s.key);
  return { body, hash: contentHash(body), sections: keyed, changedSectionKeys };
}

export async function assertLabelFree(definitionId: string, label: string): Promise<void> {
  const taken = await db.version.findFirst({ where: { definitionId, label }, select: { id: true } });
  if (taken) throw new AppError("conflict", `This definition already has a version labelled "${label}".`);
}

/**
 * Writes a publish in one transaction: the base stops being current only if it
 * still is (a conditional update, so of two concurrent publishes from the same
 * base exactly one succeeds and the other rolls back whole), the new version and
 * its keyed sections, the draft's taken-in amendments become merged, open
 * amendments on changed sections become stale, and the audit entry. With `draft`,
 * that draft row becomes the version, and only if its text is still the one
 * that was checked.
 */
export async function commitPublication({
  actor,
  definitionId,
  base,
  prepared,
  details,
  draft,
}: {
  actor: Actor;
  definitionId: string;
  base: PublicationBase;
  prepared: PreparedPublication;
  details: PublicationDetails;
  draft?: { id: string; body: string; changelog: string };
}) {
  const published = {
    number: (base?.number ?? 0) + 1,
    label: details.label,
    status: "published",
    body: prepared.body,
    changelog: details.changelog,
    contentHash: prepared.hash,
    previousHash: base?.contentHash ?? null,
    publishedAt: details.publishedAt ?? new Date(),
    publishedById: actor.id,
    baseVersionId: base?.id ?? null,
    commentsOpenAt: details.commentsOpenAt ?? null,
    commentsCloseAt: details.commentsCloseAt ?? null,
  };

  // Comments on passages of the base follow into the new text (issue 15).
  const anchorPlan = await planCarriedAnchors(base?.id ?? null, prepared.sections);

  try {
    return await db.$transaction(async (tx) => {
      if (base) {
        const superseded = await tx.version.updateMany({
          where: { id: base.id, definitionId, status: "published" },
          data: { status: "superseded" },
        });
        if (superseded.count !== 1) throw newerVersionConflict();
      } else if (await tx.version.findFirst({ where: { definitionId, status: "published" }, select: { id: true } })) {
        throw newerVersionConflict();
      }

      let versionId: string;
      let mergedAmendmentIds: string[] = [];
      if (draft) {
        const updated = await tx.version.updateMany({
          where: { id: draft.id, definitionId, status: "draft", body: draft.body, changelog: draft.changelog },
          data: published,
        });
        if (updated.count !== 1) {
          const now = await tx.version.findFirst({ where: { id: draft.id, definitionId }, select: { status: true } });
          if (now?.status === "draft") {
            throw new AppError("conflict", "The draft changed while you were publishing it. Review the latest text and publish again.");
          }
          throw newerVersionConflict();
        }
        versionId = draft.id;
        // A draft has no section rows of its own; clear any a script may have left.
        await tx.section.deleteMany({ where: { versionId } });
        mergedAmendmentIds = (
          await tx.amendment.findMany({ where: { definitionId, mergedIntoId: versionId, status: "accepted" }, select: { id: true }, orderBy: { createdAt: "asc" } })
        ).map((a) => a.id);
        if (mergedAmendmentIds.length > 0) {
          await tx.amendment.updateMany({
            where: { id: { in: mergedAmendmentIds }, definitionId, mergedIntoId: versionId, status: "accepted" },
            data: { status: "merged" },
          });
        }
      } else {
        versionId = (await tx.version.create({ data: { definitionId, ...published }, select: { id: true } })).id;
      }

      await tx.section.createMany({
        data: prepared.sections.map((s) => ({ versionId, key: s.key, position: s.position, heading: s.heading, text: s.text })),
      });
      const anchors = await writeCarriedAnchors(tx, anchorPlan, versionId);
      await carryRulesForward(tx, { versionId, baseVersionId: base?.id ?? null, sectionKeys: prepared.sections.map((s) => s.key) });
      await indexVersionSections(tx, versionId);
      const stale = await markStaleAmendments(tx, { definitionId, changedSectionKeys: prepared.changedSectionKeys });
      // Issue 13: taken-in amendments answered "accepted"; unanswered threads counted.
      const undisposed = await recordPublishDispositions(tx, { actorId: actor.id, definitionId, versionId, baseVersionId: base?.id ?? null, mergedAmendmentIds });
      await recordAudit(tx, {
        actorId: actor.id,
        definitionId,
        action: "version.publish",
        targetType: "version",
        targetId: versionId,
        data: {
          label: published.label,
          number: published.number,
          contentHash: published.contentHash,
          previousHash: published.previousHash,
          mergedAmendments: mergedAmendmentIds,
          staleAmendments: stale.count,
          undisposedThreads: undisposed.threads,
          undisposedAmendments: undisposed.amendments,
        },
      });
      return { id: versionId, definitionId, ...published, mergedAmendmentIds, staleAmendmentCount: stale.count, anchors };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      const target = JSON.stringify((error as { meta?: unknown }).meta ?? "");
      if (target.includes("label")) throw new AppError("conflict", `This definition already has a version labelled "${details.label}".`);
      throw newerVersionConflict();
    }
    throw error;
  }
}
