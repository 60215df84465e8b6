// One comment per pull request, owned by the App and found again by a hidden marker. It is edited in
// place, and not touched at all when the new body equals what is already there. Only comments the
// App itself wrote count: a person quoting the marker, or another bot copying it, is left alone.
import { GitHubApiError, statusOf } from "../errors/github-api-error.ts";
import type { GitHubClient, RepoRef } from "./client.ts";

export interface StickyTarget {
  readonly repo: RepoRef;
  readonly issueNumber: number;
  /** An HTML comment, e.g. `<!-- trestle:pull-request -->`, that the body starts with. */
  readonly marker: string;
  /** The App's id: comments it wrote carry it in `performed_via_github_app`. */
  readonly appId: number;
}

export type StickyOutcome =
  | { readonly kind: "created"; readonly id: number }
  | { readonly kind: "updated"; readonly id: number }
  | { readonly kind: "unchanged"; readonly id: number };

interface CommentLike {
  readonly id: number;
  readonly body?: string | null;
  readonly performed_via_github_app?: { readonly id: number } | null;
}

export interface ExistingComment {
  readonly id: number;
  readonly body: string;
}

/**
 * Finds the App's comment. `knownId` is where it was last seen (from the store): it saves listing
 * every comment, and a comment deleted since is simply looked for again.
 */
export async function findStickyComment(
  octokit: GitHubClient,
  target: StickyTarget,
  knownId: number | null,
): Promise<ExistingComment | null> {
  const found =
    (knownId === null ? null : await getOwn(octokit, target, knownId)) ?? (await find(octokit, target));
  return found === null ? null : { id: found.id, body: found.body ?? "" };
}

/** Creates the comment, or edits it when its body differs; an equal body is left alone. */
export async function writeStickyComment(
  octokit: GitHubClient,
  target: StickyTarget,
  body: string,
  existing: ExistingComment | null,
): Promise<StickyOutcome> {
  if (!body.startsWith(target.marker)) throw new Error("a sticky comment body must start with its marker");
  if (existing === null) {
    try {
      const { data } = await octokit.rest.issues.createComment({
        ...target.repo,
        issue_number: target.issueNumber,
        body,
      });
      return { kind: "created", id: data.id };
    } catch (error) {
      throw new GitHubApiError(`comment on #${target.issueNumber}`, error);
    }
  }
  if (normalise(existing.body) === normalise(body)) return { kind: "unchanged", id: existing.id };
  try {
    await octokit.rest.issues.updateComment({ ...target.repo, comment_id: existing.id, body });
  } catch (error) {
    throw new GitHubApiError(`edit comment ${existing.id} on #${target.issueNumber}`, error);
  }
  return { kind: "updated", id: existing.id };
}

async function getOwn(octokit: GitHubClient, target: StickyTarget, id: number): Promise<CommentLike | null> {
  try {
    const { data } = await octokit.rest.issues.getComment({ ...target.repo, comment_id: id });
    return isOurs(data, target) ? data : null;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw new GitHubApiError(`read comment ${id}`, error);
  }
}

async function find(octokit: GitHubClient, target: StickyTarget): Promise<CommentLike | null> {
  try {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
      ...target.repo,
      issue_number: target.issueNumber,
      per_page: 100,
    });
    for await (const page of pages) {
      const found = page.data.find((c) => isOurs(c, target));
      if (found !== undefined) return found;
    }
    return null;
  } catch (error) {
    throw new GitHubApiError(`list comments on #${target.issueNumber}`, error);
  }
}

function isOurs(comment: CommentLike, target: StickyTarget): boolean {
  return (
    comment.performed_via_github_app?.id === target.appId && (comment.body ?? "").startsWith(target.marker)
  );
}

// GitHub stores what it is sent but may hand back CRLF line ends; trailing space is not meaningful.
function normalise(text: string): string {
  return text.replace(/\r\n/g, "\n").trimEnd();
}
