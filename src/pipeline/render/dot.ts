// Graphviz dot: `trestle graph --format dot | dot -Tsvg > graph.svg`.
import type { JobGraph } from "../graph.ts";
import type { Pipeline } from "../model.ts";
import { NODE_STYLES } from "./node-classes.ts";
import { buildView, type RenderOptions } from "./view.ts";
import { visibleName } from "./visible-name.ts";

export interface DotOptions extends RenderOptions {
  /** `LR` (default) draws work flowing left to right; `TB` top to bottom. */
  readonly direction?: "LR" | "TB";
}

export function renderDot(pipeline: Pipeline, graph: JobGraph, options: DotOptions = {}): string {
  const view = buildView(graph, options);
  const lines = [
    "digraph pipeline {",
    `  rankdir=${options.direction ?? "LR"};`,
    '  node [shape=box, style="rounded", fontname="Helvetica"];',
  ];
  for (const node of view.nodes) {
    const attrs = [`label=${dotString(visibleName(node.name))}`];
    const run = pipeline.actions.get(node.name)?.run.raw;
    if (node.inGraph && run !== undefined) attrs.push(`tooltip=${dotString(visibleName(run))}`);
    if (node.class !== null) {
      const s = NODE_STYLES[node.class];
      attrs.push(
        `class=${dotString(node.class)}`,
        `style=${dotString(s.dashed ? "rounded,filled,dashed" : "rounded,filled")}`,
        `fillcolor=${dotString(s.fill)}`,
        `color=${dotString(s.stroke)}`,
        `fontcolor=${dotString(s.text)}`,
      );
    }
    lines.push(`  ${node.id} [${attrs.join(", ")}];`);
  }
  for (const [from, to] of view.edges) lines.push(`  ${view.nodes[from]!.id} -> ${view.nodes[to]!.id};`);
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/**
 * A dot double-quoted string. Only `"` and `\` are special inside one (`\` starts escapes such as
 * `\N` and `\l` in labels); the text has already been made visible, so it holds no line breaks.
 */
export function dotString(text: string): string {
  return `"${text.replace(/["\\]/g, (ch) => `\\${ch}`)}"`;
}
