// check_run rerequested: someone pressed "Re-run" on one of the App's project checks. The check is
// published again even when nothing changed, and the pull request's comment is brought up to date.
// Runs that belong to other Apps, or that this App made for another purpose, are not touched here.
import type { Context } from "probot";
import { reportCommit } from "../handlers/report-commit.ts";
import { reportPullRequest } from "../handlers/report-pull-request.ts";
import { CHECK_EXTERNAL_ID } from "../report/check-output.ts";
import { SETTINGS_EXTERNAL_ID } from "../report/settings-check.ts";
import { type AppDeps, handlerDeps } from "./app-deps.ts";
import { handleDelivery } from "./delivery.ts";
import { checkRunPayload, parsePayload, repoOf } from "./payloads.ts";

const OURS = new Set([CHECK_EXTERNAL_ID, SETTINGS_EXTERNAL_ID]);

export function onCheckRunRerequested(deps: AppDeps) {
  return async (context: Context<"check_run.rerequested">): Promise<void> => {
    const payload = parsePayload(checkRunPayload, "check_run", context.payload);
    const run = payload.check_run;
    if (run.app?.id !== deps.appId || run.external_id === null || !OURS.has(run.external_id)) return;
    const repo = repoOf(payload);
    // The Checks API lists no pull requests for forks; such a commit is re-checked on its own.
    const pr = run.pull_requests.find((p) => p.head.sha === run.head_sha);
    const key =
      pr === undefined
        ? `${repo.owner}/${repo.repo}@${run.head_sha}`
        : `${repo.owner}/${repo.repo}#${pr.number}`;
    const about = { key, repo: `${repo.owner}/${repo.repo}`, sha: run.head_sha, pr: pr?.number ?? null };
    await handleDelivery(context, deps, about, () => {
      const handler = handlerDeps(context, deps, repo);
      const force = { forceCheck: true };
      if (pr === undefined) return reportCommit(handler, { sha: run.head_sha, baseSha: null }, force);
      return reportPullRequest(
        handler,
        { number: pr.number, headSha: run.head_sha, baseSha: pr.base.sha, updatedAt: null },
        force,
      );
    });
  };
}
