// The Action's steps, in order: find the project, check codelists, validate project.yaml (annotations),
// restore the cached state, run on dummy data (live log), save the state, upload the artifact, and
// describe it all in the summary and outputs. Everything host-specific comes in through `host`.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { type CodelistsReport, checkCodelists } from "../codelists/index.ts";
import {
  buildGraph,
  count,
  formatIssues,
  formatVerdict,
  type LoadResult,
  loadPipelineAsync,
} from "../pipeline/index.ts";
import type { ExecutorInfo, RunOutcome } from "../runner/index.ts";
import { AnnotationBudget, fileAnnotation, issueAnnotations } from "./annotations.ts";
import { saveState } from "./cache-step.ts";
import type { ActionHost } from "./host.ts";
import type { ActionInputs } from "./inputs.ts";
import { inline } from "./markdown.ts";
import { type ActionRow, actionRows, failedActions } from "./results.ts";
import { resultsJson } from "./results-json.ts";
import { runStep } from "./run-step.ts";
import { renderSummary } from "./summary.ts";
import { uploadResults } from "./upload-step.ts";
import { recordedOutputs } from "./workspace-manifest.ts";

export interface ActionReport {
  readonly valid: boolean;
  readonly succeeded: boolean;
  readonly failedActions: readonly string[];
  /** The `results` output (JSON). */
  readonly results: string;
  /** The job summary (Markdown, within GitHub's limit). */
  readonly summary: string;
  /** What the step fails with, or null when it succeeds. */
  readonly failure: string | null;
}

export async function main(inputs: ActionInputs, host: ActionHost): Promise<ActionReport> {
  const started = host.now().getTime();
  // One error is kept for the failure message, and two warnings for cache and upload trouble.
  const budget = new AnnotationBudget({ error: 1, warning: 2 });
  const workspace = resolve(host.context.workspace);
  const projectDir = resolve(workspace, inputs.directory);
  const fromRoot = relative(workspace, projectDir);
  if (fromRoot === ".." || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) {
    return stopped(
      inputs,
      `The directory input '${inputs.directory}' is outside the repository checkout (${workspace}).`,
    );
  }
  const prefix = fromRoot === "" ? "" : `${fromRoot.split(sep).join("/")}/`;
  const projectFile = `${prefix}project.yaml`;
  const text = await readFile(join(projectDir, "project.yaml")).catch(() => null);
  if (text === null) {
    return stopped(
      inputs,
      `No project.yaml in '${inputs.directory}'. Check the directory input, and that the job checks out the repository (actions/checkout) before this step.`,
    );
  }

  // Messages quote codelists.txt and project.yaml, so they are printed with workflow commands stopped.
  const quoted = (lines: () => void) => {
    const token = randomBytes(16).toString("hex");
    host.command(`::stop-commands::${token}`);
    lines();
    host.command(`::${token}::`);
  };
  const codelists = await checkCodelists(projectDir, { inCi: true });
  host.command("::group::Codelists");
  quoted(() => {
    for (const message of codelists.messages) host.info(message.text.replace(/\n+$/, ""));
  });
  host.command("::endgroup::");
  for (const message of codelists.messages) {
    if (message.level === "error" && budget.take("error")) {
      host.command(fileAnnotation("error", message.text, `${prefix}${message.file ?? "codelists"}`));
    }
  }

  const load = await loadPipelineAsync(text);
  host.info(formatVerdict(load, projectFile));
  const issuesText = formatIssues(load, { file: projectFile, format: "text" });
  if (issuesText !== "") quoted(() => host.info(issuesText.replace(/\n$/, "")));
  const annotations = issueAnnotations(load, projectFile, budget);
  for (const command of annotations.commands) host.command(command);

  const pipeline = load.pipeline;
  const order = pipeline === null ? [] : buildGraph(pipeline).order;
  let rows: ActionRow[] = pipeline === null ? [] : actionRows(pipeline, order, null);
  let outcome: RunOutcome | null = null;
  let executor: ExecutorInfo | null = null;
  let failure: string | null = null;
  const notes: string[] = [];

  if (!load.valid) {
    failure = `project.yaml is invalid: ${count(load.errors.length, "error")}.`;
  } else if (codelists.outcome === "failed") {
    failure =
      "The codelists check failed, so the project was not run: run `opensafely codelists update` and commit the changes.";
  } else if (inputs.mode === "run" && pipeline !== null) {
    const step = await runStep(inputs, host, projectDir, pipeline, notes);
    outcome = step.outcome;
    executor = step.executor;
    rows = await withRecordedOutputs(projectDir, actionRows(pipeline, order, outcome));
    if (outcome.kind === "cannot_start") {
      failure = outcome.problem.message;
    } else {
      if (outcome.kind === "nothing_to_do") notes.unshift(outcome.message);
      const failed = failedActions(rows);
      if (failed.length > 0) failure = `${count(failed.length, "action")} failed: ${listNames(failed)}.`;
      else if (outcome.kind === "completed" && !outcome.result.ok) failure = "The run did not finish.";
      const jobsRan = outcome.kind === "completed" ? outcome.result.jobs.length : 0;
      if (step.cache !== null) await saveState(host, step.cache, jobsRan);
      if (inputs.upload && jobsRan > 0)
        notes.push(await uploadResults(host, projectDir, inputs.directory, rows));
    }
  }

  const succeeded = failure === null;
  const summary = renderSummary({
    projectFile,
    mode: inputs.mode,
    verdict: { ok: succeeded, text: verdictText(load, codelists, rows, outcome, failure, inputs.mode) },
    codelists,
    load,
    hiddenIssues: annotations.hidden.length,
    rows,
    ran: outcome !== null && outcome.kind !== "cannot_start",
    executor,
    durationMs: host.now().getTime() - started,
    notes,
  });
  const results = resultsJson(
    {
      valid: load.valid,
      succeeded,
      mode: inputs.mode,
      codelists: codelists.outcome,
      executor: executor?.name ?? null,
    },
    rows,
  );
  return { valid: load.valid, succeeded, failedActions: failedActions(rows), results, summary, failure };
}

/** Up-to-date actions did not run now: their outputs come from the runner's manifest. */
async function withRecordedOutputs(projectDir: string, rows: ActionRow[]): Promise<ActionRow[]> {
  if (!rows.some((row) => row.status === "skipped")) return rows;
  const recorded = await recordedOutputs(projectDir);
  return rows.map((row) =>
    row.status === "skipped" ? { ...row, outputs: recorded.get(row.name) ?? [] } : row,
  );
}

function verdictText(
  load: LoadResult,
  codelists: CodelistsReport,
  rows: readonly ActionRow[],
  outcome: RunOutcome | null,
  failure: string | null,
  mode: "check" | "run",
): string {
  if (!load.valid) return `project.yaml is invalid (${count(load.errors.length, "error")})`;
  if (codelists.outcome === "failed") return "the codelists need updating; the project was not run";
  if (outcome?.kind === "cannot_start") return `the run could not start: ${outcome.problem.message}`;
  if (mode === "check" || outcome === null) return `project.yaml is valid (${count(rows.length, "action")})`;
  const withStatus = (status: ActionRow["status"]) => rows.filter((row) => row.status === status).length;
  const failed = withStatus("failed") + withStatus("dependency_failed");
  const ran = failed + withStatus("succeeded");
  if (failure !== null && failed > 0)
    return `${failed} of ${count(ran + withStatus("not_started"), "action")} failed`;
  if (failure !== null) return failure;
  if (ran === 0) return "everything is up to date";
  const skipped = withStatus("skipped");
  return `${count(withStatus("succeeded"), "action")} succeeded${skipped > 0 ? `, ${skipped} up to date` : ""}`;
}

/** A report for when there is no project to look at. */
function stopped(inputs: ActionInputs, failure: string): ActionReport {
  const summary = `## ❌ Trestle: ${inline(failure)}\n`;
  const results = resultsJson(
    { valid: false, succeeded: false, mode: inputs.mode, codelists: null, executor: null },
    [],
  );
  return { valid: false, succeeded: false, failedActions: [], results, summary, failure };
}

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 10).join(", ");
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}
