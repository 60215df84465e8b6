// Property-based: mutated real files never make the loader throw, always give one consistent
// answer, and the fast and positioned parsers agree on every one of them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadPipeline } from "../../src/pipeline/index.ts";
import { mutatedProjectText } from "./mutations.ts";

const realDir = join(import.meta.dirname, "..", "..", "..", "shared", "corpus", "real");
const real = readdirSync(realDir)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => readFileSync(join(realDir, f), "utf8"));

describe("the loader on mutated real files", () => {
  it("never throws and returns a coherent result", () => {
    fc.assert(
      fc.property(mutatedProjectText(real), (text) => {
        const result = loadPipeline(text);
        expect(result.valid).toBe(result.errors.length === 0);
        expect(result.pipeline === null).toBe(!result.valid);
        for (const issue of [...result.errors, ...result.warnings]) {
          expect(typeof issue.message).toBe("string");
          expect(issue.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1500 },
    );
  });
  it("gives the same answer through the fast and the positioned parser", () => {
    fc.assert(
      fc.property(mutatedProjectText(real), (text) => {
        const fast = loadPipeline(text);
        const positioned = loadPipeline(text, { positioned: true });
        expect(fast.valid).toBe(positioned.valid);
        expect(fast.errors).toEqual(positioned.errors);
        expect(fast.warnings).toEqual(positioned.warnings);
        if (fast.pipeline && positioned.pipeline) {
          expect([...fast.pipeline.actions.values()]).toEqual([...positioned.pipeline.actions.values()]);
        }
      }),
      { numRuns: 1500 },
    );
  });
  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const result = loadPipeline(text);
        expect(result.valid).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
