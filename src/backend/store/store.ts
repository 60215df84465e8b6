// The backend's persistent state: job requests, jobs and backend flags in SQLite. Every change is
// one synchronous transaction, so a killed process leaves either the old state or the new one.
import { isCompletedState, RESET_STATUS_CODES, type StatusCode, stateOfStatusCode } from "../../rap/index.ts";
import type { Db } from "./database.ts";
import type { BackendRow, JobRequestRow, JobRow, NewJob, NewJobRequest } from "./rows.ts";

/** Codes that mark the start of a job's run (job-runner's `set_code`). */
const STARTING_CODES: ReadonlySet<StatusCode> = new Set(["initiated", "preparing", "prepared", "executing"]);
/** A live job's `updated_at` is refreshed at most this often when its code does not change. */
const TOUCH_INTERVAL_MS = 60_000;

export interface LatestJob {
  readonly id: string;
  readonly action: string;
  readonly state: JobRow["state"];
}

export type CancelOutcome =
  | { readonly kind: "no_jobs" }
  | { readonly kind: "not_found"; readonly notFound: readonly string[] }
  | { readonly kind: "cancelled"; readonly count: number; readonly jobIds: readonly string[] };

export class Store {
  readonly #stmts;
  /** Made once: better-sqlite3 prepares BEGIN/COMMIT for each transaction function it makes. */
  readonly #transaction: (work: () => unknown) => unknown;

  constructor(db: Db) {
    this.#transaction = db.transaction((work: () => unknown) => work());
    this.#stmts = {
      request: db.prepare<[string], JobRequestRow>("SELECT * FROM job_requests WHERE rap_id = ?"),
      countJobs: db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM jobs WHERE rap_id = ?"),
      insertRequest: db.prepare(
        `INSERT INTO job_requests (rap_id, backend, workspace, repo_url, branch, commit_sha, requested_actions,
           force_run_dependencies, codelists_ok, created_by, project, original, created_at)
         VALUES (@rapId, @backend, @workspace, @repoUrl, @branch, @commit, @requestedActions,
           @force, @codelistsOk, @createdBy, @project, @original, @now)`,
      ),
      insertJob: db.prepare(
        `INSERT INTO jobs (id, rap_id, backend, workspace, action, repo_url, commit_sha, run_command, requires_db,
           wait_for, state, status_code, status_message, trace_context, created_at, updated_at)
         VALUES (@id, @rapId, @backend, @workspace, @action, @repoUrl, @commit, @runCommand, @requiresDb,
           @waitFor, 'pending', 'created', 'Created', @traceContext, @now, @now)`,
      ),
      // SQLite returns the other columns of the row holding max(seq) for each group.
      workspaceState: db.prepare<[string, string], LatestJob & { seq: number }>(
        `SELECT id, action, state, max(seq) AS seq FROM jobs
         WHERE backend = ? AND workspace = ? AND cancelled = 0 GROUP BY action`,
      ),
      jobsForRaps: db.prepare<[string, string], JobRow>(
        `SELECT * FROM jobs WHERE rap_id IN (SELECT value FROM json_each(?))
           AND backend IN (SELECT value FROM json_each(?)) ORDER BY seq`,
      ),
      jobsOfRap: db.prepare<[string], JobRow>("SELECT * FROM jobs WHERE rap_id = ? ORDER BY seq"),
      job: db.prepare<[string], JobRow>("SELECT * FROM jobs WHERE id = ?"),
      countActive: db.prepare<[], { state: string; n: number }>(
        "SELECT state, count(*) AS n FROM jobs WHERE state IN ('pending', 'running') GROUP BY state",
      ),
      active: db.prepare<[], JobRow>("SELECT * FROM jobs WHERE state IN ('pending', 'running') ORDER BY seq"),
      cancelJob: db.prepare("UPDATE jobs SET cancelled = 1 WHERE id = ?"),
      update: db.prepare(
        `UPDATE jobs SET state = @state, status_code = @code, status_message = @message, updated_at = @now,
           started_at = @startedAt, completed_at = @completedAt WHERE id = @id`,
      ),
      touch: db.prepare("UPDATE jobs SET updated_at = ? WHERE id = ?"),
      attempt: db.prepare("UPDATE jobs SET attempts = attempts + 1 WHERE id = ?"),
      metrics: db.prepare("UPDATE jobs SET metrics = ? WHERE id = ?"),
      upsertBackend: db.prepare(
        `INSERT INTO backends (slug, last_seen) VALUES (?, ?)
         ON CONFLICT (slug) DO UPDATE SET last_seen = excluded.last_seen`,
      ),
      backend: db.prepare<[string], BackendRow>("SELECT * FROM backends WHERE slug = ?"),
      checked: db.prepare<[string, string, string], { project_yaml: Buffer }>(
        "SELECT project_yaml FROM checked_commits WHERE repo_url = ? AND commit_sha = ? AND branch = ?",
      ),
      putChecked: db.prepare(
        `INSERT OR REPLACE INTO checked_commits (repo_url, commit_sha, branch, project_yaml, checked_at)
         VALUES (?, ?, ?, ?, ?)`,
      ),
    };
  }

  jobRequest(rapId: string): JobRequestRow | undefined {
    return this.#stmts.request.get(rapId);
  }

  countJobs(rapId: string): number {
    return this.#stmts.countJobs.get(rapId)!.n;
  }

  /** The latest job of each action in a workspace on a backend, leaving out cancelled jobs. */
  workspaceState(backend: string, workspace: string): Map<string, LatestJob> {
    const state = new Map<string, LatestJob>();
    for (const row of this.#stmts.workspaceState.all(backend, workspace)) {
      state.set(row.action, { id: row.id, action: row.action, state: row.state });
    }
    return state;
  }

  /**
   * Runs `decide` and, when it returns jobs, inserts the request and its jobs, all in one
   * transaction: planning sees exactly the workspace state the insert lands on.
   */
  transaction<T>(work: () => T): T {
    return this.#transaction(work) as T;
  }

  insertJobRequest(request: NewJobRequest, jobs: readonly NewJob[], now: number): void {
    this.#stmts.insertRequest.run({
      rapId: request.rapId,
      backend: request.backend,
      workspace: request.workspace,
      repoUrl: request.repoUrl,
      branch: request.branch,
      commit: request.commit,
      requestedActions: JSON.stringify(request.requestedActions),
      force: request.forceRunDependencies ? 1 : 0,
      codelistsOk: request.codelistsOk ? 1 : 0,
      createdBy: request.createdBy,
      project: request.project,
      original: JSON.stringify(request.original),
      now,
    });
    for (const job of jobs) {
      this.#stmts.insertJob.run({
        id: job.id,
        rapId: request.rapId,
        backend: request.backend,
        workspace: request.workspace,
        action: job.action,
        repoUrl: request.repoUrl,
        commit: request.commit,
        runCommand: job.runCommand,
        requiresDb: job.requiresDb ? 1 : 0,
        waitFor: JSON.stringify(job.waitFor),
        traceContext: JSON.stringify(job.traceContext),
        now,
      });
    }
  }

  /** Jobs of the given requests on the given backends, oldest first. */
  jobsFor(rapIds: readonly string[], backends: readonly string[]): JobRow[] {
    return this.#stmts.jobsForRaps.all(JSON.stringify(rapIds), JSON.stringify(backends));
  }

  jobsOf(rapId: string): JobRow[] {
    return this.#stmts.jobsOfRap.all(rapId);
  }

  job(id: string): JobRow | undefined {
    return this.#stmts.job.get(id);
  }

  /** Pending and running jobs, oldest first. */
  activeJobs(): JobRow[] {
    return this.#stmts.active.all();
  }

  /** How many jobs are pending and running (also proves the database answers). */
  activeCounts(): { pending: number; running: number } {
    const counts = { pending: 0, running: 0 };
    for (const row of this.#stmts.countActive.all()) {
      if (row.state === "pending" || row.state === "running") counts[row.state] = row.n;
    }
    return counts;
  }

  /**
   * Marks the named actions of a request cancelled (RAP cancel). The scheduler does the rest. Jobs on
   * backends the caller cannot see count as absent.
   */
  cancel(rapId: string, actions: readonly string[], backends: readonly string[]): CancelOutcome {
    return this.transaction(() => {
      const jobs = this.jobsFor([rapId], backends);
      if (jobs.length === 0) return { kind: "no_jobs" } as const;
      const byAction = new Map(jobs.map((j) => [j.action, j]));
      const notFound = [...new Set(actions.filter((a) => !byAction.has(a)))].sort();
      if (notFound.length > 0) return { kind: "not_found", notFound } as const;
      const jobIds = [...new Set(actions)].map((a) => byAction.get(a)!.id);
      for (const id of jobIds) this.#stmts.cancelJob.run(id);
      return { kind: "cancelled", count: actions.length, jobIds } as const;
    });
  }

  /**
   * Moves a job to `code` as job-runner's `set_code` does: the state follows the code, starting codes
   * set `started_at` once, reset codes clear it, final codes set `completed_at`. A job that has ended
   * never moves again. Returns whether anything changed.
   */
  setCode(id: string, code: StatusCode, message: string, now: number): boolean {
    const job = this.job(id);
    if (job === undefined || isCompletedState(job.state)) return false;
    if (job.status_code === code && job.status_message === message) {
      if (now - job.updated_at >= TOUCH_INTERVAL_MS) this.#stmts.touch.run(now, id);
      return false;
    }
    const state = stateOfStatusCode(code);
    let startedAt = job.started_at;
    if (RESET_STATUS_CODES.has(code)) startedAt = null;
    else if (startedAt === null && (STARTING_CODES.has(code) || state === "running")) startedAt = now;
    const completedAt = isCompletedState(state) ? now : null;
    this.#stmts.update.run({ id, state, code, message, now, startedAt, completedAt });
    return true;
  }

  /** Counts a start of the job (for the restart limit) and returns the new count. */
  countAttempt(id: string): number {
    this.#stmts.attempt.run(id);
    return this.job(id)?.attempts ?? 0;
  }

  setMetrics(id: string, metrics: Readonly<Record<string, unknown>>): void {
    this.#stmts.metrics.run(JSON.stringify(metrics), id);
  }

  touchBackend(slug: string, now: number): void {
    this.#stmts.upsertBackend.run(slug, now);
  }

  backend(slug: string): BackendRow | undefined {
    return this.#stmts.backend.get(slug);
  }

  checkedCommit(repoUrl: string, commit: string, branch: string): Buffer | undefined {
    return this.#stmts.checked.get(repoUrl, commit, branch)?.project_yaml;
  }

  rememberCheckedCommit(
    repoUrl: string,
    commit: string,
    branch: string,
    projectYaml: Buffer,
    now: number,
  ): void {
    this.#stmts.putChecked.run(repoUrl, commit, branch, projectYaml, now);
  }
}
