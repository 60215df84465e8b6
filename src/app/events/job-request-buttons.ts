// check_run rerequested and requested_action on a job request's check run: "Re-run" and "Run again"
// request the same actions again; "Cancel" cancels it. Runs of other Apps, and the App's own project
// checks, are left to their handlers.
import type { Context } from "probot";
import { cancelFromCheck, rerunFromCheck } from "../commands/check-run-actions.ts";
import type { JobsRuntime } from "../commands/command-context.ts";
import { checkRunButtonPayload, htmlUrlOf } from "../commands/payloads.ts";
import type { RepoRef } from "../github/client.ts";
import { CANCEL_ACTION, jobRequestIdFromExternal, RERUN_ACTION } from "../job-requests/job-request-check.ts";
import { repoKey } from "../job-requests/store.ts";
import { type AppDeps, handlerDeps } from "./app-deps.ts";
import { commandDepsFor, commandSettings } from "./command-comment.ts";
import { handleDelivery } from "./delivery.ts";
import { parsePayload } from "./payloads.ts";

export function onJobRequestButton(deps: AppDeps, jobs: JobsRuntime | null, now: () => number) {
  return async (context: Context<"check_run.rerequested" | "check_run.requested_action">): Promise<void> => {
    const payload = parsePayload(checkRunButtonPayload, "check_run", context.payload);
    const run = payload.check_run;
    const id = jobRequestIdFromExternal(run.external_id);
    if (jobs === null || run.app?.id !== deps.appId || id === null) return;
    const request = jobs.service.store.get(id);
    const repo: RepoRef = { owner: payload.repository.owner.login, repo: payload.repository.name };
    // A run id for another repository's request is not this repository's to act on.
    if (request === undefined || repoKey(request.repo) !== repoKey(repo)) return;
    const button =
      payload.action === "rerequested" ? RERUN_ACTION : (payload.requested_action?.identifier ?? "");
    if (button !== RERUN_ACTION && button !== CANCEL_ACTION) return;
    const about = {
      key:
        request.pullNumber === null
          ? `${repo.owner}/${repo.repo}@${request.commit}`
          : `${repo.owner}/${repo.repo}#${request.pullNumber}`,
      repo: `${repo.owner}/${repo.repo}`,
      jobRequest: id,
      button,
    };
    await handleDelivery(context, deps, about, async () => {
      const handler = handlerDeps(context, deps, repo);
      const settings = await commandSettings(handler);
      if (!settings.ok) return { outcome: "settings-invalid" };
      const commandDeps = commandDepsFor(handler, deps, jobs, {
        installationId: payload.installation.id,
        repoHtmlUrl: htmlUrlOf(payload),
        now,
      });
      const press = {
        login: payload.sender.login,
        sourceKey: `check-run:${repoKey(repo)}:${run.id}:${context.id}`,
        settings: settings.settings,
      };
      return button === RERUN_ACTION
        ? rerunFromCheck(commandDeps, request, press)
        : cancelFromCheck(commandDeps, jobs.service.store.get(id)!, press);
    });
  };
}
