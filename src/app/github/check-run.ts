// Publishes a check run on a commit. GitHub takes at most 50 annotations per request, so the run is
// created with the first 50 and updated with the rest; each update appends. Publishing is a "set
// state" operation: when the run the App last published for that commit and name says the same thing
// (a redelivery, a second event for the same commit), nothing is written. Without a record of one, a
// new run is made; should it repeat one, GitHub shows the newest run of a name, so nothing is lost.
import { createHash } from "node:crypto";
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

/** What the App remembers about a run it published: enough to know whether a new report differs. */
export interface PublishedCheckRun {
  readonly id: number;
  readonly fingerprint: string;
}

export type CheckRunOutcome =
  | { readonly kind: "created"; readonly run: PublishedCheckRun; readonly requests: number }
  | { readonly kind: "unchanged"; readonly run: PublishedCheckRun };

export async function publishCheckRun(
  octokit: GitHubClient,
  repo: RepoRef,
  report: CheckRunReport,
  options: {
    /** The run last published for this commit and name, if the App knows of one. */
    readonly previous: PublishedCheckRun | null;
    /** Create a new run even when it would say the same (someone asked for a re-run). */
    readonly force?: boolean;
  },
): Promise<CheckRunOutcome> {
  const fingerprint = fingerprintOf(report);
  if (options.force !== true && options.previous?.fingerprint === fingerprint) {
    return { kind: "unchanged", run: options.previous };
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
  return { kind: "created", run: { id, fingerprint }, requests: 1 + rest.length };
}

function fingerprintOf(report: CheckRunReport): string {
  return createHash("sha256").update(JSON.stringify(report)).digest("base64url");
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
