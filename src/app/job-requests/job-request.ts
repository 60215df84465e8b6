// A job request as the App keeps it: what was asked for, by whom, where it came from on GitHub, how
// its submission to the backend went, and the jobs the backend reported for it.

import { randomBytes } from "node:crypto";
import {
  isCompletedRequestStatus,
  type JobRequestStatus,
  jobRequestRuntimeSeconds,
  newRapId,
} from "../../rap/index.ts";
import type { RepoRef } from "../github/client.ts";

/**
 * `waiting`: not yet accepted by the backend (it was down); retried until it is.
 * `accepted`: the backend holds it (or said there was nothing to do).
 * `rejected`: the backend refused it, with a reason.
 * `withdrawn`: cancelled before the backend ever accepted it.
 */
export type Submission = "waiting" | "accepted" | "rejected" | "withdrawn";

export interface JobRequest {
  /** 16 base32 characters, as job-server makes them; also the RAP API's rap_id. */
  readonly id: string;
  /** What asked for it (a comment, a check-run button), so asking twice makes one request. */
  readonly sourceKey: string;
  readonly installationId: number;
  readonly repo: RepoRef;
  /** The repository's page, e.g. https://github.com/owner/name (for commit links). */
  readonly repoHtmlUrl: string;
  /** The URL the backend fetches the repository from. */
  readonly repoUrl: string;
  readonly pullNumber: number | null;
  /** The comment that asked for it, for reactions; null for other sources. */
  readonly commentId: number | null;
  readonly backend: string;
  readonly workspace: string;
  readonly branch: string;
  readonly commit: string;
  readonly requestedActions: readonly string[];
  readonly forceRunDependencies: boolean;
  readonly requestedBy: string;
  readonly organisation: string;
  readonly project: string;
  /** project.yaml at the commit, as read when the request was made. */
  readonly projectDefinition: string;
  readonly status: JobRequestStatus;
  readonly statusMessage: string | null;
  readonly submission: Submission;
  readonly submitAttempts: number;
  /** When the next submission attempt is due (epoch ms), while `waiting`. */
  readonly nextSubmitAt: number | null;
  readonly lastSubmitError: string | null;
  readonly cancelledActions: readonly string[];
  readonly checkRunId: number | null;
  /** Whether the requester was told how the submission ended (a 🚀, or a 😕 and a reply). */
  readonly acknowledged: boolean;
  /** Bumped on every change a user could see; GitHub shows `publishedVersion`. */
  readonly version: number;
  readonly publishedVersion: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** A job as the backend last reported it (timestamps are the backend's ISO-8601 UTC text). */
export interface JobRecord {
  readonly identifier: string;
  readonly action: string;
  readonly runCommand: string;
  readonly status: string;
  readonly statusCode: string;
  readonly statusMessage: string;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
  readonly startedAt: string | null;
  readonly completedAt: string | null;
}

export function newJobRequestId(): string {
  return newRapId((size) => randomBytes(size));
}

export function isActive(request: Pick<JobRequest, "status" | "submission">): boolean {
  if (request.submission === "waiting") return true;
  return request.submission === "accepted" && !isCompletedRequestStatus(request.status);
}

export interface Timeline {
  readonly createdAt: number;
  /** The earliest job start, if any job started. */
  readonly startedAt: string | null;
  /** The latest job completion, once the request is complete. */
  readonly finishedAt: string | null;
  /** Seconds, summed over completed jobs as job-server computes it. */
  readonly runtimeSeconds: number;
}

export function timelineOf(request: JobRequest, jobs: readonly JobRecord[]): Timeline {
  const started = jobs
    .map((j) => j.startedAt)
    .filter((t): t is string => t !== null)
    .sort();
  const completed = jobs
    .map((j) => j.completedAt)
    .filter((t): t is string => t !== null)
    .sort();
  const complete = !isActive(request);
  return {
    createdAt: request.createdAt,
    startedAt: started[0] ?? null,
    finishedAt: complete ? (completed.at(-1) ?? null) : null,
    runtimeSeconds: jobRequestRuntimeSeconds(
      jobs.map((j) => ({ status: j.status, started_at: j.startedAt, completed_at: j.completedAt })),
    ),
  };
}
