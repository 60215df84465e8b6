// Reactions on the comment that held a command, as slash-command-dispatch gives them: 👀 when it is
// seen, 🚀 when it was carried out, 😕 when it was refused. A reaction that cannot be added is not
// worth failing a command over; it is logged and the command goes on.
import type { GitHubClient, RepoRef } from "../github/client.ts";

export type Reaction = "eyes" | "rocket" | "confused";

export async function react(
  octokit: GitHubClient,
  repo: RepoRef,
  commentId: number,
  content: Reaction,
  onError: (error: unknown) => void = () => undefined,
): Promise<boolean> {
  try {
    await octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content });
    return true;
  } catch (error) {
    onError(error);
    return false;
  }
}
