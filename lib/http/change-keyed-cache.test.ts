import { describe, expect, it } from "vitest";
import { ChangeKeyedCache } from "@/lib/http/change-keyed-cache";

function loader() {
  let calls = 0;
  return {
    load: (value: string) => () => {
      calls++;
      return Promise.resolve(value);
    },
    get calls() {
      return calls;
    },
  };
}

describe("ChangeKeyedCache", () => {
  it("reads once while the counter is unchanged, and again once it moves", async () => {
    const cache = new ChangeKeyedCache<string>(10);
    const reads = loader();
    expect(await cache.get("page", 1, reads.load("first"))).toBe("first");
    expect(await cache.get("page", 1, reads.load("unused"))).toBe("first");
    expect(reads.calls).toBe(1);
    expect(await cache.get("page", 2, reads.load("after the write"))).toBe("after the write");
    expect(await cache.get("page", 2, reads.load("unused"))).toBe("after the write");
    expect(reads.calls).toBe(2);
  });

  it("never serves or stores what was read under an older counter once a newer one is kept", async () => {
    const cache = new ChangeKeyedCache<string>(10);
    await cache.get("page", 5, () => Promise.resolve("new"));
    // A reader that read the counter before the write loads for itself...
    expect(await cache.get("page", 4, () => Promise.resolve("its own read"))).toBe("its own read");
    // ...and the newer entry stays.
    expect(await cache.get("page", 5, () => Promise.resolve("unused"))).toBe("new");
  });

  it("shares one load between readers that ask at once, and forgets a load that failed", async () => {
    const cache = new ChangeKeyedCache<string>(10);
    let release!: (value: string) => void;
    let calls = 0;
    const slow = () => {
      calls++;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const both = Promise.all([cache.get("page", 1, slow), cache.get("page", 1, slow)]);
    release("once");
    expect(await both).toEqual(["once", "once"]);
    expect(calls).toBe(1);

    await expect(cache.get("other", 1, () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(await cache.get("other", 1, () => Promise.resolve("read again"))).toBe("read again");
  });

  it("keeps at most maxEntries, dropping the least recently used", async () => {
    const cache = new ChangeKeyedCache<string>(2);
    await cache.get("a", 1, () => Promise.resolve("a"));
    await cache.get("b", 1, () => Promise.resolve("b"));
    await cache.get("a", 1, () => Promise.resolve("unused")); // a is now the most recent
    await cache.get("c", 1, () => Promise.resolve("c"));
    expect(cache.size).toBe(2);
    expect(await cache.get("a", 1, () => Promise.resolve("reloaded a"))).toBe("a");
    expect(await cache.get("b", 1, () => Promise.resolve("reloaded b"))).toBe("reloaded b");
  });

  it("reads again once a value's own time is up, though the counter did not move", async () => {
    let now = 1_000;
    const cache = new ChangeKeyedCache<{ text: string; until: number }>(10, (value) => value.until, () => now);
    await cache.get("page", 1, () => Promise.resolve({ text: "vote open", until: 2_000 }));
    expect((await cache.get("page", 1, () => Promise.resolve({ text: "unused", until: Infinity }))).text).toBe("vote open");
    now = 2_000;
    expect((await cache.get("page", 1, () => Promise.resolve({ text: "vote closed", until: Infinity }))).text).toBe("vote closed");
  });
});
