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

export type Refusal = { status: 400 | 413; message: string };

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
  return hasNul(decoded) ? { status: 400, message: "The address contains a NUL character (%00). Remove it and try again." } : null;
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
  const urlRefusal = inspectUrl(new URL(request.url));
  if (urlRefusal) return urlRefusal;
  if (!WRITE_METHODS.has(request.method.toUpperCase()) || !request.body) return null;
  const body = await readCheckedBody(request.clone());
  return "status" in body ? body : null;
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
