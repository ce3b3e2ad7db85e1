import { isIP } from "node:net";
import { readPeerAddress } from "@/lib/http/peer-address";

/** What rate limits count against when the address cannot be known. */
export const UNKNOWN_ADDRESS = "unknown";

/**
 * How many reverse proxies in front of the app may be believed
 * (TRUSTED_PROXY_HOPS, default 0). With 0, X-Forwarded-For is ignored entirely.
 */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUSTED_PROXY_HOPS?.trim();
  if (!raw) return 0;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

function normalise(address: string): string | null {
  let a = address.trim();
  // "[2001:db8::1]:443" or "203.0.113.9:8080", as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  a = a.toLowerCase();
  if (a.startsWith("::ffff:") && isIP(a.slice(7)) === 4) a = a.slice(7);
  return isIP(a) ? a : null;
}

/**
 * The address of the client that sent this request, for rate limits.
 *
 * - 0 trusted hops: the socket's peer address (recorded by lib/http/peer-address);
 *   whatever the client wrote into X-Forwarded-For is ignored.
 * - N trusted hops: the Nth address from the right of X-Forwarded-For, the one the
 *   outermost trusted proxy saw. Entries further left were written by the client
 *   and are never read. When the header has fewer entries than N, or the entry is
 *   not an IP address, the request did not come through the proxies as configured:
 *   the socket's peer is used instead.
 *
 * Never throws: an address that cannot be known is UNKNOWN_ADDRESS, which is one
 * shared bucket (stricter, never looser).
 */
export function clientAddress(headers: Headers, hops: number = trustedProxyHops()): string {
  const peerRaw = readPeerAddress(headers);
  const peer = peerRaw ? normalise(peerRaw) : null;
  if (hops > 0) {
    const chain = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    if (chain.length >= hops) {
      const fromProxy = normalise(chain[chain.length - hops]);
      if (fromProxy) return fromProxy;
    }
  }
  return peer ?? UNKNOWN_ADDRESS;
}

/**
 * The rate-limit bucket of an address: IPv4 as is, IPv6 by its /64 prefix (one
 * host usually holds a whole /64, so counting single addresses would not limit it).
 */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head, tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => (parseInt(g, 16) || 0).toString(16)).join(":")}::/64`;
}
