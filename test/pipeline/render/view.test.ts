import { describe, expect, it } from "vitest";
import { buildView, type NodeClass } from "../../../src/pipeline/render/index.ts";
import { makeGraph, SMALL } from "./make-pipeline.ts";

describe("buildView", () => {
  it("numbers nodes in file order and points edges from a need to its dependent", () => {
    const { graph } = makeGraph(SMALL);
    const view = buildView(graph);
    expect(view.nodes.map((n) => `${n.id}=${n.name}`)).toEqual([
      "n0=extract",
      "n1=codelists",
      "n2=make_safe",
      "n3=tables",
      "n4=report",
    ]);
    expect(view.edges).toEqual([
      [0, 2],
      [0, 3],
      [1, 3],
      [2, 4],
      [3, 4],
    ]);
    expect(view.nodes[3]!.needs).toEqual([0, 1]);
    expect(view.nodes[0]!.dependents).toEqual([2, 3]);
    expect(view.order).toEqual([0, 1, 2, 3, 4]);
  });

  it("treats names that are Object.prototype keys as ordinary names", () => {
    const { graph } = makeGraph([
      ["__proto__", []],
      ["constructor", ["__proto__"]],
      ["toString", ["constructor"]],
    ]);
    const classes = new Map<string, NodeClass>([["__proto__", "failed"]]);
    const view = buildView(graph, { classes });
    expect(view.nodes.map((n) => [n.name, n.class])).toEqual([
      ["__proto__", "failed"],
      ["constructor", null],
      ["toString", null],
    ]);
    expect(view.edges).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it("keeps only the chosen actions and the edges among them, then unconnected classed names", () => {
    const { graph } = makeGraph(SMALL);
    const view = buildView(graph, {
      only: new Set(["report", "tables", "missing"]),
      classes: new Map<string, NodeClass>([
        ["gone", "removed"],
        ["extract", "changed"],
      ]),
    });
    expect(view.nodes.map((n) => [n.id, n.name, n.inGraph, n.class])).toEqual([
      ["n0", "tables", true, null],
      ["n1", "report", true, null],
      ["n2", "gone", false, "removed"],
    ]);
    expect(view.edges).toEqual([[0, 1]]);
    expect(view.order).toEqual([0, 1]);
  });
});
