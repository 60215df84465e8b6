// The pull request as GitHub sees it now: open or not, its head commit and branch, and whether that
// branch lives in a fork (whose code the repository's maintainers have not vetted).
import { GitHubApiError, statusOf } from "../errors/github-api-error.ts";
import type { GitHubClient, RepoRef } from "../github/client.ts";

export type PullInfo =
  | {
      readonly kind: "open";
      readonly headSha: string;
      readonly headRef: string;
      readonly baseSha: string;
      readonly fork: boolean;
    }
  | { readonly kind: "closed" | "missing" };

export async function readPullInfo(octokit: GitHubClient, repo: RepoRef, number: number): Promise<PullInfo> {
  let data: Awaited<ReturnType<GitHubClient["rest"]["pulls"]["get"]>>["data"];
  try {
    data = (await octokit.rest.pulls.get({ ...repo, pull_number: number })).data;
  } catch (error) {
    if (statusOf(error) === 404) return { kind: "missing" };
    throw new GitHubApiError(`read pull request #${number}`, error);
  }
  if (data.state !== "open") return { kind: "closed" };
  const base = data.base.repo?.full_name?.toLowerCase();
  const head = data.head.repo?.full_name?.toLowerCase();
  // A head repository that was deleted (null) is a fork that is gone: not the base repository.
  return {
    kind: "open",
    headSha: data.head.sha,
    headRef: data.head.ref,
    baseSha: data.base.sha,
    fork: head === undefined || head !== base,
  };
}
