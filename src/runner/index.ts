// The runner's public API: plan a request against a project folder, run it on dummy data with an
// executor, observe status changes, cancel, and read the results. Host-free: hosts pass in a signal,
// an event callback and options; nothing here imports @actions/* or probot.
//
//   const handle = startRun({ projectDir, actions: ["run_all"], onEvent: (e) => ... });
//   handle.cancel(["slow_action"]);          // or abort `signal`
//   const outcome = await handle.done;       // completed | nothing_to_do | cannot_start
//   process.exitCode = exitCodeFor(outcome); // 0, 1 or 2 as DESIGN.md says
//
// See docs/runner.md.

export { createDockerExecutor, type DockerExecutorOptions, dockerImage } from "./executors/docker.ts";
export { type DockerCli, type DockerCommandResult, spawnDocker } from "./executors/docker-cli.ts";
export { createLocalExecutor, type LocalExecutorOptions } from "./executors/local.ts";
export { type DockerStatus, detectDocker, selectExecutor } from "./executors/select.ts";
export { createStubExecutor, type StubBehaviour } from "./executors/stub.ts";
export { DEFAULT_LIMITS, parseDuration, parseMemory } from "./limits.ts";
export { planRun } from "./plan.ts";
export { exitCodeFor, runProject, startRun } from "./run.ts";
export { LOCK_FILE, STATE_DIR, statePaths, WORK_DIR } from "./state/paths.ts";
export { processAlive } from "./state/process-alive.ts";
export * from "./status.ts";
export { formatJobBlock, formatProblem, formatSummary, formatTally, summaryOrder } from "./summary.ts";
export type * from "./types.ts";
