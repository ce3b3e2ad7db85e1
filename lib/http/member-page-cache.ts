import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerEncoding, hasSessionCookie, mayBeAnsweredFromMemory, record, send, type Answer } from "@/lib/http/recorded-answer";

// Members' version pages, kept per session and URL while nothing they show has
// changed (docs/decisions/039-member-page-cache.md). In front of Next.js in each
// server process (lib/server/serve.ts), beside the anonymous readers' cache.
//
// Before a member's page is rendered, one SQL statement reads its stamp: the
// session's member, that member's change counter (their account and follows) and
// the definition's change counter (everything the page shows every reader), all
// moved by database triggers in the writer's own transaction. The page itself says
// whether it may be kept, and until when (keepPageForMember): only pages whose
// every part is covered by the stamp do. The next request for the same session and
// URL reads the stamp again and, when it is unchanged, gets the kept answer with
// no render. So a write is seen by the next request on every process and instance.

/** A member's session and the state of what a page shows them, as one comparable string. */
export type MemberPageStamp = { session: string; stamp: string };
/** Reads the stamp of the session in this Cookie header for a definition's page; null without a valid session or definition. */
export type ReadMemberPageStamp = (cookieHeader: string, slug: string) => Promise<MemberPageStamp | null>;

export type MemberPageCacheSettings = {
  /** What all kept answers may take together; 0 turns the cache off. */
  maxBytes: number;
  maxEntries: number;
  /** A kept answer older than this is rendered again: comment times carry a relative title ("3 minutes ago"). */
  maxAgeMs: number;
};

export function memberPageCacheSettings(env: Record<string, string | undefined> = process.env): MemberPageCacheSettings {
  const mb = Number(env.MEMBER_PAGE_CACHE_MB ?? 32);
  return { maxBytes: Number.isFinite(mb) && mb > 0 ? Math.round(mb * 1024 * 1024) : 0, maxEntries: 2000, maxAgeMs: 60_000 };
}

type PageRequest = { keepUntil: number | null };
// On globalThis: a server process loads this module twice, in serve.ts's bundle and in
// Next.js's bundle of the pages, and both must share the reader and the request store.
type Shared = { readStamp: ReadMemberPageStamp | null; pages: AsyncLocalStorage<PageRequest> };
const shared: Shared = ((globalThis as { opendefMemberPages?: Shared }).opendefMemberPages ??= {
  readStamp: null,
  pages: new AsyncLocalStorage<PageRequest>(),
});

/** At start-up (instrumentation.ts): how the cache reads a stamp. Without it nothing is kept. */
export function registerMemberPageStamp(read: ReadMemberPageStamp | null): void {
  shared.readStamp = read;
}

/**
 * Called by a page whose every member-specific part is covered by the stamp: this
 * answer may be kept for this session until `validUntil` (ms since the epoch), the
 * next moment it would change with no write (a vote or a comment period closing).
 * Does nothing outside a request the cache is watching.
 */
export function keepPageForMember(validUntil = Infinity): void {
  const page = shared.pages.getStore();
  if (page) page.keepUntil = Math.min(page.keepUntil ?? Infinity, validUntil);
}

// A definition's version page, the current one or one by label: the slug is the stamp's definition.
const KEPT_PATH = /^\/d\/([a-z0-9-]+)(?:\/v\/[^/?#]+)?\/?(?:\?|$)/;

/** The definition of a request this cache may answer, or null when it goes straight to the app. */
export function memberPageSlug(request: Pick<IncomingMessage, "method" | "url" | "headers">): string | null {
  const match = KEPT_PATH.exec(request.url ?? "");
  return match && mayBeAnsweredFromMemory(request) && hasSessionCookie(request) ? match[1] : null;
}

type Entry = { stamp: string; storedAt: number; validUntil: number; answer: Answer };
type Handler = (request: IncomingMessage, response: ServerResponse) => unknown;

export class MemberPageCache {
  readonly #settings: MemberPageCacheSettings;
  readonly #now: () => number;
  // A Map keeps insertion order: re-inserting on a hit makes the first key the least recently used.
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;

  constructor(settings: MemberPageCacheSettings, now: () => number = Date.now) {
    this.#settings = settings;
    this.#now = now;
  }

  /** Answers from what was kept when the stamp is unchanged; otherwise lets `next` render, and keeps the answer if the page allows it. */
  async handle(request: IncomingMessage, response: ServerResponse, next: Handler): Promise<void> {
    const slug = this.#settings.maxBytes > 0 && shared.readStamp ? memberPageSlug(request) : null;
    // Read before the render: what is rendered is then at least as new as the stamp it is kept under.
    const stamp = slug ? await shared.readStamp!(request.headers.cookie ?? "", slug).catch(() => null) : null;
    // No valid session or definition, or the database did not answer: the app answers (and says so).
    if (!stamp) return void (await next(request, response));
    const key = `${answerEncoding(request)} ${stamp.session} ${request.url}`;
    const found = this.#entries.get(key);
    const now = this.#now();
    if (found && found.stamp === stamp.stamp && now < found.validUntil) {
      this.#entries.delete(key);
      this.#entries.set(key, found);
      return send(response, found.answer, now - found.storedAt);
    }
    if (found) this.#delete(key);
    const page: PageRequest = { keepUntil: null };
    record(response, this.#settings.maxBytes / 8, (answer) => {
      const storedAt = this.#now();
      if (!answer || page.keepUntil === null) return;
      const validUntil = Math.min(page.keepUntil, storedAt + this.#settings.maxAgeMs);
      if (validUntil > storedAt) this.#store(key, { stamp: stamp.stamp, storedAt, validUntil, answer });
    });
    await shared.pages.run(page, () => next(request, response));
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.#entries.size, bytes: this.#bytes };
  }

  #store(key: string, entry: Entry) {
    this.#delete(key);
    this.#entries.set(key, entry);
    this.#bytes += entry.answer.body.length;
    while (this.#entries.size > this.#settings.maxEntries || this.#bytes > this.#settings.maxBytes) this.#delete(this.#entries.keys().next().value!);
  }

  #delete(key: string) {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.answer.body.length;
  }
}
