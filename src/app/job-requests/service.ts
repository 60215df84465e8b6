// The App's side of job requests over time: submitting (and re-submitting while a backend is down),
// polling active requests, and showing each change on GitHub through a publisher. One round at a
// time; state lives in SQLite, so a restarted App picks up where the last one stopped: requests
// still waiting are submitted, active ones polled, and changes GitHub has not seen are published.
import { KeyedQueue } from "../keyed-queue.ts";
import type { BackendClients } from "./backend-clients.ts";
import { type CancelOutcome, cancelJobRequest } from "./cancel.ts";
import type { JobRecord, JobRequest } from "./job-request.ts";
import { pollJobRequests } from "./poll.ts";
import type { JobRequestStore } from "./store.ts";
import { type SubmitOutcome, submitJobRequest } from "./submit.ts";

export interface PublishOptions {
  /**
   * Also bring the pull request's comment up to date. A command handler, which already holds the pull
   * request's turn and updates the comment itself, passes false.
   */
  readonly comment: boolean;
}

export interface Publisher {
  /**
   * Shows the request's state on its commit (the check run) and tells the requester how its
   * submission ended. Throws when GitHub could not be updated (it is tried again next round).
   */
  publish(request: JobRequest, jobs: readonly JobRecord[]): Promise<void>;
  /** Brings the pull request's comment up to date with its job requests. */
  refreshComment(request: JobRequest): Promise<void>;
}

export type ServiceLog = (
  level: "info" | "warn" | "error",
  fields: Record<string, unknown>,
  message: string,
) => void;

export interface JobRequestServiceOptions {
  readonly store: JobRequestStore;
  readonly clients: BackendClients;
  readonly pollIntervalMs: number;
  readonly now?: () => number;
  readonly log?: ServiceLog;
}

export class JobRequestService {
  readonly store: JobRequestStore;
  readonly clients: BackendClients;
  readonly #interval: number;
  readonly #now: () => number;
  readonly #log: ServiceLog;
  readonly #publishing = new KeyedQueue();
  #publisher: Publisher | null = null;
  #timer: NodeJS.Timeout | null = null;
  #round: Promise<void> | null = null;
  #again = false;
  #running = false;

  constructor(options: JobRequestServiceOptions) {
    this.store = options.store;
    this.clients = options.clients;
    this.#interval = options.pollIntervalMs;
    this.#now = options.now ?? Date.now;
    this.#log = options.log ?? (() => undefined);
  }

  /** The App sets this once it can reach GitHub; until then nothing is published. */
  setPublisher(publisher: Publisher): void {
    this.#publisher = publisher;
  }

  submit(request: JobRequest): Promise<SubmitOutcome> {
    return submitJobRequest(
      {
        store: this.store,
        client: this.clients.get(request.backend),
        now: this.#now,
        retryBaseMs: this.#interval,
      },
      request,
    );
  }

  async cancel(request: JobRequest, actions: readonly string[] | null): Promise<CancelOutcome> {
    const outcome = await cancelJobRequest(this.store, this.clients, request, actions);
    // The backend marks cancelled jobs failed on its next loop; look again soon.
    if (outcome.kind === "cancelled") this.kick();
    return outcome;
  }

  /**
   * Shows one request's latest state on GitHub now, if GitHub does not show it yet. The comment is
   * refreshed after the request's own turn ends: waiting for the pull request's turn while holding
   * the request's could deadlock with a command that holds the first and publishes the request.
   */
  async publish(id: string, options: PublishOptions = { comment: true }): Promise<void> {
    const publisher = this.#publisher;
    if (publisher === null) return;
    const published = await this.#publishing.run(id, async () => {
      const request = this.store.get(id);
      if (request === undefined || request.publishedVersion >= request.version) return null;
      await publisher.publish(request, this.store.jobs(id));
      this.store.markPublished(id, request.version);
      return request;
    });
    if (published !== null && options.comment && published.pullNumber !== null) {
      await publisher.refreshComment(published);
    }
  }

  /** One round: submit what is due, poll what is active, publish what changed. */
  async runOnce(): Promise<void> {
    for (const request of this.store.dueForSubmission()) {
      const outcome = await this.submit(request);
      this.#log(
        outcome.kind === "retrying" ? "warn" : "info",
        { jobRequest: request.id, backend: request.backend, outcome: outcome.kind },
        "job request submitted again",
      );
    }
    const polled = await pollJobRequests(this.store, this.clients);
    for (const [backend, problem] of polled.unreachable) {
      this.#log("warn", { backend, problem }, "backend could not be polled; it is asked again next round");
    }
    for (const request of this.store.unpublished()) {
      try {
        await this.publish(request.id);
      } catch (error) {
        this.#log(
          "warn",
          { jobRequest: request.id, error: error instanceof Error ? error.message : String(error) },
          "job request could not be shown on GitHub; it is tried again next round",
        );
      }
    }
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#schedule(0);
  }

  /** Runs a round as soon as the current one (if any) ends. */
  kick(): void {
    if (!this.#running) return;
    if (this.#round !== null) {
      this.#again = true;
      return;
    }
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#running = false;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#round;
  }

  #schedule(delay: number): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#round = this.runOnce()
        .catch((error: unknown) => {
          this.#log(
            "error",
            { error: error instanceof Error ? error.message : String(error) },
            "poll round failed",
          );
        })
        .finally(() => {
          this.#round = null;
          if (!this.#running) return;
          const again = this.#again;
          this.#again = false;
          this.#schedule(again ? 0 : this.#interval);
        });
    }, delay);
    // The App's HTTP server keeps the process alive; the poller alone should not.
    this.#timer.unref();
  }
}
