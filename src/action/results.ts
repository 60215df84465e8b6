// One row per action of the project, whatever happened: the shape the summary, the outputs and the
// graph's colours are all made from, so they cannot disagree.
import type { NodeClass, Pipeline } from "../pipeline/index.ts";
import type { JobResult, Level4Warning, OutputFile, RunOutcome } from "../runner/index.ts";

export type ActionStatus =
  | "succeeded"
  | "failed"
  | "dependency_failed"
  /** Up to date: its previous results were reused. */
  | "skipped"
  | "not_requested"
  /** Planned, but the run stopped (after a failure, or cancelled) before it started. */
  | "not_started";

export interface ActionRow {
  readonly name: string;
  readonly status: ActionStatus;
  /** The runner's final status code and message, when a job ended. */
  readonly statusCode: string | null;
  readonly message: string;
  readonly durationMs: number | null;
  readonly outputs: readonly OutputFile[];
  readonly level4Warnings: readonly Level4Warning[];
  readonly job: JobResult | null;
}

export const STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  succeeded: "succeeded",
  failed: "failed",
  dependency_failed: "dependency failed",
  skipped: "skipped: up to date",
  not_requested: "not requested",
  not_started: "not started",
};

export const STATUS_CLASSES: Readonly<Record<ActionStatus, NodeClass>> = {
  succeeded: "succeeded",
  failed: "failed",
  dependency_failed: "dependency_failed",
  skipped: "skipped",
  not_requested: "not_requested",
  not_started: "pending",
};

/** Rows in the order of `order` (normally the graph's run order); a null outcome means nothing ran. */
export function actionRows(
  pipeline: Pipeline,
  order: readonly string[],
  outcome: RunOutcome | null,
): ActionRow[] {
  const jobs = new Map<string, JobResult>();
  const reused = new Set<string>();
  const notStarted = new Set<string>();
  if (outcome?.kind === "completed") {
    for (const job of outcome.result.jobs) jobs.set(job.action, job);
    for (const r of outcome.result.reused) reused.add(r.action);
    for (const name of outcome.result.notStarted) notStarted.add(name);
  } else if (outcome?.kind === "nothing_to_do") {
    for (const r of outcome.reused) reused.add(r.action);
  }
  return order
    .filter((name) => pipeline.actions.has(name))
    .map((name): ActionRow => {
      const job = jobs.get(name);
      if (job !== undefined) {
        const status: ActionStatus =
          job.statusCode === "succeeded"
            ? "succeeded"
            : job.statusCode === "dependency_failed"
              ? "dependency_failed"
              : "failed";
        return {
          name,
          status,
          statusCode: job.statusCode,
          message: job.statusMessage,
          durationMs: job.durationMs,
          outputs: job.outputs,
          level4Warnings: job.level4Warnings,
          job,
        };
      }
      const status: ActionStatus = reused.has(name)
        ? "skipped"
        : notStarted.has(name)
          ? "not_started"
          : "not_requested";
      return {
        name,
        status,
        statusCode: null,
        message: STATUS_LABELS[status],
        durationMs: null,
        outputs: [],
        level4Warnings: [],
        job: null,
      };
    });
}

/** The graph's colours. */
export function rowClasses(rows: readonly ActionRow[]): Map<string, NodeClass> {
  return new Map(rows.map((row) => [row.name, STATUS_CLASSES[row.status]]));
}

/** Actions whose job failed in any way (dependency failures included), in row order. */
export function failedActions(rows: readonly ActionRow[]): string[] {
  return rows
    .filter((row) => row.status === "failed" || row.status === "dependency_failed")
    .map((row) => row.name);
}
