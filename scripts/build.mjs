// Bundles the entry points into dist/. The CLI keeps its npm dependencies external (it is installed
// with them); the Action bundles everything it uses because runners execute it without node_modules.
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

// @actions/core imports its OIDC client, and with it an HTTP client and undici, at the top of its
// entry; the Action never asks for an OIDC token. These files only declare things, so telling
// esbuild so lets it leave out what is never used (a third of the code the Action would start with).
const SIDE_EFFECT_FREE = /[\\/]node_modules[\\/]@actions[\\/](?:core|http-client|exec|io)[\\/]/;
const toolkitWithoutSideEffects = {
  name: "toolkit-without-side-effects",
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === "resolving" || args.kind === "entry-point") return undefined;
      const resolved = await builder.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: "resolving",
      });
      if (resolved.errors.length > 0 || !SIDE_EFFECT_FREE.test(resolved.path)) return undefined;
      return { ...resolved, sideEffects: false };
    });
  },
};

if (existsSync("src/action/run.ts")) {
  await build({
    ...common,
    entryPoints: { action: "src/action/run.ts" },
    outdir: "dist",
    target: "node24",
    // The cache and artifact clients (most of the code) go in chunks loaded only when a run saves its
    // state or uploads results: a check, or an invalid project, starts without reading them.
    splitting: true,
    chunkNames: "action-chunks/[name]-[hash]",
    plugins: [toolkitWithoutSideEffects],
    // Some bundled CommonJS dependencies call require(); give them one in the ESM bundle.
    banner: {
      js: "import { createRequire as __trestleCreateRequire } from 'node:module'; const require = __trestleCreateRequire(import.meta.url);",
    },
  });
}
