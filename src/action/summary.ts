// The job summary: verdict, codelists, project.yaml issues, the job graph coloured by result, the
// results table, and for each failure its log tail and hints. Always within GitHub's 1 MiB limit.
import type { CodelistsReport } from "../codelists/index.ts";
import {
  buildGraph,
  count,
  type Issue,
  type LoadResult,
  renderMermaid,
  sortedIssues,
} from "../pipeline/index.ts";
import type { ExecutorInfo } from "../runner/index.ts";
import { codeBlock, formatBytes, formatDuration, html, inline } from "./markdown.ts";
import { type ActionRow, rowClasses, STATUS_LABELS } from "./results.ts";
import { fitLines, SUMMARY_BUDGET_BYTES, SummaryBudget } from "./summary-budget.ts";

export interface SummaryInput {
  /** project.yaml's path from the repository root. */
  readonly projectFile: string;
  readonly mode: "check" | "run";
  readonly verdict: { readonly ok: boolean; readonly text: string };
  readonly codelists: CodelistsReport | null;
  readonly load: LoadResult | null;
  /** Issues not shown as annotations because of GitHub's limit. */
  readonly hiddenIssues: number;
  /** Rows for every action; empty when the project could not be loaded. */
  readonly rows: readonly ActionRow[];
  /** Whether jobs ran (colours the graph); false in check mode or when the run could not start. */
  readonly ran: boolean;
  readonly executor: ExecutorInfo | null;
  readonly durationMs: number | null;
  /** Short notes about the run (cache restored, nothing to do, …). */
  readonly notes: readonly string[];
}

const ICONS = { ok: "✅", failed: "❌" };

export function renderSummary(input: SummaryInput, maxBytes = SUMMARY_BUDGET_BYTES): string {
  const out = new SummaryBudget(maxBytes);
  out.addCut(`## ${input.verdict.ok ? ICONS.ok : ICONS.failed} Trestle: ${inline(input.verdict.text)}\n\n`);
  out.addCut(`${facts(input)}\n\n`);
  for (const note of input.notes) out.addCut(`> ${inline(note)}\n`);
  if (input.notes.length > 0) out.add("\n");
  out.addSection(64 * 1024, (n) => codelistsSection(input.codelists, n));
  out.addSection(160 * 1024, (n) => issuesSection(input, n));
  out.addSection(
    64 * 1024,
    (n) => graphSection(input, n),
    "### Job graph\n\nThe graph is too large to show here.\n\n",
  );
  out.addSection(400 * 1024, (n) => resultsSection(input, n));
  out.addSection(Number.POSITIVE_INFINITY, (n) => failuresSection(input.rows, n));
  return out.toString();
}

function facts(input: SummaryInput): string {
  const parts = [`\`${input.projectFile.replaceAll("`", "'")}\``, `mode: ${input.mode}`];
  if (input.executor) parts.push(`executor: ${inline(input.executor.name)}`);
  if (input.durationMs !== null) parts.push(`took ${formatDuration(input.durationMs)}`);
  return parts.join(" · ");
}

function codelistsSection(report: CodelistsReport | null, allowance: number): string {
  if (report === null || report.outcome === "no-codelists") return "";
  const head = `### Codelists ${report.outcome === "failed" ? ICONS.failed : ICONS.ok}\n\n`;
  const text = report.messages.map((m) => m.text.replace(/\n+$/, "")).join("\n");
  const block = codeBlock(text.split("\n"));
  return `${head}${block}\n`.length <= allowance
    ? `${head}${block}\n`
    : `${head}The codelists check's messages are in the log.\n\n`;
}

function issuesSection(input: SummaryInput, allowance: number): string {
  const load = input.load;
  if (load === null || (load.errors.length === 0 && load.warnings.length === 0)) return "";
  const issues = sortedIssues(load);
  const counts = [count(load.errors.length, "error"), count(load.warnings.length, "warning")]
    .filter((s) => !s.startsWith("0 "))
    .join(" and ");
  let head = `### \`project.yaml\`: ${counts}\n\n`;
  if (input.hiddenIssues > 0) {
    head += `GitHub shows at most 10 annotations of each kind on a step, so ${count(input.hiddenIssues, "issue")} ${input.hiddenIssues === 1 ? "is" : "are"} only listed here.\n\n`;
  }
  head += "| | Line | Column | Message |\n|---|---:|---:|---|\n";
  const rows = issues.map((issue: Issue) => {
    const icon = issue.severity === "error" ? "error" : "warning";
    return `| ${icon} | ${issue.line ?? ""} | ${issue.column ?? ""} | ${inline(issue.message)} |\n`;
  });
  return `${fitLines(head, rows, allowance - 2, (left) => `| | | | … and ${count(left, "more issue")} |\n`)}\n`;
}

function graphSection(input: SummaryInput, allowance: number): string {
  const pipeline = input.load?.pipeline;
  if (!pipeline || pipeline.actions.size === 0) return "";
  const head = "### Job graph\n\n";
  const legend = input.ran
    ? "Green: succeeded · red: failed · orange, dashed: dependency failed · grey, dashed: skipped, up to date · white, dashed: not requested · yellow: not started\n\n"
    : "";
  // renderMermaid counts characters; a character is at most 3 bytes of UTF-8 in this text.
  const room = Math.floor((allowance - head.length - legend.length - 2) / 3);
  if (room < 200) return "";
  const graph = buildGraph(pipeline);
  const body = renderMermaid(
    pipeline,
    graph,
    input.ran ? { classes: rowClasses(input.rows), maxChars: room } : { maxChars: room },
  );
  return `${head}${legend}${body}\n`;
}

function resultsSection(input: SummaryInput, allowance: number): string {
  if (!input.ran || input.rows.length === 0) return "";
  const head =
    "### Results\n\n| Action | Status | Duration | Outputs | Level 4 warnings |\n|---|---|---:|---|---|\n";
  const rows = input.rows.map((row) => {
    const status =
      row.status === "failed" && row.statusCode
        ? `failed: ${inline(firstLine(row.message))}`
        : STATUS_LABELS[row.status];
    const duration =
      row.durationMs === null || row.status === "dependency_failed" ? "" : formatDuration(row.durationMs);
    return `| ${inline(row.name)} | ${status} | ${duration} | ${outputsCell(row)} | ${level4Cell(row)} |\n`;
  });
  return `${fitLines(head, rows, allowance - 2, (left) => `| … and ${count(left, "more action")} | | | | |\n`)}\n`;
}

const MAX_LISTED = 10;

function outputsCell(row: ActionRow): string {
  const shown = row.outputs.slice(0, MAX_LISTED).map((o) => `${inline(o.path)} (${formatBytes(o.size)})`);
  if (row.outputs.length > MAX_LISTED) shown.push(`… and ${row.outputs.length - MAX_LISTED} more`);
  return shown.join("<br>");
}

function level4Cell(row: ActionRow): string {
  const shown = row.level4Warnings.slice(0, MAX_LISTED).map((w) => `${inline(w.path)}: ${inline(w.message)}`);
  if (row.level4Warnings.length > MAX_LISTED)
    shown.push(`… and ${row.level4Warnings.length - MAX_LISTED} more`);
  return shown.join("<br>");
}

function failuresSection(rows: readonly ActionRow[], allowance: number): string {
  const failed = rows.filter((row) => row.status === "failed" && row.job !== null);
  if (failed.length === 0) return "";
  const head = "### Failures\n\n";
  const blocks = failed.map((row) => failureBlock(row));
  return fitLines(head, blocks, allowance, (left) => `… and ${count(left, "more failure")}: see the log.\n`);
}

/** A log line is cut at this many characters: a summary is not the place for a megabyte of one line. */
const MAX_LOG_LINE = 500;

function failureBlock(row: ActionRow): string {
  const job = row.job!;
  const exit = job.exitCode === null || job.exitCode === 0 ? "" : ` (exit code ${job.exitCode})`;
  let text = `#### ${inline(row.name)}: ${inline(firstLine(job.statusMessage))}${exit}\n\n`;
  // A job that crashed also leaves its patterns unmatched; that is only news when it did not crash.
  if (job.statusCode === "unmatched_patterns" && job.unmatchedPatterns.length > 0) {
    text += `No outputs found matching patterns:\n${job.unmatchedPatterns.map((p) => `- ${inline(p)}`).join("\n")}\n\n`;
  }
  if (job.statusCode === "unmatched_patterns" && job.unmatchedFiles.length > 0) {
    text += `Did you mean to match one of these files instead?\n${job.unmatchedFiles.map((f) => `- ${inline(f)}`).join("\n")}\n\n`;
  }
  if (job.hint !== null && job.unmatchedFiles.length === 0) text += `${inline(job.hint)}\n\n`;
  if (job.logTail.length > 0) {
    const where = job.logFile === null ? "its output" : html(job.logFile);
    const lines = job.logTail.map((l) => (l.length > MAX_LOG_LINE ? `${l.slice(0, MAX_LOG_LINE)}…` : l));
    const earlier = job.logTailTruncated ? "Last lines" : "Output";
    text += `<details open><summary>${earlier} of ${where}</summary>\n\n${codeBlock(lines)}\n</details>\n\n`;
  }
  return text;
}

/** The first line of a status message, without the colon that introduces what follows. */
function firstLine(message: string): string {
  return (message.split("\n")[0] ?? "").replace(/:\s*$/, "");
}
