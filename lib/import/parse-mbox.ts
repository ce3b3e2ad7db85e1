import { simpleParser } from "mailparser";
import { ImportError, type ImportRecord } from "@/lib/import/import-record";

// A mailing-list archive in mbox form: messages start at a "From " line; MIME
// parts and encoded headers are decoded by mailparser. Threads come from
// In-Reply-To, else the last known of References.

/** Each message's text and the line it starts on; ">From " lines are mboxrd's escape of "From ". */
function splitMbox(text: string): { raw: string; line: number }[] {
  const lines = text.split("\n");
  const messages: { raw: string; line: number }[] = [];
  let current: string[] | null = null;
  let start = 0;
  lines.forEach((line, i) => {
    if (line.startsWith("From ") && (i === 0 || lines[i - 1] === "")) {
      if (current) messages.push({ raw: current.join("\n"), line: start });
      current = [];
      start = i + 1;
    } else if (current) {
      current.push(line.replace(/^>(>*From )/, "$1"));
    } else if (line.trim() !== "") {
      throw new ImportError(`This is not an mbox file: line ${i + 1} comes before the first "From " line.`);
    }
  });
  if (current) messages.push({ raw: (current as string[]).join("\n"), line: start });
  return messages;
}

/** Plain-text mail as Markdown: the signature dropped, quoted lines kept as a quote, the rest shown as typed. */
export function mailTextToMarkdown(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const signature = lines.indexOf("-- ");
  const kept = signature === -1 ? lines : lines.slice(0, signature);
  return kept
    .map((line) => {
      const quote = /^(\s*>)+\s?/.exec(line);
      const rest = quote ? line.slice(quote[0].length) : line;
      const escaped = rest.replace(/([\\`*_[\]<>#|~])/g, "\\$1").replace(/^(\s*)(\d+)\.(\s)/, "$1$2\\.$3").replace(/^(\s*)([-+=])/, "$1\\$2");
      return quote ? `> ${escaped}` : escaped;
    })
    .join("  \n")
    .replace(/(  \n){3,}/g, "  \n\n")
    .trim();
}

function lastKnown(ids: string[], known: Set<string>): string | null {
  for (let i = ids.length - 1; i >= 0; i -= 1) if (known.has(ids[i])) return ids[i];
  return null;
}

export async function parseMbox(text: string): Promise<ImportRecord[]> {
  const messages = splitMbox(text);
  if (messages.length === 0) throw new ImportError('This is not an mbox file: no "From " line starts a message.');
  const parsed = [];
  for (const [index, { raw, line }] of messages.entries()) {
    const where = `message ${index + 1} at line ${line}`;
    const headerEnd = raw.search(/\r?\n\r?\n/);
    if (headerEnd === -1) throw new ImportError(`${where}: the headers never end (the file is truncated?).`);
    const boundary = /^content-type:[^\n]*multipart\/[\s\S]*?boundary="?([^";\n]+)"?/im.exec(raw.slice(0, headerEnd));
    if (boundary && !raw.includes(`--${boundary[1].trim()}--`)) throw new ImportError(`${where}: its MIME parts never close (the file is truncated?).`);
    const mail = await simpleParser(raw, { skipHtmlToText: false, skipTextLinks: true, skipImageLinks: true });
    const messageId = mail.messageId?.trim();
    if (!messageId) throw new ImportError(`${where}: it has no Message-ID.`);
    if (!mail.date || Number.isNaN(mail.date.getTime())) throw new ImportError(`message ${messageId}: it has no valid Date.`);
    const from = mail.from?.value[0];
    const references = typeof mail.references === "string" ? [mail.references] : (mail.references ?? []);
    const archived = mail.headers.get("archived-at");
    const archivedAt = typeof archived === "string" ? archived.replace(/^<|>$/g, "").trim() : null;
    parsed.push({
      messageId,
      inReplyTo: mail.inReplyTo?.trim() ?? null,
      references,
      record: {
        sourceId: messageId,
        parentSourceId: null,
        // The name only: a list archive's addresses are never stored.
        authorName: from?.name?.trim() || (from?.address ? from.address.split("@")[0] : "Unknown sender"),
        authorUrl: "",
        date: mail.date,
        body: mailTextToMarkdown(mail.text ?? ""),
        url: archivedAt && /^https?:\/\//.test(archivedAt) ? archivedAt : null,
        where: `message ${messageId} (line ${line})`,
      } satisfies ImportRecord,
    });
  }
  const known = new Set(parsed.map((p) => p.messageId));
  return parsed.map(({ inReplyTo, references, record }) => ({
    ...record,
    parentSourceId: inReplyTo && known.has(inReplyTo) ? inReplyTo : lastKnown(references, known) ?? inReplyTo ?? lastKnown(references, new Set(references)),
  }));
}
