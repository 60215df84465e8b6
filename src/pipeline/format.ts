// The one formatter for validation results. The CLI prints it, the Action turns it into annotations,
// and the App puts it in check runs and comments, so users see the same words everywhere.
import { count } from "./counting.ts";
import type { Issue, LoadResult } from "./model.ts";
import { showInvisible } from "./render/visible-name.ts";

export const ISSUE_FORMATS = ["text", "json", "github"] as const;
export type IssueFormat = (typeof ISSUE_FORMATS)[number];

export interface FormatOptions {
  /** The file the issues are about, as the reader should see it (e.g. `project.yaml`). */
  readonly file: string;
  readonly format: IssueFormat;
}

/** Every issue of a result in one format: lines ending in `\n` (text, github), or one JSON object. */
export function formatIssues(result: LoadResult, options: FormatOptions): string {
  if (options.format === "json") return `${JSON.stringify(resultJson(result), null, 2)}\n`;
  const line = options.format === "github" ? githubIssue : textIssue;
  return sortedIssues(result)
    .map((issue) => `${line(issue, options.file)}\n`)
    .join("");
}

/** Errors and warnings together, in the order they occur in the file; issues with no line first. */
export function sortedIssues(result: LoadResult): Issue[] {
  const at = (n: number | null) => n ?? 0;
  return [...result.errors, ...result.warnings].sort(
    (a, b) => at(a.line) - at(b.line) || at(a.column) - at(b.column),
  );
}

/**
 * `FILE:LINE:COL: error: MESSAGE`, the form editors and compilers use (`FILE: error: MESSAGE` when the
 * issue has no line). Later lines of a long message are indented, so each issue still starts a line
 * with its file name and nothing else does.
 */
export function textIssue(issue: Issue, file: string): string {
  let where = file;
  if (issue.line !== null) where += `:${issue.line}`;
  if (issue.line !== null && issue.column !== null) where += `:${issue.column}`;
  const [first, ...rest] = messageLines(issue.message);
  return [`${where}: ${issue.severity}: ${first}`, ...rest.map((l) => `    ${l}`)].join("\n");
}

/** A GitHub workflow command (`::error file=…,line=…,col=…::MESSAGE`): an annotation on the file. */
export function githubIssue(issue: Issue, file: string): string {
  const props = [`file=${escapeProperty(file)}`];
  if (issue.line !== null) props.push(`line=${issue.line}`);
  if (issue.line !== null && issue.column !== null) props.push(`col=${issue.column}`);
  return `::${issue.severity} ${props.join(",")}::${escapeData(messageLines(issue.message).join("\n"))}`;
}

/** The `--format json` object of DESIGN.md's contract. */
export interface ResultJson {
  readonly valid: boolean;
  readonly errors: readonly IssueJson[];
  readonly warnings: readonly IssueJson[];
  readonly actions: readonly string[];
}

export interface IssueJson {
  readonly message: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly path: readonly (string | number)[];
}

export function resultJson(result: LoadResult): ResultJson {
  const issue = (i: Issue): IssueJson => ({
    message: i.message,
    line: i.line,
    column: i.column,
    path: i.path,
  });
  return {
    valid: result.valid,
    errors: result.errors.map(issue),
    warnings: result.warnings.map(issue),
    actions: result.pipeline === null ? [] : [...result.pipeline.actions.keys()],
  };
}

/** One line saying what the check found: `project.yaml: valid (3 actions, 1 warning)`. */
export function formatVerdict(result: LoadResult, file: string): string {
  const parts: string[] = [];
  if (result.pipeline !== null) parts.push(count(result.pipeline.actions.size, "action"));
  if (result.errors.length > 0) parts.push(count(result.errors.length, "error"));
  if (result.warnings.length > 0) parts.push(count(result.warnings.length, "warning"));
  const detail = parts.length === 0 ? "" : ` (${parts.join(", ")})`;
  return `${file}: ${result.valid ? "valid" : "invalid"}${detail}`;
}

/** A message's lines, with invisible characters shown so a hostile name cannot drive the terminal. */
function messageLines(message: string): string[] {
  const lines = showInvisible(message.replace(/\r\n?/g, "\n")).split("\n");
  while (lines.length > 1 && lines[lines.length - 1]!.trim() === "") lines.pop();
  return lines;
}

// GitHub's escaping for workflow commands (@actions/core `toCommandValue` and `escapeProperty`).
function escapeData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}
