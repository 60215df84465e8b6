import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { dotString } from "../../../src/pipeline/render/dot.ts";
import { type NodeClass, renderDot } from "../../../src/pipeline/render/index.ts";
import { visibleName } from "../../../src/pipeline/render/visible-name.ts";
import { HOSTILE_NAMES, makeGraph, SMALL } from "./make-pipeline.ts";
import { parseDot } from "./syntax-checks.ts";

const hasGraphviz = spawnSync("dot", ["-V"]).status === 0;

function hostile() {
  const actions = HOSTILE_NAMES.map((name, i) => [name, i === 0 ? [] : [HOSTILE_NAMES[i - 1]!]] as const);
  const classes = new Map<string, NodeClass>(
    HOSTILE_NAMES.filter((_, i) => i % 3 === 0).map((n) => [n, "failed"]),
  );
  return { ...makeGraph(actions), classes };
}

describe("renderDot", () => {
  it("writes a digraph with generated ids, labels and the run command as tooltip", () => {
    const { pipeline, graph } = makeGraph(SMALL.slice(0, 3));
    expect(renderDot(pipeline, graph)).toMatchInlineSnapshot(`
      "digraph pipeline {
        rankdir=LR;
        node [shape=box, style="rounded", fontname="Helvetica"];
        n0 [label="extract", tooltip="python:v2 analysis/extract.py"];
        n1 [label="codelists", tooltip="python:v2 analysis/codelists.py"];
        n2 [label="make_safe", tooltip="python:v2 analysis/make_safe.py"];
        n0 -> n2;
      }
      "
    `);
  });

  it("styles classed nodes with the shared colours and an SVG class", () => {
    const { pipeline, graph } = makeGraph(SMALL);
    const classes = new Map<string, NodeClass>([
      ["report", "not_requested"],
      ["tables", "succeeded"],
      ["gone", "removed"],
    ]);
    const parsed = parseDot(renderDot(pipeline, graph, { classes, direction: "TB" }));
    expect(Object.fromEntries(parsed.attrs.get("n4")!)).toEqual({
      label: "report",
      tooltip: "python:v2 analysis/report.py",
      class: "not_requested",
      style: "rounded,filled,dashed",
      fillcolor: "#ffffff",
      color: "#d0d7de",
      fontcolor: "#59636e",
    });
    expect(parsed.attrs.get("n3")!.get("style")).toBe("rounded,filled");
    // A removed action has no run command in this pipeline, and no edges.
    expect(Object.fromEntries(parsed.attrs.get("n5")!)).toMatchObject({ label: "gone", class: "removed" });
    expect(parsed.attrs.get("n5")!.has("tooltip")).toBe(false);
    expect(parsed.edges.flat()).not.toContain("n5");
  });

  it("keeps every hostile name inside its quoted label", () => {
    const { pipeline, graph, classes } = hostile();
    const parsed = parseDot(renderDot(pipeline, graph, { classes }));
    expect([...parsed.labels.values()]).toEqual(HOSTILE_NAMES.map(visibleName));
    expect(parsed.edges).toHaveLength(HOSTILE_NAMES.length - 1);
    expect(parsed.classes.size).toBe(classes.size);
  });

  it("escapes only quotes and backslashes in strings", () => {
    expect(dotString('a "b" \\N')).toBe('"a \\"b\\" \\\\N"');
    expect(dotString("数据 {x} ;")).toBe('"数据 {x} ;"');
  });

  it.skipIf(!hasGraphviz)(
    "is read by Graphviz itself with every node and edge, hostile names and all",
    () => {
      const { pipeline, graph, classes } = hostile();
      const result = spawnSync("dot", ["-Tplain"], {
        input: renderDot(pipeline, graph, { classes }),
        encoding: "utf8",
      });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      const lines = result.stdout.split("\n");
      expect(lines.filter((l) => l.startsWith("node "))).toHaveLength(HOSTILE_NAMES.length);
      expect(lines.filter((l) => l.startsWith("edge "))).toHaveLength(HOSTILE_NAMES.length - 1);
    },
  );
});
