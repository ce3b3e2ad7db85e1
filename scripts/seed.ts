// Seeds the demo data through the domain functions. Idempotent: what exists is kept.
// Run: npm run db:seed   (uses DATABASE_URL like the app)
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { createDefinition } from "@/lib/definitions/create-definition";
import { publishVersion } from "@/scripts/seed/publish-version";
import { createComment } from "@/lib/comments/create-comment";
import { seedAmendments } from "@/scripts/seed/seed-amendments";
import { seedPublishing } from "@/scripts/seed/seed-publishing";
import { seedBallots } from "@/scripts/seed/seed-ballots";
import { seedAnchors } from "@/scripts/seed/seed-anchors";
import { seedDispositions } from "@/scripts/seed/seed-dispositions";
import { seedSystems } from "@/scripts/seed/seed-systems";
import { rebuildSearchIndex } from "@/scripts/search/rebuild-search-index";
import { readSeedDefinition, readSeedDefinitionSlugs, readSeedDiscussion, readSeedUsers, readSeedVersionBody, type SeedComment, type SeedDefinition } from "@/scripts/seed/seed-data";

const USERS = readSeedUsers();
const DISCUSSION = readSeedDiscussion();

export function demoEmail(handle: string) {
  return `${handle}@opendef.example`;
}

async function seedUsers(): Promise<Map<string, Actor>> {
  const actors = new Map<string, Actor>();
  for (const u of USERS) {
    const user = await db.user.upsert({
      where: { handle: u.handle },
      update: {},
      create: { handle: u.handle, name: u.name, role: u.role, email: demoEmail(u.handle), emailVerified: new Date("2024-01-01T00:00:00Z"), createdAt: new Date("2024-01-01T00:00:00Z") },
      select: { id: true, handle: true, name: true, role: true },
    });
    // Demo people have chosen their names (the demo addresses are made from the handles, not the other way round).
    await db.accountSettings.upsert({ where: { userId: user.id }, update: {}, create: { userId: user.id, nameChosenAt: new Date("2024-01-01T00:00:00Z") }, select: { userId: true } });
    actors.set(u.handle, { id: user.id, handle: user.handle, name: user.name ?? user.handle, role: user.role as Actor["role"] });
  }
  return actors;
}

async function seedDefinition(file: SeedDefinition, actors: Map<string, Actor>) {
  const admin = actors.get("admin")!;
  let definition = await db.definition.findUnique({ where: { slug: file.slug } });
  if (!definition) {
    definition = await createDefinition({
      actor: admin,
      input: { slug: file.slug, title: file.title, steward: file.steward, summary: file.summary, sources: file.sources },
    });
  }
  await db.definition.update({ where: { id: definition.id }, data: { criteria: JSON.stringify(file.criteria), voteVisibility: file.voteVisibility ?? "public" } });

  for (const u of USERS.filter((u) => u.maintains?.includes(file.slug))) {
    const userId = actors.get(u.handle)!.id;
    await db.definitionMaintainer.upsert({
      where: { definitionId_userId: { definitionId: definition.id, userId } },
      update: {},
      create: { definitionId: definition.id, userId },
    });
  }
  const maintainer = actors.get(USERS.find((u) => u.maintains?.includes(file.slug))?.handle ?? "admin")!;

  for (const v of file.versions) {
    const exists = await db.version.findFirst({ where: { definitionId: definition.id, label: v.label }, select: { id: true } });
    if (exists) continue;
    const current = await db.version.findFirst({ where: { definitionId: definition.id, status: "published" }, select: { id: true } });
    await publishVersion({
      actor: maintainer,
      input: {
        definitionId: definition.id,
        baseVersionId: current?.id ?? null,
        label: v.label,
        body: readSeedVersionBody(file.slug, v.file),
        changelog: v.changelog,
        publishedAt: v.publishedAt,
        // The Debian proposal's comment period ended when the GR was withdrawn (May 2025).
        commentsOpenAt: v.commentsOpenAt ?? null,
        commentsCloseAt: v.commentsCloseAt ?? null,
      },
    });
    const version = await db.version.findFirst({
      where: { definitionId: definition.id, label: v.label },
      select: { id: true, publishedAt: true, sections: { select: { key: true, heading: true } } },
    });
    // A version's discussion happens before the next version supersedes it.
    const threads = DISCUSSION.filter((t) => t.definition === file.slug && t.version === v.label);
    let count = 0;
    for (const thread of threads) {
      const sectionKey = thread.section ? version!.sections.find((s) => s.heading === thread.section)?.key : null;
      if (sectionKey === undefined) throw new Error(`${file.slug} ${v.label} has no section "${thread.section}"`);
      count += await seedThread(thread, { versionId: version!.id, sectionKey, parentId: null, publishedAt: version!.publishedAt! }, actors);
    }
    console.log(`  ${file.slug} ${v.label}: ${count} comments`);
  }
}

async function seedThread(
  comment: SeedComment,
  where: { versionId: string; sectionKey: string | null; parentId: string | null; publishedAt: Date },
  actors: Map<string, Actor>,
): Promise<number> {
  const actor = actors.get(comment.author);
  if (!actor) throw new Error(`unknown demo user ${comment.author}`);
  const created = await createComment({
    actor,
    input: { versionId: where.versionId, sectionKey: where.sectionKey, parentId: where.parentId, body: comment.body },
    now: new Date(where.publishedAt.getTime() + comment.minutesAfterPublish * 60_000),
  });
  let count = 1;
  for (const reply of comment.replies) count += await seedThread(reply, { ...where, parentId: created.id }, actors);
  return count;
}

async function main() {
  const started = Date.now();
  // The demo discussion is replayed with its historical timestamps; the posting
  // interval limit is for people, not for a replay.
  process.env.COMMENT_MIN_INTERVAL_SECONDS = "0";
  const actors = await seedUsers();
  const slugs = readSeedDefinitionSlugs();
  for (const slug of slugs) await seedDefinition(readSeedDefinition(slug), actors);
  const amendments = await seedAmendments(actors);
  // The loop closed: a version that took in accepted amendments, and a draft in progress.
  const publishing = await seedPublishing(actors);
  console.log(`  publishing: ${publishing.published ?? "already published"}; ${publishing.draft ?? "draft already in progress"}`);
  console.log(`  ranked ballots: ${await seedBallots(actors)} opened`);
  // Comments on passages of OSAID 1.0, and its draft whose publish re-anchors them.
  const anchors = await seedAnchors(actors);
  console.log(`  anchors: ${anchors.comments} comments on passages; ${anchors.draft ?? "draft already in progress"}`);
  console.log(`  dispositions: ${await seedDispositions(actors)} answers`);
  const systems = await seedSystems(actors);
  console.log(`  systems catalogue: ${systems.systems} systems, ${systems.ruleSets} rule sets`);
  // The use cases above index what they write; a database seeded before search
  // existed has the rows but no index, so it is rebuilt (a second at demo size).
  const indexed = await rebuildSearchIndex();
  console.log(`  search index: ${indexed.sections} sections, ${indexed.comments} comments, ${indexed.amendments} amendments`);
  console.log(`seeded ${USERS.length} users, ${slugs.length} definitions and ${amendments} amendments in ${Date.now() - started} ms`);
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
