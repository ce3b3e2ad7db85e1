// Second half of `npm run build` (after `next build`): compiles the production server
// (lib/server/serve.ts and what it imports from lib/) into one ES module,
// .next/opendef-server/serve.mjs, so that `npm start` runs plain JavaScript on Node
// with no TypeScript loader. Packages under node_modules stay imports, as Next.js's own
// output keeps them.
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const started = Date.now();
await build({
  absWorkingDir: root,
  entryPoints: ["lib/server/serve.ts"],
  outfile: ".next/opendef-server/serve.mjs",
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node22",
  tsconfig: "tsconfig.json",
  logLevel: "warning",
});
console.log(`build-server: .next/opendef-server/serve.mjs in ${Date.now() - started} ms`);
