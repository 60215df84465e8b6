// What the event adapters share across deliveries, and how they turn a Probot context into the
// arguments handlers take.
import type { Context } from "probot";
import type { FileCache } from "../analysis/file-cache.ts";
import type { LoadCache } from "../analysis/load-cache.ts";
import type { JobsRuntime } from "../commands/command-context.ts";
import type { RepoRef } from "../github/client.ts";
import type { HandlerDeps } from "../handlers/deps.ts";
import { currentSection } from "../job-requests/refresh-comment.ts";
import type { KeyedQueue } from "../keyed-queue.ts";
import { readSettings } from "../settings/read-settings.ts";
import type { SettingsCache } from "../settings/settings-cache.ts";
import { SETTINGS_FILE } from "../settings/settings-schema.ts";
import type { AppStore } from "../store/store.ts";

export interface AppDeps {
  readonly appId: number;
  readonly store: AppStore;
  readonly cache: LoadCache;
  readonly files: FileCache;
  readonly queue: KeyedQueue;
  readonly settings: SettingsCache;
  /** Job requests (backends, store, poller); null when the App runs without them. */
  readonly jobs: JobsRuntime | null;
}

export function handlerDeps(
  context: Pick<Context, "octokit" | "config">,
  deps: AppDeps,
  repo: RepoRef,
): HandlerDeps {
  return {
    octokit: context.octokit,
    repo,
    appId: deps.appId,
    store: deps.store,
    cache: deps.cache,
    files: deps.files,
    // Probot reads the file from the default branch only, so a pull request cannot change the settings.
    readSettings: () => deps.settings.get(repo, () => readSettings(() => context.config(SETTINGS_FILE))),
    ...(deps.jobs === null
      ? {}
      : {
          jobRequestsSection: (number: number) =>
            currentSection({ repo, ...jobRequestsOf(deps.jobs!) }, number),
        }),
  };
}

function jobRequestsOf(jobs: JobsRuntime) {
  return { jobRequests: jobs.service.store, pageUrl: jobs.pageUrl };
}
