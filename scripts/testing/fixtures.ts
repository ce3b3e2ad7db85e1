// Rows for database tests, written straight to the database so a test of one
// domain does not depend on another domain's use cases. Every fixture takes
// overrides and fills the rest with unique values.
import "@/scripts/testing/require-test-database";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";

let sequence = 0;
function unique(prefix: string): string {
  sequence += 1;
  return `${prefix}${sequence}${randomUUID().slice(0, 6)}`;
}

export type TestUser = Actor & { email: string; createdAt: Date };

export async function makeUser(overrides: { handle?: string; name?: string; role?: Actor["role"]; createdAt?: Date; email?: string | null; suspendedAt?: Date } = {}): Promise<TestUser> {
  const handle = overrides.handle ?? unique("user");
  const email = overrides.email === undefined ? `${handle}@example.test` : overrides.email;
  const user = await db.user.create({
    data: {
      handle,
      name: overrides.name ?? `Test ${handle}`,
      role: overrides.role ?? "member",
      email,
      // Old enough not to count as a new account, unless a test says otherwise.
      createdAt: overrides.createdAt ?? new Date("2024-01-01T00:00:00Z"),
      suspendedAt: overrides.suspendedAt,
    },
    select: { id: true, handle: true, name: true, role: true, createdAt: true },
  });
  return { id: user.id, handle: user.handle, name: user.name ?? user.handle, role: user.role as Actor["role"], email: email ?? "", createdAt: user.createdAt };
}

export async function makeDefinition(overrides: { slug?: string; title?: string } = {}) {
  const slug = overrides.slug ?? unique("def-");
  return db.definition.create({
    data: { slug, title: overrides.title ?? `Definition ${slug}`, steward: "Test steward", summary: "A definition made by a test fixture." },
  });
}

export type SectionFixture = { key: string; heading: string; text?: string };

export const DEFAULT_SECTIONS: SectionFixture[] = [
  { key: "preamble", heading: "Preamble" },
  { key: "data", heading: "Data Information" },
  { key: "code", heading: "Code" },
];

export async function makeVersion({
  definitionId,
  number = 1,
  label = `${number}.0`,
  status = "published",
  sections = DEFAULT_SECTIONS,
  commentsOpenAt = null,
  commentsCloseAt = null,
}: {
  definitionId: string;
  number?: number | null;
  label?: string | null;
  status?: "draft" | "published" | "superseded";
  sections?: SectionFixture[];
  commentsOpenAt?: Date | null;
  commentsCloseAt?: Date | null;
}) {
  const body = sections.map((s) => `## ${s.heading}\n\n${s.text ?? `Text of ${s.heading}.`}`).join("\n\n");
  return db.version.create({
    data: {
      definitionId,
      number: status === "draft" ? null : number,
      label: status === "draft" ? null : label,
      status,
      body,
      changelog: "Fixture",
      publishedAt: status === "draft" ? null : new Date("2025-01-01T00:00:00Z"),
      commentsOpenAt,
      commentsCloseAt,
      sections: {
        create: sections.map((s, position) => ({ key: s.key, position, heading: s.heading, text: s.text ?? `Text of ${s.heading}.` })),
      },
    },
  });
}

/** A member, a definition and its published first version with three sections. */
export async function makeDiscussion() {
  const [author, definition] = await Promise.all([makeUser(), makeDefinition()]);
  const version = await makeVersion({ definitionId: definition.id });
  return { author, definition, version };
}

/**
 * Many comments fast (createMany, ids chosen here so rootId can be set): `threads`
 * top-level comments, each with `repliesPerThread` replies chained under it, one
 * second apart starting at `start`.
 */
export async function makeThreads({
  versionId,
  authorId,
  threads,
  repliesPerThread = 0,
  sectionKey = null,
  start = new Date("2025-02-01T00:00:00Z"),
}: {
  versionId: string;
  authorId: string;
  threads: number;
  repliesPerThread?: number;
  sectionKey?: string | null;
  start?: Date;
}): Promise<string[]> {
  const rows = [];
  const rootIds: string[] = [];
  let tick = 0;
  const at = () => new Date(start.getTime() + 1000 * tick++);
  const batch = randomUUID().slice(0, 8);
  for (let t = 0; t < threads; t++) {
    const rootId = `bulk${batch}r${String(t).padStart(6, "0")}`;
    rootIds.push(rootId);
    rows.push({ id: rootId, versionId, sectionKey, rootId, parentId: null, depth: 0, authorId, body: `Thread ${t}`, bodyHtml: `<p>Thread ${t}</p>`, createdAt: at() });
    let parentId = rootId;
    for (let r = 0; r < repliesPerThread; r++) {
      const id = `${rootId}x${r}`;
      rows.push({ id, versionId, sectionKey, rootId, parentId, depth: r + 1, authorId, body: `Reply ${r} in ${t}`, bodyHtml: `<p>Reply ${r} in ${t}</p>`, createdAt: at() });
      parentId = id;
    }
  }
  // Bounded batches: SQLite allows at most 32,766 bound parameters per statement.
  for (let i = 0; i < rows.length; i += 2000) await db.comment.createMany({ data: rows.slice(i, i + 2000) });
  return rootIds;
}
