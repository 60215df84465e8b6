// The graph as JSON, for tools: actions with their needs, the edges, and the run order.
import type { JobGraph } from "../graph.ts";
import type { Pipeline } from "../model.ts";
import type { NodeClass } from "./node-classes.ts";
import { buildView, type RenderOptions } from "./view.ts";

export interface GraphJson {
  /** Shown actions in file order; then actions drawn only for their class (e.g. removed), with `run: null`. */
  readonly actions: readonly {
    readonly name: string;
    readonly run: string | null;
    readonly needs: readonly string[];
    readonly class?: NodeClass;
  }[];
  /** `from` is needed by `to`. */
  readonly edges: readonly { readonly from: string; readonly to: string }[];
  /** The shown actions, dependencies first. */
  readonly order: readonly string[];
}

export function graphJson(pipeline: Pipeline, graph: JobGraph, options: RenderOptions = {}): GraphJson {
  const view = buildView(graph, options);
  const name = (i: number) => view.nodes[i]!.name;
  return {
    actions: view.nodes.map((node) => ({
      name: node.name,
      run: node.inGraph ? (pipeline.actions.get(node.name)?.run.raw ?? null) : null,
      needs: node.needs.map(name),
      ...(node.class === null ? {} : { class: node.class }),
    })),
    edges: view.edges.map(([from, to]) => ({ from: name(from), to: name(to) })),
    order: view.order.map(name),
  };
}

export function renderJson(pipeline: Pipeline, graph: JobGraph, options: RenderOptions = {}): string {
  return `${JSON.stringify(graphJson(pipeline, graph, options), null, 2)}\n`;
}
