import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

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
// Headers that make an answer differ per request: Next's client navigations and
// prefetches, server actions, and any credentials.
const BYPASS_HEADERS = [
  "rsc",
  "next-action",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "authorization",
];
const SESSION_COOKIE = /(?:^|;)\s*(?:__Secure-|__Host-)?next-auth\.session-token/;
// Hop-by-hop or per-answer headers that are set again when a cached answer is sent.
const NOT_REPLAYED = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length"]);

/** The cache key of a request whose answer may be shared, or null when it must reach the app. */
export function anonymousCacheKey(request: Pick<IncomingMessage, "method" | "url" | "headers">): string | null {
  if (request.method !== "GET") return null;
  const url = request.url ?? "";
  if (!CACHED_PATH.test(url)) return null;
  for (const header of BYPASS_HEADERS) if (request.headers[header] !== undefined) return null;
  if (SESSION_COOKIE.test(request.headers.cookie ?? "")) return null;
  // A forced reload asks for a fresh answer; a unique query string gets one anyway.
  if (/\bno-cache\b/.test(String(request.headers["cache-control"] ?? ""))) return null;
  // Next.js compresses for clients that accept it: one entry per encoding.
  const accepts = String(request.headers["accept-encoding"] ?? "");
  const encoding = /\bgzip\b/.test(accepts) ? "gzip" : /\bdeflate\b/.test(accepts) ? "deflate" : "identity";
  return `${encoding} ${url}`;
}

type Answer = { status: number; headers: OutgoingHttpHeaders; body: Buffer };
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
    if (entry?.answer) return send(response, entry.answer, entry.storedAt, this.#now());
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

function send(response: ServerResponse, answer: Answer, storedAt: number, now: number) {
  const headers: OutgoingHttpHeaders = { ...answer.headers };
  headers["content-length"] = answer.body.length;
  headers.age = String(Math.floor((now - storedAt) / 1000));
  headers["x-opendef-cache"] = "hit";
  response.writeHead(answer.status, headers);
  response.end(answer.body);
}

/**
 * Watches an answer as Next.js writes it and hands over a copy once it is complete,
 * or null when it must not be shared: anything but a 200, an answer that sets a
 * cookie, one that was cut off, or one too big to keep.
 */
function record(response: ServerResponse, maxBodyBytes: number, onComplete: (answer: Answer | null) => void) {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooBig = false;
  let headHeaders: OutgoingHttpHeaders = {};
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (tooBig || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > maxBodyBytes) {
      tooBig = true;
      chunks.length = 0;
      return;
    }
    chunks.push(buffer);
  };

  const { writeHead, write, end } = response;
  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headers = typeof args[1] === "string" ? args[2] : args[1];
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) headHeaders[String(headers[i]).toLowerCase()] = headers[i + 1];
    } else if (headers && typeof headers === "object") {
      headHeaders = { ...headHeaders, ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) };
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
  response.write = function (this: ServerResponse, ...args: unknown[]) {
    collect(args[0], args[1]);
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as ServerResponse["write"];
  response.end = function (this: ServerResponse, ...args: unknown[]) {
    collect(args[0], args[1]);
    return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["end"];

  let reported = false;
  const report = (complete: boolean) => {
    if (reported) return;
    reported = true;
    const headers: OutgoingHttpHeaders = { ...response.getHeaders(), ...headHeaders };
    const shareable = complete && !tooBig && response.statusCode === 200 && headers["set-cookie"] === undefined;
    if (!shareable) return onComplete(null);
    for (const name of Object.keys(headers)) if (NOT_REPLAYED.has(name)) delete headers[name];
    onComplete({ status: 200, headers, body: Buffer.concat(chunks) });
  };
  response.once("finish", () => report(true));
  response.once("close", () => report(response.writableFinished));
}
