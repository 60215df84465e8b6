// The job and job-request status vocabularies of job-runner and job-server (spec/backend.md §1.2, §4.1).

/** A job's coarse state. */
export const JOB_STATES = ["pending", "running", "succeeded", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

/** A job's fine-grained status code, in the controller's enum order, with the state each implies. */
export const STATUS_CODE_STATES = {
  created: "pending",
  initiated: "running",
  paused: "pending",
  waiting_db_maintenance: "pending",
  waiting_on_dependencies: "pending",
  waiting_on_workers: "pending",
  waiting_on_db_workers: "pending",
  waiting_on_reboot: "pending",
  waiting_on_new_task: "pending",
  preparing: "running",
  prepared: "running",
  executing: "running",
  executed: "running",
  finalizing: "running",
  finalized: "running",
  succeeded: "succeeded",
  dependency_failed: "failed",
  nonzero_exit: "failed",
  cancelled_by_user: "failed",
  unmatched_patterns: "failed",
  internal_error: "failed",
  killed_by_admin: "failed",
  stale_codelists: "failed",
  job_error: "failed",
} as const satisfies Record<string, JobState>;
export type StatusCode = keyof typeof STATUS_CODE_STATES;
export const STATUS_CODES = Object.keys(STATUS_CODE_STATES) as StatusCode[];

/** Codes that put a job back to pending and clear its start time. */
export const RESET_STATUS_CODES: ReadonlySet<StatusCode> = new Set([
  "waiting_on_reboot",
  "waiting_db_maintenance",
  "waiting_on_new_task",
]);

export function stateOfStatusCode(code: StatusCode): JobState {
  return STATUS_CODE_STATES[code];
}

export function isCompletedState(state: string): boolean {
  return state === "succeeded" || state === "failed";
}

/** The overall status job-server keeps for a job request. There is no `cancelled`: cancels end `failed`. */
export const JOB_REQUEST_STATUSES = [
  "pending",
  "running",
  "failed",
  "succeeded",
  "nothing_to_do",
  "unknown",
  "unknown_error_creating_jobs",
] as const;
export type JobRequestStatus = (typeof JOB_REQUEST_STATUSES)[number];

const TERMINAL_REQUEST_STATUSES: ReadonlySet<string> = new Set(["failed", "succeeded", "nothing_to_do"]);

/** True for `failed`, `succeeded` and `nothing_to_do`: a request in one of these never changes again. */
export function isCompletedRequestStatus(status: string): boolean {
  return TERMINAL_REQUEST_STATUSES.has(status);
}

export function isJobRequestStatus(value: string): value is JobRequestStatus {
  return (JOB_REQUEST_STATUSES as readonly string[]).includes(value);
}
