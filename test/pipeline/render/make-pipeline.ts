// Builds Pipeline objects directly, so renderers and formatters can be tested on any graph, including
// names no YAML fixture makes easy to write.
import { buildGraph, type JobGraph } from "../../../src/pipeline/graph.ts";
import type { Action, Pipeline } from "../../../src/pipeline/model.ts";

/** Actions as `[name, needs]` pairs, in file order (pairs, not an object, so any name works). */
export function makePipeline(actions: readonly (readonly [string, readonly string[]])[]): Pipeline {
  const map = new Map<string, Action>();
  for (const [name, needs] of actions) {
    const raw = `python:v2 analysis/${name}.py`;
    map.set(name, {
      id: name,
      run: {
        raw,
        parts: raw.split(" "),
        image: "python",
        tag: "v2",
        args: `analysis/${name}.py`,
        isDatabaseAction: false,
      },
      outputs: { moderately_sensitive: { out: `output/${name}.csv` } },
      needs,
      config: null,
      dummyDataFile: null,
      jobCommand: raw,
      jobArgs: raw.split(" "),
    });
  }
  return { version: 5, actions: map, allActions: [...map.keys()], expectations: null };
}

export function makeGraph(actions: readonly (readonly [string, readonly string[]])[]): {
  pipeline: Pipeline;
  graph: JobGraph;
} {
  const pipeline = makePipeline(actions);
  return { pipeline, graph: buildGraph(pipeline) };
}

/** The demo study's shape plus a fan-in, used where a small realistic graph is enough. */
export const SMALL: readonly (readonly [string, readonly string[]])[] = [
  ["extract", []],
  ["codelists", []],
  ["make_safe", ["extract"]],
  ["tables", ["extract", "codelists"]],
  ["report", ["make_safe", "tables"]],
];

/** Names that break naive renderers: syntax characters, keywords, invisible and huge names. */
export const HOSTILE_NAMES: readonly string[] = [
  "",
  "end",
  "graph",
  "subgraph",
  "flowchart",
  "class",
  "classDef",
  "style",
  "click",
  "digraph",
  "node",
  "edge",
  "strict",
  "n0",
  "n1",
  "__proto__",
  "constructor",
  "a b",
  "  padded  ",
  "a/b:c!",
  "'single'",
  "''",
  '"double"',
  'say "hi"',
  "back\\slash\\",
  "\\N \\l \\G",
  "semi;colon",
  "hash #35; #quot;",
  "style x: #fff;",
  "%%{init: {'theme':'dark'}}%%",
  "%% comment",
  "`code` **bold** _it_",
  "<b>html</b> <script>alert(1)</script>",
  "&amp; &lt;",
  "[brackets] {braces} (parens)",
  "a --> b",
  "a -> b; c",
  "x[y]",
  "pipe|table|",
  "line\nbreak",
  "crlf\r\nline",
  "tab\there",
  "esc\u001b[31mred",
  "nul\u0000byte",
  "rtl\u202eoverride",
  "zero\u200bwidth",
  "sep\u2028line",
  "ünïcödé 数据 🧪",
  "💥".repeat(5),
  "x".repeat(5000),
];
