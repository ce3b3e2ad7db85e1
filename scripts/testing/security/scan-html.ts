// A small HTML tokenizer for tests, written here on purpose: the renderer's
// sanitiser parses with htmlparser2, so checking its output with the same parser
// would share its blind spots. It follows the WHATWG tokenizer where it matters
// for script execution: tag and attribute names end where a browser ends them,
// comments and "bogus comments" are skipped, raw-text elements swallow their
// content, and character references in attribute values are decoded before URLs
// are looked at ("&#106;avascript&colon;" is javascript:).

export type HtmlTag = { name: string; attributes: { name: string; value: string }[] };

/** Elements that run code, load a document or plugin, or restyle the page. */
export const FORBIDDEN_ELEMENTS = new Set([
  "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "style", "link", "meta", "base", "svg", "math", "template", "noscript", "input", "button", "textarea", "select", "img", "video", "audio", "source", "portal",
]);
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "longdesc", "srcset", "ping", "manifest", "codebase", "lowsrc", "dynsrc"]);
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"]);
const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", colon: ":", tab: "\t", newline: "\n", nbsp: "\u00a0", sol: "/", bsol: "\\", lpar: "(", rpar: ")", semi: ";", comma: ",", period: ".", num: "#", excl: "!", equals: "=", percnt: "%",
};

export function decodeCharacterReferences(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);?/g, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff) return "\ufffd";
      return String.fromCodePoint(code);
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

const isSpace = (c: string) => c === " " || c === "\t" || c === "\n" || c === "\f" || c === "\r";
const isAlpha = (c: string | undefined) => c !== undefined && /[a-zA-Z]/.test(c);

/** Every start tag in `html`, with its attributes decoded as a browser would see them. */
export function tokenizeTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf("<", i);
    if (lt < 0) break;
    i = lt + 1;
    const c = html[i];
    if (html.startsWith("!--", i)) {
      // A comment ends at "-->" or "--!>"; "<!-->" and "<!--->" end at once.
      const rest = html.slice(i + 3);
      const m = /^-?>|--!?>/.exec(rest);
      i = m ? i + 3 + m.index + m[0].length : n;
      continue;
    }
    if (c === "!" || c === "?" || (c === "/" && !isAlpha(html[i + 1]) && html[i + 1] !== ">")) {
      const gt = html.indexOf(">", i);
      i = gt < 0 ? n : gt + 1;
      continue;
    }
    if (c === "/" && isAlpha(html[i + 1])) {
      const gt = html.indexOf(">", i);
      i = gt < 0 ? n : gt + 1;
      continue;
    }
    if (!isAlpha(c)) continue; // "<" followed by anything else is text
    let j = i;
    while (j < n && !isSpace(html[j]) && html[j] !== "/" && html[j] !== ">") j++;
    const tag: HtmlTag = { name: html.slice(i, j).toLowerCase(), attributes: [] };
    i = j;
    // Attributes, until ">" (or the end of input, where a browser drops the tag; count it anyway).
    for (;;) {
      while (i < n && (isSpace(html[i]) || html[i] === "/")) i++;
      if (i >= n || html[i] === ">") {
        i++;
        break;
      }
      let k = i + 1; // a leading "=" belongs to the name
      while (k < n && !isSpace(html[k]) && html[k] !== "/" && html[k] !== ">" && html[k] !== "=") k++;
      const name = html.slice(i, k).toLowerCase();
      i = k;
      while (i < n && isSpace(html[i])) i++;
      let value = "";
      if (html[i] === "=") {
        i++;
        while (i < n && isSpace(html[i])) i++;
        const q = html[i];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, i + 1);
          value = html.slice(i + 1, end < 0 ? n : end);
          i = end < 0 ? n : end + 1;
        } else {
          let e = i;
          while (e < n && !isSpace(html[e]) && html[e] !== ">") e++;
          value = html.slice(i, e);
          i = e;
        }
      }
      if (!tag.attributes.some((a) => a.name === name)) tag.attributes.push({ name, value: decodeCharacterReferences(value) });
    }
    tags.push(tag);
    if (RAW_TEXT.has(tag.name)) {
      const close = html.toLowerCase().indexOf(`</${tag.name}`, i);
      i = close < 0 ? n : close;
    }
  }
  return tags;
}

/** The scheme a browser would see: controls and whitespace trimmed, tabs and newlines removed anywhere. */
export function urlScheme(value: string): string | null {
  const cleaned = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return m ? m[1].toLowerCase() : null;
}

const BAD_SCHEMES = new Set(["javascript", "data", "vbscript", "livescript", "mocha"]);

/**
 * What in `html` could run code: forbidden elements, event-handler attributes,
 * script-capable URLs, and inline styles. Empty for safe markup.
 */
export function findExecutableMarkup(html: string): string[] {
  const problems: string[] = [];
  for (const tag of tokenizeTags(html)) {
    if (FORBIDDEN_ELEMENTS.has(tag.name) || tag.name.includes(":")) problems.push(`<${tag.name}> element`);
    for (const { name, value } of tag.attributes) {
      if (name.startsWith("on")) problems.push(`${name} attribute on <${tag.name}>`);
      if (name === "style") problems.push(`style attribute on <${tag.name}>`);
      if (name === "srcdoc") problems.push(`srcdoc attribute on <${tag.name}>`);
      if (URL_ATTRIBUTES.has(name)) {
        for (const candidate of name === "srcset" ? value.split(",").map((s) => s.trim().split(/\s+/)[0] ?? "") : [value]) {
          const scheme = urlScheme(candidate);
          if (scheme && BAD_SCHEMES.has(scheme)) problems.push(`${scheme}: URL in ${name} of <${tag.name}>`);
        }
      }
    }
  }
  return problems;
}
