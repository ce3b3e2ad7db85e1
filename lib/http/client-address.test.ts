import { createServer, request, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressBucket, clientAddress, trustedProxyHops, UNKNOWN_ADDRESS } from "@/lib/http/client-address";
import { PEER_ADDRESS_HEADER, recordPeerAddresses } from "@/lib/http/peer-address";

// A real HTTP server on loopback: the recorder reads the socket, so only a real
// connection proves it. Requests leave from chosen loopback addresses (127.0.0.0/8
// all reaches this host), so the socket address differs from request to request.
recordPeerAddresses();
let port = 0;
const server = createServer((req, res) => {
  const hops = Number(req.url?.slice(1) ?? "0");
  res.end(clientAddress(toHeaders(req.headers), hops));
});

function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

function ask({ from, hops = 0, headers = {} }: { from: string; hops?: number; headers?: Record<string, string | string[]> }): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: `/${hops}`, localAddress: from, headers }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("clientAddress with no trusted proxy (the default)", () => {
  it("is the socket's peer, whatever X-Forwarded-For or a forged peer header say", async () => {
    expect(await ask({ from: "127.0.0.21" })).toBe("127.0.0.21");
    expect(await ask({ from: "127.0.0.22", headers: { "X-Forwarded-For": "203.0.113.9" } })).toBe("127.0.0.22");
    expect(await ask({ from: "127.0.0.23", headers: { "X-Forwarded-For": ["198.51.100.1", "198.51.100.2"], "X-Real-IP": "198.51.100.3" } })).toBe("127.0.0.23");
    expect(await ask({ from: "127.0.0.24", headers: { [PEER_ADDRESS_HEADER]: "x 203.0.113.5" } })).toBe("127.0.0.24");
  });
});

describe("clientAddress behind N trusted proxies", () => {
  it("takes the Nth address from the right of X-Forwarded-For; what the client wrote further left is never read", async () => {
    const chain = "6.6.6.6, 203.0.113.7, 10.0.0.2";
    expect(await ask({ from: "127.0.0.31", hops: 1, headers: { "X-Forwarded-For": chain } })).toBe("10.0.0.2");
    expect(await ask({ from: "127.0.0.31", hops: 2, headers: { "X-Forwarded-For": chain } })).toBe("203.0.113.7");
    expect(await ask({ from: "127.0.0.31", hops: 1, headers: { "X-Forwarded-For": "2001:DB8::1" } })).toBe("2001:db8::1");
    expect(await ask({ from: "127.0.0.31", hops: 1, headers: { "X-Forwarded-For": "[2001:db8::2]:443" } })).toBe("2001:db8::2");
    expect(await ask({ from: "127.0.0.31", hops: 1, headers: { "X-Forwarded-For": "203.0.113.8:5555" } })).toBe("203.0.113.8");
  });

  it("falls back to the socket's peer when the header is shorter than N or not an address", async () => {
    expect(await ask({ from: "127.0.0.32", hops: 3, headers: { "X-Forwarded-For": "203.0.113.7, 10.0.0.2" } })).toBe("127.0.0.32");
    expect(await ask({ from: "127.0.0.33", hops: 1, headers: { "X-Forwarded-For": "unknown" } })).toBe("127.0.0.33");
    expect(await ask({ from: "127.0.0.34", hops: 1 })).toBe("127.0.0.34");
  });
});

describe("clientAddress outside a recorded request", () => {
  it("is one shared 'unknown' bucket, never a header the client wrote", () => {
    const forged = new Headers({ "x-forwarded-for": "203.0.113.1", [PEER_ADDRESS_HEADER]: "guess 203.0.113.2" });
    expect(clientAddress(forged, 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(new Headers(), 2)).toBe(UNKNOWN_ADDRESS);
  });
});

describe("trustedProxyHops", () => {
  it("reads TRUSTED_PROXY_HOPS: 0 unless it is a small non-negative integer", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    for (const bad of ["-1", "1.5", "all", "true", "99"]) expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: bad })).toBe(0);
  });
});

describe("addressBucket", () => {
  it("keeps IPv4 addresses and folds IPv6 ones to their /64", () => {
    expect(addressBucket("203.0.113.9")).toBe("203.0.113.9");
    expect(addressBucket("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:0db8:0001:0002:ffff:0:0:9")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
    expect(addressBucket(UNKNOWN_ADDRESS)).toBe(UNKNOWN_ADDRESS);
  });
});
