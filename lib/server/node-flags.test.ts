import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_FLAGS, withServerNodeFlags } from "./node-flags";

describe("the server's V8 flags", () => {
  it("are on npm start's command line, before the script", () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")) as { scripts: { start: string } };
    const words = pkg.scripts.start.split(/\s+/);
    const script = words.indexOf(".next/opendef-server/serve.mjs");
    expect(script).toBeGreaterThan(0);
    for (const flag of SERVER_NODE_FLAGS) expect(words.slice(0, script)).toContain(flag);
  });

  it("are added to a worker's arguments, but an operator's own value is kept", () => {
    expect(withServerNodeFlags([])).toEqual([...SERVER_NODE_FLAGS]);
    expect(withServerNodeFlags(["--enable-source-maps"])).toEqual(["--enable-source-maps", ...SERVER_NODE_FLAGS]);
    expect(withServerNodeFlags(["--max-semi-space-size=64"])).toEqual(["--max-semi-space-size=64"]);
    expect(withServerNodeFlags(["--max_semi_space_size=8"])).toEqual(["--max_semi_space_size=8"]);
    expect(withServerNodeFlags([...SERVER_NODE_FLAGS])).toEqual([...SERVER_NODE_FLAGS]);
  });
});
