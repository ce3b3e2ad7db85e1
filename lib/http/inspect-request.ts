import { decodeCursor } from "@/lib/comments/comment-cursor";

/**
 * Request hygiene before any route runs: what no page, action or API call of
 * OpenDef ever needs is refused with a plain message and a 4xx, so that no use
 * case, and no database driver, has to cope with it (PostgreSQL rejects a NUL in
 * text with an error that would otherwise surface as a 500).
 */

/** The largest body any form or API call needs (an amendment: 30,000 characters of text), with room to spare. */
export const MAX_BODY_BYTES = 256 * 1024;
/** Deeper JSON than any request of ours; parsers recurse, so depth is work. */
export const MAX_JSON_DEPTH = 64;

export type Refusal = { status: 400 | 405 | 413; message: string; headers?: Record<string, string> };

// Pages, their forms and server actions use GET, HEAD and POST; the API's route
// handlers may use the rest, and Next.js answers 405 itself for a method a handler
// does not export.
const PAGE_METHODS = ["GET", "HEAD", "POST"];
const API_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function hasNul(text: string): boolean {
  return text.includes("\0");
}

/** Checks the URL (path and query, decoded). */
export function inspectUrl(url: URL): Refusal | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname) + decodeURIComponent(url.search.replace(/\+/g, " "));
  } catch {
    return { status: 400, message: "The address contains a broken percent-escape (a lone %). Correct the link and try again." };
  }
  if (hasNul(decoded)) return { status: 400, message: "The address contains a NUL character (%00). Remove it and try again." };
  // Every paged list (threads, amendment discussions, notifications, the response
  // queue, the API) takes the same opaque `cursor`. A page cannot answer 400 once it
  // renders, so the one parser runs here, before any route: a forged or truncated
  // cursor used to reach the use case and surface as a 500.
  for (const cursor of url.searchParams.getAll("cursor")) {
    if (cursor === "") continue;
    try {
      decodeCursor(cursor);
    } catch (error) {
      return { status: 400, message: (error as Error).message };
    }
  }
  return null;
}

/**
 * TRACE, WebDAV verbs, PUT to a page and the like: 405, naming what is allowed.
 * Called by lib/server/serve.ts before Next.js (which answers TRACE with a 500: its
 * Request cannot be built with a method fetch forbids) and again by proxy.ts.
 */
export function inspectMethod(method: string, pathname: string): Refusal | null {
  const allowed = pathname === "/api" || pathname.startsWith("/api/") ? API_METHODS : PAGE_METHODS;
  if (allowed.includes(method.toUpperCase())) return null;
  return { status: 405, message: `This address does not answer ${method} requests.`, headers: { Allow: allowed.join(", ") } };
}

/** The deepest nesting of arrays and objects in JSON-like text, ignoring brackets inside strings. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return max;
}

// "\u0000" in JSON is a NUL unless its backslash is itself escaped ("\\u0000" is text).
const JSON_NUL = /(?:^|[^\\])(?:\\\\)*\\u0000/i;

/** Checks a body already read, against what its Content-Type says it is. */
export function inspectBody(body: Uint8Array, contentType: string): Refusal | null {
  if (body.byteLength > MAX_BODY_BYTES) return tooLarge(body.byteLength);
  if (body.includes(0)) return nulInBody();
  const type = contentType.split(";")[0].trim().toLowerCase();
  const text = new TextDecoder().decode(body);
  if (type === "application/x-www-form-urlencoded") {
    if (/%00/.test(text)) return nulInBody();
  } else if (type === "application/json" || type === "text/plain" || type.endsWith("+json")) {
    if (JSON_NUL.test(text)) return nulInBody();
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      return { status: 400, message: `The request is nested more than ${MAX_JSON_DEPTH} levels deep. Send a flatter request.` };
    }
  }
  return null;
}

function tooLarge(bytes: number): Refusal {
  return { status: 413, message: `The request is ${bytes.toLocaleString("en")} bytes; the limit is ${MAX_BODY_BYTES.toLocaleString("en")}. Send less.` };
}

function nulInBody(): Refusal {
  return { status: 400, message: "The request contains a NUL character. Remove it and try again." };
}

/**
 * Everything above for one request. The body is read from a clone with a cap, so
 * a body larger than the limit is never held in memory whole.
 */
export async function inspectRequest(request: Request): Promise<Refusal | null> {
  const url = new URL(request.url);
  const methodRefusal = inspectMethod(request.method, url.pathname);
  if (methodRefusal) return methodRefusal;
  const urlRefusal = inspectUrl(url);
  if (urlRefusal) return urlRefusal;
  if (!WRITE_METHODS.has(request.method.toUpperCase()) || !request.body) return null;
  const body = await readCheckedBody(request.clone());
  if ("status" in body) return body;
  return inspectFormat(body, request.headers.get("content-type") ?? "", request.headers.has("next-action"));
}

/**
 * A body that is not what its Content-Type says: a multipart body Next.js cannot
 * split, or a server-action call whose arguments are not JSON, would otherwise
 * reach the server action machinery and end as a 500.
 */
async function inspectFormat(body: Uint8Array, contentType: string, serverAction: boolean): Promise<Refusal | null> {
  const type = contentType.split(";")[0].trim().toLowerCase();
  if (type === "multipart/form-data") {
    try {
      await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
    } catch {
      return { status: 400, message: "The form's body is not valid multipart/form-data. Send the form again from the page." };
    }
  } else if (serverAction && type === "text/plain") {
    try {
      JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
    } catch {
      return { status: 400, message: "The form's body is not valid. Send the form again from the page." };
    }
  }
  return null;
}

/**
 * A request's body, read with the cap and checked by inspectBody: a 413 refusal
 * as soon as it is larger (declared or counted as it streams), so it is never
 * held in memory whole, or inspectBody's refusal, or the bytes.
 */
export async function readCheckedBody(request: Request): Promise<Uint8Array | Refusal> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (declared > MAX_BODY_BYTES) return tooLarge(declared);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      // Not awaited: cancelling one branch of a cloned (teed) body settles only when
      // the other branch is cancelled too, and nothing will read that one now.
      reader.cancel().catch(() => {});
      return tooLarge(size);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return inspectBody(body, request.headers.get("content-type") ?? "") ?? body;
}
