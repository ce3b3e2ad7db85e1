import { describe, expect, it } from "vitest";
import { isCrossSiteWrite, localPath } from "@/lib/http/same-origin";

const site = "https://opendef.example";
const check = (method: string, headers: Record<string, string>) => isCrossSiteWrite({ method, headers: new Headers({ host: "opendef.example", ...headers }), publicUrl: site });

describe("isCrossSiteWrite", () => {
  it("lets reads through from anywhere", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) expect(check(method, { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).toBe(false);
  });

  it("refuses writes whose Origin is another site, a look-alike, or opaque", () => {
    for (const origin of ["https://evil.example", "https://opendef.example.evil.example", "http://opendef.example:8080", "null", "not a url"]) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) expect(check(method, { origin }), `${method} from ${origin}`).toBe(true);
    }
  });

  it("accepts writes from the published origin or the host the request was sent to", () => {
    expect(check("POST", { origin: site })).toBe(false);
    expect(isCrossSiteWrite({ method: "POST", headers: new Headers({ host: "127.0.0.1:3100", origin: "http://127.0.0.1:3100" }), publicUrl: site })).toBe(false);
    expect(isCrossSiteWrite({ method: "POST", headers: new Headers({ host: "127.0.0.1:3100", origin: "http://127.0.0.1:3101" }), publicUrl: site })).toBe(true);
  });

  it("without Origin, trusts Sec-Fetch-Site; with neither, it is not a browser and has no victim", () => {
    expect(check("POST", { "sec-fetch-site": "cross-site" })).toBe(true);
    expect(check("POST", { "sec-fetch-site": "same-site" })).toBe(true);
    expect(check("POST", { "sec-fetch-site": "same-origin" })).toBe(false);
    expect(check("POST", { "sec-fetch-site": "none" })).toBe(false);
    expect(check("POST", {})).toBe(false);
  });
});

describe("localPath (every returnTo and callbackUrl)", () => {
  it("keeps paths on this site and replaces anything a browser would take to another host", () => {
    for (const path of ["/", "/d/osaid?order=newest#discussion", "/notifications"]) expect(localPath(path, "/x"), path).toBe(path);
    for (const path of ["//evil.example", "/\\evil.example", "/\t/evil.example", "https://evil.example/", "evil", "", null, undefined]) {
      expect(localPath(path, "/fallback"), String(path)).toBe("/fallback");
    }
  });
});
