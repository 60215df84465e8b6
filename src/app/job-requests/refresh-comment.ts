// Brings the job-requests section of the App's pull-request comment up to date, without reading
// project.yaml again: the comment is read, its section replaced, and the edit made only when the
// body changed. A pull request the App has not commented on yet is left for the next full report.
import { GitHubApiError, statusOf } from "../errors/github-api-error.ts";
import type { GitHubClient, RepoRef } from "../github/client.ts";
import { hashBody, syncStickyComment } from "../github/sticky-comment.ts";
import { COMMENT_MARKER } from "../report/comment-body.ts";
import type { AppStore } from "../store/store.ts";
import { renderJobRequestsSection, spliceJobRequestsSection } from "./comment-section.ts";
import type { JobRequestStore } from "./store.ts";

export interface RefreshDeps {
  readonly octokit: GitHubClient;
  readonly repo: RepoRef;
  readonly appId: number;
  readonly store: AppStore;
  readonly jobRequests: JobRequestStore;
  readonly pageUrl: (id: string) => string | null;
}

interface CommentLike {
  readonly id: number;
  readonly body?: string | null;
  readonly performed_via_github_app?: { readonly id: number } | null;
}

/** The section as the comment should show it now. */
export function currentSection(
  deps: Pick<RefreshDeps, "repo" | "jobRequests" | "pageUrl">,
  number: number,
): string {
  return renderJobRequestsSection(deps.jobRequests.forPull(deps.repo, number), deps.pageUrl);
}

export async function refreshJobRequestsComment(
  deps: RefreshDeps,
  number: number,
): Promise<"updated" | "unchanged" | "no-comment"> {
  const key = { repo: deps.repo, number };
  const known = await deps.store.getStickyComment(key);
  const existing = (known === null ? null : await read(deps, known.id)) ?? (await find(deps, number));
  if (existing === null) return "no-comment";
  const body = existing.body ?? "";
  const updated = spliceJobRequestsSection(body, currentSection(deps, number));
  const target = { repo: deps.repo, issueNumber: number, marker: COMMENT_MARKER, appId: deps.appId };
  const outcome = await syncStickyComment(deps.octokit, target, updated, {
    id: existing.id,
    bodyHash: hashBody(body),
  });
  await deps.store.setStickyComment(key, outcome.comment);
  return outcome.kind === "unchanged" ? "unchanged" : "updated";
}

function isOurs(comment: CommentLike, appId: number): boolean {
  return comment.performed_via_github_app?.id === appId && (comment.body ?? "").startsWith(COMMENT_MARKER);
}

async function read(deps: RefreshDeps, id: number): Promise<CommentLike | null> {
  try {
    const { data } = await deps.octokit.rest.issues.getComment({ ...deps.repo, comment_id: id });
    return isOurs(data, deps.appId) ? data : null;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw new GitHubApiError(`read comment ${id}`, error);
  }
}

async function find(deps: RefreshDeps, number: number): Promise<CommentLike | null> {
  try {
    const pages = deps.octokit.paginate.iterator(deps.octokit.rest.issues.listComments, {
      ...deps.repo,
      issue_number: number,
      per_page: 100,
    });
    for await (const page of pages) {
      const found = page.data.find((c) => isOurs(c, deps.appId));
      if (found !== undefined) return found;
    }
    return null;
  } catch (error) {
    throw new GitHubApiError(`list comments on #${number}`, error);
  }
}
