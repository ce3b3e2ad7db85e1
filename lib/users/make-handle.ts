/** A URL-safe handle suggestion from an e-mail address or a display name. */
export function baseHandle(source: string): string {
  const local = source.includes("@") ? source.split("@")[0] : source;
  const handle = local
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // drop the accents NFKD split off
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 24);
  return handle.length >= 2 ? handle : `user-${handle}`.replace(/-$/, "");
}
