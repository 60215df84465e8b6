// `run <action…|run_all> [-f] [--backend <name>]`: checks who asks and what they ask for, then stores a
// job request and submits it. Nothing is stored or sent until every check has passed: the commenter's
// access, the backend, the pull request (open, not from a fork unless allowed), project.yaml at its
// head, and the actions named.
import { RUN_ALL } from "../../pipeline/index.ts";
import { repoUrlFor } from "../job-requests/config.ts";
import { newJobRequestId } from "../job-requests/job-request.ts";
import { repoKey } from "../job-requests/store.ts";
import { codeSpan } from "../report/markdown.ts";
import { checkAccess } from "./check-access.ts";
import {
  type CommandCall,
  type CommandDeps,
  type CommandResult,
  type JobsRuntime,
  refused,
} from "./command-context.ts";
import { fillTemplate } from "./command-settings.ts";
import { closest } from "./did-you-mean.ts";
import type { Command } from "./parse-command.ts";
import { readProjectAt } from "./project-at.ts";
import { readPullInfo } from "./pull-info.ts";

type RunCommand = Extract<Command, { kind: "run" }>;

export async function runCommand(
  deps: CommandDeps,
  call: CommandCall,
  command: RunCommand,
): Promise<CommandResult> {
  const jobs = deps.jobs;
  if (jobs === null || jobs.config.backends.length === 0) {
    return refused("no-backend", "No backend is configured for this App, so jobs cannot be run here.");
  }
  const backend = command.backend ?? jobs.config.defaultBackend!;
  const known = jobs.config.backends.map((b) => b.slug);
  if (!known.includes(backend)) {
    const guess = closest(backend, known);
    return refused(
      "unknown-backend",
      `${codeSpan(backend)} is not a backend of this App.${guess === null ? "" : ` Did you mean ${codeSpan(guess)}?`} The backends are ${known.map((k) => codeSpan(k)).join(", ")}.`,
    );
  }
  const access = await checkAccess(deps, call, backend);
  if (access !== null) return access;

  const pull = await readPullInfo(deps.octokit, deps.repo, call.issueNumber);
  if (pull.kind !== "open")
    return refused("pull-not-open", "This pull request is not open, so nothing was run.");
  if (pull.fork && !call.settings.commands.forks) {
    return refused(
      "fork",
      "This pull request comes from a fork. Its code would run on the backend, so runs from forks are off " +
        "unless the repository's settings allow them (`commands.forks: true`). Nothing was run.",
    );
  }
  const project = await readProjectAt(deps, pull.headSha);
  if (!project.ok) return refused("project-invalid", project.problem);
  const unknown = command.actions.filter((a) => a !== RUN_ALL && !project.pipeline.actions.has(a));
  if (unknown.length > 0) {
    const names = [...project.pipeline.actions.keys()];
    const lines = unknown.map((a) => {
      const guess = closest(a, names);
      return `- ${codeSpan(a)} is not an action in \`project.yaml\`.${guess === null ? "" : ` Did you mean ${codeSpan(guess)}?`}`;
    });
    return refused("unknown-action", `Nothing was run:\n\n${lines.join("\n")}\n`);
  }
  return submit(deps, call, command, jobs, {
    backend,
    headSha: pull.headSha,
    headRef: pull.headRef,
    text: project.text,
  });
}

async function submit(
  deps: CommandDeps,
  call: CommandCall,
  command: RunCommand,
  jobs: JobsRuntime,
  at: { backend: string; headSha: string; headRef: string; text: string },
): Promise<CommandResult> {
  const naming = { owner: deps.repo.owner, repo: deps.repo.repo, branch: at.headRef, pr: call.issueNumber };
  const settings = call.settings.jobRequests;
  const inserted = jobs.service.store.insert({
    id: newJobRequestId(),
    sourceKey: `comment:${repoKey(deps.repo)}:${call.commentId}`,
    installationId: deps.installationId,
    repo: deps.repo,
    repoHtmlUrl: deps.repoHtmlUrl,
    repoUrl: repoUrlFor(jobs.config.repoUrlTemplate, deps.repo.owner, deps.repo.repo),
    pullNumber: call.issueNumber,
    commentId: call.commentId,
    backend: at.backend,
    workspace: fillTemplate(settings.workspace, naming, true),
    branch: at.headRef,
    commit: at.headSha,
    requestedActions: command.actions,
    forceRunDependencies: command.forceRunDependencies,
    requestedBy: call.login,
    organisation: fillTemplate(settings.organisation, naming),
    project: fillTemplate(settings.project, naming),
    projectDefinition: at.text,
    createdAt: deps.now(),
  });
  const id = inserted.request.id;
  // The same comment again (a second delivery): the request it made stands, and nothing more is said.
  if (!inserted.created) return { outcome: "duplicate", reaction: null, reply: null, jobRequests: [id] };

  const outcome = await jobs.service.submit(inserted.request);
  if (outcome.kind !== "retrying") jobs.service.store.markAcknowledged(id);
  // The check run shows up now; should GitHub fail, the poller publishes it on its next round.
  await jobs.service.publish(id, { comment: false }).catch(() => undefined);
  await deps.refreshComment(call.issueNumber);
  const url = jobs.pageUrl(id);
  const link = url === null ? `Job request ${codeSpan(id)}` : `[Job request ${codeSpan(id)}](${url})`;
  switch (outcome.kind) {
    case "accepted":
      return { outcome: "submitted", reaction: "rocket", reply: null, jobRequests: [id] };
    case "nothing-to-do":
      return {
        outcome: "nothing-to-do",
        reaction: "rocket",
        reply: `${link}: nothing to do. ${outcome.request.statusMessage ?? ""}`.trim(),
        jobRequests: [id],
      };
    case "rejected":
      return {
        outcome: "rejected",
        reaction: "confused",
        reply: `${link} was not run: ${outcome.request.statusMessage ?? "the backend refused it"}`,
        jobRequests: [id],
      };
    case "retrying":
      return {
        outcome: "backend-unreachable",
        reaction: null,
        reply:
          `${link} is saved, but ${outcome.problem}. Trestle keeps submitting it until the backend takes it, ` +
          "and adds 🚀 to your comment when it does; nothing is lost.",
        jobRequests: [id],
      };
  }
}
