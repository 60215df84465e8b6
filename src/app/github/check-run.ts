// Publishes a check run on a commit. GitHub takes at most 50 annotations per request, so the run is
// created with the first 50 and updated with the rest; each update appends. Publishing is a "set
// state" operation: when the newest run of that name on the commit already says the same thing (a
// redelivery, a second event for the same commit), nothing is written.
import { GitHubApiError } from "../errors/github-api-error.ts";
import type { GitHubClient, RepoRef } from "./client.ts";

export const ANNOTATIONS_PER_REQUEST = 50;

export type Conclusion = "success" | "failure" | "neutral";

export interface Annotation {
  readonly path: string;
  readonly startLine: number;
  readonly endLine: number;
  /** Only when the annotation is on one line (GitHub rejects columns otherwise). */
  readonly startColumn?: number;
  readonly endColumn?: number;
  readonly level: "notice" | "warning" | "failure";
  readonly title: string;
  readonly message: string;
}

export interface CheckRunReport {
  readonly name: string;
  readonly headSha: string;
  readonly conclusion: Conclusion;
  readonly title: string;
  readonly summary: string;
  readonly text: string | null;
  readonly annotations: readonly Annotation[];
  /** Lets a re-run request be traced back to what produced the run. */
  readonly externalId: string;
}

export type CheckRunOutcome =
  | { readonly kind: "created"; readonly id: number; readonly requests: number }
  | { readonly kind: "unchanged"; readonly id: number };

export async function publishCheckRun(
  octokit: GitHubClient,
  repo: RepoRef,
  report: CheckRunReport,
  appId: number,
  /** Create a new run even when the latest says the same (someone asked for a re-run). */
  force = false,
): Promise<CheckRunOutcome> {
  if (!force) {
    const existing = await findLatest(octokit, repo, report, appId);
    if (existing !== null && sameAs(existing, report)) return { kind: "unchanged", id: existing.id };
  }

  const [first = [], ...rest] = batches(report.annotations);
  let id: number;
  try {
    const created = await octokit.rest.checks.create({
      ...repo,
      name: report.name,
      head_sha: report.headSha,
      status: "completed",
      conclusion: report.conclusion,
      external_id: report.externalId,
      output: { ...output(report), annotations: first.map(toApi) },
    });
    id = created.data.id;
  } catch (error) {
    throw new GitHubApiError(`create the check run on ${report.headSha}`, error);
  }
  for (const batch of rest) {
    try {
      await octokit.rest.checks.update({
        ...repo,
        check_run_id: id,
        output: { ...output(report), annotations: batch.map(toApi) },
      });
    } catch (error) {
      throw new GitHubApiError(`add annotations to check run ${id}`, error);
    }
  }
  return { kind: "created", id, requests: 1 + rest.length };
}

interface ExistingRun {
  readonly id: number;
  readonly status: string;
  readonly conclusion: string | null;
  readonly output: {
    readonly title: string | null;
    readonly summary: string | null;
    readonly text: string | null;
    readonly annotations_count: number;
  };
}

async function findLatest(
  octokit: GitHubClient,
  repo: RepoRef,
  report: CheckRunReport,
  appId: number,
): Promise<ExistingRun | null> {
  try {
    const { data } = await octokit.rest.checks.listForRef({
      ...repo,
      ref: report.headSha,
      check_name: report.name,
      app_id: appId,
      filter: "latest",
      per_page: 1,
    });
    return (data.check_runs[0] as ExistingRun | undefined) ?? null;
  } catch (error) {
    throw new GitHubApiError(`list check runs on ${report.headSha}`, error);
  }
}

function sameAs(run: ExistingRun, report: CheckRunReport): boolean {
  return (
    run.status === "completed" &&
    run.conclusion === report.conclusion &&
    run.output.title === report.title &&
    run.output.summary === report.summary &&
    (run.output.text ?? null) === report.text &&
    run.output.annotations_count === report.annotations.length
  );
}

function output(report: CheckRunReport): { title: string; summary: string; text?: string } {
  return report.text === null
    ? { title: report.title, summary: report.summary }
    : { title: report.title, summary: report.summary, text: report.text };
}

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ANNOTATIONS_PER_REQUEST) {
    out.push(items.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  return out;
}

function toApi(a: Annotation) {
  const oneLine = a.startLine === a.endLine && a.startColumn !== undefined;
  return {
    path: a.path,
    start_line: a.startLine,
    end_line: a.endLine,
    ...(oneLine ? { start_column: a.startColumn, end_column: a.endColumn ?? a.startColumn } : {}),
    annotation_level: a.level,
    title: a.title,
    message: a.message,
  };
}
