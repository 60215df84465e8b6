// Puts the App's job-request machinery together from its configuration: the SQLite store, one RAP
// client per backend, the service that submits and polls, and the links to job request pages.
import type { JobsRuntime } from "../commands/command-context.ts";
import { jobRequestUrl } from "../pages/page-route.ts";
import { BackendClients, type ClientTuning } from "./backend-clients.ts";
import type { JobsConfig } from "./config.ts";
import type { Db } from "./database.ts";
import { JobRequestService, type ServiceLog } from "./service.ts";
import { JobRequestStore } from "./store.ts";

export interface JobsRuntimeOptions {
  readonly config: JobsConfig;
  readonly db: Db;
  /** Where users reach the App when TRESTLE_PUBLIC_URL is not set (the server's own address). */
  readonly fallbackUrl?: () => string | null;
  readonly log?: ServiceLog;
  readonly clientTuning?: ClientTuning;
  readonly now?: () => number;
}

export function createJobsRuntime(options: JobsRuntimeOptions): JobsRuntime {
  const now = options.now ?? Date.now;
  const store = new JobRequestStore(options.db, now);
  const service = new JobRequestService({
    store,
    clients: new BackendClients(options.config.backends, options.clientTuning),
    pollIntervalMs: options.config.pollIntervalMs,
    now,
    ...(options.log === undefined ? {} : { log: options.log }),
  });
  return {
    service,
    config: options.config,
    pageUrl: (id) => {
      const base = options.config.publicUrl ?? options.fallbackUrl?.() ?? null;
      return base === null ? null : jobRequestUrl(base, id);
    },
  };
}
