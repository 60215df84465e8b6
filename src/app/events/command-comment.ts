// issue_comment created: a person's comment that may hold a slash command. Comments by bots (this App
// included) are never acted on, and a comment with no line starting with `/` costs no request at all.
// Edited comments are not acted on: an edit must not run a command a second time.
import type { Context } from "probot";
import type { CommandDeps, JobsRuntime } from "../commands/command-context.ts";
import { type CommandSettingsResult, handleComment } from "../commands/handle-comment.ts";
import { commandCommentPayload, htmlUrlOf } from "../commands/payloads.ts";
import { readPullInfo } from "../commands/pull-info.ts";
import type { RepoRef } from "../github/client.ts";
import type { HandlerDeps } from "../handlers/deps.ts";
import { reportPullRequest } from "../handlers/report-pull-request.ts";
import { refreshJobRequestsComment } from "../job-requests/refresh-comment.ts";
import { type AppDeps, handlerDeps } from "./app-deps.ts";
import { handleDelivery } from "./delivery.ts";
import { commentSource } from "./issue-comment.ts";
import { parsePayload } from "./payloads.ts";

/** Cheap test before anything else: could any line hold a command? */
const MAYBE_COMMAND = /^ {0,3}\//m;

export function onCommandComment(deps: AppDeps, jobs: JobsRuntime | null, now: () => number) {
  return async (context: Context<"issue_comment.created">): Promise<void> => {
    const payload = parsePayload(commandCommentPayload, "issue_comment", context.payload);
    if (commentSource(payload, context.isBot) === "bot") return;
    const body = payload.comment.body ?? "";
    if (!MAYBE_COMMAND.test(body)) return;
    const repo: RepoRef = { owner: payload.repository.owner.login, repo: payload.repository.name };
    const number = payload.issue.number;
    const about = {
      key: `${repo.owner}/${repo.repo}#${number}`,
      repo: `${repo.owner}/${repo.repo}`,
      pr: number,
      comment: payload.comment.id,
    };
    await handleDelivery(context, deps, about, () => {
      const handler = handlerDeps(context, deps, repo);
      const commandDeps = commandDepsFor(handler, deps, jobs, {
        installationId: payload.installation.id,
        repoHtmlUrl: htmlUrlOf(payload),
        now,
      });
      return handleComment(
        commandDeps,
        {
          commentId: payload.comment.id,
          body,
          login: payload.comment.user?.login ?? payload.sender.login,
          issueNumber: number,
          isPullRequest: payload.issue.pull_request !== undefined && payload.issue.pull_request !== null,
        },
        () => commandSettings(handler),
      );
    });
  };
}

export async function commandSettings(handler: HandlerDeps): Promise<CommandSettingsResult> {
  const result = await handler.readSettings();
  if (!result.ok) return result;
  return {
    ok: true,
    settings: { commands: result.settings.commands, jobRequests: result.settings.job_requests },
  };
}

/**
 * The command handlers' view of a delivery. Its comment refresh runs inside the delivery's turn for
 * the pull request: it edits the App's comment in place, or, when there is none yet, writes the
 * whole report (which includes the job requests).
 */
export function commandDepsFor(
  handler: HandlerDeps,
  deps: AppDeps,
  jobs: JobsRuntime | null,
  extra: { installationId: number; repoHtmlUrl: string; now: () => number },
): CommandDeps {
  return {
    octokit: handler.octokit,
    repo: handler.repo,
    installationId: extra.installationId,
    repoHtmlUrl: extra.repoHtmlUrl,
    cache: deps.cache,
    files: deps.files,
    jobs,
    now: extra.now,
    refreshComment: async (number) => {
      if (jobs === null) return;
      const refreshed = await refreshJobRequestsComment(
        {
          octokit: handler.octokit,
          repo: handler.repo,
          appId: deps.appId,
          store: deps.store,
          jobRequests: jobs.service.store,
          pageUrl: jobs.pageUrl,
        },
        number,
      );
      if (refreshed !== "no-comment") return;
      const pull = await readPullInfo(handler.octokit, handler.repo, number);
      if (pull.kind !== "open") return;
      await reportPullRequest(handler, {
        number,
        headSha: pull.headSha,
        baseSha: pull.baseSha,
        updatedAt: null,
      });
    },
  };
}
