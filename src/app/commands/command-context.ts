// What a command is given and what it gives back. Commands return their answer (a reaction and a
// reply) as a value; the dispatcher posts it, so each command reads as the decision it makes.
import type { FileCache } from "../analysis/file-cache.ts";
import type { LoadCache } from "../analysis/load-cache.ts";
import type { GitHubClient, RepoRef } from "../github/client.ts";
import type { JobsConfig } from "../job-requests/config.ts";
import type { JobRequestService } from "../job-requests/service.ts";
import type { CommandsSettings, JobRequestSettings } from "./command-settings.ts";
import type { Reaction } from "./reactions.ts";

/** The App's job-request machinery; absent when the App runs without backends and a store. */
export interface JobsRuntime {
  readonly service: JobRequestService;
  readonly config: JobsConfig;
  readonly pageUrl: (id: string) => string | null;
}

export interface CommandDeps {
  readonly octokit: GitHubClient;
  readonly repo: RepoRef;
  readonly installationId: number;
  /** The repository's web page, e.g. https://github.com/owner/name. */
  readonly repoHtmlUrl: string;
  readonly cache: LoadCache;
  readonly files: FileCache;
  readonly jobs: JobsRuntime | null;
  /** Brings the pull request's comment up to date (its job requests included). */
  readonly refreshComment: (pullNumber: number) => Promise<void>;
  readonly now: () => number;
}

export interface CommandSettings {
  readonly commands: CommandsSettings;
  readonly jobRequests: JobRequestSettings;
}

export interface CommandCall {
  readonly login: string;
  readonly commentId: number;
  readonly issueNumber: number;
  readonly settings: CommandSettings;
}

export interface CommandResult {
  /** For the delivery's log line. */
  readonly outcome: string;
  readonly reaction: Exclude<Reaction, "eyes"> | null;
  /** The reply's text after the quoted command and the mention, or null for no reply. */
  readonly reply: string | null;
  readonly jobRequests?: readonly string[];
}

export function refused(outcome: string, reply: string): CommandResult {
  return { outcome, reaction: "confused", reply };
}
