// `trestle backend serve --data DIR --port N`: the reference RAP API backend. Tokens come from
// TRESTLE_RAP_TOKENS ("TOKEN:backend[,backend…];TOKEN2:…"). It serves until SIGINT or SIGTERM, then
// stops its jobs (they run again on the next start) and exits 0; it exits 2 when it cannot start.
// The backend itself (fastify, SQLite, the runner) is loaded only when the command runs, so that
// `trestle --help` and `trestle --version`, which register every command, do not wait for it.
import type { Command } from "commander";
import { DEFAULT_MAX_WORKERS } from "../../backend/defaults.ts";

export interface BackendServeFlags {
  data?: string;
  port?: string;
  host?: string;
  maxWorkers?: string;
  workers?: string[];
  allowAnyCommit?: boolean;
  allowRepo?: string[];
  executor?: string;
  logLevel?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
export const EXECUTORS = ["local", "docker", "auto"] as const;
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export function registerBackend(program: Command): void {
  const backend = program
    .command("backend")
    .description("The reference RAP API backend: plans job requests and runs them on dummy data.");
  backend
    .command("serve")
    .description(
      "Serve the RAP API under /controller/v1/ with its state in DIR. Tokens come from " +
        'TRESTLE_RAP_TOKENS="TOKEN:backend[,backend…];TOKEN2:…".',
    )
    .requiredOption("--data <dir>", "data folder: database, repository cache, workspaces")
    .option("--port <n>", "port to listen on (0 picks a free one)", "8000")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--max-workers <n>", `jobs each backend runs at once (default ${DEFAULT_MAX_WORKERS})`)
    .option("--workers <backend=n>", "jobs one backend runs at once (repeatable)", collect)
    .option("--allow-any-commit", "accept commits that are on no branch, such as pull-request heads")
    .option("--allow-repo <prefix>", "only accept repository URLs starting with this (repeatable)", collect)
    .option("--executor <name>", "how jobs run: local, docker or auto", "local")
    .option("--log-level <level>", "fatal, error, warn, info, debug, trace or silent", "info")
    .action(async (flags: BackendServeFlags) => {
      const { serveBackend } = await import("./backend-serve.ts");
      process.exitCode = await serveBackend(flags, process.env);
    });
}
