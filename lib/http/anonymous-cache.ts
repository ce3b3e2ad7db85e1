import type { IncomingMessage, ServerResponse } from "node:http";
import { answerEncoding, hasSessionCookie, mayBeAnsweredFromMemory, record, send, type Answer } from "@/lib/http/recorded-answer";

// A one-second cache for anonymous readers, in front of Next.js in each server
// process (lib/server/serve.ts). A page of a 10,000-comment discussion costs tens of
// milliseconds of CPU to render; readers without a session all get the same
// HTML, so one render a second per URL serves them all. Members (a session
// cookie), client navigations (RSC headers), server actions, forced reloads and
// every method but GET always reach the app. See docs/decisions/009-serve-processes-and-anonymous-cache.md.

export type AnonymousCacheSettings = {
  /** How long an answer is served to other anonymous readers; 0 turns the cache off. */
  ttlMs: number;
  maxEntries: number;
  /** Answers bigger than this are not kept. */
  maxBodyBytes: number;
};

export function anonymousCacheSettings(env: Record<string, string | undefined> = process.env): AnonymousCacheSettings {
  const seconds = Number(env.ANONYMOUS_CACHE_SECONDS ?? 1);
  return {
    // More than 2 s would break the promise that a new comment reaches every reader within 2 s.
    ttlMs: Number.isFinite(seconds) ? Math.round(Math.min(Math.max(seconds, 0), 2) * 1000) : 1000,
    maxEntries: 500,
    maxBodyBytes: 4 * 1024 * 1024,
  };
}

// Public reading pages, the search page (it lists only what anyone may read) and the
// read-only API; never sign-in, settings, drafts' editors or /dev.
const CACHED_PATH = /^\/(?:$|\?|d\/|api\/v1\/|u\/|compare(?:$|[/?])|search(?:$|\?))/;
/** The cache key of a request whose answer may be shared, or null when it must reach the app. */
export function anonymousCacheKey(request: Pick<IncomingMessage, "method" | "url" | "headers">): string | null {
  const url = request.url ?? "";
  if (!mayBeAnsweredFromMemory(request) || !CACHED_PATH.test(url) || hasSessionCookie(request)) return null;
  return `${answerEncoding(request)} ${url}`;
}

/** What is known of a URL for ttlMs: its answer, or null when its answer may not be shared. */
type Entry = { storedAt: number; answer: Answer | null };
type Handler = (request: IncomingMessage, response: ServerResponse) => unknown;

export class AnonymousCache {
  readonly #settings: AnonymousCacheSettings;
  readonly #entries = new Map<string, Entry>();
  readonly #filling = new Map<string, Promise<void>>();
  #now: () => number;

  constructor(settings: AnonymousCacheSettings, now: () => number = Date.now) {
    this.#settings = settings;
    this.#now = now;
  }

  /** Answers from the cache when it can; otherwise lets `next` answer, and keeps that answer if it may be shared. */
  async handle(request: IncomingMessage, response: ServerResponse, next: Handler): Promise<void> {
    const key = this.#settings.ttlMs > 0 ? anonymousCacheKey(request) : null;
    if (!key) return void (await next(request, response));
    let entry = this.#fresh(key);
    // Concurrent misses wait for one render instead of each starting their own.
    const filling = entry ? undefined : this.#filling.get(key);
    if (filling) {
      await filling;
      entry = this.#fresh(key);
    }
    if (entry?.answer) return send(response, entry.answer, this.#now() - entry.storedAt);
    // An answer remembered as not shareable, or a render waited for that kept nothing.
    if (entry || filling) return void (await next(request, response));
    await this.#fill(key, request, response, next);
  }

  /** Lets the app answer a miss, and keeps what it answered for the next readers. */
  async #fill(key: string, request: IncomingMessage, response: ServerResponse, next: Handler) {
    let settle!: () => void;
    this.#filling.set(key, new Promise<void>((resolve) => (settle = resolve)));
    const done = () => {
      if (this.#filling.get(key) === undefined) return;
      this.#filling.delete(key);
      settle();
    };
    record(response, this.#settings.maxBodyBytes, (answer) => {
      // An answer that may not be shared (a redirect, a 404, a cookie) is remembered
      // as such for the same time, so that later readers of that URL do not queue
      // behind one another for nothing.
      this.#store(key, answer);
      done();
    });
    try {
      await next(request, response);
    } catch (error) {
      done();
      throw error;
    }
  }

  #fresh(key: string): Entry | null {
    const entry = this.#entries.get(key);
    if (!entry) return null;
    if (this.#now() - entry.storedAt < this.#settings.ttlMs) return entry;
    this.#entries.delete(key);
    return null;
  }

  #store(key: string, answer: Answer | null) {
    this.#entries.delete(key);
    this.#entries.set(key, { storedAt: this.#now(), answer });
    // Oldest first: a Map iterates in insertion order.
    while (this.#entries.size > this.#settings.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
  }
}
