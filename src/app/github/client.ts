// What the App's core needs from GitHub: the REST methods and the paginator of an installation
// client. Handlers receive this rather than a Probot context, so they stay host-free.
import type { ProbotOctokit } from "probot";

export type GitHubClient = Pick<ProbotOctokit, "rest" | "paginate">;

export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

export function repoName(repo: RepoRef): string {
  return `${repo.owner}/${repo.repo}`;
}
