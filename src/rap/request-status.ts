// A job request's overall status and runtime, derived from its jobs exactly as job-server does
// (spec/backend.md §2), so the App and the backend agree with jobs.opensafely.org.
import { isCompletedRequestStatus, isJobRequestStatus, type JobRequestStatus } from "./statuses.ts";

export interface StoredRequestStatus {
  readonly status: JobRequestStatus;
  readonly message: string | null;
}

export const FAILED_DUE_TO_JOB_FAILURE = "Failed due to job failure";

/**
 * The request's status given what was stored for it and its jobs' coarse `status` values.
 * Returns the stored value unchanged when it is terminal or there are no jobs; otherwise the derived
 * status, with its message when the status changed (job-server writes the message only on a change).
 */
export function deriveJobRequestStatus(
  stored: StoredRequestStatus,
  jobStatuses: readonly (string | null | undefined)[],
): StoredRequestStatus {
  if (isCompletedRequestStatus(stored.status)) return stored;
  if (jobStatuses.length === 0) return stored;
  const statuses = jobStatuses.map((s) => (s ?? "").toLowerCase());
  const distinct = new Set(statuses);
  let status: JobRequestStatus;
  let message: string | null = null;
  if (distinct.size === 1) {
    const only = statuses[0]!;
    status = only === "" ? "pending" : isJobRequestStatus(only) ? only : "unknown";
    if (status === "failed") message = FAILED_DUE_TO_JOB_FAILURE;
  } else if (distinct.has("running") || distinct.has("pending")) {
    // Some work is finished and some is still waiting: the request as a whole is running.
    status = "running";
  } else if (distinct.has("failed")) {
    status = "failed";
    message = FAILED_DUE_TO_JOB_FAILURE;
  } else {
    status = "unknown";
  }
  if (status === stored.status) return stored;
  return { status, message };
}

export interface TimedJob {
  readonly status: string;
  readonly started_at: string | null;
  readonly completed_at: string | null;
}

/**
 * Seconds of work: the sum over completed (failed or succeeded) jobs of completed − started. Jobs with
 * a missing time, or that completed no later than they started, count as zero. Not first-start to
 * last-finish.
 */
export function jobRequestRuntimeSeconds(jobs: readonly TimedJob[]): number {
  let total = 0;
  for (const job of jobs) {
    const status = job.status.toLowerCase();
    if (status !== "failed" && status !== "succeeded") continue;
    if (job.started_at === null || job.completed_at === null) continue;
    const started = Date.parse(job.started_at);
    const completed = Date.parse(job.completed_at);
    if (Number.isNaN(started) || Number.isNaN(completed) || completed <= started) continue;
    total += (completed - started) / 1000;
  }
  return total;
}

/** `HH:MM:SS` as job-server shows a runtime, or `-` when it is zero. */
export function formatRuntime(seconds: number): string {
  const whole = Math.floor(seconds);
  if (whole <= 0) return "-";
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = whole % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(hours)}:${pad(minutes)}:${pad(secs)}`;
}
