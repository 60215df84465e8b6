// The commands that only answer: `status` (the pull request's job requests), `graph` (the job graph
// at its head) and `help`.
import { renderMermaid } from "../../pipeline/index.ts";
import { renderJobRequestsSection } from "../job-requests/comment-section.ts";
import { codeSpan } from "../report/markdown.ts";
import { type CommandCall, type CommandDeps, type CommandResult, refused } from "./command-context.ts";
import { renderHelp } from "./help.ts";
import { readProjectAt } from "./project-at.ts";
import { readPullInfo } from "./pull-info.ts";

const GRAPH_BUDGET = 50_000;

export function statusCommand(deps: CommandDeps, call: CommandCall): CommandResult {
  const requests = deps.jobs?.service.store.forPull(deps.repo, call.issueNumber) ?? [];
  if (requests.length === 0) {
    return {
      outcome: "status",
      reaction: "rocket",
      reply: `This pull request has no job requests yet. Write \`/${call.settings.commands.word} run <action…>\` to make one.`,
    };
  }
  const table = renderJobRequestsSection(requests, (id) => deps.jobs?.pageUrl(id) ?? null, false);
  return {
    outcome: "status",
    reaction: "rocket",
    reply: `here are this pull request's job requests:\n\n${table}`,
  };
}

export async function graphCommand(deps: CommandDeps, call: CommandCall): Promise<CommandResult> {
  const pull = await readPullInfo(deps.octokit, deps.repo, call.issueNumber);
  if (pull.kind !== "open") return refused("pull-not-open", "This pull request is not open.");
  const project = await readProjectAt(deps, pull.headSha);
  if (!project.ok) return refused("project-invalid", project.problem.replace(", so nothing was run", ""));
  const graph = renderMermaid(project.pipeline, project.graph, { maxChars: GRAPH_BUDGET });
  return {
    outcome: "graph",
    reaction: "rocket",
    reply: `the job graph of \`project.yaml\` at ${codeSpan(pull.headSha.slice(0, 7))}:\n\n${graph}`,
  };
}

export function helpCommand(deps: CommandDeps, call: CommandCall): CommandResult {
  return { outcome: "help", reaction: "rocket", reply: helpText(deps, call) };
}

export function helpText(deps: CommandDeps, call: CommandCall): string {
  return renderHelp({
    word: call.settings.commands.word,
    backends: deps.jobs?.config.backends.map((b) => b.slug) ?? [],
    defaultBackend: deps.jobs?.config.defaultBackend ?? null,
  });
}
