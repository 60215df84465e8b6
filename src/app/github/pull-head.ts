// The pull request's head as GitHub sees it now. Deliveries can arrive out of order; a report for a
// commit that is no longer the head must not replace the report for the newer one.
import { GitHubApiError, statusOf } from "../errors/github-api-error.ts";
import type { GitHubClient, RepoRef } from "./client.ts";

export type PullState =
  | { readonly kind: "open"; readonly headSha: string }
  | { readonly kind: "closed" | "missing" };

export async function readPullState(
  octokit: GitHubClient,
  repo: RepoRef,
  number: number,
): Promise<PullState> {
  try {
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number });
    return data.state === "open" ? { kind: "open", headSha: data.head.sha } : { kind: "closed" };
  } catch (error) {
    if (statusOf(error) === 404) return { kind: "missing" };
    throw new GitHubApiError(`read pull request #${number}`, error);
  }
}
