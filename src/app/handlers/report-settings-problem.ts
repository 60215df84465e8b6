// The settings file is unusable: say so on the commit, and do nothing else.
import { publishCheckRun } from "../github/check-run.ts";
import { renderSettingsCheck } from "../report/settings-check.ts";
import type { HandlerDeps } from "./deps.ts";

export async function reportSettingsProblem(
  deps: HandlerDeps,
  problems: readonly string[],
  sha: string,
  options: { readonly forceCheck?: boolean } = {},
): Promise<{ readonly check: "created" | "unchanged" }> {
  const outcome = await publishCheckRun(
    deps.octokit,
    deps.repo,
    renderSettingsCheck(problems, sha),
    deps.appId,
    options.forceCheck === true,
  );
  return { check: outcome.kind };
}
