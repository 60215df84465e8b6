// The settings file is unusable: say so on the commit, and do nothing else.
import { renderSettingsCheck } from "../report/settings-check.ts";
import type { HandlerDeps } from "./deps.ts";
import { publishCheck } from "./publish-check.ts";

export async function reportSettingsProblem(
  deps: HandlerDeps,
  problems: readonly string[],
  sha: string,
  options: { readonly forceCheck?: boolean } = {},
): Promise<{ readonly check: "created" | "unchanged" }> {
  return { check: await publishCheck(deps, renderSettingsCheck(problems, sha), options.forceCheck === true) };
}
