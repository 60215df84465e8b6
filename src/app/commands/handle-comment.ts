// A comment on a pull request: find the command in it, acknowledge it (👀), carry it out, and answer
// with a reaction (🚀 or 😕) and, where there is something to say, a reply. A comment is acted on once:
// a second delivery of it does nothing. Every bad command gets an answer with the help; none is met
// with silence.

import { repoKey } from "../job-requests/store.ts";
import { SETTINGS_PATH } from "../settings/settings-schema.ts";
import { cancelCommand } from "./cancel-command.ts";
import type { CommandCall, CommandDeps, CommandResult, CommandSettings } from "./command-context.ts";
import { refused } from "./command-context.ts";
import { findCommand, MAX_COMMAND_CHARS } from "./find-command.ts";
import { graphCommand, helpCommand, helpText, statusCommand } from "./info-commands.ts";
import { code, parseCommand } from "./parse-command.ts";
import { react } from "./reactions.ts";
import { postReply, replyBody } from "./replies.ts";
import { runCommand } from "./run-command.ts";

export const DEFAULT_WORD = "opensafely";

export interface CommentEvent {
  readonly commentId: number;
  readonly body: string;
  readonly login: string;
  readonly issueNumber: number;
  readonly isPullRequest: boolean;
}

export type CommandSettingsResult =
  | { readonly ok: true; readonly settings: CommandSettings }
  | { readonly ok: false; readonly problems: readonly string[] };

export interface CommentOutcome {
  readonly outcome: string;
  readonly command?: string;
  readonly jobRequests?: string;
}

export async function handleComment(
  deps: CommandDeps,
  event: CommentEvent,
  readSettings: () => Promise<CommandSettingsResult>,
): Promise<CommentOutcome> {
  const settings = await readSettings();
  if (settings.ok && !settings.settings.commands.enabled) return { outcome: "commands-off" };
  const word = settings.ok ? settings.settings.commands.word : DEFAULT_WORD;
  const found = findCommand(event.body, word);
  if (found.kind === "none") return { outcome: "no-command" };

  const store = deps.jobs?.service.store ?? null;
  const sourceKey = `comment:${repoKey(deps.repo)}:${event.commentId}`;
  if (store !== null && !store.claimCommand(sourceKey)) return { outcome: "already-handled" };
  try {
    await react(deps.octokit, deps.repo, event.commentId, "eyes");
    const lines = event.body.replace(/\r\n?/g, "\n").split("\n");
    const line = "line" in found ? (lines[found.line - 1] ?? null) : null;
    const result = settings.ok
      ? await decide(deps, event, settings.settings, found)
      : refused(
          "settings-invalid",
          `commands cannot run until the repository's settings (${code(SETTINGS_PATH)} on the default branch) are fixed:\n\n` +
            settings.problems.map((p) => `- ${p}`).join("\n"),
        );
    if (result.reaction !== null) await react(deps.octokit, deps.repo, event.commentId, result.reaction);
    if (result.reply !== null) {
      const shown = found.kind === "too-long" && line !== null ? `${line.slice(0, 200)}…` : line;
      await postReply(
        deps.octokit,
        deps.repo,
        event.issueNumber,
        replyBody(shown, event.login, result.reply),
      );
    }
    return {
      outcome: result.outcome,
      ...(found.kind === "command" ? { command: found.args.split(/\s/, 1)[0]!.toLowerCase() || "help" } : {}),
      ...(result.jobRequests === undefined ? {} : { jobRequests: result.jobRequests.join(",") }),
    };
  } catch (error) {
    store?.releaseCommand(sourceKey);
    throw error;
  }
}

async function decide(
  deps: CommandDeps,
  event: CommentEvent,
  settings: CommandSettings,
  found: Exclude<ReturnType<typeof findCommand>, { kind: "none" }>,
): Promise<CommandResult> {
  const call: CommandCall = {
    login: event.login,
    commentId: event.commentId,
    issueNumber: event.issueNumber,
    settings,
  };
  const help = `\n\n${helpText(deps, call)}`;
  const word = `/${settings.commands.word}`;
  switch (found.kind) {
    case "several":
      return refused(
        "several-commands",
        `write one command per comment; this one has ${found.lines.length} (on lines ${found.lines.join(", ")}), so nothing was done.${help}`,
      );
    case "too-long":
      return refused(
        "too-long",
        `this command is longer than ${MAX_COMMAND_CHARS} characters, so nothing was done.`,
      );
    case "near-miss":
      return refused(
        "near-miss",
        `${code(`/${found.typed}`)} is not a command. Did you mean ${code(word)}?${help}`,
      );
    case "command":
      break;
  }
  if (!event.isPullRequest) {
    return refused("not-a-pull-request", `commands work in pull-request comments only; nothing was done.`);
  }
  const parsed = parseCommand(found.args);
  if (!parsed.ok) return refused("bad-command", `${parsed.problem}${help}`);
  switch (parsed.command.kind) {
    case "run":
      return runCommand(deps, call, parsed.command);
    case "cancel":
      return cancelCommand(deps, call, parsed.command);
    case "status":
      return statusCommand(deps, call);
    case "graph":
      return graphCommand(deps, call);
    case "help":
      return helpCommand(deps, call);
  }
}
