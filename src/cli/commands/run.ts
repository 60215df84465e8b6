// `trestle run [ACTIONS…|run_all]`: run actions on dummy data (DESIGN.md, "Contracts"). Progress while
// it runs (a live line per running job on a terminal, plain `action: message` lines otherwise), then
// a summary in the reference's layout, as JSON, or with GitHub workflow commands. Ctrl-C cancels the
// jobs, records what finished and still prints the summary.
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { type Command, Option } from "commander";
import {
  exitCodeFor,
  formatSummary,
  type JobResult,
  type JobSnapshot,
  parseDuration,
  parseMemory,
  type RunEvent,
  type RunOutcome,
  startRun,
} from "../../runner/index.ts";
import { EXIT_USAGE } from "../exit-codes.ts";
import { writeStderr, writeStdout } from "../write-output.ts";

const FORMATS = ["text", "json", "github"] as const;
type Format = (typeof FORMATS)[number];

interface RunFlags {
  project: string;
  forceRunDependencies?: boolean;
  continueOnError?: boolean;
  executor: "auto" | "local" | "docker";
  concurrency?: string;
  format: Format;
  timeout?: string;
  memory?: string;
  cpus?: string;
  keepWorkspaces?: boolean;
}

export function registerRun(program: Command): void {
  program
    .command("run")
    .description("Run actions (and the dependencies that are not up to date) on dummy data.")
    .argument("[actions...]", "action names, or run_all for every action")
    .option("--project <dir>", "the folder holding project.yaml", ".")
    .option("-f, --force-run-dependencies", "re-run dependencies even when they are up to date")
    .option("--continue-on-error", "keep running jobs that do not depend on a failed one")
    .addOption(
      new Option("--executor <executor>", "auto: docker when a daemon answers, else local")
        .choices(["auto", "local", "docker"])
        .default("auto"),
    )
    .option("--concurrency <n>", "jobs at once (default: the number of CPUs)")
    .addOption(new Option("--format <format>", "how to print the summary").choices(FORMATS).default("text"))
    .option("--timeout <duration>", "time limit per job, e.g. 90s, 30m, 2h (default 1h)")
    .option("--memory <size>", "memory limit per job, e.g. 512M, 4G (default 4G)")
    .option("--cpus <n>", "CPUs per job with the docker executor (default 2)")
    .option("--keep-workspaces", "keep each job's workspace under metadata/.trestle/work for debugging")
    .action(async (actions: string[], flags: RunFlags) => {
      process.exitCode = await run(actions, flags);
    });
}

function usage(message: string): number {
  writeStderr(`trestle run: ${message}\n`);
  return EXIT_USAGE;
}

export async function run(actions: readonly string[], flags: RunFlags): Promise<number> {
  const concurrency = flags.concurrency === undefined ? undefined : Number(flags.concurrency);
  if (
    concurrency !== undefined &&
    !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 1024)
  ) {
    return usage(`--concurrency must be a whole number from 1 to 1024, not '${flags.concurrency}'`);
  }
  const timeoutMs = flags.timeout === undefined ? undefined : parseDuration(flags.timeout);
  if (timeoutMs === null || (timeoutMs !== undefined && timeoutMs > 2 ** 31 - 1)) {
    return usage(`--timeout must be a duration such as 90s, 30m or 2h, not '${flags.timeout}'`);
  }
  const memoryBytes = flags.memory === undefined ? undefined : parseMemory(flags.memory);
  if (memoryBytes === null)
    return usage(`--memory must be a size of at least 6M such as 512M or 4G, not '${flags.memory}'`);
  const cpus = flags.cpus === undefined ? undefined : Number(flags.cpus);
  if (cpus !== undefined && !(Number.isFinite(cpus) && cpus > 0 && cpus <= 1024)) {
    return usage(`--cpus must be a number above 0, not '${flags.cpus}'`);
  }

  const projectDir = resolve(flags.project);
  // Workflow commands are read from stdout, so github progress goes there; text progress goes to
  // stderr, keeping stdout for the summary.
  const progress =
    flags.format === "json"
      ? null
      : createProgress(flags.format, flags.format === "github" ? process.stdout : process.stderr);
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
  let outcome: RunOutcome;
  try {
    const handle = startRun({
      projectDir,
      actions,
      forceRunDependencies: flags.forceRunDependencies === true,
      continueOnError: flags.continueOnError === true,
      executor: flags.executor,
      concurrency,
      limits: {
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
        ...(memoryBytes === undefined ? {} : { memoryBytes }),
        ...(cpus === undefined ? {} : { cpus }),
      },
      signal: controller.signal,
      keepWorkspaces: flags.keepWorkspaces === true,
      onEvent: (event) => progress?.event(event),
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

async function printOutcome(outcome: RunOutcome, format: Format, projectDir: string): Promise<void> {
  if (format === "json") {
    writeStdout(`${JSON.stringify({ ...outcome, exitCode: exitCodeFor(outcome) }, null, 2)}\n`);
    return;
  }
  if (format === "text") {
    writeStdout(`\n${formatSummary(outcome)}\n`);
    return;
  }
  // github: the summary with every job's whole log folded under it, and annotations for failures.
  const bold = (text: string) => `\u001b[1m${text}\u001b[0m`;
  writeStdout(`\n${formatSummary(outcome, { heading: bold })}\n`);
  if (outcome.kind !== "completed") {
    if (outcome.kind === "cannot_start")
      writeStdout(`::error title=trestle run::${escapeData(outcome.problem.message)}\n`);
    return;
  }
  for (const job of outcome.result.jobs) {
    if (job.logFile) {
      const log = await readFile(join(projectDir, job.logFile), "utf8").catch(() => "");
      writeStdout(`::group::log file: ${job.logFile}\n${log}::endgroup::\n`);
    }
    if (job.state === "failed" && job.statusCode !== "dependency_failed") {
      writeStdout(
        `::error title=${escapeProperty(`${job.action}: ${job.statusCode}`)}::${escapeData(job.statusMessage)}\n`,
      );
    }
    for (const warning of job.level4Warnings) {
      writeStdout(
        `::warning title=${escapeProperty(`${job.action}: level 4`)}::${escapeData(`${warning.path}: ${warning.message}`)}\n`,
      );
    }
  }
}

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// ---------------------------------------------------------------------------------------------------
// Progress

interface Progress {
  event(event: RunEvent): void;
  close(): void;
}

// Codes the reference leaves out of its progress lines: they change often and say little.
const QUIET_CODES = new Set([
  "created",
  "waiting_on_dependencies",
  "waiting_on_workers",
  "dependency_failed",
]);

function createProgress(format: Format, stream: NodeJS.WriteStream): Progress {
  const live = format === "text" && stream.isTTY === true && !process.env.CI;
  return live ? liveProgress(stream) : plainProgress(format, stream);
}

function header(event: Extract<RunEvent, { type: "run_started" }>): string {
  const lines = [`Executor: ${event.executor.name} (${event.executor.reason})`];
  for (const reused of event.plan.reused) lines.push(`${reused.action}: up to date, reusing its outputs`);
  lines.push("", `Running actions: ${event.plan.jobs.map((j) => j.action).join(", ")}`, "");
  return `${lines.join("\n")}\n`;
}

function plainProgress(format: Format, stream: NodeJS.WriteStream): Progress {
  let grouped = false;
  return {
    event(event) {
      if (event.type === "run_started") {
        stream.write(header(event));
        if (format === "github") {
          stream.write("::group::Job Runner Logs (click to view)\n");
          grouped = true;
        }
        for (const job of event.plan.jobs) stream.write(`${job.action}: will run because ${job.detail}\n`);
      } else if (event.type === "job_status" && !QUIET_CODES.has(event.job.statusCode)) {
        stream.write(`${event.job.action}: ${firstLine(event.job.statusMessage)}\n`);
      }
    },
    close() {
      if (grouped) stream.write("::endgroup::\n");
    },
  };
}

function firstLine(text: string): string {
  const line = text.split("\n")[0] ?? "";
  return text.includes("\n") ? `${line} …` : line;
}

/** One line per running job, redrawn in place; finished jobs are printed above it once. */
function liveProgress(stream: NodeJS.WriteStream): Progress {
  const running = new Map<string, { job: JobSnapshot; since: number; last: string }>();
  let drawn = 0;
  const width = () => Math.max((stream.columns || 100) - 1, 20);
  const clear = () => {
    if (drawn > 0) stream.write(`\u001b[${drawn}A\u001b[0J`);
    drawn = 0;
  };
  const draw = () => {
    clear();
    const lines = [...running.values()].map(({ job, since, last }) => {
      const seconds = ((Date.now() - since) / 1000).toFixed(0).padStart(4);
      const text = `  ${job.action}  ${job.statusCode}  ${seconds}s${last ? `  | ${last}` : ""}`;
      return text.length > width() ? `${text.slice(0, width() - 1)}…` : text;
    });
    if (lines.length > 0) stream.write(`${lines.join("\n")}\n`);
    drawn = lines.length;
  };
  const timer = setInterval(draw, 500);
  timer.unref();
  const finished = (result: JobResult) => {
    const mark = result.state === "succeeded" ? "ok  " : "FAIL";
    const seconds = (result.durationMs / 1000).toFixed(1);
    return `${mark} ${result.action} (${result.statusCode}, ${seconds}s)\n`;
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
          last: entry?.last ?? "",
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
    },
  };
}
