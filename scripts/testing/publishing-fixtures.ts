// Helpers for the draft and publishing database tests: a definition with a
// maintainer and a published first version, and amendments written straight to
// the database in the status a test needs (the amendment use cases have their
// own tests).
import "@/scripts/testing/require-test-database";
import { db } from "@/lib/db";
import { contentHash } from "@/lib/versions/content-hash";
import { makeDefinition, makeUser } from "@/scripts/testing/fixtures";
import type { Actor } from "@/lib/auth/current-user";
import { readSeedDefinition, readSeedUsers, readSeedVersionBody } from "@/scripts/seed/seed-data";
import { createDefinition } from "@/lib/definitions/create-definition";
import { publishVersion } from "@/scripts/seed/publish-version";

export const SECTIONS = [
  { key: "preamble", heading: "Preamble", text: "Open AI is AI that anyone may use, study, modify and share." },
  { key: "data", heading: "Data Information", text: "Developers describe the training data in detail.\n\nThe data itself is optional." },
  { key: "code", heading: "Code", text: "All training and inference code is released." },
];

export const V1_BODY = `${SECTIONS.map((s) => `## ${s.heading}\n\n${s.text}`).join("\n\n")}\n`;

/** A definition, two maintainers, and its published version 1.0 (hash-chained like a real publish). */
export async function makePublishedDefinition() {
  const definition = await makeDefinition();
  const [maintainer, coMaintainer, member] = await Promise.all([makeUser(), makeUser(), makeUser()]);
  await db.definitionMaintainer.createMany({
    data: [
      { definitionId: definition.id, userId: maintainer.id },
      { definitionId: definition.id, userId: coMaintainer.id },
    ],
  });
  const version = await db.version.create({
    data: {
      definitionId: definition.id,
      number: 1,
      label: "1.0",
      status: "published",
      body: V1_BODY,
      changelog: "First version.",
      contentHash: contentHash(V1_BODY),
      publishedAt: new Date("2025-01-01T00:00:00Z"),
      publishedById: maintainer.id,
      sections: { create: SECTIONS.map((s, position) => ({ ...s, position })) },
    },
  });
  return { definition, version, maintainer, coMaintainer, member };
}

export async function makeAmendment({
  definitionId,
  versionId,
  authorId,
  sectionKey = "data",
  kind = "replace",
  status = "accepted",
  title = "Require the training data",
  baseText = SECTIONS.find((s) => s.key === sectionKey)?.text ?? "",
  proposedText = kind === "delete" ? "" : "Developers describe the training data in detail.\n\nThe data itself is released under an open licence.",
  mergedIntoId = null,
}: {
  definitionId: string;
  versionId: string;
  authorId: string;
  sectionKey?: string;
  kind?: "replace" | "insert" | "delete";
  status?: string;
  title?: string;
  baseText?: string;
  proposedText?: string;
  mergedIntoId?: string | null;
}) {
  return db.amendment.create({
    data: {
      definitionId,
      versionId,
      authorId,
      sectionKey,
      kind,
      status,
      title,
      rationale: "Because a test says so.",
      baseText,
      proposedText,
      mergedIntoId,
      decidedAt: status === "accepted" || status === "merged" ? new Date("2025-02-01T00:00:00Z") : null,
    },
  });
}

/** Every table a draft or publish use case could write, summarised. */
export async function snapshot() {
  const [versions, sections, amendments, audit, notifications, mails] = await Promise.all([
    db.version.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, number: true, label: true, body: true, changelog: true } }),
    db.section.count(),
    db.amendment.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, mergedIntoId: true } }),
    db.auditEntry.count(),
    db.notification.count(),
    db.outboxMail.count(),
  ]);
  return { versions, sections, amendments, audit, notifications, mails };
}

/** The seed's users and definitions with all their versions (no discussion), through the same use cases as scripts/seed.ts. */
export async function seedFoundation(slugs: string[]) {
  const USERS = readSeedUsers();
  const actors = new Map<string, Actor>();
  for (const u of USERS) {
    const user = await db.user.create({
      data: { handle: u.handle, name: u.name, role: u.role, email: `${u.handle}@opendef.example`, createdAt: new Date("2024-01-01T00:00:00Z") },
    });
    actors.set(u.handle, { id: user.id, handle: user.handle, name: user.name!, role: u.role });
  }
  for (const slug of slugs) {
    const file = readSeedDefinition(slug);
    const definition = await createDefinition({
      actor: actors.get("admin")!,
      input: { slug, title: file.title, steward: file.steward, summary: file.summary, sources: file.sources },
    });
    const handle = USERS.find((u) => u.maintains?.includes(slug))!.handle;
    await db.definitionMaintainer.create({ data: { definitionId: definition.id, userId: actors.get(handle)!.id } });
    let baseVersionId: string | null = null;
    for (const v of file.versions) {
      const version: { id: string } = await publishVersion({
        actor: actors.get(handle)!,
        input: { definitionId: definition.id, baseVersionId, label: v.label, body: readSeedVersionBody(slug, v.file), changelog: v.changelog, publishedAt: v.publishedAt },
      });
      baseVersionId = version.id;
    }
  }
  return actors;
}

/** Rows the demo seeds write, counted: equal before and after a repeated seed. */
export async function seedRowCounts() {
  const [versions, amendments, votes, audit, sections] = await Promise.all([
    db.version.count(),
    db.amendment.count(),
    db.vote.count(),
    db.auditEntry.count(),
    db.section.count(),
  ]);
  return { versions, amendments, votes, audit, sections };
}
