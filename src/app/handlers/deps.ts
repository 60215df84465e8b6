// What every handler is given: a GitHub client for one installation and repository, the App's own
// identity, its memory, the parsed-file cache, and a way to read the repository's settings. Hosts
// build this; handlers never see a Probot context.
import type { FileCache } from "../analysis/file-cache.ts";
import type { LoadCache } from "../analysis/load-cache.ts";
import type { GitHubClient, RepoRef } from "../github/client.ts";
import type { SettingsResult } from "../settings/read-settings.ts";
import type { AppStore } from "../store/store.ts";

export interface HandlerDeps {
  readonly octokit: GitHubClient;
  readonly repo: RepoRef;
  /** The App's id: its comments and check runs carry it. */
  readonly appId: number;
  readonly store: AppStore;
  readonly cache: LoadCache;
  /** Files already read at commits (which never change). */
  readonly files: FileCache;
  /** The repository's settings, from its default branch. */
  readonly readSettings: () => Promise<SettingsResult>;
  /** The pull request's job requests as a section of its comment ("" when none). */
  readonly jobRequestsSection?: (pullNumber: number) => string;
}
