// The check run that links a commit to a job request: queued while the backend has not taken it,
// in progress while its jobs run, then success, failure or neutral (nothing to do) with a table of
// its jobs. Its details link is the job request page. While the request is active the run offers a
// Cancel button; once it has ended, Run again.

import { GitHubApiError } from "../errors/github-api-error.ts";
import type { GitHubClient } from "../github/client.ts";
import { REQUEST_STATUS_LABELS } from "../pages/status-labels.ts";
import { codeSpan, mdName, shorten, visible } from "../report/markdown.ts";
import { isActive, type JobRecord, type JobRequest } from "./job-request.ts";

export const JOB_REQUEST_EXTERNAL_PREFIX = "trestle:job-request:";
export const CANCEL_ACTION = "cancel";
export const RERUN_ACTION = "rerun";
/** GitHub refuses check-run text over 65,535 characters. */
const TEXT_BUDGET = 60_000;

export interface JobRequestCheck {
  readonly name: string;
  readonly status: "queued" | "in_progress" | "completed";
  readonly conclusion: "success" | "failure" | "neutral" | "cancelled" | null;
  readonly title: string;
  readonly summary: string;
  readonly text: string;
  readonly detailsUrl: string | null;
  readonly externalId: string;
  readonly actions: readonly { label: string; description: string; identifier: string }[];
}

export function jobRequestCheckName(request: Pick<JobRequest, "id" | "backend">): string {
  return `Job request ${request.id} (${request.backend})`;
}

export function jobRequestIdFromExternal(externalId: string | null): string | null {
  if (externalId === null || !externalId.startsWith(JOB_REQUEST_EXTERNAL_PREFIX)) return null;
  const id = externalId.slice(JOB_REQUEST_EXTERNAL_PREFIX.length);
  return /^[a-z0-9]{16}$/.test(id) ? id : null;
}

export function renderJobRequestCheck(
  request: JobRequest,
  jobs: readonly JobRecord[],
  pageUrl: string | null,
): JobRequestCheck {
  const active = isActive(request);
  const done = jobs.filter((j) => j.status === "succeeded" || j.status === "failed").length;
  let status: JobRequestCheck["status"] = "completed";
  let conclusion: JobRequestCheck["conclusion"] = null;
  let title: string;
  if (request.submission === "waiting") {
    status = "queued";
    title = `Waiting for the backend ${request.backend}`;
  } else if (active) {
    status = request.status === "running" ? "in_progress" : "queued";
    title =
      jobs.length === 0
        ? "Submitted; waiting for the backend's first report"
        : `${REQUEST_STATUS_LABELS[request.status]}: ${done} of ${jobs.length} jobs finished`;
  } else if (request.submission === "withdrawn") {
    conclusion = "cancelled";
    title = "Cancelled before it was submitted";
  } else if (request.status === "succeeded") {
    conclusion = "success";
    title = `Succeeded: ${jobs.length} job${jobs.length === 1 ? "" : "s"}`;
  } else if (request.status === "nothing_to_do") {
    conclusion = "neutral";
    title = "Nothing to do";
  } else {
    conclusion = "failure";
    const failed = jobs.filter((j) => j.status === "failed").length;
    title = jobs.length === 0 ? "Failed" : `Failed: ${failed} of ${jobs.length} jobs failed`;
  }
  const actions = request.requestedActions.map((a) => mdName(a)).join(", ");
  let summary = `Requested by @${request.requestedBy}: ${actions} on the ${codeSpan(request.backend)} backend, in the workspace ${codeSpan(request.workspace)}${request.forceRunDependencies ? ", forcing dependencies to run again" : ""}.`;
  if (pageUrl !== null) summary += `\n\n[Job request ${request.id}](${pageUrl})`;
  if (request.statusMessage) summary += `\n\n${shorten(visible(request.statusMessage), 4_000)}`;
  if (request.submission === "waiting" && request.lastSubmitError) {
    summary += `\n\n${shorten(visible(request.lastSubmitError), 1_000)}; ${request.submitAttempts} attempt${request.submitAttempts === 1 ? "" : "s"} so far. Trestle keeps trying.`;
  }
  return {
    name: jobRequestCheckName(request),
    status,
    conclusion,
    title: shorten(title, 200),
    summary,
    text: jobsTable(jobs),
    detailsUrl: pageUrl,
    externalId: `${JOB_REQUEST_EXTERNAL_PREFIX}${request.id}`,
    actions: active
      ? [{ label: "Cancel", description: "Cancel this job request's jobs", identifier: CANCEL_ACTION }]
      : [{ label: "Run again", description: "Request the same actions again", identifier: RERUN_ACTION }],
  };
}

function jobsTable(jobs: readonly JobRecord[]): string {
  if (jobs.length === 0) return "No updates received from the backend yet.";
  const head = "| Action | Status | Status code | Message | Job |\n|---|---|---|---|---|\n";
  let text = head;
  for (const [index, job] of jobs.entries()) {
    const message = shorten(visible(job.statusMessage), 300).replaceAll("|", "\\|");
    const row = `| ${mdName(job.action, true)} | ${job.status} | ${codeSpan(job.statusCode, true)} | ${message} | ${codeSpan(job.identifier, true)} |\n`;
    if (text.length + row.length > TEXT_BUDGET) return `${text}\n…and ${jobs.length - index} more jobs.\n`;
    text += row;
  }
  return text;
}

/** Creates the request's check run, or updates it to say what it says now. Returns its id. */
export async function publishJobRequestCheck(
  octokit: GitHubClient,
  request: JobRequest,
  check: JobRequestCheck,
): Promise<number> {
  const body = {
    owner: request.repo.owner,
    repo: request.repo.repo,
    name: check.name,
    status: check.status,
    ...(check.conclusion === null ? {} : { conclusion: check.conclusion }),
    ...(check.detailsUrl === null ? {} : { details_url: check.detailsUrl }),
    external_id: check.externalId,
    output: { title: check.title, summary: check.summary, text: check.text },
    actions: [...check.actions],
  };
  if (request.checkRunId === null) {
    try {
      const { data } = await octokit.rest.checks.create({ ...body, head_sha: request.commit });
      return data.id;
    } catch (error) {
      throw new GitHubApiError(`create the check run of job request ${request.id}`, error);
    }
  }
  try {
    await octokit.rest.checks.update({ ...body, check_run_id: request.checkRunId });
  } catch (error) {
    throw new GitHubApiError(`update the check run of job request ${request.id}`, error);
  }
  return request.checkRunId;
}
