// One comment per pull request, owned by the App and found again by a hidden marker. It is edited in
// place, and not touched at all when the new body equals the last one. Only comments the App itself
// wrote count: a person quoting the marker, or another bot copying it, is left alone.
//
// The App remembers (in its store) which comment it wrote and a hash of the body it last gave it, so
// an unchanged report costs no request and a changed one a single edit. Without that memory, or when
// the comment has gone, it lists the pull request's comments to find its own.
import { createHash } from "node:crypto";
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

/** What the App remembers about its comment on a pull request. */
export interface KnownComment {
  readonly id: number;
  readonly bodyHash: string;
}

export interface StickyOutcome {
  readonly kind: "created" | "updated" | "unchanged";
  readonly comment: KnownComment;
}

interface CommentLike {
  readonly id: number;
  readonly body?: string | null;
  readonly performed_via_github_app?: { readonly id: number } | null;
}

export async function syncStickyComment(
  octokit: GitHubClient,
  target: StickyTarget,
  body: string,
  known: KnownComment | null,
): Promise<StickyOutcome> {
  if (!body.startsWith(target.marker)) throw new Error("a sticky comment body must start with its marker");
  const comment = { id: 0, bodyHash: hashBody(body) };
  if (known !== null) {
    if (known.bodyHash === comment.bodyHash) return { kind: "unchanged", comment: known };
    if (await edit(octokit, target, known.id, body))
      return { kind: "updated", comment: { ...comment, id: known.id } };
  }
  const existing = await find(octokit, target);
  if (existing === null) {
    try {
      const { data } = await octokit.rest.issues.createComment({
        ...target.repo,
        issue_number: target.issueNumber,
        body,
      });
      return { kind: "created", comment: { ...comment, id: data.id } };
    } catch (error) {
      throw new GitHubApiError(`comment on #${target.issueNumber}`, error);
    }
  }
  if (hashBody(existing.body ?? "") === comment.bodyHash) {
    return { kind: "unchanged", comment: { ...comment, id: existing.id } };
  }
  if (!(await edit(octokit, target, existing.id, body))) {
    throw new GitHubApiError(
      `edit comment ${existing.id} on #${target.issueNumber}`,
      new Error("it disappeared"),
    );
  }
  return { kind: "updated", comment: { ...comment, id: existing.id } };
}

/** False when the comment is gone (deleted since the App last saw it). */
async function edit(octokit: GitHubClient, target: StickyTarget, id: number, body: string): Promise<boolean> {
  try {
    await octokit.rest.issues.updateComment({ ...target.repo, comment_id: id, body });
    return true;
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw new GitHubApiError(`edit comment ${id} on #${target.issueNumber}`, error);
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

/** GitHub may hand back CRLF line ends, and trailing space is not meaningful, so neither counts. */
export function hashBody(body: string): string {
  return createHash("sha256").update(body.replace(/\r\n/g, "\n").trimEnd()).digest("base64url");
}
