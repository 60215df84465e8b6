// Loading and validating project.yaml: the median in-process time per real file, the time for each
// large file, and a 10,000-case fuzz run (mutated real files through the loader, which must answer
// every one without throwing, and the same through the fast path as through the positioned parse).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { loadPipeline } from "../src/pipeline/index.ts";
import { mutatedProjectText } from "../test/pipeline/mutations.ts";

const corpus = join(import.meta.dirname, "..", "..", "shared", "corpus");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeIt(fn: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const line = (name: string, value: number, unit: string, target: number) =>
  console.log(
    `${name.padEnd(58)} ${value.toFixed(3).padStart(9)} ${unit}  target ≤ ${target} ${unit}  ratio ${(value / target).toFixed(2)} ${value <= target ? "ok" : "OVER"}`,
  );

const realDir = join(corpus, "real");
const real = readdirSync(realDir)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => readFileSync(join(realDir, f), "utf8"));
for (let i = 0; i < 5; i++) for (const text of real) loadPipeline(text);
const perFile = real.map((text) => timeIt(() => loadPipeline(text), 30));
console.log(`pipeline: ${real.length} real files`);
line("median load+validate per real file", median(perFile), "ms", 0.5);

const largeDir = join(corpus, "large");
for (const file of readdirSync(largeDir).filter((f) => f.endsWith(".yaml"))) {
  const text = readFileSync(join(largeDir, file), "utf8");
  loadPipeline(text);
  line(
    `${file} (${(text.length / 1024).toFixed(0)} KiB)`,
    timeIt(() => loadPipeline(text), 7),
    "ms",
    90,
  );
}

// The same mutated files through the positioned parse alone: the fast path may change how quickly
// a file is answered, never the answer.
const start = performance.now();
let invalid = 0;
const answer = (r: ReturnType<typeof loadPipeline>) =>
  JSON.stringify([r.valid, r.errors, r.warnings, r.pipeline ? [...r.pipeline.actions.values()] : null]);
fc.assert(
  fc.property(mutatedProjectText(real), (text) => {
    const result = loadPipeline(text);
    if (!result.valid) invalid++;
    return answer(result) === answer(loadPipeline(text, { positioned: true }));
  }),
  { numRuns: 10_000 },
);
const seconds = (performance.now() - start) / 1000;
console.log(
  `fuzz: 10,000 mutated files loaded without a throw, fast and positioned parses agreeing, in ${seconds.toFixed(1)} s (${invalid} invalid)`,
);
