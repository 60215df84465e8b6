// The controller's loop (spec/backend.md §4.3): cancel what was cancelled, fail jobs whose
// dependencies failed, hold jobs for dependencies and workers, and hand ready jobs to the agent.
// It runs every second and whenever something changes; each pass is synchronous over SQLite.
import { isCompletedState, type JobState, type StatusCode, stateOfStatusCode } from "../rap/index.ts";
import type { JobRow } from "./store/rows.ts";
import type { Store } from "./store/store.ts";
import type { JobEnd, JobToRun, StatusListener } from "./workspace-runner.ts";

export interface JobExecutor {
  run(job: JobToRun, signal: AbortSignal, onStatus: StatusListener): Promise<JobEnd>;
}

export interface SchedulerOptions {
  readonly store: Store;
  readonly executor: JobExecutor;
  /** Every backend a token may act on: their `last_seen` is kept fresh. */
  readonly backends: readonly string[];
  /** The most jobs a backend runs at once (the platform's MAX_WORKERS). */
  readonly maxWorkers: (backend: string) => number;
  /** Starts a job may have before a restart fails it with `internal_error`. */
  readonly maxAttempts?: number;
  readonly now: () => number;
  readonly log: (level: "info" | "error", message: string, fields?: Record<string, unknown>) => void;
  readonly intervalMs?: number;
}

export const MESSAGES = {
  initiated: "Job is starting on the backend",
  waitingOnDependencies: "Waiting on dependencies",
  dependencyFailed: "Not starting as dependency failed",
  waitingOnWorkers: "Waiting on available workers",
  waitingOnWorkspace: "Waiting for another job in this workspace to finish",
  cancelled: "Cancelled by user",
  restarted: "The backend restarted while this job was running; it will run again",
} as const;

const MIN_PASS_GAP_MS = 20;
const RETRY_DELAY_MS = 5_000;

interface Running {
  readonly controller: AbortController;
  readonly backend: string;
  readonly workspaceKey: string;
  readonly done: Promise<void>;
}

const workspaceKey = (job: { backend: string; workspace: string }) => `${job.backend}/${job.workspace}`;

export class Scheduler {
  readonly #o: SchedulerOptions;
  readonly #running = new Map<string, Running>();
  #timer: NodeJS.Timeout | undefined;
  #kicked = false;
  #started = false;
  #stopping = false;
  #lastSeenAt = 0;
  #lastPassAt = 0;
  /** Jobs the agent handed back (their workspace was busy), and when they may start again. */
  readonly #retryAt = new Map<string, number>();

  constructor(options: SchedulerOptions) {
    this.#o = options;
  }

  /** Re-queues (or fails) jobs a previous process left running, then starts the loop. */
  start(): void {
    this.#started = true;
    this.recover();
    this.#timer = setInterval(() => this.tick(), this.#o.intervalMs ?? 1000);
    this.#timer.unref();
    this.kick();
  }

  /**
   * Runs a pass soon: once, however many times it is called before then, and not within
   * `MIN_PASS_GAP_MS` of the previous pass, so a burst of creates costs a few passes, not one each.
   */
  kick(): void {
    if (this.#kicked || this.#stopping || !this.#started) return;
    this.#kicked = true;
    const wait = Math.max(0, this.#lastPassAt + MIN_PASS_GAP_MS - Date.now());
    setTimeout(() => {
      this.#kicked = false;
      this.tick();
    }, wait).unref();
  }

  /** Jobs the agent is running now. */
  get runningCount(): number {
    return this.#running.size;
  }

  /**
   * A job that was running when the process died has no process any more. It runs again, up to
   * `maxAttempts` starts; after that it fails with `internal_error`, never silently lost.
   */
  recover(): void {
    const now = this.#o.now();
    const maxAttempts = this.#o.maxAttempts ?? 3;
    this.#o.store.transaction(() => {
      for (const job of this.#o.store.activeJobs()) {
        if (job.state !== "running") continue;
        if (job.attempts >= maxAttempts) {
          const message = `Internal error: the backend restarted during each of the ${job.attempts} attempts to run this job`;
          this.#o.store.setCode(job.id, "internal_error", message, now);
          this.#o.log("error", "job failed after repeated restarts", { job: job.id, action: job.action });
        } else {
          this.#o.store.setCode(job.id, "waiting_on_reboot", MESSAGES.restarted, now);
          this.#o.log("info", "job re-queued after a restart", { job: job.id, action: job.action });
        }
      }
    });
  }

  tick(): void {
    if (this.#stopping || !this.#started) return;
    this.#lastPassAt = Date.now();
    try {
      this.#pass();
    } catch (error) {
      this.#o.log("error", "scheduler pass failed", { error: (error as Error).message });
    }
  }

  #pass(): void {
    const { store } = this.#o;
    const now = this.#o.now();
    if (now - this.#lastSeenAt >= 1000) {
      this.#lastSeenAt = now;
      store.transaction(() => {
        for (const backend of this.#o.backends) store.touchBackend(backend, now);
      });
    }
    const active = store.activeJobs();
    const states = new Map<string, JobState>(active.map((j) => [j.id, j.state]));
    const stateOf = (id: string): JobState | undefined => {
      if (!states.has(id)) {
        const row = store.job(id);
        if (row) states.set(id, row.state);
      }
      return states.get(id);
    };
    const set = (job: JobRow, code: StatusCode, message: string) => {
      if (store.setCode(job.id, code, message, now)) {
        this.#o.log("info", "job status", { job: job.id, action: job.action, rap_id: job.rap_id, code });
      }
    };

    // Running jobs: only cancellation concerns the loop; the agent reports the rest.
    for (const job of active) {
      if (job.state !== "running" || job.cancelled === 0) continue;
      const running = this.#running.get(job.id);
      if (running && !running.controller.signal.aborted) running.controller.abort("cancelled");
    }

    // Pending jobs in creation order, so a dependency's failure reaches the whole chain in one pass.
    const ready: JobRow[] = [];
    for (const job of active) {
      if (job.state !== "pending") continue;
      if (job.cancelled !== 0) {
        set(job, "cancelled_by_user", MESSAGES.cancelled);
        states.set(job.id, "failed");
        continue;
      }
      const deps = (JSON.parse(job.wait_for) as string[]).map(stateOf);
      if (deps.some((s) => s === "failed")) {
        set(job, "dependency_failed", MESSAGES.dependencyFailed);
        states.set(job.id, "failed");
      } else if (deps.some((s) => s !== "succeeded")) {
        set(job, "waiting_on_dependencies", MESSAGES.waitingOnDependencies);
      } else ready.push(job);
    }

    // Fair order: fewest running jobs in the same workspace first, then database jobs, then oldest.
    const perWorkspace = new Map<string, number>();
    const perBackend = new Map<string, number>();
    for (const r of this.#running.values()) {
      perWorkspace.set(r.workspaceKey, (perWorkspace.get(r.workspaceKey) ?? 0) + 1);
      perBackend.set(r.backend, (perBackend.get(r.backend) ?? 0) + 1);
    }
    ready.sort(
      (a, b) =>
        (perWorkspace.get(workspaceKey(a)) ?? 0) - (perWorkspace.get(workspaceKey(b)) ?? 0) ||
        b.requires_db - a.requires_db ||
        a.seq - b.seq,
    );
    for (const job of ready) {
      if ((this.#retryAt.get(job.id) ?? 0) > now) continue;
      this.#retryAt.delete(job.id);
      if ((perBackend.get(job.backend) ?? 0) >= this.#o.maxWorkers(job.backend)) {
        set(job, "waiting_on_workers", MESSAGES.waitingOnWorkers);
      } else if ((perWorkspace.get(workspaceKey(job)) ?? 0) > 0) {
        // The runner keeps one writer per workspace folder, so jobs of one workspace take turns.
        set(job, "waiting_on_workers", MESSAGES.waitingOnWorkspace);
      } else {
        perBackend.set(job.backend, (perBackend.get(job.backend) ?? 0) + 1);
        perWorkspace.set(workspaceKey(job), 1);
        this.#start(job, now);
      }
    }
  }

  #start(job: JobRow, now: number): void {
    const { store } = this.#o;
    store.transaction(() => {
      store.countAttempt(job.id);
      store.setCode(job.id, "initiated", MESSAGES.initiated, now);
    });
    this.#o.log("info", "job started", { job: job.id, action: job.action, rap_id: job.rap_id });
    const controller = new AbortController();
    const onStatus: StatusListener = (code, message) => {
      if (!this.#stopping && store.setCode(job.id, code, message, this.#o.now())) {
        this.#o.log("info", "job status", { job: job.id, action: job.action, rap_id: job.rap_id, code });
      }
    };
    const target: JobToRun = {
      jobId: job.id,
      action: job.action,
      backend: job.backend,
      workspace: job.workspace,
      repoUrl: job.repo_url,
      commit: job.commit_sha,
    };
    const done = this.#execute(target, controller.signal, onStatus).then((end) => {
      this.#running.delete(job.id);
      // On shutdown the job stays `running` in the store; the next start re-queues it.
      if (this.#stopping) return;
      // A cancelled job that the runner reports as anything but ended is cancelled all the same.
      const cancelled = controller.signal.aborted && !isCompletedState(stateOfStatusCode(end.code));
      const finalCode = cancelled ? "cancelled_by_user" : end.code;
      const message = cancelled ? MESSAGES.cancelled : end.message;
      if (store.setCode(job.id, finalCode, message, this.#o.now())) {
        this.#o.log("info", "job finished", {
          job: job.id,
          action: job.action,
          rap_id: job.rap_id,
          code: finalCode,
        });
      }
      // Handed back unfinished: try again a little later, not at once and in a loop.
      if (!isCompletedState(stateOfStatusCode(finalCode)))
        this.#retryAt.set(job.id, this.#o.now() + RETRY_DELAY_MS);
      this.kick();
    });
    this.#running.set(job.id, { controller, backend: job.backend, workspaceKey: workspaceKey(job), done });
  }

  async #execute(job: JobToRun, signal: AbortSignal, onStatus: StatusListener): Promise<JobEnd> {
    try {
      return await this.#o.executor.run(job, signal, onStatus);
    } catch (error) {
      this.#o.log("error", "job run failed unexpectedly", {
        job: job.jobId,
        error: (error as Error).message,
      });
      return { code: "internal_error", message: `Internal error: ${(error as Error).message}` };
    }
  }

  /** Stops the loop and the running jobs, leaving them `running` in the store for the next start. */
  async stop(): Promise<void> {
    this.#stopping = true;
    if (this.#timer) clearInterval(this.#timer);
    const running = [...this.#running.values()];
    for (const r of running) r.controller.abort("shutdown");
    await Promise.all(running.map((r) => r.done));
  }
}
