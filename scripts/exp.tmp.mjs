import { build } from "esbuild";
const p = (await import("../package.json", { with: { type: "json" } })).default;
const bundled = new Set(["commander", "js-yaml"]);
const external = Object.keys(p.dependencies).filter((d) => !bundled.has(d)).flatMap((d) => [d, `${d}/*`]);
await build({
  bundle: true, platform: "node", format: "esm", target: "node20", sourcemap: false, legalComments: "none", logLevel: "warning",
  entryPoints: { cli: "src/cli/main.ts" }, outdir: "dist-exp", splitting: process.env.SPLIT === "1", chunkNames: "chunks/[name]-[hash]",
  external,
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __trestleCreateRequire } from 'node:module'; const require = __trestleCreateRequire(import.meta.url);" },
});
