// Cycles in `needs`: one printed cycle per strongly connected group, so a project with several
// independent cycles hears about each of them at once.
import { findCycle } from "../graph.ts";
import type { ParsedAction } from "./action.ts";

export function findCycles(actions: readonly ParsedAction[]): string[][] {
  const nodes = actions.map((a) => a.id);
  const needs = new Map(actions.map((a) => [a.id, a.needs] as const));
  const cycles: string[][] = [];
  const remaining = new Map(needs);
  for (;;) {
    const cycle = findCycle(
      nodes.filter((n) => remaining.has(n)),
      remaining,
    );
    if (cycle === null) return cycles;
    cycles.push(cycle);
    // Remove the cycle's members so the next search finds a different group.
    for (const name of cycle) remaining.delete(name);
  }
}
