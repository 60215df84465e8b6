// pull_request opened, synchronize, reopened: report on the head commit and update the comment.
import type { Context } from "probot";
import { reportPullRequest } from "../handlers/report-pull-request.ts";
import { type AppDeps, handlerDeps } from "./app-deps.ts";
import { handleDelivery } from "./delivery.ts";
import { parsePayload, pullRequestPayload, repoOf } from "./payloads.ts";

export const PULL_REQUEST_EVENTS = [
  "pull_request.opened",
  "pull_request.synchronize",
  "pull_request.reopened",
] as const;

export function onPullRequest(deps: AppDeps) {
  return async (context: Context<(typeof PULL_REQUEST_EVENTS)[number]>): Promise<void> => {
    const payload = parsePayload(pullRequestPayload, "pull_request", context.payload);
    const repo = repoOf(payload);
    const pr = {
      number: payload.pull_request.number,
      headSha: payload.pull_request.head.sha,
      baseSha: payload.pull_request.base.sha,
      updatedAt: payload.pull_request.updated_at,
    };
    const key = `${repo.owner}/${repo.repo}#${pr.number}`;
    const about = {
      key,
      repo: `${repo.owner}/${repo.repo}`,
      pr: pr.number,
      sha: pr.headSha,
      action: payload.action,
    };
    await handleDelivery(context, deps, about, () => reportPullRequest(handlerDeps(context, deps, repo), pr));
  };
}
