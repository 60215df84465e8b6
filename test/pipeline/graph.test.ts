// The needs graph: topological order, closure, downstream actions and run_all expansion.
import { describe, expect, it } from "vitest";
import {
  buildGraph,
  closure,
  downstream,
  expandRequested,
  findCycle,
  topologicalOrder,
} from "../../src/pipeline/index.ts";
import { expectValid, project } from "./helpers.ts";

const act = (name: string, needs: string[]) =>
  `${name}:\n  run: python:v2 ${name}.py\n  needs: [${needs.join(", ")}]\n  outputs:\n    highly_sensitive:\n      x: output/${name}.csv`;

const diamond = expectValid(
  project(
    5,
    [
      act("report", ["left", "right"]),
      act("left", ["extract"]),
      act("right", ["extract"]),
      act("extract", []),
      act("lonely", []),
    ].join("\n"),
  ),
).pipeline!;

describe("the job graph", () => {
  const graph = buildGraph(diamond);
  it("orders dependencies first, otherwise earliest in the file first", () => {
    expect(graph.order).toEqual(["extract", "left", "right", "report", "lonely"]);
  });
  it("knows each action's dependents", () => {
    expect(graph.dependents.get("extract")).toEqual(["left", "right"]);
  });
  it("closes a request over needs", () => {
    expect(closure(graph, ["left"])).toEqual(["extract", "left"]);
    expect(closure(graph, ["report"])).toEqual(["extract", "left", "right", "report"]);
  });
  it("finds what a change affects downstream", () => {
    expect(downstream(graph, ["left"])).toEqual(["report"]);
    expect(downstream(graph, ["extract"])).toEqual(["left", "right", "report"]);
  });
  it("expands run_all to every action", () => {
    expect(expandRequested(diamond, graph, ["run_all"])).toEqual(graph.order);
    expect(expandRequested(diamond, graph, ["lonely", "report"])).toEqual(["report", "lonely"]);
  });
  it("orders a chain of 20,000 actions without deep recursion", () => {
    const nodes = Array.from({ length: 20_000 }, (_, i) => `a${i}`);
    const needs = new Map(nodes.map((n, i) => [n, i === 0 ? [] : [nodes[i - 1]!]] as const));
    expect(topologicalOrder([...nodes].reverse(), needs)).toEqual(nodes);
    expect(findCycle(nodes, needs)).toBeNull();
    const cyclic = new Map(needs).set("a0", ["a19999"]);
    expect(findCycle(nodes, cyclic)).toHaveLength(20_001);
  });
});
