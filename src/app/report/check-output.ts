// The check run on a commit: success with a short summary, or failure with every issue annotated on
// its line and listed in the text. GitHub caps summary and text at 65,535 characters each.
import { formatVerdict, type Issue, type LoadResult } from "../../pipeline/index.ts";
import type { ProjectReport } from "../analysis/analyse.ts";
import type { Annotation, CheckRunReport } from "../github/check-run.ts";
import { changeCounts, renderChangesTable } from "./changes-table.ts";
import { renderIssuesBlock } from "./issues-block.ts";
import { codeSpan, count, shorten, visibleLines } from "./markdown.ts";

export const CHECK_TEXT_BUDGET = 60_000;
/** Each batch of 50 is one request; beyond this many, issues are listed in the text only. */
export const MAX_ANNOTATIONS = 500;
export const CHECK_EXTERNAL_ID = "trestle:project";

export function renderCheckRun(report: ProjectReport, name: string, headSha: string): CheckRunReport {
  const base = { name, headSha, externalId: CHECK_EXTERNAL_ID };
  const file = codeSpan(report.path);
  switch (report.kind) {
    case "missing":
      return {
        ...base,
        conclusion: "neutral",
        title: `No ${report.path}`,
        summary: `There is no ${file} at this commit, so there is nothing to check.`,
        text: null,
        annotations: [],
      };
    case "unreadable":
      return {
        ...base,
        conclusion: "failure",
        title: `${report.path} could not be read`,
        summary:
          report.problem.kind === "too-large"
            ? `${file} is ${count(report.problem.bytes, "byte")}, more than Trestle reads.`
            : `${file} is not a file (it is a directory or a submodule).`,
        text: null,
        annotations: [],
      };
    case "invalid":
      return {
        ...base,
        conclusion: "failure",
        title: formatVerdict(report.result, report.path),
        summary: issueSummary(report.result, report.path),
        text: renderIssuesBlock(report.result, report.path, CHECK_TEXT_BUDGET),
        annotations: annotations(report.result, report.path),
      };
    case "valid": {
      let summary = `${file} is valid: ${count(report.pipeline.actions.size, "action")}`;
      if (report.changes !== null) summary += ` · ${changeCounts(report.changes)}`;
      summary += ".";
      let text = "";
      if (report.result.warnings.length > 0) {
        text += `${issueSummary(report.result, report.path)}\n\n${renderIssuesBlock(report.result, report.path, 20_000)}`;
      }
      if (report.changes !== null && report.changes.changes.length > 0) {
        text += `\n### Changes\n\n${renderChangesTable(report.changes, CHECK_TEXT_BUDGET - text.length - 100)}`;
      }
      return {
        ...base,
        conclusion: "success",
        title: formatVerdict(report.result, report.path),
        summary,
        text: text === "" ? null : text,
        annotations: annotations(report.result, report.path),
      };
    }
  }
}

function issueSummary(result: LoadResult, path: string): string {
  const parts = [];
  if (result.errors.length > 0) parts.push(count(result.errors.length, "error"));
  if (result.warnings.length > 0) parts.push(count(result.warnings.length, "warning"));
  const shown = Math.min(MAX_ANNOTATIONS, result.errors.length + result.warnings.length);
  const note =
    shown < result.errors.length + result.warnings.length
      ? ` The first ${shown} are marked on their lines; all are listed below.`
      : " Each is marked on its line and listed below.";
  return `${codeSpan(path)} has ${parts.join(" and ")}.${note}`;
}

/** Errors first (they are what fails the check), then warnings, in file order within each. */
function annotations(result: LoadResult, path: string): Annotation[] {
  const byLine = (a: Issue, b: Issue) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
  const issues = [...[...result.errors].sort(byLine), ...[...result.warnings].sort(byLine)];
  return issues.slice(0, MAX_ANNOTATIONS).map((issue) => toAnnotation(issue, path));
}

function toAnnotation(issue: Issue, path: string): Annotation {
  // Issues about the whole file have no line; GitHub needs one, and line 1 is where the file starts.
  const line = issue.line ?? 1;
  return {
    path,
    startLine: line,
    endLine: line,
    ...(issue.line !== null && issue.column !== null
      ? { startColumn: issue.column, endColumn: issue.column }
      : {}),
    level: issue.severity === "error" ? "failure" : "warning",
    title: issue.severity === "error" ? `${path}: error` : `${path}: warning`,
    message: shorten(visibleLines(issue.message), 4_000),
  };
}
