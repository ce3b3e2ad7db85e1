import { existsSync } from "node:fs";

// glibc's malloc keeps what a server process freed: 165–171 MB per worker after the
// bench, most of it free (decision 038). jemalloc gives freed pages back after a few
// seconds. Server processes forked by lib/server/serve.ts load it when the machine
// has it (Debian: apt-get install libjemalloc2); OPENDEF_JEMALLOC=0 keeps glibc's,
// OPENDEF_JEMALLOC=/path/libjemalloc.so.2 names another copy. A process serving
// alone (WEB_CONCURRENCY=1) is not forked and keeps the allocator it started with.
//
// jemalloc returns pages only when something calls into it, so a quiet process kept
// what the idle collection (lib/server/release-memory-when-idle.ts) had just freed:
// 56–100 MB per worker after the bench, in the report's "the rest". Its background thread
// returns them on time whether or not anything allocates (decision 043). A
// MALLOC_CONF already in the environment is left as it is, empty included.
const JEMALLOC_CONF = "background_thread:true";
const DEBIAN_JEMALLOC = ["/usr/lib/x86_64-linux-gnu/libjemalloc.so.2", "/usr/lib/aarch64-linux-gnu/libjemalloc.so.2"];

/** The environment additions for a forked server process: LD_PRELOAD of jemalloc when there is one, and its settings. */
export function workerAllocatorEnv(env: Record<string, string | undefined> = process.env, exists: (file: string) => boolean = existsSync): Record<string, string> {
  const setting = env.OPENDEF_JEMALLOC;
  if (setting === "0") return {};
  const library = setting ? (exists(setting) ? setting : null) : (DEBIAN_JEMALLOC.find(exists) ?? null);
  if (!library) return {};
  const preloads = env.LD_PRELOAD ? env.LD_PRELOAD.split(":") : [];
  return {
    ...(preloads.includes(library) ? {} : { LD_PRELOAD: [...preloads, library].join(":") }),
    ...(env.MALLOC_CONF === undefined ? { MALLOC_CONF: JEMALLOC_CONF } : {}),
  };
}
