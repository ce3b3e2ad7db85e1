// What every format's parser hands the importer: one post, with where it sits
// in its source (the line or message id that an error message names).

export type ImportSource = "wxr" | "mbox" | "discourse";

export const SOURCE_LABEL: Record<ImportSource, string> = { wxr: "WordPress", mbox: "a mailing list", discourse: "Discourse" };

export type ImportRecord = {
  /** The post's id in its source (WordPress comment id, Message-ID, Discourse post id). */
  sourceId: string;
  parentSourceId: string | null;
  authorName: string;
  authorUrl: string;
  date: Date;
  /** Markdown: the importer renders it with the comments' own renderer and sanitiser. */
  body: string;
  url: string | null;
  /** Where the record starts, for messages: "line 120" or "message <id@host>". */
  where: string;
  /** Set when the source itself says not to publish it (unapproved, spam). */
  skip?: string;
};

/** A file the importer refuses: nothing is written. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportError";
  }
}

/** The line of `text` that `offset` falls on, 1-based. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line += 1;
  return line;
}
