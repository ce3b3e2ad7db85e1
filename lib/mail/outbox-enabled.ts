import "server-only";
import { mailTransport } from "@/lib/mail/mail-transport";

/**
 * /dev/outbox exists only for the embedded default: no SMTP server configured and
 * not production mode. OPENDEF_DEV_OUTBOX=1 opens it on a production build too
 * (the browser tests run one), and is never set in a real deployment.
 */
export function outboxEnabled(): boolean {
  return mailTransport() === "outbox";
}
