import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { CSRF_TOKEN_HEADER, PATH_HEADER, PREPARED_HEADER, prepareRead } from "@/lib/http/page-security";

function exchange(method: string, url: string, headers: Record<string, string> = {}) {
  const request = { method, url, headers: { ...headers } } as unknown as IncomingMessage;
  const sent = new Map<string, string>();
  const response = { setHeader: (name: string, value: string) => sent.set(name.toLowerCase(), value) } as unknown as ServerResponse;
  return { request, response, sent };
}

const ENV = { NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3000" };

describe("prepareRead: what proxy.ts gives a read, given in front of Next.js", () => {
  it("a page read gets a fresh nonce in its CSP, the path the layout reads, and the mark that skips the proxy", () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const { request, response, sent } = exchange("GET", "/search?q=open+weights", { [CSRF_TOKEN_HEADER]: "forged" });
      expect(prepareRead(request, response, ENV)).toBeNull();
      const nonce = request.headers["x-nonce"] as string;
      expect(request.headers["content-security-policy"]).toContain(`'nonce-${nonce}'`);
      expect(sent.get("content-security-policy")).toBe(request.headers["content-security-policy"]);
      expect(request.headers[PATH_HEADER]).toBe("/search?q=open+weights");
      expect(request.headers[CSRF_TOKEN_HEADER]).toBeUndefined();
      expect(request.headers[PREPARED_HEADER]).toBe("1");
      expect(sent.has("strict-transport-security")).toBe(false);
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(2);
  });

  it("HEAD and the read API are prepared too; HSTS only over HTTPS", () => {
    const { request, response, sent } = exchange("HEAD", "/api/v1/definitions");
    prepareRead(request, response, { ...ENV, NEXTAUTH_URL: "https://opendef.example" });
    expect(request.headers[PREPARED_HEADER]).toBe("1");
    expect(sent.get("strict-transport-security")).toMatch(/max-age=31536000/);
  });

  it("a client navigation's _rsc is not part of the path", () => {
    const { request, response } = exchange("GET", "/d/osaid?cursor=&_rsc=1x2y");
    prepareRead(request, response, ENV);
    expect(request.headers[PATH_HEADER]).toBe("/d/osaid?cursor=");
  });

  it("writes, the sign-in forms, build assets and the JSON write routes are left as they were, and lose a mark the client sent", () => {
    for (const [method, url] of [["POST", "/d/osaid"], ["PUT", "/api/v1/comments"], ["GET", "/signin"], ["GET", "/signin/confirm?x=1"], ["GET", "/_next/static/chunks/a.js"], ["GET", "/favicon.ico"], ["GET", "/api/v1/comments?cursor=x"], ["GET", "/api/v1/amendments/a1/vote"]]) {
      const { request, response, sent } = exchange(method, url, { [PREPARED_HEADER]: "1" });
      expect(prepareRead(request, response, ENV), url).toBeNull();
      expect(request.headers[PREPARED_HEADER], `${method} ${url}`).toBeUndefined();
      expect(request.headers["content-security-policy"]).toBeUndefined();
      expect(sent.size).toBe(0);
    }
  });

  it("a URL that must not reach a route is refused and not prepared", () => {
    for (const url of ["/api/v1/definitions/osaid%00", "/search?q=%", "/d/osaid?cursor=broken"]) {
      const { request, response } = exchange("GET", url);
      expect(prepareRead(request, response, ENV)?.status, url).toBe(400);
      expect(request.headers[PREPARED_HEADER]).toBeUndefined();
    }
  });

  it("a target that starts with // stays a path on this site", () => {
    const { request, response } = exchange("GET", "//evil.example/x");
    prepareRead(request, response, ENV);
    expect(request.headers[PATH_HEADER]).toBe("//evil.example/x");
  });
});
