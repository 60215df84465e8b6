import { describe, expect, it } from "vitest";
import { type GraphJson, type NodeClass, renderJson } from "../../../src/pipeline/render/index.ts";
import { HOSTILE_NAMES, makeGraph, SMALL } from "./make-pipeline.ts";

describe("renderJson", () => {
  it("lists actions with run command and needs, the edges, and the run order", () => {
    const { pipeline, graph } = makeGraph([
      ["b", ["a"]],
      ["a", []],
    ]);
    const out = JSON.parse(renderJson(pipeline, graph)) as GraphJson;
    expect(out).toEqual({
      actions: [
        { name: "b", run: "python:v2 analysis/b.py", needs: ["a"] },
        { name: "a", run: "python:v2 analysis/a.py", needs: [] },
      ],
      edges: [{ from: "a", to: "b" }],
      order: ["a", "b"],
    });
  });

  it("carries classes, and removed actions with no run command and no place in the order", () => {
    const { pipeline, graph } = makeGraph(SMALL);
    const classes = new Map<string, NodeClass>([
      ["tables", "affected"],
      ["gone", "removed"],
    ]);
    const out = JSON.parse(renderJson(pipeline, graph, { classes })) as GraphJson;
    expect(out.actions.find((a) => a.name === "tables")!.class).toBe("affected");
    expect(out.actions.find((a) => a.name === "extract")).not.toHaveProperty("class");
    expect(out.actions.at(-1)).toEqual({ name: "gone", run: null, needs: [], class: "removed" });
    expect(out.order).not.toContain("gone");
  });

  it("round-trips every hostile name exactly", () => {
    const actions = HOSTILE_NAMES.map((name, i) => [name, i === 0 ? [] : [HOSTILE_NAMES[0]!]] as const);
    const { pipeline, graph } = makeGraph(actions);
    const out = JSON.parse(renderJson(pipeline, graph)) as GraphJson;
    expect(out.actions.map((a) => a.name)).toEqual(HOSTILE_NAMES);
    expect(out.edges).toHaveLength(HOSTILE_NAMES.length - 1);
    expect(out.order).toEqual(HOSTILE_NAMES);
  });
});
