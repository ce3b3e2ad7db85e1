import "server-only";
import { createHash } from "node:crypto";
import { addressBucket } from "@/lib/http/client-address";
import { enforceLimits, limitFromEnv } from "@/lib/rate-limits/enforce-limits";

const HOUR = 3600;

export function signInMailLimits(env: Record<string, string | undefined> = process.env) {
  return {
    perEmailPerHour: limitFromEnv(env.SIGNIN_MAIL_LIMIT_PER_EMAIL_PER_HOUR, 5),
    perAddressPerHour: limitFromEnv(env.SIGNIN_MAIL_LIMIT_PER_ADDRESS_PER_HOUR, 20),
  };
}

/**
 * One mailbox however the address is spelt, for counting only (the account keeps
 * the address as typed): `name+tag@` reaches `name@` at most providers, and
 * `example.org.` (a fully qualified domain) is `example.org`, so neither may
 * multiply the limit.
 */
export function mailboxOf(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf("@");
  if (at < 0) return address;
  const local = address.slice(0, at).split("+")[0];
  const domain = address.slice(at + 1).replace(/\.+$/, "");
  return `${local}@${domain}`;
}

/** The key names the mailbox by a hash: the RateLimit table should not be a list of e-mail addresses. */
function emailKey(email: string): string {
  return createHash("sha256").update(mailboxOf(email), "utf8").digest("hex").slice(0, 32);
}

/**
 * Sign-in links are e-mails we send to any address typed into a form: unlimited,
 * that form mails strangers on an attacker's behalf and costs our sending
 * reputation. Each e-mail address gets SIGNIN_MAIL_LIMIT_PER_EMAIL_PER_HOUR links
 * an hour (default 5), each client address SIGNIN_MAIL_LIMIT_PER_ADDRESS_PER_HOUR
 * (default 20) whatever addresses it types.
 */
export async function enforceSignInMailLimits({ email, address, now = new Date() }: { email: string; address: string; now?: Date }) {
  const limits = signInMailLimits();
  await enforceLimits(
    [
      { key: `signin-mail:email:${emailKey(email)}`, limit: limits.perEmailPerHour, windowSeconds: HOUR, message: "We have sent several sign-in links to this address already: use the newest one." },
      { key: `signin-mail:address:${addressBucket(address)}`, limit: limits.perAddressPerHour, windowSeconds: HOUR, message: "Too many sign-in links were asked for from your network." },
    ],
    now,
  );
}
