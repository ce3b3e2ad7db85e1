/** The five characters XML gives meaning to, as entities. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

// XML 1.0 forbids most control characters even as entities; drop them.
function xmlText(text: string): string {
  return escapeXml(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ""));
}

export type FeedEntry = {
  id: string;
  title: string;
  authorName: string;
  authorUri?: string;
  updated: Date;
  published: Date;
  /** Absolute URL of the comment's permalink. */
  link: string;
  html: string;
};

/**
 * An Atom 1.0 document (RFC 4287). Ids are tag: URIs minted from the site's host
 * and the comment id, so they never change when a comment is edited.
 */
export function buildCommentsFeed({
  id,
  title,
  selfUrl,
  alternateUrl,
  updated,
  entries,
}: {
  id: string;
  title: string;
  selfUrl: string;
  alternateUrl: string;
  updated: Date;
  entries: FeedEntry[];
}): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(id)}</id>`,
    `  <title>${xmlText(title)}</title>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(alternateUrl)}"/>`,
    "  <generator>OpenDef</generator>",
  ];
  for (const entry of entries) {
    lines.push(
      "  <entry>",
      `    <id>${xmlText(entry.id)}</id>`,
      `    <title>${xmlText(entry.title)}</title>`,
      `    <author><name>${xmlText(entry.authorName)}</name>${entry.authorUri ? `<uri>${xmlText(entry.authorUri)}</uri>` : ""}</author>`,
      `    <published>${entry.published.toISOString()}</published>`,
      `    <updated>${entry.updated.toISOString()}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(entry.link)}"/>`,
      `    <content type="html">${xmlText(entry.html)}</content>`,
      "  </entry>",
    );
  }
  lines.push("</feed>", "");
  return lines.join("\n");
}

/** `tag:` URI (RFC 4151) for something on this site; `date` pins who owned the host then. */
export function tagUri(host: string, date: Date, specific: string): string {
  return `tag:${host},${date.toISOString().slice(0, 10)}:${specific}`;
}
