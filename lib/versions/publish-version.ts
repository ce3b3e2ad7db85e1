import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { canMaintain } from "@/lib/auth/can-maintain";
import { AppError } from "@/lib/errors/app-error";
import { publishVersionSchema } from "@/lib/versions/publish-version.schema";
import { splitSections } from "@/lib/versions/split-sections";
import { assignSectionKeys } from "@/lib/versions/assign-section-keys";
import { contentHash, normaliseBody } from "@/lib/versions/content-hash";

/**
 * Publishes a new current version of a definition. Everything happens in one
 * transaction: the previous version is superseded only if it is still the one the
 * text was based on, so of two concurrent publishes from the same base exactly one
 * succeeds and the other gets a conflict, with nothing half-written.
 */
export async function publishVersion({ actor, input }: { actor: Actor; input: unknown }) {
  const data = publishVersionSchema.parse(input);
  if (!(await canMaintain(actor, data.definitionId))) {
    throw new AppError("forbidden", "Only this definition's maintainers can publish a version.");
  }
  const body = normaliseBody(data.body);
  if (body.trim() === "") throw new AppError("bad_input", "The text is empty.");
  const { sections } = splitSections(body);
  if (sections.length === 0) throw new AppError("bad_input", "The text needs at least one section (a line starting with '## ').");

  const current = await db.version.findFirst({
    where: { definitionId: data.definitionId, status: "published" },
    include: { sections: { orderBy: { position: "asc" } } },
  });
  if ((current?.id ?? null) !== data.baseVersionId) {
    throw new AppError("conflict", "A newer version of this definition has been published. Start again from it.");
  }
  if (current && current.body === body) {
    throw new AppError("bad_input", "The text is identical to the current version.");
  }
  const labelTaken = await db.version.findFirst({ where: { definitionId: data.definitionId, label: data.label }, select: { id: true } });
  if (labelTaken) throw new AppError("conflict", `This definition already has a version labelled "${data.label}".`);
  const keyed = assignSectionKeys(current?.sections ?? null, sections);
  const hash = contentHash(body);

  try {
    return await db.$transaction(async (tx) => {
      if (current) {
        const superseded = await tx.version.updateMany({
          where: { id: current.id, definitionId: data.definitionId, status: "published" },
          data: { status: "superseded" },
        });
        if (superseded.count !== 1) throw new AppError("conflict", "A newer version of this definition has been published. Start again from it.");
      }
      const version = await tx.version.create({
        data: {
          definitionId: data.definitionId,
          number: (current?.number ?? 0) + 1,
          label: data.label,
          status: "published",
          body,
          changelog: data.changelog,
          contentHash: hash,
          previousHash: current?.contentHash ?? null,
          publishedAt: data.publishedAt ?? new Date(),
          publishedById: actor.id,
          baseVersionId: current?.id ?? null,
          commentsOpenAt: data.commentsOpenAt ?? null,
          commentsCloseAt: data.commentsCloseAt ?? null,
        },
      });
      await tx.section.createMany({
        data: keyed.map((s) => ({ versionId: version.id, key: s.key, position: s.position, heading: s.heading, text: s.text })),
      });
      return version;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      const target = JSON.stringify((error as { meta?: unknown }).meta ?? "");
      throw new AppError(
        "conflict",
        target.includes("label")
          ? `This definition already has a version labelled "${data.label}".`
          : "A newer version of this definition has been published. Start again from it.",
      );
    }
    throw error;
  }
}
