#!/usr/bin/env node
import {
  exitCodeFor,
  formatSummary,
  parseDuration,
  parseMemory,
  startRun
} from "./chunk-6BBD7AXQ.js";
import {
  writeStderr,
  writeStdout
} from "./chunk-RPOEXDFF.js";
import {
  EXIT_USAGE
} from "./chunk-LRK5QGZ7.js";

// src/cli/commands/run.ts
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Option } from "commander";
var FORMATS = ["text", "json", "github"];
function registerRun(program) {
  program.command("run").description("Run actions (and the dependencies that are not up to date) on dummy data.").argument("[actions...]", "action names, or run_all for every action").option("--project <dir>", "the folder holding project.yaml", ".").option("-f, --force-run-dependencies", "re-run dependencies even when they are up to date").option("--continue-on-error", "keep running jobs that do not depend on a failed one").addOption(
    new Option("--executor <executor>", "auto: docker when a daemon answers, else local").choices(["auto", "local", "docker"]).default("auto")
  ).option("--concurrency <n>", "jobs at once (default: the number of CPUs)").addOption(new Option("--format <format>", "how to print the summary").choices(FORMATS).default("text")).option("--timeout <duration>", "time limit per job, e.g. 90s, 30m, 2h (default 1h)").option("--memory <size>", "memory limit per job, e.g. 512M, 4G (default 4G)").option("--cpus <n>", "CPUs per job with the docker executor (default 2)").option("--keep-workspaces", "keep each job's workspace under metadata/.trestle/work for debugging").action(async (actions, flags) => {
    process.exitCode = await run(actions, flags);
  });
}
function usage(message) {
  writeStderr(`trestle run: ${message}
`);
  return EXIT_USAGE;
}
async function run(actions, flags) {
  const concurrency = flags.concurrency === void 0 ? void 0 : Number(flags.concurrency);
  if (concurrency !== void 0 && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 1024)) {
    return usage(`--concurrency must be a whole number from 1 to 1024, not '${flags.concurrency}'`);
  }
  const timeoutMs = flags.timeout === void 0 ? void 0 : parseDuration(flags.timeout);
  if (timeoutMs === null || timeoutMs !== void 0 && timeoutMs > 2 ** 31 - 1) {
    return usage(`--timeout must be a duration such as 90s, 30m or 2h, not '${flags.timeout}'`);
  }
  const memoryBytes = flags.memory === void 0 ? void 0 : parseMemory(flags.memory);
  if (memoryBytes === null)
    return usage(`--memory must be a size of at least 6M such as 512M or 4G, not '${flags.memory}'`);
  const cpus = flags.cpus === void 0 ? void 0 : Number(flags.cpus);
  if (cpus !== void 0 && !(Number.isFinite(cpus) && cpus > 0 && cpus <= 1024)) {
    return usage(`--cpus must be a number above 0, not '${flags.cpus}'`);
  }
  const projectDir = resolve(flags.project);
  const progress = flags.format === "json" ? null : createProgress(flags.format, flags.format === "github" ? process.stdout : process.stderr);
  const controller = new AbortController();
  let interrupts = 0;
  const onInterrupt = () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    writeStderr("\nStopping: cancelling running jobs (press Ctrl-C again to quit at once)\n");
    controller.abort();
  };
  process.on("SIGINT", onInterrupt);
  process.on("SIGTERM", onInterrupt);
  let outcome;
  try {
    const handle = startRun({
      projectDir,
      actions,
      forceRunDependencies: flags.forceRunDependencies === true,
      continueOnError: flags.continueOnError === true,
      executor: flags.executor,
      concurrency,
      limits: {
        ...timeoutMs === void 0 ? {} : { timeoutMs },
        ...memoryBytes === void 0 ? {} : { memoryBytes },
        ...cpus === void 0 ? {} : { cpus }
      },
      signal: controller.signal,
      keepWorkspaces: flags.keepWorkspaces === true,
      onEvent: (event) => progress?.event(event)
    });
    outcome = await handle.done;
  } finally {
    progress?.close();
    process.off("SIGINT", onInterrupt);
    process.off("SIGTERM", onInterrupt);
  }
  await printOutcome(outcome, flags.format, projectDir);
  return exitCodeFor(outcome);
}
async function printOutcome(outcome, format, projectDir) {
  if (format === "json") {
    writeStdout(`${JSON.stringify({ ...outcome, exitCode: exitCodeFor(outcome) }, null, 2)}
`);
    return;
  }
  if (format === "text") {
    writeStdout(`
${formatSummary(outcome)}
`);
    return;
  }
  const bold = (text) => `\x1B[1m${text}\x1B[0m`;
  writeStdout(`
${formatSummary(outcome, { heading: bold })}
`);
  if (outcome.kind !== "completed") {
    if (outcome.kind === "cannot_start")
      writeStdout(`::error title=trestle run::${escapeData(outcome.problem.message)}
`);
    return;
  }
  for (const job of outcome.result.jobs) {
    if (job.logFile) {
      const log = await readFile(join(projectDir, job.logFile), "utf8").catch(() => "");
      writeStdout(`::group::log file: ${job.logFile}
${log}::endgroup::
`);
    }
    if (job.state === "failed" && job.statusCode !== "dependency_failed") {
      writeStdout(
        `::error title=${escapeProperty(`${job.action}: ${job.statusCode}`)}::${escapeData(job.statusMessage)}
`
      );
    }
    for (const warning of job.level4Warnings) {
      writeStdout(
        `::warning title=${escapeProperty(`${job.action}: level 4`)}::${escapeData(`${warning.path}: ${warning.message}`)}
`
      );
    }
  }
}
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
var QUIET_CODES = /* @__PURE__ */ new Set([
  "created",
  "waiting_on_dependencies",
  "waiting_on_workers",
  "dependency_failed"
]);
function createProgress(format, stream) {
  const live = format === "text" && stream.isTTY === true && !process.env.CI;
  return live ? liveProgress(stream) : plainProgress(format, stream);
}
function header(event) {
  const lines = [`Executor: ${event.executor.name} (${event.executor.reason})`];
  for (const reused of event.plan.reused) lines.push(`${reused.action}: up to date, reusing its outputs`);
  lines.push("", `Running actions: ${event.plan.jobs.map((j) => j.action).join(", ")}`, "");
  return `${lines.join("\n")}
`;
}
function plainProgress(format, stream) {
  let grouped = false;
  return {
    event(event) {
      if (event.type === "run_started") {
        stream.write(header(event));
        if (format === "github") {
          stream.write("::group::Job Runner Logs (click to view)\n");
          grouped = true;
        }
        for (const job of event.plan.jobs) stream.write(`${job.action}: will run because ${job.detail}
`);
      } else if (event.type === "job_status" && !QUIET_CODES.has(event.job.statusCode)) {
        stream.write(`${event.job.action}: ${firstLine(event.job.statusMessage)}
`);
      }
    },
    close() {
      if (grouped) stream.write("::endgroup::\n");
    }
  };
}
function firstLine(text) {
  const line = text.split("\n")[0] ?? "";
  return text.includes("\n") ? `${line} \u2026` : line;
}
function liveProgress(stream) {
  const running = /* @__PURE__ */ new Map();
  let drawn = 0;
  const width = () => Math.max((stream.columns || 100) - 1, 20);
  const clear = () => {
    if (drawn > 0) stream.write(`\x1B[${drawn}A\x1B[0J`);
    drawn = 0;
  };
  const draw = () => {
    clear();
    const lines = [...running.values()].map(({ job, since, last }) => {
      const seconds = ((Date.now() - since) / 1e3).toFixed(0).padStart(4);
      const text = `  ${job.action}  ${job.statusCode}  ${seconds}s${last ? `  | ${last}` : ""}`;
      return text.length > width() ? `${text.slice(0, width() - 1)}\u2026` : text;
    });
    if (lines.length > 0) stream.write(`${lines.join("\n")}
`);
    drawn = lines.length;
  };
  const timer = setInterval(draw, 500);
  timer.unref();
  const finished = (result) => {
    const mark = result.state === "succeeded" ? "ok  " : "FAIL";
    const seconds = (result.durationMs / 1e3).toFixed(1);
    return `${mark} ${result.action} (${result.statusCode}, ${seconds}s)
`;
  };
  return {
    event(event) {
      if (event.type === "run_started") {
        clear();
        stream.write(header(event));
      } else if (event.type === "job_status" && event.job.state === "running") {
        const entry = running.get(event.job.action);
        running.set(event.job.action, {
          job: event.job,
          since: entry?.since ?? Date.now(),
          last: entry?.last ?? ""
        });
        draw();
      } else if (event.type === "job_output") {
        const entry = running.get(event.action);
        if (entry) entry.last = event.line;
      } else if (event.type === "job_finished") {
        running.delete(event.result.action);
        clear();
        stream.write(finished(event.result));
        draw();
      }
    },
    close() {
      clearInterval(timer);
      clear();
    }
  };
}
export {
  registerRun,
  run
};
