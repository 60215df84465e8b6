// Every real project.yaml in the shared corpus gets the reference library's verdict, and errors
// point at lines.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPipeline } from "../../src/pipeline/index.ts";

const corpus = join(import.meta.dirname, "..", "..", "..", "shared", "corpus");

function rows(part: string): { file: string; verdict: string; path: string }[] {
  const [header, ...lines] = readFileSync(join(corpus, part, "SOURCES.tsv"), "utf8")
    .trim()
    .split("\n");
  const columns = header!.split("\t");
  return lines.map((line) => {
    const cells = line.split("\t");
    const get = (name: string) => cells[columns.indexOf(name)]!;
    return { file: get("file"), verdict: get("reference_verdict"), path: join(corpus, part, get("file")) };
  });
}

const all = [...rows("real"), ...rows("large")];

describe("the corpus", () => {
  it.each(all.map((r) => [r.file, r.verdict, r.path]))("%s is %s", (_, verdict, path) => {
    const result = loadPipeline(readFileSync(path));
    expect(result.valid ? "valid" : "invalid").toBe(verdict);
  });
  it("at least 90% of the errors reported across the corpus carry a line number", () => {
    const errors = all.flatMap((r) => loadPipeline(readFileSync(r.path)).errors);
    expect(errors.length).toBeGreaterThan(0);
    const withLine = errors.filter((e) => e.line !== null).length;
    expect(withLine / errors.length).toBeGreaterThanOrEqual(0.9);
  });
});
