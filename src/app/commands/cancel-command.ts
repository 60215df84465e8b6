// `cancel [<action…>]`: cancels the pull request's active job requests (all their pending and running
// jobs, or only the actions named). The answer lists what was and was not cancelled.
import type { CancelOutcome } from "../job-requests/cancel.ts";
import { isActive } from "../job-requests/job-request.ts";
import { codeSpan } from "../report/markdown.ts";
import { checkAccess } from "./check-access.ts";
import { type CommandCall, type CommandDeps, type CommandResult, refused } from "./command-context.ts";
import type { Command } from "./parse-command.ts";

type CancelCommand = Extract<Command, { kind: "cancel" }>;

export async function cancelCommand(
  deps: CommandDeps,
  call: CommandCall,
  command: CancelCommand,
): Promise<CommandResult> {
  const jobs = deps.jobs;
  if (jobs === null)
    return refused("no-backend", "No backend is configured for this App, so there is nothing to cancel.");
  const access = await checkAccess(deps, call, null, "Nothing was cancelled.");
  if (access !== null) return access;
  const active = jobs.service.store.forPull(deps.repo, call.issueNumber).filter(isActive);
  if (active.length === 0) {
    return refused(
      "nothing-active",
      "This pull request has no job request that is still running, so there is nothing to cancel.",
    );
  }
  const wanted = command.actions.length === 0 ? null : command.actions;
  const outcomes: CancelOutcome[] = [];
  for (const request of active) outcomes.push(await jobs.service.cancel(request, wanted));
  for (const outcome of outcomes)
    await jobs.service.publish(outcome.request.id, { comment: false }).catch(() => undefined);
  await deps.refreshComment(call.issueNumber);

  const lines = outcomes.map((o) => describe(o, jobs.pageUrl(o.request.id)));
  const done = outcomes.filter((o) => o.kind === "cancelled" || o.kind === "withdrawn");
  const named =
    wanted === null
      ? []
      : wanted.filter((a) => !done.some((o) => o.kind === "cancelled" && o.actions.includes(a)));
  const allDone = done.length === outcomes.length && named.length === 0;
  return {
    outcome: done.length > 0 ? "cancelled" : "nothing-cancelled",
    reaction: done.length > 0 ? "rocket" : "confused",
    // When everything asked for was cancelled, the 🚀 and the updated comment say enough.
    reply: allDone ? null : lines.join("\n"),
    jobRequests: outcomes.map((o) => o.request.id),
  };
}

function describe(outcome: CancelOutcome, url: string | null): string {
  const id = codeSpan(outcome.request.id);
  const name = url === null ? `Job request ${id}` : `[Job request ${id}](${url})`;
  const list = (names: readonly string[]) => names.map((n) => codeSpan(n)).join(", ");
  switch (outcome.kind) {
    case "cancelled":
      return `- ${name}: cancelled ${list(outcome.actions)}.`;
    case "withdrawn":
      return `- ${name}: withdrawn before the backend took it.`;
    case "not-active":
      return `- ${name}: already finished.`;
    case "no-jobs-yet":
      return `- ${name}: the backend has not reported its jobs yet; wait a minute and try again.`;
    case "nothing-to-cancel":
      return outcome.notFound.length > 0
        ? `- ${name}: ${list(outcome.notFound)} ${outcome.notFound.length === 1 ? "is" : "are"} not pending or running in it.`
        : `- ${name}: no job is pending or running.`;
    case "unreachable":
      return `- ${name}: could not be cancelled (${outcome.problem}); try again.`;
  }
}
