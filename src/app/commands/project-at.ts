// project.yaml at a pull request's head, read through the contents API as data (never checked out)
// and loaded with the pipeline core: the same reading the App's check run does.

import type { JobGraph, Pipeline } from "../../pipeline/index.ts";
import { MAX_PROJECT_BYTES } from "../analysis/analyse.ts";
import { FileCache } from "../analysis/file-cache.ts";
import { readFileAt } from "../github/read-file.ts";
import { renderIssuesBlock } from "../report/issues-block.ts";
import { codeSpan, count } from "../report/markdown.ts";
import { PROJECT_FILE } from "../settings/settings-schema.ts";
import type { CommandDeps } from "./command-context.ts";

export type ProjectAt =
  | { readonly ok: true; readonly text: string; readonly pipeline: Pipeline; readonly graph: JobGraph }
  /** Why there is nothing to run, in Markdown for a reply. */
  | { readonly ok: false; readonly problem: string };

export async function readProjectAt(deps: CommandDeps, sha: string): Promise<ProjectAt> {
  const file = codeSpan(PROJECT_FILE);
  const at = codeSpan(sha.slice(0, 7));
  const key = FileCache.key(`${deps.repo.owner}/${deps.repo.repo}`, sha, PROJECT_FILE);
  let found = key === null ? undefined : deps.files.get(key);
  if (found === undefined) {
    found = await readFileAt(deps.octokit, deps.repo, PROJECT_FILE, sha, MAX_PROJECT_BYTES);
    if (key !== null) deps.files.set(key, found);
  }
  if (found.kind === "missing")
    return { ok: false, problem: `There is no ${file} at ${at}, so there is nothing to run.` };
  if (found.kind === "not-a-file") return { ok: false, problem: `${file} at ${at} is not a file.` };
  if (found.kind === "too-large") {
    return {
      ok: false,
      problem: `${file} at ${at} is ${count(found.bytes, "byte")}, more than Trestle reads.`,
    };
  }
  const loaded = deps.cache.load(found.text, PROJECT_FILE);
  if (loaded.result.pipeline === null || loaded.graph === null) {
    const errors = count(loaded.result.errors.length, "error");
    return {
      ok: false,
      problem: `${file} at ${at} is not valid (${errors}), so nothing was run:\n\n${renderIssuesBlock(loaded.result, PROJECT_FILE, 20_000)}`,
    };
  }
  return { ok: true, text: found.text, pipeline: loaded.result.pipeline, graph: loaded.graph };
}
