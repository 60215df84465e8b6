// Turns requested actions into new jobs with the platform's rules (spec/backend.md §4.2,
// job-runner `create_or_update_jobs`): reuse what is up to date in the workspace, re-run what was
// asked for or failed, never start a second job for an action that is pending or running.

import { type Pipeline, RUN_ALL } from "../pipeline/index.ts";
import { jobIdentifier } from "../rap/index.ts";
import type { LatestJob } from "./store/store.ts";

export interface PlanInput {
  readonly rapId: string;
  readonly pipeline: Pipeline;
  readonly requestedActions: readonly string[];
  readonly forceRunDependencies: boolean;
  readonly codelistsOk: boolean;
  /** The latest non-cancelled job of each action in the workspace on this backend. */
  readonly workspaceState: ReadonlyMap<string, LatestJob>;
}

export interface PlannedJob {
  readonly id: string;
  readonly action: string;
  readonly runCommand: string;
  readonly requiresDb: boolean;
  /** Jobs (new, or existing and still pending or running) this one waits for. */
  readonly waitFor: readonly string[];
}

export type PlanResult =
  | { readonly kind: "jobs"; readonly jobs: readonly PlannedJob[] }
  | { readonly kind: "nothing_to_do"; readonly message: string }
  | { readonly kind: "error"; readonly message: string };

export const ALL_COMPLETED = "All actions have already completed successfully";
export const ALL_SCHEDULED = "All requested actions were already scheduled to run";

type Known = { readonly id: string; readonly state: LatestJob["state"]; readonly isNew: boolean };

function shouldRerun(job: Known, action: string, input: PlanInput): boolean {
  if (job.state === "pending" || job.state === "running") return false;
  // With run_all the list holds "run_all", not the names, so nothing counts as explicitly requested.
  if (input.requestedActions.includes(action)) return true;
  if (input.forceRunDependencies) return true;
  return job.state === "failed";
}

export function planJobs(input: PlanInput): PlanResult {
  const { pipeline } = input;
  const toRun = input.requestedActions.includes(RUN_ALL) ? pipeline.allActions : input.requestedActions;
  const known = new Map<string, Known>();
  for (const [action, job] of input.workspaceState) {
    if (pipeline.actions.has(action)) known.set(action, { id: job.id, state: job.state, isNew: false });
  }
  const created: PlannedJob[] = [];

  // Depth-first over `needs` without recursion, so that 2,500-action chains cannot overflow the stack.
  // A frame is entered once its action needs a new job; it completes after all its needs have.
  for (const root of toRun) {
    const stack: { action: string; next: number }[] = [];
    const enter = (action: string): string | null => {
      if (!pipeline.actions.has(action)) return `Action '${action}' not found in project.yaml`;
      const existing = known.get(action);
      if (existing && (existing.isNew || !shouldRerun(existing, action, input))) return null;
      if (stack.some((f) => f.action === action)) return null; // a cycle: validation rejects these
      stack.push({ action, next: 0 });
      return null;
    };
    const error = enter(root);
    if (error) return { kind: "error", message: error };
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const spec = pipeline.actions.get(frame.action)!;
      if (frame.next < spec.needs.length) {
        const needError = enter(spec.needs[frame.next++]!);
        if (needError) return { kind: "error", message: needError };
        continue;
      }
      stack.pop();
      const waitFor: string[] = [];
      for (const need of new Set(spec.needs)) {
        const dep = known.get(need);
        if (dep && (dep.state === "pending" || dep.state === "running")) waitFor.push(dep.id);
      }
      const id = jobIdentifier(input.rapId, frame.action);
      known.set(frame.action, { id, state: "pending", isNew: true });
      created.push({
        id,
        action: frame.action,
        runCommand: spec.jobCommand,
        requiresDb: spec.run.isDatabaseAction,
        waitFor,
      });
    }
  }

  if (created.length === 0) {
    if (input.requestedActions.includes(RUN_ALL)) return { kind: "nothing_to_do", message: ALL_COMPLETED };
    return { kind: "nothing_to_do", message: ALL_SCHEDULED };
  }
  if (!input.codelistsOk) {
    const db = created.find((j) => j.requiresDb);
    if (db) return { kind: "error", message: `Codelists are out of date (required by action ${db.action})` };
  }
  return { kind: "jobs", jobs: created };
}
