// What a change to project.yaml does to the pipeline: which actions were added, removed or changed
// (and in which fields), and which actions downstream of those will produce different results. The
// head's graph decides what is downstream, through the pipeline core's closure helpers.
import { type Action, downstream, type JobGraph, type Pipeline } from "../../pipeline/index.ts";

export type ChangeKind = "added" | "removed" | "changed";

/** The parts of an action a change can touch, named as project.yaml names them. */
export type ActionField = "run" | "needs" | "outputs" | "config" | "dummy_data_file";

export interface ActionChange {
  readonly name: string;
  readonly kind: ChangeKind;
  /** For `changed`: which fields differ, in the order above. */
  readonly fields: readonly ActionField[];
  /** Actions that (transitively) need this one in the head, excluding added and changed actions. */
  readonly affected: readonly string[];
}

export interface ChangeSet {
  /** Added and changed actions in the head's topological order, then removed ones in base file order. */
  readonly changes: readonly ActionChange[];
  /** Every action affected by some change and not itself added or changed, in topological order. */
  readonly affected: readonly string[];
  /** The project's `version` when it changed, else null. */
  readonly version: { readonly from: number; readonly to: number } | null;
}

export function compareProjects(base: Pipeline, head: Pipeline, headGraph: JobGraph): ChangeSet {
  const touched = new Map<string, ActionChange>();
  for (const name of headGraph.order) {
    const now = head.actions.get(name)!;
    const before = base.actions.get(name);
    if (before === undefined) {
      touched.set(name, { name, kind: "added", fields: [], affected: [] });
      continue;
    }
    const fields = changedFields(before, now);
    if (fields.length > 0) touched.set(name, { name, kind: "changed", fields, affected: [] });
  }
  const direct = new Set(touched.keys());
  const affected = downstream(headGraph, direct);
  const changes: ActionChange[] = [...touched.values()].map((change) => ({
    ...change,
    affected: downstream(headGraph, [change.name]).filter((n) => !direct.has(n)),
  }));
  for (const name of base.actions.keys()) {
    if (!head.actions.has(name)) changes.push({ name, kind: "removed", fields: [], affected: [] });
  }
  const version = base.version === head.version ? null : { from: base.version, to: head.version };
  return { changes, affected, version };
}

/** Every action of a new project counts as added; nothing can be affected. */
export function allAdded(headGraph: JobGraph): ChangeSet {
  return {
    changes: headGraph.order.map((name) => ({ name, kind: "added" as const, fields: [], affected: [] })),
    affected: [],
    version: null,
  };
}

function changedFields(before: Action, now: Action): ActionField[] {
  const fields: ActionField[] = [];
  if (before.run.raw !== now.run.raw) fields.push("run");
  if (!sameSet(before.needs, now.needs)) fields.push("needs");
  if (canonical(before.outputs) !== canonical(now.outputs)) fields.push("outputs");
  if (canonical(before.config) !== canonical(now.config)) fields.push("config");
  if (before.dummyDataFile !== now.dummyDataFile) fields.push("dummy_data_file");
  return fields;
}

// The order of `needs` does not change what runs, so reordering is not a change.
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}

/** JSON with object keys sorted at every level, so key order in the file is not a change. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    // fromEntries defines own properties, so a key named `__proto__` stays a key.
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, (v as Record<string, unknown>)[k]]),
    );
  });
}
