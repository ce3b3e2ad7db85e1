import { randomBytes } from "node:crypto";

/**
 * A URL-safe handle from a display name: accents folded, anything else that is
 * not a-z or 0-9 becomes one hyphen. Never from an e-mail address (an address is
 * private, and its local part is often a person's full name). A name with no
 * Latin letters or digits (e.g. written in Chinese) gives "member".
 */
export function handleFromName(name: string): string {
  const handle = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // drop the accents NFKD split off
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 24)
    .replace(/-+$/, "");
  return handle.length >= 2 ? handle : "member";
}

/** The n-th candidate for a taken handle: "ada", "ada-2", "ada-3", … (never over 28 characters). */
export function handleCandidate(stem: string, attempt: number): string {
  return attempt === 0 ? stem : `${stem}-${attempt + 1}`;
}

/** The handle of a new account until its member chooses a name: random, nothing from the address. */
export function provisionalHandle(): string {
  return `member-${randomBytes(5).toString("hex")}`;
}

/**
 * The local part of an address, as names and handles were once made from it:
 * "Ada.Lovelace+x@example.org" → "ada-lovelace-x". For telling whether an older
 * account's name or handle still shows its address.
 */
export function localPartAsHandle(email: string): string {
  return handleFromName(email.split("@")[0] ?? "");
}
