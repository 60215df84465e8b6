#!/usr/bin/env node

// src/backend/defaults.ts
var DEFAULT_MAX_WORKERS = 2;

// src/cli/commands/backend.ts
var collect = (value, previous = []) => [...previous, value];
var EXECUTORS = ["local", "docker", "auto"];
var LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
function registerBackend(program) {
  const backend = program.command("backend").description("The reference RAP API backend: plans job requests and runs them on dummy data.");
  backend.command("serve").description(
    'Serve the RAP API under /controller/v1/ with its state in DIR. Tokens come from TRESTLE_RAP_TOKENS="TOKEN:backend[,backend\u2026];TOKEN2:\u2026".'
  ).requiredOption("--data <dir>", "data folder: database, repository cache, workspaces").option("--port <n>", "port to listen on (0 picks a free one)", "8000").option("--host <host>", "address to listen on", "127.0.0.1").option("--max-workers <n>", `jobs each backend runs at once (default ${DEFAULT_MAX_WORKERS})`).option("--workers <backend=n>", "jobs one backend runs at once (repeatable)", collect).option("--allow-any-commit", "accept commits that are on no branch, such as pull-request heads").option("--allow-repo <prefix>", "only accept repository URLs starting with this (repeatable)", collect).option("--executor <name>", "how jobs run: local, docker or auto", "local").option("--log-level <level>", "fatal, error, warn, info, debug, trace or silent", "info").action(async (flags) => {
    const { serveBackend } = await import("./backend-serve-L3LTU5IM.js");
    process.exitCode = await serveBackend(flags, process.env);
  });
}

export {
  DEFAULT_MAX_WORKERS,
  EXECUTORS,
  LOG_LEVELS,
  registerBackend
};
