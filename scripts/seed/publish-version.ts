import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMaintainerOf } from "@/lib/auth/require-maintainer-of";
import { publishVersionSchema } from "@/scripts/seed/publish-version.schema";
import { assertLabelFree, commitPublication, newerVersionConflict, preparePublication } from "@/lib/versions/publication";
import { notifyVersionPublished } from "@/lib/versions/notify-version-published";

/**
 * Publishes a new current version of a definition from a whole text (scripts and
 * the seed; maintainers in the app go through a draft, see publish-draft.ts).
 * Everything happens in one transaction (lib/versions/publication.ts): the previous
 * version is superseded only if it is still the one the text was based on, so of
 * two concurrent publishes from the same base exactly one succeeds and the other
 * gets a conflict, with nothing half-written. Followers hear about it after commit.
 */
export async function publishVersion({ actor, input }: { actor: Actor | null; input: z.input<typeof publishVersionSchema> }) {
  const data = publishVersionSchema.parse(input);
  const maintainer = await requireMaintainerOf(actor, { id: data.definitionId }, { doing: "publish a version" });
  const current = await db.version.findFirst({
    where: { definitionId: data.definitionId, status: "published" },
    select: { id: true, number: true, body: true, contentHash: true, sections: { orderBy: { position: "asc" }, select: { key: true, heading: true, text: true } } },
  });
  if ((current?.id ?? null) !== data.baseVersionId) throw newerVersionConflict();
  const prepared = preparePublication({ base: current, body: data.body });
  await assertLabelFree(data.definitionId, data.label);

  const version = await commitPublication({ actor: maintainer, definitionId: data.definitionId, base: current, prepared, details: data });
  const definition = await db.definition.findUniqueOrThrow({ where: { id: data.definitionId }, select: { id: true, slug: true, title: true } });
  await notifyVersionPublished({ label: version.label, changelog: version.changelog, definition, publishedBy: maintainer });
  return version;
}
