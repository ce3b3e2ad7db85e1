import type { StoredMessage } from "./smtp-server";
import { MAILBOX_URL } from "./services";

/**
 * Waits for the test SMTP server to have received a mail for `to` and returns the
 * newest one. The app sends after answering the request, so poll briefly.
 */
export async function waitForMail(to: string, timeoutMs = 10_000): Promise<StoredMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${MAILBOX_URL}/messages?to=${encodeURIComponent(to)}`);
    if (!response.ok) throw new Error(`test mailbox answered ${response.status}`);
    const [newest] = (await response.json()) as StoredMessage[];
    if (newest) return newest;
    if (Date.now() > deadline) throw new Error(`no mail for ${to} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Every mail the test SMTP server holds for `to`, newest first. */
export async function mailsTo(to: string): Promise<StoredMessage[]> {
  const response = await fetch(`${MAILBOX_URL}/messages?to=${encodeURIComponent(to)}`);
  if (!response.ok) throw new Error(`test mailbox answered ${response.status}`);
  return (await response.json()) as StoredMessage[];
}
