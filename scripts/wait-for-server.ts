import type { ChildProcess } from "node:child_process";

/**
 * Waits until a server the script started answers `url`: tried every 200 ms, each try
 * given 5 s, for at most 60 s. Fails at once if `child` exits first. `ready` says which
 * answer counts (by default a 2xx); `detail` adds where to look to either failure.
 */
export async function waitForServer(
  url: string,
  child: ChildProcess,
  { what = "the server", ready = (response: Response) => response.ok, detail = () => "" }: { what?: string; ready?: (response: Response) => boolean; detail?: () => string } = {},
): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode})${detail()}`);
    const answered = await fetch(url, { signal: AbortSignal.timeout(5000) }).then(ready, () => false);
    if (answered) return;
    if (Date.now() > deadline) throw new Error(`${what} did not answer on ${url} within 60 s${detail()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
