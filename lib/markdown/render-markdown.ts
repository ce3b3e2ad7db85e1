import "server-only";
import sanitizeHtml from "sanitize-html";
import { createMarkdownParser } from "@/lib/markdown/create-markdown-parser";

export type MarkdownMode = "document" | "comment";

const LINK_SCHEMES = ["http", "https", "mailto"];
const URL_SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// C0/C1 controls, whitespace, zero-width and byte-order marks, and the
// replacement character markdown-it puts in place of NUL.
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff\ufffd]/g;
const ALIGNMENT = /text-align:\s*(left|center|right)/i;

const md = createMarkdownParser();

// markdown-it hands validateLink the destination with entities already decoded
// ("&#106;avascript:" arrives as "javascript:") and whitespace or control
// characters percent-encoded. Browsers would read "java%20script:" as a relative
// URL, but decoding and dropping such characters before looking at the scheme
// rejects every spelling of a script URL, not only the ones known to be live.
// A rejected destination stays visible as plain text instead of becoming a link.
md.validateLink = (url) => {
  const scheme = URL_SCHEME.exec(decodePercent(url).replace(INVISIBLE, ""));
  return scheme === null || LINK_SCHEMES.includes(scheme[1].toLowerCase());
};

function decodePercent(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    // A malformed escape (a lone "%") is kept as written: it cannot form a scheme.
    return url;
  }
}

// Images are never loaded (no tracking pixels, no hotlinked content in a
// document of record): an image becomes a link to where it lives.
md.renderer.rules.image = (tokens, idx, options, env: RenderEnv, self) => {
  const token = tokens[idx];
  const src = token.attrGet("src") ?? "";
  const title = token.attrGet("title");
  const alt = self.renderInlineAsText(token.children ?? [], options, env);
  const escape = md.utils.escapeHtml;
  // Links cannot nest, and a non-web URL is not worth linking: keep the alt text only.
  if (!/^https?:/i.test(src) || env.insideLink) return escape(alt);
  const titleAttribute = title ? ` title="${escape(title)}"` : "";
  return `<a href="${escape(src)}"${titleAttribute}>${escape(alt || src)}</a>`;
};

// Rendering is sequential, so noting when a link opens and closes tells the
// image rule whether it sits inside one without scanning back through tokens.
type RenderEnv = { insideLink?: boolean };
md.renderer.rules.link_open = (tokens, idx, options, env: RenderEnv, self) => {
  env.insideLink = true;
  return self.renderToken(tokens, idx, options);
};
md.renderer.rules.link_close = (tokens, idx, options, env: RenderEnv, self) => {
  env.insideLink = false;
  return self.renderToken(tokens, idx, options);
};

function renameTag(tagName: string): sanitizeHtml.Transformer {
  return (_name, attribs) => ({ tagName, attribs });
}

// markdown-it aligns table cells with inline style, which the allowlist forbids;
// a fixed class keeps the author's alignment without letting any style through.
const alignCell: sanitizeHtml.Transformer = (tagName, { style }) => {
  const alignment = ALIGNMENT.exec(style ?? "");
  const attribs: sanitizeHtml.Attributes = alignment ? { class: `align-${alignment[1].toLowerCase()}` } : {};
  return { tagName, attribs };
};

function sanitizeOptions(mode: MarkdownMode): sanitizeHtml.IOptions {
  // Comments are user-generated: search engines should not reward links in them.
  const rel = mode === "comment" ? "nofollow ugc noopener" : "noopener";
  // The page owns h1 (the definition's title); a document's sections are h2. A
  // comment sits under those, so its headings start at h4 and never compete.
  const headings: Record<string, sanitizeHtml.Transformer> =
    mode === "comment"
      ? { h1: renameTag("h4"), h2: renameTag("h5"), h3: renameTag("h6"), h4: renameTag("h6"), h5: renameTag("h6") }
      : { h1: renameTag("h2") };
  return {
    allowedTags: [
      "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "s", "code", "pre",
      "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
    ],
    allowedAttributes: { a: ["href", "title", "rel"], ol: ["start"], th: ["class"], td: ["class"] },
    allowedClasses: { th: ["align-left", "align-center", "align-right"], td: ["align-left", "align-center", "align-right"] },
    allowedSchemes: LINK_SCHEMES,
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ["href"],
    disallowedTagsMode: "discard",
    transformTags: {
      ...headings,
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel } }),
      th: alignCell,
      td: alignCell,
    },
  };
}

const OPTIONS: Record<MarkdownMode, sanitizeHtml.IOptions> = {
  document: sanitizeOptions("document"),
  comment: sanitizeOptions("comment"),
};

/**
 * Renders user-written Markdown to HTML that is safe to insert into a page. The
 * parser never passes raw HTML through; the sanitiser is a second, independent
 * allowlist in case a parser rule ever emits something unexpected.
 */
export function renderMarkdown(markdown: string, mode: MarkdownMode): string {
  if (mode === "document") return renderedDocuments.get(markdown) ?? keepRendered(markdown, render(markdown, mode));
  return render(markdown, mode);
}

function render(markdown: string, mode: MarkdownMode): string {
  const env: RenderEnv = {};
  return sanitizeHtml(md.render(markdown, env), OPTIONS[mode]);
}

// A version's sections are rendered on every page that shows them, the same for
// every reader (about 0.7 ms of each version page's CPU at 10,000 comments):
// the last renders are kept, keyed by the Markdown itself, so an edited text is
// a new key and nothing kept goes stale. Bounded by characters held, oldest out.
// Comments are rendered once, when written, and are not kept here.
const DOCUMENT_CACHE_CHARACTERS = 4_000_000;
const renderedDocuments = new Map<string, string>();
let renderedCharacters = 0;

function keepRendered(markdown: string, html: string): string {
  const size = markdown.length + html.length;
  if (size > DOCUMENT_CACHE_CHARACTERS / 4) return html;
  renderedDocuments.set(markdown, html);
  renderedCharacters += size;
  for (const [key, value] of renderedDocuments) {
    if (renderedCharacters <= DOCUMENT_CACHE_CHARACTERS) break;
    renderedDocuments.delete(key);
    renderedCharacters -= key.length + value.length;
  }
  return html;
}
