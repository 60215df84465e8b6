// Reads project.yaml at a commit (and at the commit it is compared with), loads both, and says what
// the change does. Everything the check run and the comment show is derived from this one value.
import type { JobGraph, LoadResult, Pipeline } from "../../pipeline/index.ts";
import type { GitHubClient, RepoRef } from "../github/client.ts";
import { type FileAtRef, readFileAt } from "../github/read-file.ts";
import { settleAll } from "../settle.ts";
import { allAdded, type ChangeSet, compareProjects } from "./changes.ts";
import { FileCache } from "./file-cache.ts";
import type { LoadCache } from "./load-cache.ts";

/** Larger files are reported rather than parsed: the biggest real pipelines are about 1 MB. */
export const MAX_PROJECT_BYTES = 8 * 1024 * 1024;

export type Unreadable =
  | { readonly kind: "not-a-file" }
  | { readonly kind: "too-large"; readonly bytes: number };

/** What is known about the commit a change is compared with. */
export type BaseState =
  | { readonly kind: "none" }
  | { readonly kind: "missing" }
  | { readonly kind: "unreadable" }
  | { readonly kind: "invalid" }
  | { readonly kind: "valid" };

export type ProjectReport =
  | { readonly kind: "missing"; readonly path: string }
  | { readonly kind: "unreadable"; readonly path: string; readonly problem: Unreadable }
  | { readonly kind: "invalid"; readonly path: string; readonly result: LoadResult }
  | {
      readonly kind: "valid";
      readonly path: string;
      readonly result: LoadResult;
      readonly pipeline: Pipeline;
      readonly graph: JobGraph;
      readonly base: BaseState;
      /** Null when there is nothing to compare with (no base, or the base is not valid). */
      readonly changes: ChangeSet | null;
    };

export interface AnalyseInput {
  readonly octokit: GitHubClient;
  readonly repo: RepoRef;
  readonly path: string;
  readonly headSha: string;
  /** The commit to compare with (a pull request's base, a push's previous commit), or null. */
  readonly baseSha: string | null;
  readonly cache: LoadCache;
  readonly files: FileCache;
}

export async function analyseProject(input: AnalyseInput): Promise<ProjectReport> {
  const { path, cache } = input;
  const read = (sha: string) => readCached(input, sha);
  const [head, base] = await settleAll([
    read(input.headSha),
    input.baseSha === null ? null : read(input.baseSha),
  ]);
  if (head.kind === "missing") return { kind: "missing", path };
  if (head.kind !== "found") return { kind: "unreadable", path, problem: head };

  const loaded = cache.load(head.text, path);
  if (loaded.result.pipeline === null || loaded.graph === null) {
    return { kind: "invalid", path, result: loaded.result };
  }
  const pipeline = loaded.result.pipeline;
  const graph = loaded.graph;

  let baseState: BaseState = { kind: "none" };
  let changes: ChangeSet | null = null;
  if (base !== null) {
    if (base.kind === "missing") {
      baseState = { kind: "missing" };
      changes = allAdded(graph);
    } else if (base.kind !== "found") {
      baseState = { kind: "unreadable" };
    } else {
      const before = cache.load(base.text, path);
      if (before.result.pipeline === null) {
        baseState = { kind: "invalid" };
      } else {
        baseState = { kind: "valid" };
        changes = compareProjects(before.result.pipeline, pipeline, graph);
      }
    }
  }
  return { kind: "valid", path, result: loaded.result, pipeline, graph, base: baseState, changes };
}

async function readCached(input: AnalyseInput, sha: string): Promise<FileAtRef> {
  const key = FileCache.key(`${input.repo.owner}/${input.repo.repo}`, sha, input.path);
  const hit = key === null ? undefined : input.files.get(key);
  if (hit !== undefined) return hit;
  const file = await readFileAt(input.octokit, input.repo, input.path, sha, MAX_PROJECT_BYTES);
  if (key !== null) input.files.set(key, file);
  return file;
}
