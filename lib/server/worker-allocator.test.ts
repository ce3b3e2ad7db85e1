import { describe, expect, it } from "vitest";
import { workerAllocatorEnv } from "@/lib/server/worker-allocator";

const debian = "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2";
const only = (...files: string[]) => (file: string) => files.includes(file);

describe("workerAllocatorEnv", () => {
  it("preloads Debian's jemalloc when the machine has it, and nothing when it does not", () => {
    expect(workerAllocatorEnv({}, only(debian))).toEqual({ LD_PRELOAD: debian, MALLOC_CONF: "background_thread:true" });
    expect(workerAllocatorEnv({}, only())).toEqual({});
  });
  it("keeps glibc's at OPENDEF_JEMALLOC=0, takes a named copy only if it exists, and keeps other preloads", () => {
    expect(workerAllocatorEnv({ OPENDEF_JEMALLOC: "0" }, only(debian))).toEqual({});
    const keep = { MALLOC_CONF: "" };
    expect(workerAllocatorEnv({ ...keep, OPENDEF_JEMALLOC: "/opt/j.so" }, only("/opt/j.so"))).toEqual({ LD_PRELOAD: "/opt/j.so" });
    expect(workerAllocatorEnv({ ...keep, OPENDEF_JEMALLOC: "/opt/missing.so" }, only(debian))).toEqual({});
    expect(workerAllocatorEnv({ ...keep, LD_PRELOAD: "/x.so" }, only(debian))).toEqual({ LD_PRELOAD: `/x.so:${debian}` });
    expect(workerAllocatorEnv({ ...keep, LD_PRELOAD: debian }, only(debian))).toEqual({});
  });
  it("turns on jemalloc's background thread, which returns freed pages while the process is quiet, unless MALLOC_CONF is set", () => {
    expect(workerAllocatorEnv({ LD_PRELOAD: debian }, only(debian))).toEqual({ MALLOC_CONF: "background_thread:true" });
    expect(workerAllocatorEnv({ MALLOC_CONF: "narenas:2" }, only(debian))).toEqual({ LD_PRELOAD: debian });
  });
});
