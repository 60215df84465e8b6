// The text people read after a run, in the reference's layout (spec/local-run.md §2.9): one block per
// finished job (successes first by start time, failures last, dependency failures left out), then a
// one-line tally. Pure functions, shared by the CLI and any host that prints a summary.

import { RUN_ALL } from "../pipeline/index.ts";
import { tabulate } from "./job-log.ts";
import type { JobResult, RunOutcome, RunResult, StartProblem } from "./types.ts";

export function summaryOrder(jobs: readonly JobResult[]): JobResult[] {
  const byStart = (a: JobResult, b: JobResult) => (a.startedAt ?? "").localeCompare(b.startedAt ?? "");
  const shown = jobs.filter((j) => j.statusCode !== "dependency_failed");
  return [
    ...shown.filter((j) => j.state === "succeeded").sort(byStart),
    ...shown.filter((j) => j.state !== "succeeded").sort(byStart),
  ];
}

function indent(text: string, by: string): string {
  return text
    .split("\n")
    .map((line) => `${by}${line}`)
    .join("\n");
}

export function formatJobBlock(job: JobResult, options: { heading?: (text: string) => string } = {}): string {
  const heading = options.heading ?? ((t: string) => t);
  const lines = [heading(`=> ${job.action}`), indent(job.statusMessage, "   ")];
  if (job.hint) lines.push(indent(job.hint, "   "));
  if (job.logFile) lines.push("", `   log file: ${job.logFile}`);
  lines.push("   outputs:");
  lines.push(
    tabulate(
      job.outputs.map((o) => [o.path, o.privacy] as const),
      5,
      "(no outputs)",
    ),
  );
  if (job.level4Warnings.length > 0) {
    lines.push("   invalid moderately_sensitive outputs:");
    lines.push(
      tabulate(
        job.level4Warnings.map((w) => [w.path, w.message] as const),
        5,
      ),
    );
  }
  if (job.statusCode === "nonzero_exit" && job.logTail.length > 0) {
    lines.push("", job.logTailTruncated ? "   logs (truncated):" : "   logs:");
    lines.push(...job.logTail.map((l) => `     ${l}`));
  }
  return lines.join("\n");
}

export function formatTally(result: RunResult): string {
  const count = (n: number, what: string) => `${n} ${what}`;
  const succeeded = result.jobs.filter((j) => j.state === "succeeded").length;
  const depFailed = result.jobs.filter((j) => j.statusCode === "dependency_failed").length;
  const cancelled = result.jobs.filter((j) => j.statusCode === "cancelled_by_user").length;
  const failed = result.jobs.length - succeeded - depFailed - cancelled;
  const parts = [count(succeeded, "succeeded"), count(failed, "failed")];
  if (depFailed > 0) parts.push(count(depFailed, "not run (dependency failed)"));
  if (cancelled > 0) parts.push(count(cancelled, "cancelled"));
  if (result.notStarted.length > 0) parts.push(count(result.notStarted.length, "not started"));
  if (result.reused.length > 0) parts.push(count(result.reused.length, "up to date"));
  return `=> ${parts.join(", ")} in ${(result.durationMs / 1000).toFixed(1)}s`;
}

const HEADERS: Record<StartProblem["code"], string> = {
  no_actions: "JobRequestError",
  no_project: "ProjectValidationError",
  invalid_project: "ProjectValidationError",
  unknown_actions: "UnknownActionError",
  executor_unavailable: "ExecutorError",
  project_busy: "ProjectBusyError",
  bad_option: "UsageError",
  start_failed: "RunnerError",
};

export function formatProblem(problem: StartProblem): string {
  const lines = [`=> ${HEADERS[problem.code]}`, indent(problem.message, "   ")];
  if (problem.code === "unknown_actions") {
    lines.push("", "   Valid action names are:");
    for (const name of problem.valid)
      lines.push(`     ${name === RUN_ALL ? `${RUN_ALL} (runs all actions in project)` : name}`);
  }
  if (problem.code === "invalid_project") {
    for (const issue of problem.errors.slice(1, 20)) {
      lines.push(`   ${issue.line ? `line ${issue.line}: ` : ""}${issue.message}`);
    }
  }
  return lines.join("\n");
}

/** The whole text summary of an outcome. */
export function formatSummary(
  outcome: RunOutcome,
  options: { heading?: (text: string) => string } = {},
): string {
  if (outcome.kind === "cannot_start") return formatProblem(outcome.problem);
  if (outcome.kind === "nothing_to_do") {
    return "=> All actions already completed successfully\n   Use -f option to force everything to re-run";
  }
  const { result } = outcome;
  const blocks = summaryOrder(result.jobs).map((j) => formatJobBlock(j, options));
  if (result.notStarted.length > 0) {
    blocks.push(
      `=> not started after a failure (use --continue-on-error to run them):\n${result.notStarted.map((a) => `   ${a}`).join("\n")}`,
    );
  }
  const depFailed = result.jobs.filter((j) => j.statusCode === "dependency_failed");
  if (depFailed.length > 0) {
    blocks.push(
      `=> not run because a dependency failed:\n${depFailed.map((j) => `   ${j.action}`).join("\n")}`,
    );
  }
  if (result.reused.length > 0) {
    blocks.push(`=> up to date (reused):\n${result.reused.map((r) => `   ${r.action}`).join("\n")}`);
  }
  blocks.push(formatTally(result));
  return blocks.join("\n\n");
}
