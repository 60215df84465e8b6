// Where a create request's project comes from: the repository at the commit, checked against the
// branch, read and validated with the pipeline core. Checked commits are remembered in the store
// (commits never change), and parsed pipelines in memory, so repeated creates do not run git.
import { type Issue, loadPipeline, type Pipeline, textIssue } from "../pipeline/index.ts";
import { checkRepoUrl, type RepoCache, type RepoPolicy } from "./repos.ts";
import type { Store } from "./store/store.ts";

export const MAX_PROJECT_BYTES = 16 * 1024 * 1024;
const PIPELINE_CACHE_SIZE = 64;

export type ProjectResult =
  | { readonly ok: true; readonly pipeline: Pipeline }
  | { readonly ok: false; readonly message: string };

export interface ProjectRequest {
  readonly repoUrl: string;
  readonly branch: string;
  readonly commit: string;
}

/** The errors in the project's one issue format (`project.yaml:LINE:COL: error: MESSAGE`), one per line. */
export function formatValidationErrors(errors: readonly Issue[]): string {
  return errors.map((e) => textIssue(e, "project.yaml")).join("\n");
}

export class ProjectSource {
  readonly #repos: RepoCache;
  readonly #store: Store;
  readonly #policy: RepoPolicy;
  readonly #now: () => number;
  readonly #pipelines = new Map<string, ProjectResult>();

  constructor(repos: RepoCache, store: Store, policy: RepoPolicy, now: () => number) {
    this.#repos = repos;
    this.#store = store;
    this.#policy = policy;
    this.#now = now;
  }

  async load(request: ProjectRequest): Promise<ProjectResult> {
    const urlProblem = checkRepoUrl(request.repoUrl, this.#policy);
    if (urlProblem !== null) return { ok: false, message: urlProblem };
    const checkBranch = !this.#policy.allowAnyCommit;
    if (checkBranch && request.branch === "") return { ok: false, message: "A branch name must be supplied" };
    // Without the branch check, any branch name leads to the same answer.
    const branchKey = checkBranch ? request.branch : "";
    // Commits never change, so a commit checked against a branch once stays checked; the parsed
    // pipeline is kept in memory, the checked bytes in the store (they survive a restart).
    const cacheKey = `${request.repoUrl}\n${request.commit}\n${branchKey}`;
    const cached = this.#pipelines.get(cacheKey);
    if (cached !== undefined) {
      // Refresh its place in the least-recently-used order.
      this.#pipelines.delete(cacheKey);
      this.#pipelines.set(cacheKey, cached);
      return cached;
    }
    let bytes = this.#store.checkedCommit(request.repoUrl, request.commit, branchKey);
    if (bytes === undefined) {
      const fetched = await this.#repos.fetchCommit(
        request.repoUrl,
        request.commit,
        checkBranch ? request.branch : null,
      );
      if (!fetched.ok) return fetched;
      const file = await this.#repos.readFile(
        request.repoUrl,
        request.commit,
        "project.yaml",
        MAX_PROJECT_BYTES,
      );
      if (!file.ok) return file;
      if (file.value === null)
        return { ok: false, message: `No project.yaml file found in ${request.repoUrl}` };
      bytes = file.value;
      this.#store.rememberCheckedCommit(request.repoUrl, request.commit, branchKey, bytes, this.#now());
    }
    const loaded = loadPipeline(bytes);
    const result: ProjectResult =
      loaded.valid && loaded.pipeline !== null
        ? { ok: true, pipeline: loaded.pipeline }
        : { ok: false, message: formatValidationErrors(loaded.errors) || "project.yaml is not valid" };
    this.#pipelines.set(cacheKey, result);
    if (this.#pipelines.size > PIPELINE_CACHE_SIZE) {
      this.#pipelines.delete(this.#pipelines.keys().next().value!);
    }
    return result;
  }
}
