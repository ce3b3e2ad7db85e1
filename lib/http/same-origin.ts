const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Whether a request that changes something came from another site (cross-site
 * request forgery). Browsers send Origin with every POST, and Sec-Fetch-Site with
 * every request; a request with neither comes from a program, not from a page a
 * victim is visiting, and is let through (it carries no victim's cookies unless
 * the program holds them anyway).
 *
 * Same origin means: the origin the site is published at (NEXTAUTH_URL) or the
 * scheme-less host the request was sent to (its Host header), which is what a
 * browser's Origin names when no proxy rewrites the host.
 */
export function isCrossSiteWrite({
  method,
  headers,
  publicUrl = process.env.NEXTAUTH_URL,
}: {
  method: string;
  headers: Headers;
  publicUrl?: string;
}): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get("origin");
  if (origin !== null) {
    if (origin === "null") return true; // sandboxed frames, file: pages, some redirects
    const parsed = originOf(origin);
    if (!parsed) return true;
    if (parsed === originOf(publicUrl)) return false;
    const host = headers.get("host");
    return !host || new URL(parsed).host !== host.toLowerCase();
  }
  const site = headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin" && site !== "none";
}

export const CROSS_SITE_MESSAGE =
  "This request came from another website, so it was refused. If you meant to do this, go to OpenDef and do it there.";

/**
 * `value` when it is a path on this site, else `fallback`. "//host" and "/\host"
 * start with a slash but browsers read both as another host; control characters
 * (a tab or newline inside "/\t/host") are dropped by URL parsers, so they are
 * refused too. Used for every "return to" a form or link carries.
 */
export function localPath(value: string | null | undefined, fallback: string): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return /[\u0000-\u001f\u007f]/.test(value) ? fallback : value;
}
