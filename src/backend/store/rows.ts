// Row shapes of the backend's tables, as better-sqlite3 returns them.
import type { JobState, StatusCode } from "../../rap/index.ts";

export interface JobRequestRow {
  readonly rap_id: string;
  readonly backend: string;
  readonly workspace: string;
  readonly repo_url: string;
  readonly branch: string;
  readonly commit_sha: string;
  /** JSON array of names. */
  readonly requested_actions: string;
  readonly force_run_dependencies: number;
  readonly codelists_ok: number;
  readonly created_by: string;
  readonly project: string;
  /** The create body as received, JSON. */
  readonly original: string;
  readonly created_at: number;
}

export interface JobRow {
  readonly seq: number;
  readonly id: string;
  readonly rap_id: string;
  readonly backend: string;
  readonly workspace: string;
  readonly action: string;
  readonly repo_url: string;
  readonly commit_sha: string;
  readonly run_command: string;
  readonly requires_db: number;
  /** JSON array of job ids this job waits for. */
  readonly wait_for: string;
  readonly state: JobState;
  readonly status_code: StatusCode;
  readonly status_message: string;
  readonly cancelled: number;
  readonly attempts: number;
  /** JSON object, or null. */
  readonly trace_context: string | null;
  /** JSON object. */
  readonly metrics: string;
  /** Milliseconds since the epoch. */
  readonly created_at: number;
  readonly updated_at: number;
  readonly started_at: number | null;
  readonly completed_at: number | null;
}

/** A job as planning creates it, before it has a row. */
export interface NewJob {
  readonly id: string;
  readonly action: string;
  readonly runCommand: string;
  readonly requiresDb: boolean;
  readonly waitFor: readonly string[];
  readonly traceContext: Readonly<Record<string, string>>;
}

export interface NewJobRequest {
  readonly rapId: string;
  readonly backend: string;
  readonly workspace: string;
  readonly repoUrl: string;
  readonly branch: string;
  readonly commit: string;
  readonly requestedActions: readonly string[];
  readonly forceRunDependencies: boolean;
  readonly codelistsOk: boolean;
  readonly createdBy: string;
  readonly project: string;
  readonly original: unknown;
}

export interface BackendRow {
  readonly slug: string;
  readonly last_seen: number | null;
  readonly paused: number;
  readonly paused_since: number | null;
}
