// The positioned parser's library is loaded only when a file needs it, and loading without it first
// (as the Action's bundle does) gives exactly the answer of the ordinary loader. Module state is
// per test file, so the first test here sees the library not yet loaded.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadPipeline, loadPipelineAsync } from "../../src/pipeline/index.ts";
import { yamlLibraryLoaded } from "../../src/pipeline/load/yaml-library.ts";
import { oneAction } from "./helpers.ts";
import { mutatedProjectText } from "./mutations.ts";

const realDir = join(import.meta.dirname, "..", "..", "..", "shared", "corpus", "real");
const real = readdirSync(realDir)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => readFileSync(join(realDir, f), "utf8"));

const valid = oneAction("run: python:v2 a.py\noutputs:\n  moderately_sensitive:\n    x: output/a.csv");

describe("the positioned parser's library", () => {
  it("is not loaded for valid files, nor for errors located by top-level key alone", async () => {
    const demo = readFileSync(join(import.meta.dirname, "..", "..", "examples", "demo", "project.yaml"));
    expect(loadPipeline(demo).valid).toBe(true);
    expect((await loadPipelineAsync(valid)).valid).toBe(true);
    const unknownKey = await loadPipelineAsync(`${valid}colour: blue\n`);
    expect(unknownKey.errors.map((e) => [e.line, e.message])).toEqual([
      [8, "Unexpected parameters (colour) in project"],
    ]);
    expect(yamlLibraryLoaded()).toBe(false);
  });

  it("is loaded by the asynchronous loader when a file has a syntax error to place", async () => {
    const result = await loadPipelineAsync("version: 5\nactions: [\n");
    expect(result.valid).toBe(false);
    expect(result.errors[0]!.line).not.toBeNull();
    expect(yamlLibraryLoaded()).toBe(true);
  });

  it("asynchronous and synchronous loading agree on mutated real files", async () => {
    await fc.assert(
      fc.asyncProperty(mutatedProjectText(real), async (text) => {
        const viaAsync = await loadPipelineAsync(text);
        const viaSync = loadPipeline(text);
        expect(viaAsync.errors).toEqual(viaSync.errors);
        expect(viaAsync.warnings).toEqual(viaSync.warnings);
        expect(viaAsync.pipeline?.actions.size).toBe(viaSync.pipeline?.actions.size);
      }),
      { numRuns: 300 },
    );
  });
});
