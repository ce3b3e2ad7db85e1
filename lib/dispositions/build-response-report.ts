import "server-only";
import { db } from "@/lib/db";
import { getVersion } from "@/lib/versions/get-version";
import { diffVersions, type SectionDiff } from "@/lib/versions/diff-versions";
import { answerableAmendments, answerableThreads } from "@/lib/dispositions/undisposed";
import { dispositionSelect, groupHistories, HISTORY_ORDER, type DispositionView } from "@/lib/dispositions/list-dispositions";
import { excerpt } from "@/lib/dispositions/excerpt";
import { amendmentPath, commentPermalink } from "@/lib/paths";

/** One thread or amendment in a version's response report. */
export type ReportItem = {
  type: "thread" | "amendment";
  id: string;
  sectionKey: string | null;
  section: string;
  title: string;
  author: { handle: string; name: string };
  createdAt: Date;
  path: string;
  disposition: DispositionView | null;
  /** Earlier answers, newest first. */
  earlier: DispositionView[];
};

export type ReportSection = { key: string | null; heading: string; change: SectionDiff["change"] | null; diff: SectionDiff | null; items: ReportItem[] };

export const WHOLE_VERSION = "The version as a whole";

/**
 * What became of every thread and amendment made on the version before this
 * one, grouped by that version's sections (in order, then the version as a
 * whole), each section with the word diff of what this version changed in it.
 * A constant number of queries whatever the number of threads: the two
 * versions, the threads, the amendments and all their answers, each in one.
 */
export async function buildResponseReport(slug: string, label: string) {
  const version = await getVersion(slug, label);
  const previous = await db.version.findFirst({
    where: { definitionId: version.definitionId, number: version.number - 1, status: { in: ["published", "superseded"] } },
    select: { id: true, label: true, body: true, sections: { orderBy: { position: "asc" }, select: { key: true, heading: true, text: true } } },
  });
  const definition = await db.definition.findUniqueOrThrow({ where: { id: version.definitionId }, select: { slug: true, title: true } });
  if (!previous) return { definition, version: { label: version.label, publishedAt: version.publishedAt }, previous: null, sections: [] as ReportSection[], counts: count([]) };

  // Relations are read by filters, not `select`: Prisma would load a related row
  // per id in chunks of 999 bound values, so the statements would grow with the threads.
  const threadWhere = answerableThreads(previous.id);
  const amendmentWhere = answerableAmendments(previous.id);
  const dispositionWhere = { OR: [{ comment: { is: threadWhere } }, { amendment: { is: amendmentWhere } }] };
  const { author: _author, acceptedInVersion: _acceptedIn, ...dispositionColumns } = dispositionSelect;
  const [threads, amendments, rows, people, versions] = await Promise.all([
    db.comment.findMany({ where: threadWhere, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, body: true, sectionKey: true, createdAt: true, authorId: true } }),
    db.amendment.findMany({ where: amendmentWhere, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, title: true, sectionKey: true, createdAt: true, authorId: true } }),
    db.disposition.findMany({ where: dispositionWhere, orderBy: HISTORY_ORDER, select: { ...dispositionColumns, authorId: true, acceptedInVersionId: true } }),
    db.user.findMany({
      where: { OR: [{ comments: { some: threadWhere } }, { amendments: { some: amendmentWhere } }, { dispositions: { some: dispositionWhere } }] },
      select: { id: true, handle: true, name: true },
    }),
    db.version.findMany({ where: { definitionId: version.definitionId }, select: { id: true, label: true } }),
  ]);
  const byUser = new Map(people.map((p) => [p.id, { handle: p.handle, name: p.name ?? p.handle }]));
  const someone = (id: string) => byUser.get(id) ?? { handle: "", name: "[unknown]" };
  const labels = new Map(versions.map((v) => [v.id, v.label]));
  const histories = groupHistories(
    slug,
    rows.map(({ authorId, acceptedInVersionId, ...row }) => ({ ...row, author: someone(authorId), acceptedInVersion: acceptedInVersionId ? { label: labels.get(acceptedInVersionId) ?? null } : null })),
  );
  const diff = diffVersions({ body: previous.body, sections: previous.sections }, { body: version.body, sections: version.sections });
  const diffs = new Map(diff.sections.map((d) => [d.key, d]));
  const headings = new Map(previous.sections.map((s) => [s.key, s.heading]));
  const sectionOf = (key: string | null) => (key && headings.has(key) ? headings.get(key)! : key ? key : WHOLE_VERSION);

  const items: ReportItem[] = [
    ...threads.map((t) => ({ type: "thread" as const, id: t.id, sectionKey: t.sectionKey, title: excerpt(t.body), authorId: t.authorId, createdAt: t.createdAt, path: commentPermalink({ slug, commentId: t.id }), ref: `comment:${t.id}` })),
    ...amendments.map((a) => ({ type: "amendment" as const, id: a.id, sectionKey: a.sectionKey, title: a.title, authorId: a.authorId, createdAt: a.createdAt, path: amendmentPath(slug, a.id), ref: `amendment:${a.id}` })),
  ]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
    .map(({ ref, authorId, ...item }) => {
      const history = histories.get(ref);
      return { ...item, section: sectionOf(item.sectionKey), author: someone(authorId), disposition: history?.current ?? null, earlier: history?.earlier ?? [] };
    });

  const order = [...previous.sections.map((s) => s.key), null, ...new Set(items.map((i) => i.sectionKey).filter((k) => k !== null && !headings.has(k)))];
  const sections: ReportSection[] = order.flatMap((key) => {
    const own = items.filter((i) => i.sectionKey === key);
    const sectionDiff = key ? (diffs.get(key) ?? null) : null;
    if (own.length === 0 && (!sectionDiff || sectionDiff.change === "unchanged")) return [];
    return [{ key, heading: sectionOf(key), change: sectionDiff?.change ?? null, diff: sectionDiff, items: own }];
  });
  return { definition, version: { label: version.label, publishedAt: version.publishedAt }, previous: { label: previous.label! }, sections, counts: count(items) };
}

function count(items: ReportItem[]) {
  const threads = items.filter((i) => i.type === "thread");
  const amendments = items.filter((i) => i.type === "amendment");
  return {
    threads: threads.length,
    answeredThreads: threads.filter((i) => i.disposition).length,
    amendments: amendments.length,
    answeredAmendments: amendments.filter((i) => i.disposition).length,
  };
}

export type ResponseReport = Awaited<ReturnType<typeof buildResponseReport>>;
