// The agent's side of a job: check the job's commit out into its workspace folder and run the one
// action there with the runner (local executor, dummy data). The workspace folder is the runner's
// project folder, so outputs and the runner's records persist from job to job as on a real backend.
//
// Adapter note: the runner plans by itself and would also run a dependency it finds stale. The
// backend has already planned with the platform's rules, so it asks for exactly one action, which
// the runner always runs, and it only starts a job once its dependencies have finished.
import { join } from "node:path";
import type { StatusCode } from "../rap/index.ts";
import { type Executor, type ExecutorChoice, type RunOutcome, startRun } from "../runner/index.ts";
import type { RepoCache } from "./repos.ts";

export interface JobToRun {
  readonly jobId: string;
  readonly action: string;
  readonly backend: string;
  readonly workspace: string;
  readonly repoUrl: string;
  readonly commit: string;
}

/** How a job ended. `requeue` puts it back in the queue (the workspace was busy). */
export interface JobEnd {
  readonly code: StatusCode;
  readonly message: string;
}

export interface WorkspaceRunnerOptions {
  readonly dataDir: string;
  readonly repos: RepoCache;
  readonly executor: ExecutorChoice | Executor;
}

export type StatusListener = (code: StatusCode, message: string) => void;

const INTERNAL = "Internal error";

export function workspaceDir(dataDir: string, backend: string, workspace: string): string {
  return join(dataDir, "workspaces", backend, workspace);
}

/** Maps what the runner says about the run to the job's final code. */
export function endFromOutcome(outcome: RunOutcome, action: string): JobEnd {
  if (outcome.kind === "cannot_start") {
    const { problem } = outcome;
    // Another run holds the folder's lock (e.g. a process from before a crash): try again later.
    if (problem.code === "project_busy") return { code: "waiting_on_new_task", message: problem.message };
    return { code: "internal_error", message: `${INTERNAL}: ${problem.message}` };
  }
  if (outcome.kind === "nothing_to_do") {
    return { code: "internal_error", message: `${INTERNAL}: the runner found nothing to do for ${action}` };
  }
  const result = outcome.result.jobs.find((j) => j.action === action);
  if (result === undefined) {
    return { code: "internal_error", message: `${INTERNAL}: the runner did not run ${action}` };
  }
  return { code: result.statusCode, message: result.statusMessage };
}

export class WorkspaceRunner {
  readonly #options: WorkspaceRunnerOptions;

  constructor(options: WorkspaceRunnerOptions) {
    this.#options = options;
  }

  async run(job: JobToRun, signal: AbortSignal, onStatus: StatusListener): Promise<JobEnd> {
    const { dataDir, repos } = this.#options;
    const dir = workspaceDir(dataDir, job.backend, job.workspace);
    // The commit is normally still in the cache from the create request; fetch it if the cache was lost.
    const fetched = await repos.fetchCommit(job.repoUrl, job.commit, null);
    if (!fetched.ok) return { code: "internal_error", message: `${INTERNAL}: ${fetched.message}` };
    const index = join(dataDir, "checkouts", job.backend, `${job.workspace}.index`);
    const checkout = await repos.checkout(job.repoUrl, job.commit, dir, index);
    if (!checkout.ok) return { code: "internal_error", message: `${INTERNAL}: ${checkout.message}` };
    if (signal.aborted) return { code: "cancelled_by_user", message: "Cancelled by user" };

    const handle = startRun({
      projectDir: dir,
      actions: [job.action],
      workspaceName: job.workspace,
      commit: job.commit,
      repo: job.repoUrl,
      executor: this.#options.executor,
      concurrency: 1,
      signal,
      onEvent: (event) => {
        if (event.type !== "job_status" || event.job.action !== job.action) return;
        if (event.job.state === "running") onStatus(event.job.statusCode, event.job.statusMessage);
      },
    });
    return endFromOutcome(await handle.done, job.action);
  }
}
