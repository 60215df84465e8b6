// push to the default branch: report on the new head commit, compared with the one before it, and
// forget the repository's settings (they live on that branch). Pushes to other branches are left to
// their pull requests; deleted branches and tags are ignored.
import type { Context } from "probot";
import { reportCommit } from "../handlers/report-commit.ts";
import { type AppDeps, handlerDeps } from "./app-deps.ts";
import { handleDelivery } from "./delivery.ts";
import { parsePayload, pushPayload, repoOf } from "./payloads.ts";

const NO_COMMIT = /^0+$/;

export function onPush(deps: AppDeps) {
  return async (context: Context<"push">): Promise<void> => {
    const payload = parsePayload(pushPayload, "push", context.payload);
    if (payload.deleted || NO_COMMIT.test(payload.after)) return;
    if (payload.ref !== `refs/heads/${payload.repository.default_branch}`) return;
    const repo = repoOf(payload);
    deps.settings.forget(repo);
    const commit = { sha: payload.after, baseSha: NO_COMMIT.test(payload.before) ? null : payload.before };
    const key = `${repo.owner}/${repo.repo}@${commit.sha}`;
    const about = { key, repo: `${repo.owner}/${repo.repo}`, sha: commit.sha, ref: payload.ref };
    await handleDelivery(context, deps, about, () => reportCommit(handlerDeps(context, deps, repo), commit));
  };
}
