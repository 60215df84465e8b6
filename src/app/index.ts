// The Probot app: which events it listens to and the adapters that hand each one to a handler. It is
// the App's only entry for webhooks; `server.ts` puts it behind HTTP and `trestle app` starts that.
import type { ApplicationFunction, Probot } from "probot";
import { FileCache } from "./analysis/file-cache.ts";
import { LoadCache } from "./analysis/load-cache.ts";
import type { JobsRuntime } from "./commands/command-context.ts";
import type { AppDeps } from "./events/app-deps.ts";
import { onCheckRunRerequested } from "./events/check-run.ts";
import { onCommandComment } from "./events/command-comment.ts";
import { onIssueComment } from "./events/issue-comment.ts";
import { onJobRequestButton } from "./events/job-request-buttons.ts";
import { onPullRequest, PULL_REQUEST_EVENTS } from "./events/pull-request.ts";
import { onPush } from "./events/push.ts";
import type { GitHubClient } from "./github/client.ts";
import { githubPublisher } from "./job-requests/github-publisher.ts";
import { refreshJobRequestsComment } from "./job-requests/refresh-comment.ts";
import type { Publisher } from "./job-requests/service.ts";
import { KeyedQueue } from "./keyed-queue.ts";
import { SettingsCache } from "./settings/settings-cache.ts";
import { MemoryStore } from "./store/memory-store.ts";
import type { AppStore } from "./store/store.ts";

export interface TrestleAppOptions {
  /** The GitHub App's id (APP_ID): the App recognises its own comments and check runs by it. */
  readonly appId: number;
  /** Where deliveries and comment ids are remembered. Default: in memory. */
  readonly store?: AppStore;
  readonly cache?: LoadCache;
  /** Milliseconds since the epoch; tests pass their own. */
  readonly now?: () => number;
  /**
   * Job requests: backends, their store and the poller. Without them the App still checks pull
   * requests, and answers commands by saying no backend is configured.
   */
  readonly jobs?: JobsRuntime;
}

export function trestleApp(options: TrestleAppOptions): ApplicationFunction {
  const deps: AppDeps = {
    appId: options.appId,
    store: options.store ?? new MemoryStore(),
    cache: options.cache ?? new LoadCache(),
    files: new FileCache(),
    queue: new KeyedQueue(),
    settings: new SettingsCache(options.now ?? Date.now),
    jobs: options.jobs ?? null,
  };
  const now = options.now ?? Date.now;
  return (app) => {
    app.on([...PULL_REQUEST_EVENTS], onPullRequest(deps));
    app.on("push", onPush(deps));
    app.on("check_run.rerequested", onCheckRunRerequested(deps));
    app.on(["check_run.rerequested", "check_run.requested_action"], onJobRequestButton(deps, deps.jobs, now));
    app.on("issue_comment.created", onCommandComment(deps, deps.jobs, now));
    app.on("issue_comment.edited", onIssueComment(deps));
    if (deps.jobs !== null) deps.jobs.service.setPublisher(publisherFor(app, deps, deps.jobs));
  };
}

/**
 * Shows job requests on GitHub as the poller sees them change. The comment is edited in the pull
 * request's turn, so it never races a delivery for the same pull request.
 */
function publisherFor(app: Probot, deps: AppDeps, jobs: JobsRuntime): Publisher {
  return githubPublisher({
    auth: async (installationId) => (await app.auth(installationId)) as unknown as GitHubClient,
    store: jobs.service.store,
    pageUrl: jobs.pageUrl,
    refreshComment: async (octokit, request) => {
      const { owner, repo } = request.repo;
      await deps.queue.run(`${owner}/${repo}#${request.pullNumber}`, () =>
        refreshJobRequestsComment(
          {
            octokit,
            repo: request.repo,
            appId: deps.appId,
            store: deps.store,
            jobRequests: jobs.service.store,
            pageUrl: jobs.pageUrl,
          },
          request.pullNumber!,
        ),
      );
    },
  });
}

export { MemoryStore } from "./store/memory-store.ts";
export type { AppStore } from "./store/store.ts";
