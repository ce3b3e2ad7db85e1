// Shared by the security specs. Raw HTTP goes through node:http so that a test can
// choose the loopback address it connects from (all of 127.0.0.0/8 reaches this
// host): with TRUSTED_PROXY_HOPS unset, that socket address is what rate limits
// count, so each test gets counters no other test touches.
import { request as httpRequest } from "node:http";
import { expect, type Browser, type Page } from "@playwright/test";
import { signedInPage } from "../support/auth";

export function unique(name: string): string {
  return `${name}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** A loopback address no other test (or earlier run against a reused server) uses. */
export function freshLoopback(): string {
  const octet = () => 2 + Math.floor(Math.random() * 250);
  return `127.${octet()}.${octet()}.${octet()}`;
}

export type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** One HTTP request from `from`, with exactly the headers given (and the cookie, if any). */
export function raw(
  baseURL: string,
  { method = "GET", path, from = "127.0.0.1", headers = {}, body }: { method?: string; path: string; from?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, localAddress: from, headers: { ...headers, ...(body !== undefined ? { "Content-Length": String(Buffer.byteLength(body)) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A multipart/form-data body, as a browser without JavaScript sends a form. */
export function multipart(fields: Record<string, string>): { body: Buffer; contentType: string } {
  const boundary = `----opendef${Math.random().toString(36).slice(2)}`;
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { body: Buffer.from(parts.join("") + `--${boundary}--\r\n`, "utf8"), contentType: `multipart/form-data; boundary=${boundary}` };
}

const ENTITIES: Record<string, string> = { quot: '"', amp: "&", lt: "<", gt: ">", "#39": "'", "#x27": "'" };
const decode = (s: string) => s.replace(/&(quot|amp|lt|gt|#39|#x27);/g, (_, e: string) => ENTITIES[e]);

/**
 * The hidden fields of every form on a page (server actions render them so that
 * the forms work without JavaScript), keyed by the form's submit button label.
 */
export function formsByButton(html: string): Map<string, Record<string, string>[]> {
  const forms = new Map<string, Record<string, string>[]>();
  for (const [, inner] of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)) {
    const fields: Record<string, string> = {};
    for (const [input] of inner.matchAll(/<input\b[^>]*type="hidden"[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(input)?.[1];
      if (name) fields[decode(name)] = decode(/\bvalue="([^"]*)"/.exec(input)?.[1] ?? "");
    }
    const button = /<button\b[^>]*>([\s\S]*?)<\/button>/.exec(inner)?.[1]?.replace(/<[^>]+>/g, "").trim() ?? "";
    forms.set(button, [...(forms.get(button) ?? []), fields]);
  }
  return forms;
}

/**
 * The hidden fields of the form with this id: a form that buttons elsewhere on the
 * page submit (`<button form="…" name="commentId" value="…">`, a thread's Delete
 * and Follow), which has no button of its own.
 */
export function formById(html: string, id: string): Record<string, string> | null {
  const inner = new RegExp(`<form\\b[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1];
  if (inner === undefined) return null;
  const fields: Record<string, string> = {};
  for (const [input] of inner.matchAll(/<input\b[^>]*type="hidden"[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(input)?.[1];
    if (name) fields[decode(name)] = decode(/\bvalue="([^"]*)"/.exec(input)?.[1] ?? "");
  }
  return fields;
}

/** The session cookie of a signed-in page, as a Cookie header. */
export async function sessionCookie(page: Page): Promise<string> {
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session, "a session cookie").toBeTruthy();
  return `${session!.name}=${session!.value}`;
}

export { signedInPage as member };

/** The seeded moderator (prisma/seed/users.json), signed in by a session row. */
export function moderator(browser: Browser): Promise<Page> {
  return signedInPage(browser, "mira");
}

/**
 * Where a freshly posted comment of the current version's discussion can be read:
 * newest first, so it is on the first page however long the discussion has grown.
 * (Not the permalink route: it redirects to http://localhost:<port>, another host
 * than the 127.0.0.1 the session cookie belongs to.)
 */
export function newestFirst(slug: string): string {
  // No #fragment: going to the same URL with a fragment would not reload the page.
  return `/d/${slug}?order=newest`;
}

/** The label of a definition's current version, from the public API. */
export async function currentLabel(baseURL: string, slug: string): Promise<string> {
  const definition = (await (await fetch(`${baseURL}/api/v1/definitions/${slug}`)).json()) as { currentVersion: string };
  return definition.currentVersion;
}

/** The discussion of a definition's current version as the public API serves it: id → comment. */
export async function publicComments(baseURL: string, slug = "osaid"): Promise<Map<string, { bodyHtml: string; deleted: boolean }>> {
  const label = encodeURIComponent(await currentLabel(baseURL, slug));
  const all = new Map<string, { bodyHtml: string; deleted: boolean }>();
  type Node = { id: string; bodyHtml: string; deleted: boolean; replies: Node[] };
  let cursor: string | null = null;
  do {
    const res = await fetch(`${baseURL}/api/v1/definitions/${slug}/versions/${label}/comments?order=oldest${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    const page = (await res.json()) as { comments: Node[]; nextCursor: string | null };
    const walk = (nodes: Node[]) => nodes.forEach((n) => (all.set(n.id, { bodyHtml: n.bodyHtml, deleted: n.deleted }), walk(n.replies)));
    walk(page.comments);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}
