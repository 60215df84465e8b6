// The `needs` graph as data: built once from a pipeline, then every consumer (runner, renderers,
// the App's change analysis) uses its order and closure helpers instead of recursing over `needs`.
import { type Pipeline, RUN_ALL } from "./model.ts";

export interface JobGraph {
  /** Action names in file order. */
  readonly nodes: readonly string[];
  /** For each action, the actions it needs (deduplicated, in written order). */
  readonly needs: ReadonlyMap<string, readonly string[]>;
  /** For each action, the actions that need it (in file order). */
  readonly dependents: ReadonlyMap<string, readonly string[]>;
  /** Every action, dependencies before dependents; ties keep file order. */
  readonly order: readonly string[];
}

/** Builds the graph. The pipeline must be valid (no unknown needs, no cycles). */
export function buildGraph(pipeline: Pipeline): JobGraph {
  const nodes = [...pipeline.actions.keys()];
  const needs = new Map<string, readonly string[]>();
  const dependents = new Map<string, string[]>();
  for (const name of nodes) dependents.set(name, []);
  for (const [name, action] of pipeline.actions) {
    const unique = [...new Set(action.needs)];
    needs.set(name, unique);
    for (const dep of unique) dependents.get(dep)?.push(name);
  }
  return { nodes, needs, dependents, order: topologicalOrder(nodes, needs) };
}

/**
 * Kahn's algorithm, taking ready nodes in file order so that the result is stable. Nodes on a cycle
 * (which validation rejects) are appended at the end in file order rather than dropped.
 */
export function topologicalOrder(
  nodes: readonly string[],
  needs: ReadonlyMap<string, readonly string[]>,
): string[] {
  const index = new Map(nodes.map((n, i) => [n, i]));
  const remaining = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const n of nodes) dependents.set(n, []);
  for (const n of nodes) {
    const deps = (needs.get(n) ?? []).filter((d) => index.has(d) && d !== n);
    remaining.set(n, new Set(deps).size);
    for (const d of new Set(deps)) dependents.get(d)!.push(n);
  }
  // A small binary heap keyed by file position keeps this O((V+E) log V) on 2,500-action files.
  const heap: number[] = [];
  const push = (i: number) => {
    heap.push(i);
    let c = heap.length - 1;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (heap[p]! <= heap[c]!) break;
      [heap[p], heap[c]] = [heap[c]!, heap[p]!];
      c = p;
    }
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let p = 0;
      for (;;) {
        const l = 2 * p + 1;
        const r = l + 1;
        let m = p;
        if (l < heap.length && heap[l]! < heap[m]!) m = l;
        if (r < heap.length && heap[r]! < heap[m]!) m = r;
        if (m === p) break;
        [heap[p], heap[m]] = [heap[m]!, heap[p]!];
        p = m;
      }
    }
    return top;
  };
  nodes.forEach((n, i) => {
    if (remaining.get(n) === 0) push(i);
  });
  const order: string[] = [];
  const placed = new Set<string>();
  while (heap.length > 0) {
    const n = nodes[pop()]!;
    order.push(n);
    placed.add(n);
    for (const d of dependents.get(n)!) {
      const left = remaining.get(d)! - 1;
      remaining.set(d, left);
      if (left === 0) push(index.get(d)!);
    }
  }
  for (const n of nodes) if (!placed.has(n)) order.push(n);
  return order;
}

/**
 * Finds one cycle in the needs graph, as the path of names that closes it (`[a, b, a]`), or null.
 * Self-references give `[a, a]`. Iterative, so deep chains cannot overflow the stack.
 */
export function findCycle(
  nodes: readonly string[],
  needs: ReadonlyMap<string, readonly string[]>,
): string[] | null {
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: finished
  for (const start of nodes) {
    if (state.has(start)) continue;
    const path: string[] = [];
    const stack: { node: string; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, 1);
    path.push(start);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const deps = needs.get(frame.node) ?? [];
      if (frame.next < deps.length) {
        const dep = deps[frame.next++]!;
        if (!needs.has(dep)) continue;
        const s = state.get(dep);
        if (s === 1) return [...path.slice(path.indexOf(dep)), dep];
        if (s === undefined) {
          state.set(dep, 1);
          path.push(dep);
          stack.push({ node: dep, next: 0 });
        }
      } else {
        state.set(frame.node, 2);
        path.pop();
        stack.pop();
      }
    }
  }
  return null;
}

/** The requested actions plus everything they need, transitively, in topological order. */
export function closure(graph: JobGraph, requested: Iterable<string>): string[] {
  const wanted = new Set<string>();
  const stack = [...requested];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (wanted.has(name)) continue;
    wanted.add(name);
    for (const dep of graph.needs.get(name) ?? []) stack.push(dep);
  }
  return graph.order.filter((n) => wanted.has(n));
}

/** Every action that (transitively) needs any of the given actions, excluding them, in topological order. */
export function downstream(graph: JobGraph, changed: Iterable<string>): string[] {
  const start = new Set(changed);
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length > 0) {
    const name = stack.pop()!;
    for (const dep of graph.dependents.get(name) ?? []) {
      if (!seen.has(dep)) {
        seen.add(dep);
        stack.push(dep);
      }
    }
  }
  return graph.order.filter((n) => seen.has(n) && !start.has(n));
}

/**
 * Expands a request as the platform does: `run_all` (alone or among other names) means every action
 * except a user-defined `run_all`; other names are kept as written. Returns the names to run, in
 * topological order, without their dependencies (see `closure`).
 */
export function expandRequested(pipeline: Pipeline, graph: JobGraph, requested: readonly string[]): string[] {
  const names = new Set<string>();
  for (const r of requested) {
    if (r === RUN_ALL) for (const a of pipeline.allActions) names.add(a);
    else names.add(r);
  }
  return graph.order.filter((n) => names.has(n));
}
