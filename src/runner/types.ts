// The runner's public types. Hosts (CLI, Action, backend) program against these; they are kept stable.
import type { Action, Issue, Pipeline, PrivacyLevel } from "../pipeline/index.ts";
import type { FinalCode, JobState, StatusCode } from "./status.ts";

// ---------------------------------------------------------------------------------------------------
// Planning

/** Why a planned job will run. */
export type RunReason =
  /** Named on the command line (not via `run_all`): always re-run, as the platform does. */
  | "requested"
  /** A dependency re-run because `forceRunDependencies` was set. */
  | "force_run_dependencies"
  /** No record of a previous job. */
  | "never_run"
  /** The previous job failed or was cancelled. */
  | "failed_before"
  /** The previous job was cut off (its run stopped before it finished). */
  | "interrupted"
  /** One of its `needs` will run in this plan, so its inputs will change. */
  | "dependency_will_run"
  /** A recorded output is missing or no longer has the content the job wrote. */
  | "outputs_changed"
  /** The fingerprint differs: its definition, its inputs or code it read changed. */
  | "stale";

export interface PlannedJob {
  readonly action: string;
  readonly reason: RunReason;
  /** A sentence for people, e.g. "analysis/model.py changed since the last run". */
  readonly detail: string;
  /** The actions of this plan it waits for (a subset of its `needs`). */
  readonly waitsFor: readonly string[];
}

export interface ReusedAction {
  readonly action: string;
  /** Always "up_to_date": it succeeded before and nothing it depends on changed. */
  readonly reason: "up_to_date";
  readonly jobId: string;
  readonly completedAt: string;
}

export interface Plan {
  /** Jobs to run, dependencies before dependents. */
  readonly jobs: readonly PlannedJob[];
  /** Dependencies whose previous results are reused. */
  readonly reused: readonly ReusedAction[];
}

export interface PlanRequest {
  readonly projectDir: string;
  /** The loaded pipeline; when omitted, `<projectDir>/project.yaml` is loaded. */
  readonly pipeline?: Pipeline;
  /** Action names, or `run_all`. */
  readonly actions: readonly string[];
  readonly forceRunDependencies?: boolean;
}

/** Why a run could not start. Each is an expected outcome, reported as a value. */
export type StartProblem =
  | { readonly code: "no_actions"; readonly message: string }
  | { readonly code: "no_project"; readonly message: string }
  | { readonly code: "invalid_project"; readonly message: string; readonly errors: readonly Issue[] }
  | {
      readonly code: "unknown_actions";
      readonly message: string;
      readonly unknown: readonly string[];
      /** What may be requested: `run_all` and every action. */
      readonly valid: readonly string[];
    }
  | { readonly code: "executor_unavailable"; readonly message: string }
  | { readonly code: "project_busy"; readonly message: string; readonly pid: number }
  | { readonly code: "bad_option"; readonly message: string }
  /** Something unexpected went wrong while the run was being prepared (e.g. a file system error). */
  | { readonly code: "start_failed"; readonly message: string };

export type PlanOutcome =
  | { readonly kind: "plan"; readonly pipeline: Pipeline; readonly plan: Plan }
  | {
      readonly kind: "nothing_to_do";
      readonly pipeline: Pipeline;
      readonly message: string;
      readonly reused: readonly ReusedAction[];
    }
  | { readonly kind: "cannot_start"; readonly problem: StartProblem };

// ---------------------------------------------------------------------------------------------------
// Executors

export type ExecutorName = "local" | "docker" | "stub";
export type ExecutorChoice = "auto" | "local" | "docker";

export interface JobLimits {
  /** Wall-clock limit for one job's process, in milliseconds. */
  readonly timeoutMs: number;
  /** Memory limit in bytes (docker `--memory`; the local executor watches resident memory). */
  readonly memoryBytes: number;
  /** CPUs a job may use (docker `--cpus`; the local executor does not limit CPU). */
  readonly cpus: number;
}

/** What an executor gets for one job. The workspace is already prepared when `run` is called. */
export interface ExecJob {
  readonly jobId: string;
  readonly requestId: string;
  readonly workspaceName: string;
  readonly action: Action;
  /** Absolute host path of the job's private workspace (its `/workspace`). */
  readonly workDir: string;
  /** Absolute host path of a private, empty home directory (used by the local executor). */
  readonly homeDir: string;
  /** `OPENSAFELY_BACKEND=expectations` and anything else the platform sets for this job. */
  readonly env: Readonly<Record<string, string>>;
  readonly limits: JobLimits;
  /** `population_size` from `expectations` (cohortextractor before v4), else null. */
  readonly populationSize: number | null;
}

export type KillReason = "timeout" | "memory" | "cancelled";

export interface ExecResult {
  /** The process's exit code; 137-style codes when killed. */
  readonly exitCode: number;
  /** Set when the runner or executor stopped the job, else null. */
  readonly killed: KillReason | null;
  /** Extra words for the status message ("Job ran out of memory (limit was 0.50GB)"). */
  readonly detail: string | null;
  /** The image id the job ran in (docker), else null. */
  readonly imageId: string | null;
}

export interface ExecIO {
  /** Aborted with a `KillReason` as `signal.reason` when the job must stop. */
  readonly signal: AbortSignal;
  /** One line of the job's output (without the newline). */
  readonly onLine: (line: string, stream: "stdout" | "stderr") => void;
  /**
   * Called by executors that run the job as a host process group, with the group's id (its
   * leader's pid), as soon as it starts: a later run can then stop it if this run dies first.
   */
  readonly onStarted?: (pid: number) => void;
}

export interface Executor {
  readonly name: ExecutorName;
  /**
   * Null when this executor can run the action faithfully; otherwise the message the job fails with,
   * naming the executor that can.
   */
  unsupported(action: Action, pipeline: Pipeline): string | null;
  /**
   * Gets ready for a run (e.g. pulls missing images). Returns a problem that stops the run before any
   * job starts, or null.
   */
  prepare(actions: readonly Action[], signal: AbortSignal): Promise<string | null>;
  run(job: ExecJob, io: ExecIO): Promise<ExecResult>;
}

export interface ExecutorInfo {
  readonly name: ExecutorName;
  /** Why it was chosen, e.g. "docker daemon did not answer: using the local executor". */
  readonly reason: string;
}

// ---------------------------------------------------------------------------------------------------
// Running

export interface RunOptions extends PlanRequest {
  /** Keep scheduling jobs that do not depend on a failure (default: stop after the first failure). */
  readonly continueOnError?: boolean;
  /** Jobs at once; default `os.availableParallelism()`. */
  readonly concurrency?: number;
  /** Default "auto": docker when a daemon answers, else local. An `Executor` object is used as is. */
  readonly executor?: ExecutorChoice | Executor;
  readonly limits?: Partial<JobLimits>;
  /** Aborting cancels the run: running jobs are killed, waiting ones end `cancelled_by_user`. */
  readonly signal?: AbortSignal;
  /** Called synchronously for every event; must not throw. */
  readonly onEvent?: (event: RunEvent) => void;
  /** The job request id (10 hex characters); random when omitted. */
  readonly requestId?: string;
  /** Written to logs and the manifest when known. */
  readonly commit?: string | null;
  readonly repo?: string | null;
  /** The workspace name; default the project folder's name. */
  readonly workspaceName?: string;
  /** Environment the docker executor may pass through (`STATA_LICENSE`); default `process.env`. */
  readonly hostEnv?: Readonly<Record<string, string | undefined>>;
  /** Keep each job's workspace under `metadata/.trestle/work/` for debugging. */
  readonly keepWorkspaces?: boolean;
  /** The clock; default `() => new Date()`. */
  readonly now?: () => Date;
}

export interface OutputFile {
  readonly path: string;
  readonly privacy: PrivacyLevel;
  readonly size: number;
  readonly sha256: string;
}

export interface Level4Warning {
  readonly path: string;
  /** The reference's job message, e.g. "File has patient_id column". */
  readonly message: string;
}

/** A job as it is right now (sent with every status change). */
export interface JobSnapshot {
  readonly action: string;
  readonly jobId: string;
  readonly state: JobState;
  readonly statusCode: StatusCode;
  readonly statusMessage: string;
  readonly startedAt: string | null;
  readonly completedAt: string | null;
}

/** Everything known about a finished job. */
export interface JobResult extends JobSnapshot {
  readonly statusCode: FinalCode;
  readonly state: "succeeded" | "failed";
  readonly reason: RunReason;
  readonly exitCode: number | null;
  /** Milliseconds from leaving the queue to the final status. */
  readonly durationMs: number;
  /** Milliseconds the job's own process ran. */
  readonly processMs: number;
  readonly outputs: readonly OutputFile[];
  readonly unmatchedPatterns: readonly string[];
  /** Files the job created that no pattern matched ("Did you mean to match one of these files instead?"). */
  readonly unmatchedFiles: readonly string[];
  /** The hint line of the log, or null. */
  readonly hint: string | null;
  readonly level4Warnings: readonly Level4Warning[];
  /** Outputs of the previous run of this action that this run did not produce, now deleted. */
  readonly obsoleteRemoved: readonly string[];
  /** `metadata/<action>.log`, relative to the project, or null when no log was written. */
  readonly logFile: string | null;
  /** The job's last output lines (at most 32), without timestamps. */
  readonly logTail: readonly string[];
  readonly logTailTruncated: boolean;
}

export interface RunResult {
  readonly requestId: string;
  readonly executor: ExecutorInfo;
  readonly ok: boolean;
  /** Jobs that ran or were failed without running (`dependency_failed`), in the order they ended. */
  readonly jobs: readonly JobResult[];
  readonly reused: readonly ReusedAction[];
  /** Planned jobs never started because the run stopped after a failure (no `continueOnError`). */
  readonly notStarted: readonly string[];
  readonly cancelled: boolean;
  readonly startedAt: string;
  readonly completedAt: string;
  readonly durationMs: number;
}

export type RunOutcome =
  | { readonly kind: "completed"; readonly result: RunResult }
  | { readonly kind: "nothing_to_do"; readonly message: string; readonly reused: readonly ReusedAction[] }
  | { readonly kind: "cannot_start"; readonly problem: StartProblem };

export type RunEvent =
  | {
      readonly type: "run_started";
      readonly requestId: string;
      readonly executor: ExecutorInfo;
      readonly plan: Plan;
    }
  | { readonly type: "job_status"; readonly job: JobSnapshot }
  | {
      readonly type: "job_output";
      readonly action: string;
      readonly jobId: string;
      readonly line: string;
      readonly stream: "stdout" | "stderr";
    }
  | { readonly type: "job_finished"; readonly result: JobResult }
  | { readonly type: "run_finished"; readonly result: RunResult };

export interface RunHandle {
  readonly requestId: string;
  /** Settles when the run has ended and every job's files are recorded. Never rejects for job failures. */
  readonly done: Promise<RunOutcome>;
  /** Cancels the named actions (all when omitted): running ones are killed, waiting ones never start. */
  cancel(actions?: readonly string[]): void;
  /** The current snapshot of every planned job. */
  jobs(): readonly JobSnapshot[];
}
