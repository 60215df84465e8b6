// What a change to project.yaml does: added, removed and changed actions (and which fields), and the
// actions downstream that it affects.
import { describe, expect, it } from "vitest";
import { allAdded, canonical, compareProjects } from "../../src/app/analysis/changes.ts";
import { buildGraph, loadPipeline, type Pipeline } from "../../src/pipeline/index.ts";
import { DEMO, DEMO_CHANGED } from "./helpers/projects.ts";

function load(text: string): Pipeline {
  const result = loadPipeline(text);
  if (result.pipeline === null) throw new Error(JSON.stringify(result.errors));
  return result.pipeline;
}

function compare(base: string, head: string) {
  const h = load(head);
  return compareProjects(load(base), h, buildGraph(h));
}

describe("compareProjects", () => {
  it("finds the added and changed actions and what they affect downstream", () => {
    expect(compare(DEMO, DEMO_CHANGED)).toEqual({
      changes: [
        { name: "make_safe", kind: "changed", fields: ["config"], affected: ["render_report"] },
        { name: "sensitivity_table", kind: "added", fields: [], affected: [] },
      ],
      affected: ["render_report"],
      version: null,
    });
  });

  it("names every changed field, in a fixed order", () => {
    const head = DEMO.replace("python:v2 analysis/make_safe.py", "python:v2 analysis/make_safe.py --strict")
      .replace("safe_counts: output/safe/consultations.csv", "safe_counts: output/safe/c.csv")
      .replace("redact_below: 8", "redact_below: 10");
    expect(compare(DEMO, head).changes).toEqual([
      {
        name: "make_safe",
        kind: "changed",
        fields: ["run", "outputs", "config"],
        affected: ["render_report"],
      },
    ]);
  });

  it("follows the affected actions transitively", () => {
    const head = DEMO.replace(
      "sqlrunner:v1 analysis/consultations.sql",
      "sqlrunner:v1 analysis/consultations_v2.sql",
    );
    expect(compare(DEMO, head)).toMatchObject({
      changes: [{ name: "extract_consultations", fields: ["run"], affected: ["make_safe", "render_report"] }],
      affected: ["make_safe", "render_report"],
    });
  });

  it("does not count reordered needs or reordered config keys as changes", () => {
    const base = DEMO.replace("needs: [make_safe]", "needs: [make_safe, extract_consultations]");
    const head = base
      .replace("needs: [make_safe, extract_consultations]", "needs: [extract_consultations, make_safe]")
      .replace("round_to: 5\n      redact_below: 8", "redact_below: 8\n      round_to: 5");
    expect(compare(base, head)).toEqual({ changes: [], affected: [], version: null });
  });

  it("lists removed actions after the others and reports a version change", () => {
    const head = DEMO.replace('version: "5.0"', 'version: "4.0"').slice(
      0,
      DEMO.indexOf("  render_report:") - 2,
    );
    const result = compare(DEMO, head);
    expect(result.changes).toEqual([{ name: "render_report", kind: "removed", fields: [], affected: [] }]);
    expect(result.version).toEqual({ from: 5, to: 4 });
  });
});

describe("allAdded", () => {
  it("makes every action of a new project an addition, in run order", () => {
    const p = load(DEMO);
    expect(allAdded(buildGraph(p)).changes.map((c) => [c.name, c.kind])).toEqual([
      ["extract_consultations", "added"],
      ["make_safe", "added"],
      ["render_report", "added"],
    ]);
  });
});

describe("canonical", () => {
  it("sorts keys at every level and keeps a __proto__ key as data", () => {
    expect(canonical({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
    const hostile = JSON.parse('{"__proto__": {"x": 1}, "a": 2}');
    expect(canonical(hostile)).toBe('{"__proto__":{"x":1},"a":2}');
  });
});
