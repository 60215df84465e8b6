// The platform's job states and status codes (job-runner `controller/models.py`), and the default
// messages users see for them. The runner reports these exact codes so that the backend and the App
// can pass them through unchanged.

export type JobState = "pending" | "running" | "succeeded" | "failed";

export const PENDING_CODES = ["created", "waiting_on_dependencies", "waiting_on_workers"] as const;
export const RUNNING_CODES = [
  "preparing",
  "prepared",
  "executing",
  "executed",
  "finalizing",
  "finalized",
] as const;
export const FAILED_CODES = [
  "dependency_failed",
  "nonzero_exit",
  "cancelled_by_user",
  "unmatched_patterns",
  "internal_error",
  "job_error",
] as const;

export type PendingCode = (typeof PENDING_CODES)[number];
export type RunningCode = (typeof RUNNING_CODES)[number];
export type FailedCode = (typeof FAILED_CODES)[number];
export type StatusCode = PendingCode | RunningCode | "succeeded" | FailedCode;
/** The codes a job can end with. */
export type FinalCode = "succeeded" | FailedCode;

const pending = new Set<string>(PENDING_CODES);
const running = new Set<string>(RUNNING_CODES);

/** The coarse state for a status code, as job-runner's `set_code` derives it. */
export function stateOf(code: StatusCode): JobState {
  if (pending.has(code)) return "pending";
  if (running.has(code)) return "running";
  return code === "succeeded" ? "succeeded" : "failed";
}

export function isFinal(code: StatusCode): code is FinalCode {
  const state = stateOf(code);
  return state === "succeeded" || state === "failed";
}

/** The message shown while a job is in a non-final code (spec/local-run.md §2.5, backend.md §4.1). */
export const STATUS_MESSAGES: Readonly<Record<PendingCode | RunningCode, string>> = {
  created: "Created",
  waiting_on_dependencies: "Waiting on dependencies",
  waiting_on_workers: "Waiting on available workers",
  preparing: "Preparing your code and workspace files",
  prepared: "Prepared and ready to run",
  executing: "Executing job on the backend",
  executed: "Job has finished executing and is waiting to be finalized",
  finalizing: "Recording job results",
  finalized: "Finished recording results",
};

export const MESSAGE_SUCCEEDED = "Completed successfully";
export const MESSAGE_DEPENDENCY_FAILED = "Not starting as dependency failed";
export const MESSAGE_NONZERO_EXIT = "Job exited with an error";
export const MESSAGE_CANCELLED = "Cancelled by user";
export const MESSAGE_INTERNAL_ERROR =
  "Internal error: this usually means a platform issue rather than a problem for users to fix.";
