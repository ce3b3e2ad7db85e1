// Blog comments and Discourse's "cooked" posts are HTML, and the comment
// renderer never lets HTML through (lib/markdown/render-markdown.ts). So the
// few tags such posts use become their Markdown, every other tag is dropped
// with its text kept, and the result goes through the same renderer and
// sanitiser as a member's comment.

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", hellip: "…", mdash: "—", ndash: "–", rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Markdown's special characters in plain text, escaped so they show as typed. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#])/g, "\\$1");
}

export function htmlToMarkdown(html: string): string {
  let out = html.replace(/\r\n?/g, "\n");
  out = out.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "");
  out = out.replace(/<a\b[^>]*?href\s*=\s*("([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a\s*>/gi, (_m, _q, dq: string | undefined, sq: string | undefined, text: string) => {
    const href = decodeEntities(dq ?? sq ?? "").trim();
    const label = text.replace(/<[^>]*>/g, "");
    return /^(https?:|mailto:)/i.test(href) ? `[${escapeMarkdown(decodeEntities(label))}](${href.replace(/[<>()\s]/g, encodeURIComponent)})` : escapeMarkdown(decodeEntities(label));
  });
  out = out.replace(/<(strong|b)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi, "**$2**");
  out = out.replace(/<(em|i)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi, "*$2*");
  out = out.replace(/<code\b[^>]*>([\s\S]*?)<\/code\s*>/gi, "`$1`");
  out = out.replace(/<blockquote\b[^>]*>([\s\S]*?)<\/blockquote\s*>/gi, (_m, inner: string) => "\n\n" + inner.replace(/<\/?p\b[^>]*>/gi, "\n").trim().split("\n").map((l) => `> ${l}`).join("\n") + "\n\n");
  out = out.replace(/<br\s*\/?>/gi, "\n").replace(/<\/?(p|div|li|ul|ol|h\d)\b[^>]*>/gi, "\n\n");
  // Remaining tags: dropped, their text kept. Text outside the Markdown we made stays literal.
  out = out.replace(/<[^>]*>/g, "");
  out = out
    .split(/(\[[^\]]*\]\([^)\s]*\)|\*\*|\*|`[^`]*`|^> )/m)
    .map((part, i) => (i % 2 === 1 ? part : escapeMarkdown(decodeEntities(part)).replace(/\\>/g, ">")))
    .join("");
  return out.replace(/\n{3,}/g, "\n\n").trim();
}
