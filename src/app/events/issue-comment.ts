// issue_comment: comments written by bots, this App included, are never acted on; without that, the
// App's own comment edits would come back to it as events. Comments from people are where commands
// arrive; until commands are enabled there is nothing to do with them either.
import type { Context } from "probot";
import type { AppDeps } from "./app-deps.ts";
import { issueCommentPayload, parsePayload } from "./payloads.ts";

export type CommentSource = "bot" | "person";

export function commentSource(
  payload: { comment: { user: { type: string } | null; performed_via_github_app?: unknown } },
  senderIsBot: boolean,
): CommentSource {
  const byApp =
    payload.comment.performed_via_github_app !== undefined &&
    payload.comment.performed_via_github_app !== null;
  return senderIsBot || byApp || payload.comment.user?.type === "Bot" ? "bot" : "person";
}

export function onIssueComment(_deps: AppDeps) {
  return async (context: Context<"issue_comment.created" | "issue_comment.edited">): Promise<void> => {
    const payload = parsePayload(issueCommentPayload, "issue_comment", context.payload);
    const source = commentSource(payload, context.isBot);
    context.log.debug(
      { delivery: context.id, event: context.name, comment: payload.comment.id, source, outcome: "ignored" },
      source === "bot" ? "comment by a bot ignored" : "comment has no command",
    );
  };
}
