// A pull request was opened or pushed to: check project.yaml at its head against its base, put the
// verdict on the head commit as a check run, and bring the sticky comment up to date. Reads that do
// not depend on each other are made together, and what the App already knows (settings, files at
// commits, what it last wrote) is not asked again, so a delivery costs a few requests.
import type { ProjectReport } from "../analysis/analyse.ts";
import { readPullState } from "../github/pull-head.ts";
import { syncStickyComment } from "../github/sticky-comment.ts";
import { spliceJobRequestsSection } from "../job-requests/comment-section.ts";
import { renderCheckRun } from "../report/check-output.ts";
import { COMMENT_BUDGET, COMMENT_MARKER, renderComment } from "../report/comment-body.ts";
import type { Settings } from "../settings/settings-schema.ts";
import { settleAll } from "../settle.ts";
import type { HandlerDeps } from "./deps.ts";
import { publishCheck } from "./publish-check.ts";
import { reportSettingsProblem } from "./report-settings-problem.ts";
import { readSettingsAndProject } from "./settings-and-project.ts";

export interface PullRequestTarget {
  readonly number: number;
  readonly headSha: string;
  readonly baseSha: string;
  /** The pull request's `updated_at` as the event carried it (ISO 8601, UTC), when it did. */
  readonly updatedAt: string | null;
}

export type PullRequestOutcome =
  | { readonly settings: "invalid"; readonly check: "created" | "unchanged" }
  | {
      readonly settings: "file" | "defaults";
      readonly project: ProjectReport["kind"];
      readonly check: "created" | "unchanged" | "disabled";
      /** `stale`: the pull request has moved on to another commit, whose own delivery updates the comment. */
      readonly comment: "created" | "updated" | "unchanged" | "disabled" | "stale" | "closed";
    };

export async function reportPullRequest(
  deps: HandlerDeps,
  pr: PullRequestTarget,
  options: { readonly forceCheck?: boolean } = {},
): Promise<PullRequestOutcome> {
  const [settings, report] = await readSettingsAndProject(deps, pr.headSha, pr.baseSha);
  if (!settings.ok) {
    const check = await reportSettingsProblem(deps, settings.problems, pr.headSha, options);
    return { settings: "invalid", check: check.check };
  }
  const [check, comment] = await settleAll([
    settings.settings.checks.enabled
      ? publishCheck(
          deps,
          renderCheckRun(report, settings.settings.checks.name, pr.headSha),
          options.forceCheck === true,
        )
      : ("disabled" as const),
    settings.settings.comment.enabled
      ? updateComment(deps, settings.settings, pr, report)
      : ("disabled" as const),
  ]);
  return { settings: settings.source, project: report.kind, check, comment };
}

async function updateComment(
  deps: HandlerDeps,
  settings: Settings,
  pr: PullRequestTarget,
  report: ProjectReport,
): Promise<"created" | "updated" | "unchanged" | "stale" | "closed"> {
  const key = { repo: deps.repo, number: pr.number };
  const currency = await isCurrent(deps, pr);
  if (currency !== "current") return currency;
  const target = { repo: deps.repo, issueNumber: pr.number, marker: COMMENT_MARKER, appId: deps.appId };
  const section = deps.jobRequestsSection?.(pr.number) ?? "";
  const body = spliceJobRequestsSection(
    renderComment(report, {
      showGraph: settings.comment.graph,
      annotated: settings.checks.enabled,
      budget: COMMENT_BUDGET - section.length,
    }),
    section,
  );
  const known = await deps.store.getStickyComment(key);
  const outcome = await syncStickyComment(deps.octokit, target, body, known);
  if (outcome.kind !== "unchanged" || known === null) await deps.store.setStickyComment(key, outcome.comment);
  return outcome.kind;
}

/**
 * Whether the event's commit is still the pull request's head. Deliveries can arrive out of order;
 * GitHub stamps each event with the pull request's `updated_at`, so an event older than one already
 * seen is stale and a newer one is current. When that cannot decide (no stamp, nothing seen since the
 * App started, or two pushes in the same second) GitHub is asked.
 */
async function isCurrent(deps: HandlerDeps, pr: PullRequestTarget): Promise<"current" | "stale" | "closed"> {
  const key = { repo: deps.repo, number: pr.number };
  const seen = pr.updatedAt === null ? null : await deps.store.getPullHead(key);
  let verdict: "current" | "stale" | "closed";
  if (seen !== null && pr.updatedAt! < seen.updatedAt) verdict = "stale";
  else if (seen !== null && (pr.updatedAt! > seen.updatedAt || seen.sha === pr.headSha)) verdict = "current";
  else {
    const state = await readPullState(deps.octokit, deps.repo, pr.number);
    verdict = state.kind !== "open" ? "closed" : state.headSha === pr.headSha ? "current" : "stale";
  }
  if (verdict === "current" && pr.updatedAt !== null) {
    await deps.store.setPullHead(key, { sha: pr.headSha, updatedAt: pr.updatedAt });
  }
  return verdict;
}
