// Event-driven scheduling over the plan: a job starts the moment its last dependency succeeds and a
// worker is free; nothing polls. A failure ends its dependents as `dependency_failed`; without
// `continueOnError` no new job starts after the first failure, and running ones finish.
import { MESSAGE_CANCELLED, MESSAGE_DEPENDENCY_FAILED, STATUS_MESSAGES } from "./status.ts";
import type { JobResult, PlannedJob } from "./types.ts";

export interface SchedulerOptions {
  readonly jobs: readonly PlannedJob[];
  readonly concurrency: number;
  readonly continueOnError: boolean;
  /** Runs one job; must resolve (never reject) with its result. */
  /**
   * Runs one job; must resolve (never reject) with its result. It calls `release` when its process has
   * ended: recording results needs no worker, so the next job may start while it finishes.
   */
  readonly start: (action: string, signal: AbortSignal, release: () => void) => Promise<JobResult>;
  /** The result of a job that ends without running. */
  readonly endWithout: (
    action: string,
    code: "dependency_failed" | "cancelled_by_user",
    message: string,
  ) => JobResult;
  readonly onPending: (
    action: string,
    code: "created" | "waiting_on_dependencies" | "waiting_on_workers",
    message: string,
  ) => void;
  readonly onFinished: (result: JobResult) => void;
}

export interface ScheduleResult {
  readonly results: readonly JobResult[];
  readonly notStarted: readonly string[];
}

export class Scheduler {
  readonly #options: SchedulerOptions;
  readonly #index = new Map<string, number>();
  readonly #remaining = new Map<string, number>();
  readonly #dependents = new Map<string, string[]>();
  readonly #ready: string[] = [];
  readonly #running = new Map<string, AbortController>();
  /** Running jobs that still hold a worker (their process has not ended). */
  readonly #holding = new Set<string>();
  readonly #finished = new Map<string, JobResult>();
  readonly #results: JobResult[] = [];
  #stopped = false;
  #settle: (() => void) | null = null;

  constructor(options: SchedulerOptions) {
    this.#options = options;
    options.jobs.forEach((job, i) => {
      this.#index.set(job.action, i);
      this.#dependents.set(job.action, []);
    });
    for (const job of options.jobs) {
      const waits = job.waitsFor.filter((w) => this.#index.has(w));
      this.#remaining.set(job.action, waits.length);
      for (const w of waits) this.#dependents.get(w)!.push(job.action);
    }
  }

  run(): Promise<ScheduleResult> {
    const finished = new Promise<void>((resolve) => {
      this.#settle = resolve;
    });
    for (const job of this.#options.jobs)
      this.#options.onPending(job.action, "created", STATUS_MESSAGES.created);
    for (const job of this.#options.jobs) {
      if (this.#remaining.get(job.action)! > 0) {
        this.#options.onPending(
          job.action,
          "waiting_on_dependencies",
          STATUS_MESSAGES.waiting_on_dependencies,
        );
      } else this.#ready.push(job.action);
    }
    this.#pump();
    return finished.then(() => ({
      results: this.#results,
      notStarted: this.#options.jobs.map((j) => j.action).filter((a) => !this.#finished.has(a)),
    }));
  }

  /** Cancels the named jobs (every job when omitted). */
  cancel(actions?: readonly string[]): void {
    const all = actions === undefined;
    if (all) this.#stopped = true;
    const targets = all ? this.#options.jobs.map((j) => j.action) : actions.filter((a) => this.#index.has(a));
    for (const action of targets) {
      if (this.#finished.has(action)) continue;
      const running = this.#running.get(action);
      if (running) {
        if (!running.signal.aborted) running.abort("cancelled");
        continue;
      }
      const at = this.#ready.indexOf(action);
      if (at >= 0) this.#ready.splice(at, 1);
      this.#end(this.#options.endWithout(action, "cancelled_by_user", MESSAGE_CANCELLED));
    }
    this.#pump();
  }

  #pump(): void {
    while (!this.#stopped && this.#ready.length > 0 && this.#holding.size < this.#options.concurrency) {
      const action = this.#ready.shift()!;
      const controller = new AbortController();
      this.#running.set(action, controller);
      this.#holding.add(action);
      const release = () => {
        if (this.#holding.delete(action)) this.#pump();
      };
      void this.#options.start(action, controller.signal, release).then((result) => {
        this.#running.delete(action);
        this.#holding.delete(action);
        this.#end(result);
        this.#pump();
      });
    }
    if (!this.#stopped) {
      for (const action of this.#ready) {
        this.#options.onPending(action, "waiting_on_workers", STATUS_MESSAGES.waiting_on_workers);
      }
    }
    if (this.#running.size === 0 && (this.#stopped || this.#ready.length === 0)) this.#settle?.();
  }

  #end(result: JobResult): void {
    if (this.#finished.has(result.action)) return;
    this.#finished.set(result.action, result);
    this.#results.push(result);
    this.#options.onFinished(result);
    if (result.state === "succeeded") {
      for (const dependent of this.#dependents.get(result.action) ?? []) {
        const left = this.#remaining.get(dependent)! - 1;
        this.#remaining.set(dependent, left);
        if (left === 0 && !this.#finished.has(dependent)) this.#insertReady(dependent);
      }
      return;
    }
    if (result.statusCode === "internal_error") this.#stopped = true;
    if (
      !this.#options.continueOnError &&
      result.statusCode !== "cancelled_by_user" &&
      result.statusCode !== "dependency_failed"
    ) {
      this.#stopped = true;
    }
    for (const dependent of this.#dependents.get(result.action) ?? []) {
      if (!this.#finished.has(dependent) && !this.#running.has(dependent)) {
        this.#end(this.#options.endWithout(dependent, "dependency_failed", MESSAGE_DEPENDENCY_FAILED));
      }
    }
  }

  #insertReady(action: string): void {
    const index = this.#index.get(action)!;
    let at = this.#ready.length;
    while (at > 0 && this.#index.get(this.#ready[at - 1]!)! > index) at--;
    this.#ready.splice(at, 0, action);
  }
}
