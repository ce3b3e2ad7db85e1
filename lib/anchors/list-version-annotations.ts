import "server-only";
import { db } from "@/lib/db";
import { commentPermalink, siteOrigin, userPath, versionPath } from "@/lib/paths";
import { getVersion } from "@/lib/versions/get-version";
import { sectionPlainText } from "@/lib/anchors/section-plain-text";

export const ANNOTATION_CONTENT_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

type Selector = { type: string; [key: string]: unknown };

/** W3C code points, where JavaScript and the stored offsets count UTF-16 units. */
function codePoints(text: string, units: number): number {
  return [...text.slice(0, units)].length;
}

// The selectors are measured in one section's plain text: a fragment selector
// names the section (#s-<key> on the version's page) and is refined by each.
function sectionSelectors(sectionKey: string, a: { exact: string; prefix: string; suffix: string; start: number; end: number }, sectionText: string | null): Selector[] {
  const fragment = { type: "FragmentSelector", conformsTo: "http://tools.ietf.org/rfc/rfc3986", value: `s-${sectionKey}` };
  const quote = { type: "TextQuoteSelector", exact: a.exact, prefix: a.prefix, suffix: a.suffix };
  const position =
    sectionText === null
      ? { type: "TextPositionSelector", start: a.start, end: a.end }
      : { type: "TextPositionSelector", start: codePoints(sectionText, a.start), end: codePoints(sectionText, a.end) };
  return [
    { ...fragment, refinedBy: quote },
    { ...fragment, refinedBy: position },
  ];
}

/**
 * A version's comments on passages as a W3C Web Annotation collection
 * (https://www.w3.org/TR/annotation-model/, -vocab/): one page holding every
 * item. A comment found in this version's text targets this version; one whose
 * words are gone targets the version it was made on, where its words are.
 * Hidden and deleted comments are left out.
 */
export async function listVersionAnnotations(slug: string, label: string) {
  const version = await getVersion(slug, label);
  const origin = siteOrigin();
  const rows = await db.commentAnchor.findMany({
    where: { versionId: version.id, comment: { deletedAt: null, hiddenAt: null } },
    orderBy: { comment: { createdAt: "asc" } },
    select: {
      sectionKey: true,
      status: true,
      exact: true,
      prefix: true,
      suffix: true,
      start: true,
      end: true,
      comment: {
        select: {
          id: true,
          versionId: true,
          bodyHtml: true,
          createdAt: true,
          editedAt: true,
          author: { select: { handle: true, name: true } },
          version: { select: { label: true } },
        },
      },
    },
  });
  // Orphans point at their words on the version they were made on: one query for all.
  const orphans = rows.filter((r) => r.status === "orphaned").map((r) => ({ commentId: r.comment.id, versionId: r.comment.versionId! })); // an anchored comment is on a version
  const originRows = orphans.length
    ? await db.commentAnchor.findMany({
        where: { OR: orphans },
        select: { commentId: true, versionId: true, sectionKey: true, exact: true, prefix: true, suffix: true, start: true, end: true, version: { select: { sections: { select: { key: true, text: true } } } } },
      })
    : [];
  const originOf = new Map(originRows.map((r) => [r.commentId, r]));
  const texts = new Map(version.sections.map((s) => [s.key, s.text]));
  // Each section's plain text once, by version and key, to count code points in.
  const plain = new Map<string, string>();
  const plainOf = (key: string, markdown: string | undefined) => {
    if (markdown === undefined) return null;
    if (!plain.has(key)) plain.set(key, sectionPlainText(markdown));
    return plain.get(key)!;
  };

  const collectionId = `${origin}/api/v1/definitions/${encodeURIComponent(slug)}/versions/${encodeURIComponent(version.label)}/annotations`;
  const items = rows.flatMap((row) => {
    const c = row.comment;
    let target: { source: string; selector: Selector[] };
    if (row.start !== null && row.end !== null) {
      const anchor = { ...row, start: row.start, end: row.end };
      target = { source: `${origin}${versionPath(slug, version.label)}`, selector: sectionSelectors(row.sectionKey, anchor, plainOf(`${version.id}:${row.sectionKey}`, texts.get(row.sectionKey))) };
    } else {
      const first = originOf.get(c.id);
      if (!first || first.start === null || first.end === null) return [];
      const text = first.version.sections.find((s) => s.key === first.sectionKey)?.text;
      target = {
        source: `${origin}${versionPath(slug, c.version!.label!)}`,
        selector: sectionSelectors(first.sectionKey, { ...first, start: first.start, end: first.end }, plainOf(`${first.versionId}:${first.sectionKey}`, text)),
      };
    }
    return [
      {
        id: `${origin}${commentPermalink({ slug, commentId: c.id })}`,
        type: "Annotation",
        motivation: "commenting",
        created: c.createdAt.toISOString(),
        ...(c.editedAt ? { modified: c.editedAt.toISOString() } : {}),
        creator: { id: `${origin}${userPath(c.author.handle)}`, type: "Person", nickname: c.author.handle, ...(c.author.name ? { name: c.author.name } : {}) },
        body: { type: "TextualBody", value: c.bodyHtml, format: "text/html", language: "en", purpose: "commenting" },
        target,
      },
    ];
  });
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: collectionId,
    type: "AnnotationCollection",
    label: `Comments on passages of ${slug} ${version.label}`,
    total: items.length,
    first: { id: `${collectionId}#page-1`, type: "AnnotationPage", partOf: collectionId, startIndex: 0, items },
  };
}
