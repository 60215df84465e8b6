// Runs the GitHub App for `trestle app` (commands/app.ts defines the command): reads its settings
// from the environment, opens the job-request store when one is configured, serves until SIGINT or
// SIGTERM, then finishes the deliveries in progress.
import type { Probot } from "probot";
import { appConfigFromEnv } from "../../app/app-env.ts";
import type { JobsRuntime } from "../../app/commands/command-context.ts";
import { trestleApp } from "../../app/index.ts";
import { type JobsConfig, jobsConfigFromEnv } from "../../app/job-requests/config.ts";
import { type Db, openAppDatabase } from "../../app/job-requests/database.ts";
import { createJobsRuntime } from "../../app/job-requests/runtime.ts";
import { servePage } from "../../app/pages/page-route.ts";
import { startAppServer } from "../../app/server.ts";
import { SqliteStore } from "../../app/store/sqlite-store.ts";
import { EXIT_OK, EXIT_USAGE } from "../exit-codes.ts";
import { untilStopSignal } from "../stop-signal.ts";
import { writeStderr } from "../write-output.ts";
import type { AppFlags } from "./app.ts";

export async function runApp(flags: AppFlags, env: NodeJS.ProcessEnv): Promise<number> {
  const merged = {
    ...env,
    ...(flags.port === undefined ? {} : { PORT: flags.port }),
    ...(flags.host === undefined ? {} : { HOST: flags.host }),
  };
  const configured = await appConfigFromEnv(merged);
  if (!configured.ok) {
    writeStderr(`trestle app: cannot start:\n${configured.problems.map((p) => `  - ${p}\n`).join("")}`);
    return EXIT_USAGE;
  }
  const { config } = configured;
  const jobsConfig = jobsConfigFromEnv(merged);
  if (!jobsConfig.ok) {
    writeStderr(`trestle app: cannot start:\n${jobsConfig.problems.map((p) => `  - ${p}\n`).join("")}`);
    return EXIT_USAGE;
  }
  const jobs = openJobs(jobsConfig.config, config.probot);
  if (!jobs.ok) {
    writeStderr(`trestle app: cannot start: ${jobs.problem}\n`);
    return EXIT_USAGE;
  }
  let server: Awaited<ReturnType<typeof startAppServer>>;
  try {
    server = await startAppServer({
      probot: config.probot,
      app: trestleApp({
        appId: config.appId,
        ...(jobs.db === null ? {} : { store: new SqliteStore(jobs.db) }),
        ...(jobs.runtime === null ? {} : { jobs: jobs.runtime }),
      }),
      port: config.port,
      host: config.host,
      webhookPath: config.webhookPath,
      ...(jobs.runtime === null
        ? {}
        : { routes: (req, res) => servePage({ store: jobs.runtime!.service.store }, req, res) }),
    });
  } catch (error) {
    jobs.db?.close();
    writeStderr(`trestle app: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
  jobs.serverUrl = server.url;
  jobs.runtime?.service.start();
  writeStderr(`trestle app: listening on ${server.url} (webhooks: ${server.webhookUrl})\n`);
  if (jobs.runtime !== null) {
    const slugs = jobsConfig.config.backends.map((b) => b.slug).join(", ") || "none";
    writeStderr(`trestle app: job requests kept in ${jobsConfig.config.databasePath}; backends: ${slugs}\n`);
    if (jobsConfig.config.publicUrl === null) {
      writeStderr(
        `trestle app: TRESTLE_PUBLIC_URL is not set; job request pages are linked at ${server.url}\n`,
      );
    }
  }
  const signal = await untilStopSignal();
  writeStderr(`trestle app: ${signal} received, finishing deliveries in progress\n`);
  await jobs.runtime?.service.stop();
  await server.close();
  jobs.db?.close();
  return EXIT_OK;
}

interface OpenedJobs {
  readonly ok: true;
  readonly db: Db | null;
  readonly runtime: JobsRuntime | null;
  /** Set once the server listens: page links use it when TRESTLE_PUBLIC_URL is not set. */
  serverUrl: string | null;
}

/** The SQLite store and job-request runtime, when a database is configured (or implied by backends). */
function openJobs(
  config: JobsConfig,
  probot: Probot,
): OpenedJobs | { readonly ok: false; readonly problem: string } {
  if (config.databasePath === null) return { ok: true, db: null, runtime: null, serverUrl: null };
  let db: Db;
  try {
    db = openAppDatabase(config.databasePath);
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
  const holder: { serverUrl: string | null } = { serverUrl: null };
  const runtime = createJobsRuntime({
    config,
    db,
    fallbackUrl: () => holder.serverUrl,
    log: (level, fields, message) => probot.log[level](fields, message),
  });
  return {
    ok: true,
    db,
    runtime,
    get serverUrl() {
      return holder.serverUrl;
    },
    set serverUrl(url: string | null) {
      holder.serverUrl = url;
    },
  };
}
