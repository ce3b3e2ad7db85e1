import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

// An answer of the app, copied as Next.js writes it, to be sent again from memory:
// shared by the anonymous readers' cache (anonymous-cache.ts) and the members'
// page cache (member-page-cache.ts).

export type Answer = { status: number; headers: OutgoingHttpHeaders; body: Buffer };

// Hop-by-hop or per-answer headers that are set again when a kept answer is sent.
const NOT_REPLAYED = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length"]);

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

/**
 * Whether a kept answer may stand for this request at all: a GET with none of the
 * headers above, and not a forced reload (`Cache-Control: no-cache`, which asks for a
 * fresh answer). Each cache then says which paths and readers it keeps answers for.
 */
export function mayBeAnsweredFromMemory(request: Pick<IncomingMessage, "method" | "headers">): boolean {
  if (request.method !== "GET") return false;
  for (const header of BYPASS_HEADERS) if (request.headers[header] !== undefined) return false;
  return !/\bno-cache\b/.test(String(request.headers["cache-control"] ?? ""));
}

/** Whether the request carries a next-auth session cookie (a member, or one who was). */
export function hasSessionCookie(request: Pick<IncomingMessage, "headers">): boolean {
  return SESSION_COOKIE.test(request.headers.cookie ?? "");
}

/** Next.js compresses for clients that accept it: a kept answer is one per encoding. */
export function answerEncoding(request: Pick<IncomingMessage, "headers">): "gzip" | "deflate" | "identity" {
  const accepts = String(request.headers["accept-encoding"] ?? "");
  return /\bgzip\b/.test(accepts) ? "gzip" : /\bdeflate\b/.test(accepts) ? "deflate" : "identity";
}

/** Sends a kept answer again, marked as a hit, with its age in whole seconds. */
export function send(response: ServerResponse, answer: Answer, ageMs: number) {
  const headers: OutgoingHttpHeaders = { ...answer.headers };
  headers["content-length"] = answer.body.length;
  headers.age = String(Math.floor(ageMs / 1000));
  headers["x-opendef-cache"] = "hit";
  response.writeHead(answer.status, headers);
  response.end(answer.body);
}

/**
 * Watches an answer as Next.js writes it and hands over a copy once it is complete,
 * or null when it must not be shared: anything but a 200, an answer that sets a
 * cookie, one that was cut off, or one too big to keep.
 */
export function record(response: ServerResponse, maxBodyBytes: number, onComplete: (answer: Answer | null) => void) {
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
