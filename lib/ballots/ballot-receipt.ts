import "server-only";
import { createHmac } from "node:crypto";

/**
 * A voter's receipt on a ballot, as Debian's devotee gives one: an HMAC of the
 * ballot and the voter under a key only the server holds (derived from
 * NEXTAUTH_SECRET, so nothing new to configure). The voter sees it when voting
 * and finds their row on the tally sheet by it; nobody else can link it to them.
 */
export function ballotReceipt(ballotId: string, userId: string): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret && process.env.NODE_ENV === "production") throw new Error("NEXTAUTH_SECRET is not set: ballot receipts need it.");
  const key = createHmac("sha256", secret || "opendef-development-only").update("opendef ballot receipts").digest();
  return createHmac("sha256", key).update(`${ballotId}\n${userId}`).digest("hex").slice(0, 32);
}
