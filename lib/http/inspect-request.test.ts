import { describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/comments/comment-cursor";
import { inspectMethod, inspectRequest, jsonDepth, MAX_BODY_BYTES, MAX_JSON_DEPTH } from "@/lib/http/inspect-request";

const post = (body: BodyInit, type: string, headers: Record<string, string> = {}) =>
  inspectRequest(new Request("http://opendef.test/d/x", { method: "POST", body, headers: { "content-type": type, ...headers } }));

describe("inspectRequest", () => {
  it("lets ordinary requests through", async () => {
    expect(await inspectRequest(new Request("http://opendef.test/d/x?order=newest"))).toBeNull();
    expect(await post("body=Hello%20world&versionId=abc", "application/x-www-form-urlencoded")).toBeNull();
    expect(await post(JSON.stringify({ a: [1, { b: "\\u0000 is text here" }] }), "application/json")).toBeNull();
    expect(await post('["$K1",{"error":null}]', "text/plain;charset=UTF-8")).toBeNull();
    const form = new FormData();
    form.set("body", "A comment with <script> in it");
    expect(await inspectRequest(new Request("http://opendef.test/d/x", { method: "POST", body: form }))).toBeNull();
  });

  it("refuses NUL characters in the address and in every kind of body, with a 400 and a plain message", async () => {
    const form = new FormData();
    form.set("body", "Nul\0here");
    const refusals = [
      await inspectRequest(new Request("http://opendef.test/api/v1/definitions/a%00b")),
      await inspectRequest(new Request("http://opendef.test/d/x?section=%00")),
      await post("body=a%00b", "application/x-www-form-urlencoded"),
      await post(JSON.stringify({ body: "a\0b" }), "application/json"),
      await post(JSON.stringify(["a\0b"]), "text/plain;charset=UTF-8"),
      await inspectRequest(new Request("http://opendef.test/d/x", { method: "POST", body: form })),
    ];
    for (const refusal of refusals) expect(refusal).toEqual({ status: 400, message: expect.stringMatching(/NUL character/) });
    expect(await inspectRequest(new Request("http://opendef.test/d/%E0%A4%A"))).toMatchObject({ status: 400, message: expect.stringMatching(/percent-escape/) });
  });

  it("refuses a malformed page cursor with 400 on every page and API list, and lets a real one through", async () => {
    const good = encodeCursor({ createdAt: new Date("2026-01-02T03:04:05.000Z"), id: "c1" });
    for (const path of ["/d/osaid", "/d/osaid/v/1.0", "/d/osaid/amendments/a1", "/notifications", "/api/v1/definitions/osaid/versions/1.0/comments"]) {
      expect(await inspectRequest(new Request(`http://opendef.test${path}?cursor=${good}`)), path).toBeNull();
      for (const bad of ["x", "%21%21", Buffer.from("not-a-date|c1").toString("base64url")]) {
        expect(await inspectRequest(new Request(`http://opendef.test${path}?cursor=${bad}`)), `${path} ${bad}`).toEqual({
          status: 400,
          message: "The page link is not valid. Go back to the first page.",
        });
      }
    }
    expect(await inspectRequest(new Request("http://opendef.test/d/osaid?cursor="))).toBeNull();
  });

  it("answers TRACE, WebDAV verbs and writes to a page with 405 and Allow", async () => {
    // fetch's Request refuses to build TRACE at all, so the method check is called as serve.ts calls it.
    for (const method of ["TRACE", "TRACK", "CONNECT", "PROPFIND", "PUT", "DELETE", "OPTIONS"]) {
      expect(inspectMethod(method, "/d/osaid"), method).toEqual({ status: 405, message: `This address does not answer ${method} requests.`, headers: { Allow: "GET, HEAD, POST" } });
    }
    expect(inspectMethod("TRACE", "/api/v1/definitions")).toMatchObject({ status: 405, headers: { Allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" } });
    expect(await inspectRequest(new Request("http://opendef.test/d/osaid", { method: "PATCH" }))).toMatchObject({ status: 405 });
    for (const method of ["GET", "head", "POST"]) expect(inspectMethod(method, "/d/osaid"), method).toBeNull();
    for (const method of ["PUT", "DELETE", "OPTIONS"]) expect(inspectMethod(method, "/api/v1/comments"), method).toBeNull();
  });

  it("refuses form bodies Next.js could not read (a broken multipart body, server-action arguments that are not JSON) with 400", async () => {
    expect(await post("garbage", "multipart/form-data; boundary=xyz")).toMatchObject({ status: 400, message: expect.stringMatching(/not valid multipart/) });
    expect(await post("garbage", "multipart/form-data")).toMatchObject({ status: 400 });
    expect(await post("{not json", "text/plain;charset=UTF-8", { "next-action": "7f00" })).toMatchObject({ status: 400, message: expect.stringMatching(/not valid/) });
    expect(await post("just text", "text/plain")).toBeNull();
  });

  it("refuses a 1 MB body with 413, by its declared length or by counting", async () => {
    const big = "x".repeat(1024 * 1024);
    expect(await post(big, "text/plain")).toEqual({ status: 413, message: `The request is 1,048,576 bytes; the limit is ${MAX_BODY_BYTES.toLocaleString("en")}. Send less.` });
    // A stream with no Content-Length is counted as it arrives.
    const chunk = new TextEncoder().encode("y".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 16) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const refusal = await inspectRequest(new Request("http://opendef.test/d/x", { method: "POST", body: stream, duplex: "half" } as RequestInit));
    expect(refusal?.status).toBe(413);
    expect(sent).toBeLessThan(16); // it stopped reading once over the limit
  });

  it("refuses JSON nested deeper than the limit, whatever its size", async () => {
    const nested = (n: number) => "[".repeat(n) + "]".repeat(n);
    expect(await post(nested(MAX_JSON_DEPTH), "application/json")).toBeNull();
    expect(await post(nested(MAX_JSON_DEPTH + 1), "application/json")).toEqual({ status: 400, message: expect.stringMatching(/nested more than 64 levels/) });
    expect(await post(`{"a":${nested(10_000)}}`, "text/plain")).toMatchObject({ status: 400 });
    // Brackets inside strings are text.
    expect(await post(JSON.stringify({ a: nested(10_000) }), "application/json")).toBeNull();
    expect(jsonDepth('{"a":"[[[[[[["}')).toBe(1);
    expect(jsonDepth('["\\"[[[", [[]]]')).toBe(3);
  });
});
