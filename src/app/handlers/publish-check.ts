// Publishing a check run with the App's memory of what it last published on that commit.
import { type CheckRunReport, publishCheckRun } from "../github/check-run.ts";
import type { HandlerDeps } from "./deps.ts";

export async function publishCheck(
  deps: HandlerDeps,
  report: CheckRunReport,
  force = false,
): Promise<"created" | "unchanged"> {
  const key = { repo: deps.repo, sha: report.headSha, name: report.name };
  const previous = await deps.store.getCheckRun(key);
  const outcome = await publishCheckRun(deps.octokit, deps.repo, report, { previous, force });
  if (outcome.kind === "created") await deps.store.setCheckRun(key, outcome.run);
  return outcome.kind;
}
