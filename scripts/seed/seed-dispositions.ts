import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { newId } from "@/lib/ids";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { setDisposition } from "@/lib/dispositions/set-disposition";
import type { DispositionKind } from "@/lib/dispositions/disposition-kinds";

type Where = { definition: string; version: string; section: string | null; author: string };
type SeedDispositions = {
  threads: (Where & { body: string; minutesAfterPublish: number })[];
  dispositions: (Where & { by: string; kind: DispositionKind; reason: string; daysAfterThread: number; duplicateOf?: { section: string | null; author: string } })[];
  amendments: { definition: string; title: string; by: string; kind: DispositionKind; reason: string }[];
};

const DAY_MS = 86_400_000;

export function readSeedDispositions(): SeedDispositions {
  return JSON.parse(readFileSync(path.join(process.cwd(), "prisma/seed/dispositions.json"), "utf8")) as SeedDispositions;
}

/**
 * The demo answers of prisma/seed/dispositions.json (issue 13): a few more
 * threads on the OSAID release candidate (written as a replay, with their
 * historical times: that version is superseded and closed to new comments),
 * then answers through setDisposition, dated some days after each thread.
 * Idempotent: an existing thread or answer is kept. Returns how many answers it gave.
 */
export async function seedDispositions(actors: Map<string, Actor>): Promise<number> {
  const spec = readSeedDispositions();
  const actor = (handle: string) => {
    const found = actors.get(handle);
    if (!found) throw new Error(`seed disposition: unknown demo user ${handle}`);
    return found;
  };
  const versionOf = async (slug: string, label: string) => {
    const version = await db.version.findFirst({
      where: { label, definition: { slug } },
      select: { id: true, publishedAt: true, sections: { select: { key: true, heading: true } } },
    });
    if (!version) throw new Error(`seed disposition: ${slug} has no version ${label}`);
    return version;
  };
  const sectionKey = (version: Awaited<ReturnType<typeof versionOf>>, heading: string | null) => {
    if (heading === null) return null;
    const key = version.sections.find((s) => s.heading === heading)?.key;
    if (!key) throw new Error(`seed disposition: no section "${heading}"`);
    return key;
  };
  const findThread = async (where: Where) => {
    const version = await versionOf(where.definition, where.version);
    return db.comment.findFirst({
      where: { versionId: version.id, parentId: null, amendmentId: null, sectionKey: sectionKey(version, where.section), authorId: actor(where.author).id },
      orderBy: { createdAt: "asc" },
      select: { id: true, createdAt: true, _count: { select: { dispositions: true } } },
    });
  };

  for (const t of spec.threads) {
    const version = await versionOf(t.definition, t.version);
    const authorId = actor(t.author).id;
    const exists = await db.comment.findFirst({ where: { versionId: version.id, authorId, body: t.body }, select: { id: true } });
    if (exists) continue;
    const createdAt = new Date(version.publishedAt!.getTime() + t.minutesAfterPublish * 60_000);
    const id = newId(createdAt.getTime());
    await db.comment.create({
      data: { id, rootId: id, versionId: version.id, sectionKey: sectionKey(version, t.section), authorId, body: t.body, bodyHtml: renderMarkdown(t.body, "comment"), createdAt },
    });
  }

  let given = 0;
  for (const d of spec.dispositions) {
    const thread = await findThread(d);
    if (!thread) throw new Error(`seed disposition: no thread by ${d.author} on ${d.definition} ${d.version} ${d.section ?? "(whole version)"}`);
    if (thread._count.dispositions > 0) continue;
    const original = d.duplicateOf ? await findThread({ ...d, ...d.duplicateOf }) : null;
    await setDisposition({
      actor: actor(d.by),
      input: { target: `comment:${thread.id}`, kind: d.kind, reason: d.reason, duplicateOf: original ? `comment:${original.id}` : undefined },
      now: new Date(thread.createdAt.getTime() + d.daysAfterThread * DAY_MS),
    });
    given++;
  }
  for (const a of spec.amendments) {
    const amendment = await db.amendment.findFirst({ where: { title: a.title, definition: { slug: a.definition } }, select: { id: true, _count: { select: { dispositions: true } } } });
    if (!amendment || amendment._count.dispositions > 0) continue;
    await setDisposition({ actor: actor(a.by), input: { target: `amendment:${amendment.id}`, kind: a.kind, reason: a.reason } });
    given++;
  }
  return given;
}
