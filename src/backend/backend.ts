// Starts the reference backend: the store, the repository cache, the scheduler with its agent, and
// the HTTP server, all over one data folder.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { FastifyInstance, FastifyServerOptions } from "fastify";
import { RAP_BASE_PATH } from "../rap/index.ts";
import { type Executor, type ExecutorChoice, selectExecutor } from "../runner/index.ts";
import { lockDataDir } from "./data-lock.ts";
import { DEFAULT_MAX_WORKERS } from "./defaults.ts";
import { buildServer } from "./http/server.ts";
import { ProjectSource } from "./project-source.ts";
import { RepoCache } from "./repos.ts";
import { type JobExecutor, Scheduler } from "./scheduler.ts";
import { startCheckpointer } from "./store/checkpointer.ts";
import { openDatabase } from "./store/database.ts";
import { Store } from "./store/store.ts";
import type { TokenTable } from "./tokens.ts";
import { WorkspaceRunner } from "./workspace-runner.ts";

export interface BackendOptions {
  readonly dataDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Default 127.0.0.1: the backend runs code from repositories, so it is not exposed by default. */
  readonly host?: string;
  readonly tokens: TokenTable;
  /** Jobs a backend runs at once: one number for all, or per backend slug (others get the default). */
  readonly maxWorkers?: number | Readonly<Record<string, number>>;
  /** Accept commits that are on no branch (pull-request heads); for dummy-data backends. */
  readonly allowAnyCommit?: boolean;
  /** URL prefixes a request may name; empty allows any https://, http:// or file:// URL. */
  readonly allowedRepoPrefixes?: readonly string[];
  /** Default "local". */
  readonly executor?: ExecutorChoice | Executor;
  /** Replaces the agent (benchmarks hold jobs pending with an executor that never starts them). */
  readonly jobExecutor?: JobExecutor;
  /** False: plan and store jobs but never start them. */
  readonly runJobs?: boolean;
  readonly logger?: FastifyServerOptions["logger"];
  readonly gitTimeoutMs?: number;
  readonly now?: () => number;
}

export interface RunningBackend {
  /** e.g. `http://127.0.0.1:41234` */
  readonly url: string;
  /** The RAP API root, `<url>/controller/v1/`. */
  readonly apiUrl: string;
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly scheduler: Scheduler;
  close(): Promise<void>;
}

export class BackendStartError extends Error {
  override name = "BackendStartError";
}

export async function startBackend(options: BackendOptions): Promise<RunningBackend> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir);
  if (!lock.ok) throw new BackendStartError(lock.message);
  const cleanups: (() => unknown)[] = [lock.release];
  try {
    const now = options.now ?? Date.now;
    const dbPath = join(dataDir, "trestle.db");
    const db = openDatabase(dbPath);
    cleanups.unshift(() => db.close());
    const checkpointer = await startCheckpointer(db, dbPath);
    cleanups.unshift(() => checkpointer.stop());
    const store = new Store(db);
    const gitTimeoutMs = options.gitTimeoutMs ?? 10 * 60_000;
    const repos = new RepoCache(join(dataDir, "repos"), gitTimeoutMs);
    const projects = new ProjectSource(
      repos,
      store,
      {
        allowedPrefixes: options.allowedRepoPrefixes ?? [],
        allowAnyCommit: options.allowAnyCommit ?? false,
        timeoutMs: gitTimeoutMs,
      },
      now,
    );
    const workers = options.maxWorkers ?? DEFAULT_MAX_WORKERS;
    const maxWorkers = (backend: string) =>
      typeof workers === "number" ? workers : (workers[backend] ?? DEFAULT_MAX_WORKERS);

    // One executor for the backend's life: choosing one (finding python3, asking docker) costs time
    // that each job would otherwise pay again.
    let executor: Executor | undefined;
    if (options.jobExecutor === undefined && options.runJobs !== false) {
      const choice = options.executor ?? "local";
      if (typeof choice === "string") {
        const selected = await selectExecutor(choice);
        if ("problem" in selected) throw new BackendStartError(selected.problem);
        executor = selected.executor;
      } else executor = choice;
    }

    let scheduler: Scheduler | undefined;
    const app = buildServer(
      {
        logger: options.logger ?? { level: "info" },
        store,
        health: () => ({ jobs: store.activeCounts(), agent: options.runJobs !== false ? "on" : "off" }),
      },
      {
        store,
        projects,
        tokens: options.tokens,
        now,
        onJobsCreated: () => scheduler?.kick(),
        onCancelled: () => scheduler?.kick(),
        logError: (message, error) => app.log.error({ err: error }, message),
      },
    );
    scheduler = new Scheduler({
      store,
      executor: options.jobExecutor ?? new WorkspaceRunner({ dataDir, repos, executor: executor ?? "local" }),
      backends: options.tokens.allBackends,
      maxWorkers,
      now,
      log: (level, message, fields) => app.log[level](fields ?? {}, message),
    });
    if (options.runJobs !== false) scheduler.start();
    else scheduler.recover();
    const activeScheduler = scheduler;
    cleanups.unshift(() => activeScheduler.stop());

    await app.listen({ port: options.port, host: options.host ?? "127.0.0.1" });
    cleanups.unshift(() => app.close());
    const address = app.server.address();
    const port = typeof address === "object" && address !== null ? address.port : options.port;
    const host = options.host ?? "127.0.0.1";
    const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

    let closing: Promise<void> | undefined;
    return {
      url,
      apiUrl: `${url}${RAP_BASE_PATH}`,
      app,
      store,
      scheduler,
      close: () => {
        closing ??= runCleanups(cleanups);
        return closing;
      },
    };
  } catch (error) {
    await runCleanups(cleanups);
    if (error instanceof BackendStartError) throw error;
    throw new BackendStartError(`cannot start the backend: ${(error as Error).message}`, { cause: error });
  }
}

/** Closes in order: HTTP first (no new requests), then the scheduler, the database, the lock. */
async function runCleanups(cleanups: readonly (() => unknown)[]): Promise<void> {
  for (const cleanup of cleanups) {
    try {
      await cleanup();
    } catch {
      // Keep releasing the rest; a failed close must not keep the lock held.
    }
  }
}
