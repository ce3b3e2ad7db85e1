import "server-only";
import { getDefinition } from "@/lib/definitions/get-definition";
import { getVersion } from "@/lib/versions/get-version";
import { readDefinitionChange } from "@/lib/definitions/read-definition-change";
import { countSectionComments } from "@/lib/comments/count-section-comments";
import { countOpenAmendmentsBySection } from "@/lib/amendments/count-open-amendments-by-section";
import { listVersionAnchors } from "@/lib/anchors/list-version-anchors";
import { countAnsweredThreads } from "@/lib/dispositions/count-answered-threads";
import { countEarlierVersionComments } from "@/lib/comments/count-earlier-version-comments";
import { listComments } from "@/lib/comments/list-comments";
import { listSectionCommentsFromEarlierVersions } from "@/lib/comments/list-section-comments-from-earlier-versions";
import { listDispositions } from "@/lib/dispositions/list-dispositions";
import type { CommentOrder } from "@/lib/comments/list-comments.schema";
import { AppError } from "@/lib/errors/app-error";
import { db } from "@/lib/db";
import { ChangeKeyedCache } from "@/lib/http/change-keyed-cache";

// The public part of a version page: what every reader sees, signed in or not. Kept
// per process while the definition's change counter is unchanged
// (docs/decisions/026-signed-in-page-speed.md); the reader's own parts (follows,
// own comments, rights) are read per request by the page. Bounded: a version's
// part holds its text and passages, a thread page's part its 50 threads.
const VERSION_PARTS = 32;
const THREAD_PAGES = 128;

async function loadVersionPart(slug: string, label: string | undefined) {
  const definition = await getDefinition(slug);
  const wanted = label ?? definition.current?.label;
  if (!wanted) throw new AppError("not_found", `Definition "${slug}" has no published version.`);
  const version = await getVersion(slug, wanted);
  const now = new Date();
  const [sectionCounts, amendmentCounts, nextVoteClose, anchors, answers, earlierCounts] = await Promise.all([
    countSectionComments({ versionId: version.id }),
    countOpenAmendmentsBySection({ versionId: version.id, now }),
    // The open amendments' count changes when a vote closes, with no write: kept until then.
    db.amendment.aggregate({ where: { definitionId: definition.id, status: "voting", votingClosesAt: { gt: now } }, _min: { votingClosesAt: true } }),
    listVersionAnchors({ slug, versionId: version.id }),
    countAnsweredThreads(definition.id),
    countEarlierVersionComments({ definitionId: definition.id, beforeNumber: version.number }),
  ]);
  const validUntil = nextVoteClose._min.votingClosesAt?.getTime() ?? Infinity;
  return { definition, version, sectionCounts, amendmentCounts, anchors, answers, earlierCounts, validUntil };
}

type VersionPart = Awaited<ReturnType<typeof loadVersionPart>>;
type ThreadQuery = { order: CommentOrder; cursor: string | null; sectionKey: string | null };

async function loadThreadPage({ definition, version }: VersionPart, { order, cursor, sectionKey }: ThreadQuery) {
  const [page, earlierThreads] = await Promise.all([
    listComments({ versionId: version.id, sectionKey: sectionKey ?? undefined, order, cursor }),
    sectionKey ? listSectionCommentsFromEarlierVersions({ definitionId: definition.id, sectionKeys: [sectionKey], beforeNumber: version.number }) : Promise.resolve([]),
  ]);
  // Issue 13: the answers of this page's threads, in one query.
  const dispositions = await listDispositions({ slug: definition.slug, commentIds: [...page.comments, ...earlierThreads].map((t) => t.id) });
  return { page, earlierThreads, dispositions };
}

const versionParts = new ChangeKeyedCache<VersionPart>(VERSION_PARTS, (part) => part.validUntil);
const threadPages = new ChangeKeyedCache<Awaited<ReturnType<typeof loadThreadPage>>>(THREAD_PAGES);

/**
 * A public version (the current one when `label` is absent) with everything its page
 * shows every reader, and one page of its discussion (`section`: a section key of the
 * version, anything else is the whole discussion). One query (the change counter)
 * when nothing changed since this process last read it. The objects returned are
 * shared between requests: never change them.
 */
export async function getVersionPage({ slug, label, order, cursor, section }: { slug: string; label?: string; order: CommentOrder; cursor: string | null; section: string | null }) {
  // Read before anything it guards (ChangeKeyedCache.get).
  const change = await readDefinitionChange(slug);
  const loadVersion = () => loadVersionPart(slug, label);
  const versionPart = change === null ? await loadVersion() : await versionParts.get(`${change.definitionId}\n${label ?? ""}`, change.counter, loadVersion);
  const sectionKey = section && versionPart.version.sections.some((s) => s.key === section) ? section : null;
  const query = { order, cursor, sectionKey };
  const loadThread = () => loadThreadPage(versionPart, query);
  const thread = change === null ? await loadThread() : await threadPages.get([versionPart.version.id, order, sectionKey ?? "", cursor ?? ""].join("\n"), change.counter, loadThread);
  return { ...versionPart, sectionKey, thread };
}

export type VersionPageData = Awaited<ReturnType<typeof getVersionPage>>;
