// A commit that is not (or not only) a pull request's head: a push to the default branch, or a re-run
// asked for on a check. Only the check run is published; there is no comment to keep.
import type { ProjectReport } from "../analysis/analyse.ts";
import { renderCheckRun } from "../report/check-output.ts";
import type { HandlerDeps } from "./deps.ts";
import { publishCheck } from "./publish-check.ts";
import { reportSettingsProblem } from "./report-settings-problem.ts";
import { readSettingsAndProject } from "./settings-and-project.ts";

export interface CommitTarget {
  readonly sha: string;
  /** The commit to compare with (a push's previous head), or null. */
  readonly baseSha: string | null;
}

export type CommitOutcome =
  | { readonly settings: "invalid"; readonly check: "created" | "unchanged" }
  | {
      readonly settings: "file" | "defaults";
      readonly project: ProjectReport["kind"];
      readonly check: "created" | "unchanged";
    }
  | { readonly settings: "file" | "defaults"; readonly check: "disabled" };

export async function reportCommit(
  deps: HandlerDeps,
  commit: CommitTarget,
  options: { readonly forceCheck?: boolean } = {},
): Promise<CommitOutcome> {
  const [settings, report] = await readSettingsAndProject(deps, commit.sha, commit.baseSha);
  if (!settings.ok) {
    const check = await reportSettingsProblem(deps, settings.problems, commit.sha, options);
    return { settings: "invalid", check: check.check };
  }
  if (!settings.settings.checks.enabled) return { settings: settings.source, check: "disabled" };
  const published = renderCheckRun(report, settings.settings.checks.name, commit.sha);
  const check = await publishCheck(deps, published, options.forceCheck === true);
  return { settings: settings.source, project: report.kind, check };
}
