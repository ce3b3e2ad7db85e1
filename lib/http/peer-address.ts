import { subscribe } from "node:diagnostics_channel";
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/**
 * The TCP peer of the connection a request came in on, as a request header the
 * app can read (Next.js exposes no socket to route handlers, server actions or
 * proxy.ts, and only fills X-Forwarded-For from the socket when the client did not
 * send one itself, so that header alone can be forged).
 *
 * The value is "<process secret> <address>": the secret is random per server
 * process, so a client that sends this header itself is ignored even if the
 * recorder were not installed.
 */
export const PEER_ADDRESS_HEADER = "x-opendef-peer-address";

const SECRET_KEY = Symbol.for("opendef.peerAddressSecret");
type Holder = { [SECRET_KEY]?: string };

function secret(): string | undefined {
  return (globalThis as Holder)[SECRET_KEY];
}

/**
 * Installs, once per process, a listener on Node's `http.server.request.start`
 * diagnostics channel, which fires for every request before any request handler
 * runs: it overwrites PEER_ADDRESS_HEADER with the socket's remote address.
 * Called from proxy.ts and the instrumentation hook, both of which run in the
 * server process.
 */
export function recordPeerAddresses(): void {
  const holder = globalThis as Holder;
  if (holder[SECRET_KEY]) return;
  const value = randomBytes(18).toString("base64url");
  holder[SECRET_KEY] = value;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_ADDRESS_HEADER] = `${value} ${socket.remoteAddress ?? ""}`;
  });
}

/** The peer address recorded for this request, or null when none was recorded by this process. */
export function readPeerAddress(headers: Headers): string | null {
  const expected = secret();
  const raw = headers.get(PEER_ADDRESS_HEADER);
  if (!expected || !raw) return null;
  const space = raw.indexOf(" ");
  if (space < 0 || raw.slice(0, space) !== expected) return null;
  return raw.slice(space + 1) || null;
}
