// Shows a job request on GitHub: its check run on the commit (created once, then updated), the
// requester told how the submission ended when that happened after the command was answered (🚀, or
// 😕 and a reply), and the pull request's comment brought up to date.
import { react } from "../commands/reactions.ts";
import { postReply, replyBody } from "../commands/replies.ts";
import type { GitHubClient } from "../github/client.ts";
import type { JobRecord, JobRequest } from "./job-request.ts";
import { publishJobRequestCheck, renderJobRequestCheck } from "./job-request-check.ts";
import type { Publisher } from "./service.ts";
import type { JobRequestStore } from "./store.ts";

export interface GitHubPublisherOptions {
  /** An installation's client. */
  readonly auth: (installationId: number) => Promise<GitHubClient>;
  readonly store: JobRequestStore;
  readonly pageUrl: (id: string) => string | null;
  /** Brings the pull request's comment up to date with its job requests. */
  readonly refreshComment: (octokit: GitHubClient, request: JobRequest) => Promise<void>;
}

export function githubPublisher(options: GitHubPublisherOptions): Publisher {
  return {
    async publish(request: JobRequest, jobs: readonly JobRecord[]): Promise<void> {
      const octokit = await options.auth(request.installationId);
      const check = renderJobRequestCheck(request, jobs, options.pageUrl(request.id));
      const id = await publishJobRequestCheck(octokit, request, check);
      if (request.checkRunId !== id) options.store.setCheckRun(request.id, id);
      if (!request.acknowledged && request.submission !== "waiting") {
        await acknowledge(octokit, request, options.pageUrl(request.id));
        options.store.markAcknowledged(request.id);
      }
    },
    async refreshComment(request: JobRequest): Promise<void> {
      if (request.pullNumber === null) return;
      await options.refreshComment(await options.auth(request.installationId), request);
    },
  };
}

/** Tells the requester, on their comment, how a submission that outlived the command ended. */
async function acknowledge(
  octokit: GitHubClient,
  request: JobRequest,
  pageUrl: string | null,
): Promise<void> {
  if (request.commentId === null || request.pullNumber === null) return;
  if (request.submission === "accepted") {
    await react(octokit, request.repo, request.commentId, "rocket");
    return;
  }
  if (request.submission !== "rejected") return;
  await react(octokit, request.repo, request.commentId, "confused");
  const link =
    pageUrl === null ? `Job request \`${request.id}\`` : `[Job request \`${request.id}\`](${pageUrl})`;
  await postReply(
    octokit,
    request.repo,
    request.pullNumber,
    replyBody(
      null,
      request.requestedBy,
      `${link} was not run: ${request.statusMessage ?? "the backend refused it"}`,
    ),
  );
}
