// Reads one file at one commit through the contents API, as data: pull-request code is never checked
// out. The raw media type is used because the JSON form stops carrying content above 1 MB.
import { GitHubApiError, statusOf } from "../errors/github-api-error.ts";
import type { GitHubClient, RepoRef } from "./client.ts";

export type FileAtRef =
  | { readonly kind: "found"; readonly text: string }
  | { readonly kind: "missing" }
  | { readonly kind: "not-a-file" }
  | { readonly kind: "too-large"; readonly bytes: number };

export async function readFileAt(
  octokit: GitHubClient,
  repo: RepoRef,
  path: string,
  ref: string,
  maxBytes: number,
): Promise<FileAtRef> {
  let data: unknown;
  try {
    const response = await octokit.rest.repos.getContent({
      ...repo,
      path,
      ref,
      mediaType: { format: "raw" },
    });
    data = response.data;
  } catch (error) {
    if (statusOf(error) === 404) return { kind: "missing" };
    throw new GitHubApiError(`read ${path} at ${ref}`, error);
  }
  // A directory (or a submodule) comes back as a JSON listing even when raw content is asked for.
  if (typeof data !== "string") return { kind: "not-a-file" };
  const bytes = Buffer.byteLength(data, "utf8");
  if (bytes > maxBytes) return { kind: "too-large", bytes };
  return { kind: "found", text: data };
}
