import "server-only";
import { smtpConfigured } from "@/lib/mail/send-mail";

/**
 * /dev/outbox exists only for the embedded default: no SMTP server configured and
 * not production mode. OPENDEF_DEV_OUTBOX=1 opens it on a production build too
 * (the browser tests run one), and is never set in a real deployment.
 */
export function outboxEnabled(): boolean {
  if (smtpConfigured()) return false;
  return process.env.NODE_ENV !== "production" || process.env.OPENDEF_DEV_OUTBOX === "1";
}
