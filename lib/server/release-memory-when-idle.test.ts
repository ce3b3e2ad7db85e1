import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { memoryReducingCollection, releaseMemoryWhenIdle } from "@/lib/server/release-memory-when-idle";
import { httpGet } from "@/scripts/testing/http-get";

let server: Server | undefined;
afterEach(async () => {
  if (server) await new Promise((resolve) => server!.close(resolve));
  server = undefined;
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("releaseMemoryWhenIdle", () => {
  it("collects once after the server has been quiet for idleMs, never while a request is in flight", async () => {
    let collections = 0;
    let release: () => void = () => {};
    server = createServer((request, response) => {
      if (request.url === "/slow") release = () => response.end("slow");
      else response.end("ok");
    });
    releaseMemoryWhenIdle(server, { idleMs: 400, collect: () => collections++ });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;

    await sleep(600);
    expect(collections).toBe(0); // nothing served yet: nothing to give back
    await httpGet(port, "/");
    await httpGet(port, "/");
    expect(collections).toBe(0);
    await sleep(600);
    expect(collections).toBe(1);
    await sleep(600);
    expect(collections).toBe(1); // once per quiet spell

    const slow = httpGet(port, "/slow");
    await httpGet(port, "/");
    await sleep(600);
    expect(collections).toBe(1); // a request still in flight
    release();
    await slow;
    await sleep(600);
    expect(collections).toBe(2);
  });

  it("gives back what V8 kept of a heap the process no longer uses", () => {
    const collect = memoryReducingCollection();
    let kept: { i: number; s: string }[] | null = [];
    for (let i = 0; i < 1_000_000; i++) kept.push({ i, s: `x${i}` });
    const big = process.memoryUsage().rss;
    kept = null;
    collect();
    expect(process.memoryUsage().rss).toBeLessThan(big - 30 * 1024 * 1024);
  });
});
