import { decodeEntities, htmlToMarkdown } from "@/lib/import/html-to-markdown";
import { ImportError, lineAt, type ImportRecord } from "@/lib/import/import-record";

// A WordPress eXtended RSS export: RSS 2.0 whose <item>s (posts) hold
// <wp:comment>s. A small well-formedness-checking reader (tags balanced,
// attributes quoted, CDATA, character and the five XML entities; no DTD),
// enough for WXR, so that malformed XML is refused with its line before
// anything is written.

type Element = { name: string; children: Element[]; text: string; line: number };

const TOKEN = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|[^<]+/gy;

function parseXml(xml: string): Element {
  const root: Element = { name: "#document", children: [], text: "", line: 1 };
  const stack: Element[] = [root];
  let match: RegExpExecArray | null;
  TOKEN.lastIndex = 0;
  // The line of each token, counted as the tokens pass (a scan from the start per element would be quadratic).
  let line = 1;
  let counted = 0;
  const lineHere = (offset: number) => {
    for (let i = xml.indexOf("\n", counted); i !== -1 && i < offset; i = xml.indexOf("\n", i + 1)) line += 1;
    counted = offset;
    return line;
  };
  while (TOKEN.lastIndex < xml.length && (match = TOKEN.exec(xml))) {
    const [whole, cdata, closing, name, , selfClosing] = match;
    const top = stack[stack.length - 1];
    const at = () => `line ${lineHere(match!.index)}`;
    if (cdata !== undefined) top.text += cdata;
    else if (whole === "<!DOCTYPE") throw new ImportError(`Malformed XML at ${at()}: a DOCTYPE is not accepted in a WXR file.`);
    else if (whole === "<" && !xml.includes(">", match.index)) throw new ImportError(`Malformed XML: the file ends inside a tag at ${at()} (truncated?).`);
    else if (whole === "<") throw new ImportError(`Malformed XML at ${at()}: a "<" that does not start a well-formed tag.`);
    else if (whole.startsWith("<!--") || whole.startsWith("<?")) continue;
    else if (name === undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(whole)) throw new ImportError(`Malformed XML at ${at()}: an "&" that does not start an entity.`);
      top.text += decodeEntities(whole);
    } else if (closing) {
      if (top.name !== name) throw new ImportError(`Malformed XML at ${at()}: </${name}> closes <${top.name}>.`);
      stack.pop();
    } else {
      const element: Element = { name, children: [], text: "", line: lineHere(match.index) };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (TOKEN.lastIndex < xml.length) throw new ImportError(`Malformed XML at line ${lineAt(xml, TOKEN.lastIndex)}.`);
  if (stack.length > 1) throw new ImportError(`Malformed XML: the file ends inside <${stack[stack.length - 1].name}> opened at line ${stack[stack.length - 1].line} (truncated?).`);
  return root;
}

const child = (e: Element, name: string) => e.children.find((c) => c.name === name);
const text = (e: Element, name: string) => child(e, name)?.text.trim() ?? "";

/** WordPress dates: comment_date_gmt "2024-05-01 12:00:00" (UTC); "0000-00-00 00:00:00" when unknown. */
function wpDate(gmt: string, local: string, where: string): Date {
  const value = gmt && !gmt.startsWith("0000") ? gmt : local;
  const date = new Date(value.replace(" ", "T") + "Z");
  if (Number.isNaN(date.getTime())) throw new ImportError(`${where}: the date "${value}" is not a WordPress date (YYYY-MM-DD HH:MM:SS).`);
  return date;
}

export function parseWxr(xml: string): ImportRecord[] {
  const document = parseXml(xml);
  const channel = child(child(document, "rss") ?? document, "channel");
  if (!channel) throw new ImportError("This is not a WordPress export: no <rss><channel>.");
  const records: ImportRecord[] = [];
  for (const item of channel.children.filter((c) => c.name === "item")) {
    const postLink = text(item, "link");
    for (const comment of item.children.filter((c) => c.name === "wp:comment")) {
      const id = text(comment, "wp:comment_id");
      const where = `comment ${id || "(no id)"} at line ${comment.line}`;
      if (!/^\d+$/.test(id)) throw new ImportError(`${where}: wp:comment_id is missing or not a number.`);
      const approved = text(comment, "wp:comment_approved");
      const type = text(comment, "wp:comment_type");
      const parent = text(comment, "wp:comment_parent");
      records.push({
        sourceId: id,
        parentSourceId: parent && parent !== "0" ? parent : null,
        authorName: text(comment, "wp:comment_author") || "Anonymous",
        authorUrl: text(comment, "wp:comment_author_url"),
        date: wpDate(text(comment, "wp:comment_date_gmt"), text(comment, "wp:comment_date"), where),
        body: htmlToMarkdown(child(comment, "wp:comment_content")?.text ?? ""),
        url: postLink ? `${postLink}#comment-${id}` : null,
        where,
        skip: approved === "1" ? (type === "pingback" || type === "trackback" ? type : undefined) : approved === "spam" ? "spam" : approved === "trash" ? "trash" : "unapproved",
      });
    }
  }
  return records;
}
