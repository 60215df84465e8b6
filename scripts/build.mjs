// Bundles the entry points into dist/. The CLI keeps its npm dependencies external (it is installed
// with them); the Action is one self-contained file because runners execute it without node_modules.
import { existsSync, rmSync } from "node:fs";
import { build } from "esbuild";

// Start from an empty dist/ so chunks of earlier builds never linger in what is committed.
rmSync("dist", { recursive: true, force: true });

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning",
};

// Code splitting keeps each subcommand's code (and the packages it imports) in its own chunk, loaded
// only when that subcommand runs, so `trestle check` starts fast.
await build({
  ...common,
  entryPoints: { cli: "src/cli/main.ts" },
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  packages: "external",
  banner: { js: "#!/usr/bin/env node" },
});

if (existsSync("src/action/run.ts")) {
  await build({
    ...common,
    entryPoints: { action: "src/action/run.ts" },
    outdir: "dist",
    target: "node24",
    // Some bundled CommonJS dependencies call require(); give them one in the ESM bundle.
    banner: {
      js: "import { createRequire as __trestleCreateRequire } from 'node:module'; const require = __trestleCreateRequire(import.meta.url);",
    },
  });
}
