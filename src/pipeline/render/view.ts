// What every renderer draws: the graph's actions (or a chosen subset) with generated ids, the edges
// among them, and each node's class. Computing it once keeps the four renderers in agreement about
// which nodes and edges exist, in which order, and what they are called.
import type { JobGraph } from "../graph.ts";
import type { NodeClass } from "./node-classes.ts";

/** The options every renderer takes. */
export interface RenderOptions {
  /**
   * A class per action name (colours by job result, or marks what a change did). A Map, never a plain
   * object, because action names can be anything, `__proto__` and `constructor` included. Names that
   * are not in the graph (an action a change removed) are drawn as unconnected nodes after the others.
   */
  readonly classes?: ReadonlyMap<string, NodeClass>;
  /**
   * Draw only these actions and the edges among them (e.g. the requested actions and their
   * `closure`). Names not in the graph are ignored. Default: every action.
   */
  readonly only?: Iterable<string>;
}

export interface ViewNode {
  /** `n0`, `n1`, …: safe in every output syntax whatever the action is called. */
  readonly id: string;
  readonly name: string;
  readonly class: NodeClass | null;
  /** False for a node drawn only because it has a class (e.g. a removed action). */
  readonly inGraph: boolean;
  /** Indices (into `nodes`) of the shown actions this one needs, in written order. */
  readonly needs: readonly number[];
  /** Indices of the shown actions that need this one, in file order. */
  readonly dependents: readonly number[];
}

export interface GraphView {
  /** Shown actions in file order, then unconnected class-only nodes. */
  readonly nodes: readonly ViewNode[];
  /** `[need, dependent]` index pairs: the arrow points the way work flows. */
  readonly edges: readonly (readonly [number, number])[];
  /** Indices of the shown graph nodes, dependencies first. */
  readonly order: readonly number[];
}

export function buildView(graph: JobGraph, options: RenderOptions = {}): GraphView {
  const only = options.only === undefined ? null : new Set(options.only);
  const classes = options.classes ?? new Map<string, NodeClass>();
  const shown = graph.nodes.filter((name) => only === null || only.has(name));
  const inGraph = new Set(graph.nodes);
  const detached = [...classes.keys()].filter((name) => !inGraph.has(name));
  const names = [...shown, ...detached];
  const index = new Map(names.map((name, i) => [name, i]));

  const needs: number[][] = names.map(() => []);
  const dependents: number[][] = names.map(() => []);
  const edges: [number, number][] = [];
  shown.forEach((name, i) => {
    for (const need of graph.needs.get(name) ?? []) {
      const j = index.get(need);
      if (j === undefined || j >= shown.length || j === i) continue;
      needs[i]!.push(j);
      dependents[j]!.push(i);
      edges.push([j, i]);
    }
  });
  // Dependents were collected in the order their edges were met, which is file order of the dependent.
  const nodes = names.map(
    (name, i): ViewNode => ({
      id: `n${i}`,
      name,
      class: classes.get(name) ?? null,
      inGraph: i < shown.length,
      needs: needs[i]!,
      dependents: dependents[i]!,
    }),
  );
  const order = graph.order.flatMap((name) => {
    const i = index.get(name);
    return i !== undefined && i < shown.length ? [i] : [];
  });
  return { nodes, edges, order };
}
