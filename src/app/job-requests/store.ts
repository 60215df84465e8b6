// The App's job requests and jobs in SQLite. Every change is one synchronous transaction, so a killed
// process leaves the old state or the new one; a restart reads what is active and carries on.
import {
  deriveJobRequestStatus,
  isJobRequestStatus,
  type JobRequestStatus,
  type RapJob,
} from "../../rap/index.ts";
import type { RepoRef } from "../github/client.ts";
import type { Db } from "./database.ts";
import type { JobRecord, JobRequest, Submission } from "./job-request.ts";

export type NewJobRequest = Omit<
  JobRequest,
  | "status"
  | "statusMessage"
  | "submission"
  | "submitAttempts"
  | "nextSubmitAt"
  | "lastSubmitError"
  | "cancelledActions"
  | "checkRunId"
  | "acknowledged"
  | "version"
  | "publishedVersion"
  | "updatedAt"
>;

interface Row {
  id: string;
  source_key: string;
  installation_id: number;
  repo_owner: string;
  repo_name: string;
  repo_html_url: string;
  repo_url: string;
  pull_number: number | null;
  comment_id: number | null;
  backend: string;
  workspace: string;
  branch: string;
  commit_sha: string;
  requested_actions: string;
  force_run_dependencies: number;
  requested_by: string;
  organisation: string;
  project: string;
  project_definition: string;
  status: string;
  status_message: string | null;
  submission: string;
  submit_attempts: number;
  next_submit_at: number | null;
  last_submit_error: string | null;
  cancelled_actions: string;
  check_run_id: number | null;
  acknowledged: number;
  version: number;
  published_version: number;
  created_at: number;
  updated_at: number;
}

interface JobRow {
  identifier: string;
  action: string;
  run_command: string;
  status: string;
  status_code: string;
  status_message: string;
  created_at: string | null;
  updated_at: string | null;
  started_at: string | null;
  completed_at: string | null;
}

export function repoKey(repo: RepoRef): string {
  return `${repo.owner}/${repo.repo}`.toLowerCase();
}

function toRequest(row: Row): JobRequest {
  return {
    id: row.id,
    sourceKey: row.source_key,
    installationId: row.installation_id,
    repo: { owner: row.repo_owner, repo: row.repo_name },
    repoHtmlUrl: row.repo_html_url,
    repoUrl: row.repo_url,
    pullNumber: row.pull_number,
    commentId: row.comment_id,
    backend: row.backend,
    workspace: row.workspace,
    branch: row.branch,
    commit: row.commit_sha,
    requestedActions: JSON.parse(row.requested_actions) as string[],
    forceRunDependencies: row.force_run_dependencies === 1,
    requestedBy: row.requested_by,
    organisation: row.organisation,
    project: row.project,
    projectDefinition: row.project_definition,
    status: isJobRequestStatus(row.status) ? row.status : "unknown",
    statusMessage: row.status_message,
    submission: row.submission as Submission,
    submitAttempts: row.submit_attempts,
    nextSubmitAt: row.next_submit_at,
    lastSubmitError: row.last_submit_error,
    cancelledActions: JSON.parse(row.cancelled_actions) as string[],
    checkRunId: row.check_run_id,
    acknowledged: row.acknowledged === 1,
    version: row.version,
    publishedVersion: row.published_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toJob(row: JobRow): JobRecord {
  return {
    identifier: row.identifier,
    action: row.action,
    runCommand: row.run_command,
    status: row.status,
    statusCode: row.status_code,
    statusMessage: row.status_message,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
  };
}

/** How long a new request is left to the code that stored it before the poller submits it. */
export const SUBMIT_GRACE_MS = 30_000;

const ACTIVE = "('pending', 'running', 'unknown', 'unknown_error_creating_jobs')";

export class JobRequestStore {
  readonly #db: Db;
  readonly #now: () => number;

  constructor(db: Db, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  get db(): Db {
    return this.#db;
  }

  /** Records that a comment (or button press) is being acted on. False when it already was. */
  claimCommand(sourceKey: string): boolean {
    const result = this.#db
      .prepare("INSERT OR IGNORE INTO commands (source_key, claimed_at) VALUES (?, ?)")
      .run(sourceKey, this.#now());
    return result.changes === 1;
  }

  /** Forgets a claim whose handling failed, so that a redelivery can act on it again. */
  releaseCommand(sourceKey: string): void {
    this.#db.prepare("DELETE FROM commands WHERE source_key = ?").run(sourceKey);
  }

  /**
   * Stores a new request, waiting to be submitted. Returns the existing one for a repeated source.
   * Whoever stores it submits it at once; the poller takes it over only after `SUBMIT_GRACE_MS` (so
   * the two do not both send it), which also covers an App that stopped in between.
   */
  insert(request: NewJobRequest): { readonly created: boolean; readonly request: JobRequest } {
    return this.#db.transaction(() => {
      const existing = this.bySource(request.sourceKey);
      if (existing !== undefined) return { created: false, request: existing };
      this.#db
        .prepare(
          `INSERT INTO job_requests (id, source_key, installation_id, repo_owner, repo_name, repo_key, repo_html_url,
             repo_url, pull_number, comment_id, backend, workspace, branch, commit_sha, requested_actions,
             force_run_dependencies, requested_by, organisation, project, project_definition, status,
             submission, next_submit_at, created_at, updated_at)
           VALUES (@id, @sourceKey, @installationId, @owner, @name, @repoKey, @repoHtmlUrl, @repoUrl, @pullNumber,
             @commentId, @backend, @workspace, @branch, @commit, @requestedActions, @force, @requestedBy,
             @organisation, @project, @projectDefinition, 'pending', 'waiting', @submitAt, @createdAt, @createdAt)`,
        )
        .run({
          ...request,
          owner: request.repo.owner,
          name: request.repo.repo,
          repoKey: repoKey(request.repo),
          requestedActions: JSON.stringify(request.requestedActions),
          force: request.forceRunDependencies ? 1 : 0,
          submitAt: request.createdAt + SUBMIT_GRACE_MS,
        });
      return { created: true, request: this.get(request.id)! };
    })();
  }

  get(id: string): JobRequest | undefined {
    const row = this.#db.prepare<[string], Row>("SELECT * FROM job_requests WHERE id = ?").get(id);
    return row === undefined ? undefined : toRequest(row);
  }

  bySource(sourceKey: string): JobRequest | undefined {
    const row = this.#db
      .prepare<[string], Row>("SELECT * FROM job_requests WHERE source_key = ?")
      .get(sourceKey);
    return row === undefined ? undefined : toRequest(row);
  }

  /** The pull request's job requests, newest first. */
  forPull(repo: RepoRef, number: number, limit = 50): JobRequest[] {
    return this.#db
      .prepare<[string, number, number], Row>(
        "SELECT * FROM job_requests WHERE repo_key = ? AND pull_number = ? ORDER BY created_at DESC, rowid DESC LIMIT ?",
      )
      .all(repoKey(repo), number, limit)
      .map(toRequest);
  }

  /** Requests the backends hold and that have not ended: the ones to poll. */
  polled(): JobRequest[] {
    return this.#db
      .prepare<[], Row>(
        `SELECT * FROM job_requests WHERE submission = 'accepted' AND status IN ${ACTIVE} ORDER BY rowid`,
      )
      .all()
      .map(toRequest);
  }

  /** Requests waiting to be submitted whose next attempt is due. */
  dueForSubmission(): JobRequest[] {
    return this.#db
      .prepare<[number], Row>(
        "SELECT * FROM job_requests WHERE submission = 'waiting' AND coalesce(next_submit_at, 0) <= ? ORDER BY rowid",
      )
      .all(this.#now())
      .map(toRequest);
  }

  /** Requests whose latest state GitHub does not show yet. */
  unpublished(): JobRequest[] {
    return this.#db
      .prepare<[], Row>("SELECT * FROM job_requests WHERE published_version < version ORDER BY rowid")
      .all()
      .map(toRequest);
  }

  jobs(id: string): JobRecord[] {
    return this.#db
      .prepare<[string], JobRow>("SELECT * FROM jobs WHERE job_request_id = ? ORDER BY seq")
      .all(id)
      .map(toJob);
  }

  /** The submission ended: accepted (with the status the backend's answer implies) or rejected. */
  settleSubmission(
    id: string,
    submission: Exclude<Submission, "waiting">,
    status: JobRequestStatus,
    message: string | null,
  ): JobRequest {
    this.#update(id, "submission = ?, status = ?, status_message = ?, next_submit_at = NULL", [
      submission,
      status,
      message,
    ]);
    return this.get(id)!;
  }

  /** The backend could not be reached: try again at `nextAt`. */
  retrySubmission(id: string, error: string, nextAt: number): JobRequest {
    this.#update(
      id,
      "submit_attempts = submit_attempts + 1, last_submit_error = ?, next_submit_at = ?, status_message = ?",
      [error, nextAt, "Waiting for the backend to accept this job request"],
    );
    return this.get(id)!;
  }

  setCheckRun(id: string, checkRunId: number): void {
    this.#db.prepare("UPDATE job_requests SET check_run_id = ? WHERE id = ?").run(checkRunId, id);
  }

  markAcknowledged(id: string): void {
    this.#db.prepare("UPDATE job_requests SET acknowledged = 1 WHERE id = ?").run(id);
  }

  addCancelled(id: string, actions: readonly string[]): JobRequest {
    const current = this.get(id);
    if (current === undefined) throw new Error(`no job request ${id}`);
    const merged = [...new Set([...current.cancelledActions, ...actions])];
    this.#update(id, "cancelled_actions = ?", [JSON.stringify(merged)]);
    return this.get(id)!;
  }

  /**
   * Records the backend's report of the request's jobs and derives the request's status from them
   * as job-server does. Returns whether anything a user could see changed.
   */
  applyStatus(
    id: string,
    jobs: readonly RapJob[],
  ): { readonly changed: boolean; readonly request: JobRequest } {
    return this.#db.transaction(() => {
      const before = this.get(id);
      if (before === undefined) throw new Error(`no job request ${id}`);
      let changed = false;
      const existing = new Map(this.jobs(id).map((j) => [j.identifier, j]));
      let seq = existing.size;
      const upsert = this.#db.prepare(
        `INSERT INTO jobs (identifier, job_request_id, seq, action, run_command, status, status_code, status_message,
           created_at, updated_at, started_at, completed_at)
         VALUES (@identifier, @requestId, @seq, @action, @run_command, @status, @status_code, @status_message,
           @created_at, @updated_at, @started_at, @completed_at)
         ON CONFLICT(identifier) DO UPDATE SET run_command = excluded.run_command, status = excluded.status,
           status_code = excluded.status_code, status_message = excluded.status_message,
           updated_at = excluded.updated_at, started_at = excluded.started_at, completed_at = excluded.completed_at`,
      );
      for (const job of jobs) {
        if (job.rap_id !== id) continue;
        const old = existing.get(job.identifier);
        const visible =
          old === undefined ||
          old.status !== job.status ||
          old.statusCode !== job.status_code ||
          old.statusMessage !== job.status_message ||
          old.startedAt !== job.started_at ||
          old.completedAt !== job.completed_at;
        if (old !== undefined && !visible && old.updatedAt === job.updated_at) continue;
        upsert.run({ ...job, requestId: id, seq: old === undefined ? seq++ : 0 });
        if (visible) changed = true;
      }
      const derived = deriveJobRequestStatus(
        { status: before.status, message: before.statusMessage },
        this.jobs(id).map((j) => j.status),
      );
      if (derived.status !== before.status || derived.message !== before.statusMessage) {
        this.#db
          .prepare("UPDATE job_requests SET status = ?, status_message = ? WHERE id = ?")
          .run(derived.status, derived.message, id);
        changed = true;
      }
      if (changed) this.#bump(id);
      return { changed, request: this.get(id)! };
    })();
  }

  /** Marks what GitHub now shows; a later change (a higher version) is published again. */
  markPublished(id: string, version: number): void {
    this.#db
      .prepare("UPDATE job_requests SET published_version = max(published_version, ?) WHERE id = ?")
      .run(version, id);
  }

  #update(id: string, assignments: string, values: readonly unknown[]): void {
    const result = this.#db
      .prepare(`UPDATE job_requests SET ${assignments}, version = version + 1, updated_at = ? WHERE id = ?`)
      .run(...values, this.#now(), id);
    if (result.changes !== 1) throw new Error(`no job request ${id}`);
  }

  #bump(id: string): void {
    this.#db
      .prepare("UPDATE job_requests SET version = version + 1, updated_at = ? WHERE id = ?")
      .run(this.#now(), id);
  }
}
