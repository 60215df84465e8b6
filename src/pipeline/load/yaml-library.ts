// The `yaml` package, which the positioned parse is built on, is loaded on first use. Most files are
// valid and never need it, and loading it costs more than all the rest of `trestle check` on such a
// file. Where node_modules is at hand (the CLI, the servers, tests) the first use loads it
// synchronously; the Action's bundle has no node_modules, so it calls preloadYamlLibrary() first,
// and its build puts `yaml` in a chunk of its own.
import { createRequire } from "node:module";

export type YamlLibrary = typeof import("yaml");

let library: YamlLibrary | undefined;

/** Makes the library available to synchronous callers, without needing node_modules. */
export async function preloadYamlLibrary(): Promise<void> {
  const loaded: YamlLibrary & { default?: YamlLibrary } = await import("yaml");
  // `yaml` is CommonJS under Node; a bundle's chunk may hand it over as its default export only.
  library ??= typeof loaded.LineCounter === "function" ? loaded : loaded.default;
  if (library === undefined) throw new Error("the yaml library did not load");
}

export function yamlLibraryLoaded(): boolean {
  return library !== undefined;
}

/** The library, loaded synchronously from node_modules if it was not preloaded. */
export function yamlLibrary(): YamlLibrary {
  library ??= createRequire(import.meta.url)("yaml") as YamlLibrary;
  return library;
}
