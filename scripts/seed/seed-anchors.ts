import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { createComment } from "@/lib/comments/create-comment";
import { startDraft } from "@/lib/versions/start-draft";
import { getDraft } from "@/lib/versions/get-draft";
import { updateDraft } from "@/lib/versions/update-draft";
import { readSeedAnchors } from "@/scripts/seed/seed-data";

/**
 * Demo comments on exact passages (prisma/seed/anchors.json) on OSAID 1.0, and a
 * draft in progress whose edits, once a maintainer publishes it, leave one
 * passage as it was, change the words of another and delete a third: each
 * outcome of re-anchoring shows. Idempotent: comments on passages already there,
 * or a draft already in progress, are left as they are.
 */
export async function seedAnchors(actors: Map<string, Actor>): Promise<{ comments: number; draft: string | null }> {
  const spec = readSeedAnchors();
  const actor = (handle: string) => {
    const found = actors.get(handle);
    if (!found) throw new Error(`seed anchors: unknown demo user ${handle}`);
    return found;
  };
  const version = await db.version.findFirst({
    where: { label: spec.version, definition: { slug: spec.definition } },
    select: { id: true, definitionId: true, status: true, publishedAt: true, body: true, sections: { select: { key: true, heading: true } } },
  });
  if (!version || version.status !== "published") throw new Error(`seed anchors: ${spec.definition} ${spec.version} is not the current version`);

  let comments = 0;
  if ((await db.commentAnchor.count({ where: { versionId: version.id } })) === 0) {
    for (const c of spec.comments) {
      const sectionKey = version.sections.find((s) => s.heading === c.section)?.key;
      if (!sectionKey) throw new Error(`seed anchors: ${spec.definition} ${spec.version} has no section "${c.section}"`);
      await createComment({
        actor: actor(c.author),
        input: { versionId: version.id, sectionKey, quote: c.quote, body: c.body },
        now: new Date(version.publishedAt!.getTime() + c.minutesAfterPublish * 60_000),
      });
      comments++;
    }
  }

  if (await db.version.findFirst({ where: { definitionId: version.definitionId, status: "draft" }, select: { id: true } })) return { comments, draft: null };
  const maintainer = actor(spec.draft.author);
  const { draftId } = await startDraft({ actor: maintainer, input: { definitionId: version.definitionId } });
  const draft = await getDraft({ actor: maintainer, input: { slug: spec.definition } });
  let body = draft.body;
  for (const edit of spec.draft.edits) {
    if (!body.includes(edit.from)) throw new Error(`seed anchors: the draft has no "${edit.from}" to edit`);
    body = body.replace(edit.from, edit.to);
  }
  await updateDraft({ actor: maintainer, input: { draftId, revision: draft.revision, body, changelog: spec.draft.changelog } });
  return { comments, draft: `${spec.definition} draft ${draftId}` };
}
