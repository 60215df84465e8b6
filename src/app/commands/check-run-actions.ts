// The buttons on a job request's check run: GitHub's "Re-run" (check_run rerequested) and the App's own
// "Run again" and "Cancel" (check_run requested_action). Whoever pressed the button must pass the same
// access check as a commenter; a re-run is a new job request for the same commit and actions, asked
// for by them. There is no comment to react to, so refusals and problems are replies on the pull request.
import type { JobRequest } from "../job-requests/job-request.ts";
import { newJobRequestId } from "../job-requests/job-request.ts";
import { codeSpan } from "../report/markdown.ts";
import { checkAccess } from "./check-access.ts";
import type { CommandDeps, CommandSettings } from "./command-context.ts";
import { postReply, replyBody } from "./replies.ts";

export interface ButtonPress {
  readonly login: string;
  /** Makes a second delivery of the same press a no-op. */
  readonly sourceKey: string;
  readonly settings: CommandSettings;
}

export interface ButtonOutcome {
  readonly outcome: string;
  readonly jobRequests?: string;
}

export async function rerunFromCheck(
  deps: CommandDeps,
  original: JobRequest,
  press: ButtonPress,
): Promise<ButtonOutcome> {
  const jobs = deps.jobs!;
  const call = {
    login: press.login,
    commentId: 0,
    issueNumber: original.pullNumber ?? 0,
    settings: press.settings,
  };
  const refusal = await checkAccess(deps, call, original.backend);
  if (refusal !== null) {
    await tell(
      deps,
      original,
      press.login,
      `could not run ${name(jobs.pageUrl(original.id), original.id)} again: ${refusal.reply}`,
    );
    return { outcome: refusal.outcome };
  }
  const inserted = jobs.service.store.insert({
    ...original,
    id: newJobRequestId(),
    sourceKey: press.sourceKey,
    commentId: null,
    requestedBy: press.login,
    createdAt: deps.now(),
  });
  const id = inserted.request.id;
  if (!inserted.created) return { outcome: "duplicate", jobRequests: id };
  const outcome = await jobs.service.submit(inserted.request);
  if (outcome.kind !== "retrying") jobs.service.store.markAcknowledged(id);
  await jobs.service.publish(id, { comment: false }).catch(() => undefined);
  if (original.pullNumber !== null) await deps.refreshComment(original.pullNumber);
  const link = name(jobs.pageUrl(id), id);
  if (outcome.kind === "rejected") {
    await tell(
      deps,
      original,
      press.login,
      `${link} was not run: ${outcome.request.statusMessage ?? "the backend refused it"}`,
    );
  } else if (outcome.kind === "retrying") {
    await tell(
      deps,
      original,
      press.login,
      `${link} is saved, but ${outcome.problem}. Trestle keeps submitting it until the backend takes it.`,
    );
  }
  return { outcome: outcome.kind === "accepted" ? "submitted" : outcome.kind, jobRequests: id };
}

export async function cancelFromCheck(
  deps: CommandDeps,
  request: JobRequest,
  press: ButtonPress,
): Promise<ButtonOutcome> {
  const jobs = deps.jobs!;
  const call = {
    login: press.login,
    commentId: 0,
    issueNumber: request.pullNumber ?? 0,
    settings: press.settings,
  };
  const refusal = await checkAccess(deps, call, null, "Nothing was cancelled.");
  if (refusal !== null) {
    await tell(
      deps,
      request,
      press.login,
      `could not cancel ${name(jobs.pageUrl(request.id), request.id)}: ${refusal.reply}`,
    );
    return { outcome: refusal.outcome };
  }
  const outcome = await jobs.service.cancel(request, null);
  await jobs.service.publish(request.id, { comment: false }).catch(() => undefined);
  if (request.pullNumber !== null) await deps.refreshComment(request.pullNumber);
  if (outcome.kind === "unreachable" || outcome.kind === "no-jobs-yet") {
    const why =
      outcome.kind === "unreachable" ? outcome.problem : "the backend has not reported its jobs yet";
    await tell(
      deps,
      request,
      press.login,
      `could not cancel ${name(jobs.pageUrl(request.id), request.id)} (${why}); try again.`,
    );
  }
  return { outcome: outcome.kind, jobRequests: request.id };
}

function name(url: string | null, id: string): string {
  return url === null ? `job request ${codeSpan(id)}` : `[job request ${codeSpan(id)}](${url})`;
}

async function tell(deps: CommandDeps, request: JobRequest, login: string, text: string): Promise<void> {
  if (request.pullNumber === null) return;
  await postReply(deps.octokit, deps.repo, request.pullNumber, replyBody(null, login, text));
}
