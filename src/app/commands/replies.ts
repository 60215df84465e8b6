// Replies to commands: the command quoted back (as code, so it cannot run again or mention anyone),
// the person who wrote it mentioned, then the answer. Replies stay within GitHub's comment limit.
import { GitHubApiError } from "../errors/github-api-error.ts";
import type { GitHubClient, RepoRef } from "../github/client.ts";
import { codeSpan, shorten } from "../report/markdown.ts";

/** GitHub refuses comments over 65,536 characters. */
const REPLY_BUDGET = 60_000;

export function replyBody(commandLine: string | null, login: string, text: string): string {
  const quote = commandLine === null ? "" : `> ${codeSpan(shorten(commandLine.trim(), 300))}\n\n`;
  // A text that already names the person (a refusal saying what they may not do) is not prefixed again.
  const mention = text.startsWith(`@${login} `) ? "" : `@${login} `;
  const body = `${quote}${mention}${text}`;
  return body.length <= REPLY_BUDGET ? body : `${body.slice(0, REPLY_BUDGET)}\n\n…(cut short)\n`;
}

export async function postReply(
  octokit: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  body: string,
): Promise<number> {
  try {
    const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
    return data.id;
  } catch (error) {
    throw new GitHubApiError(`reply on #${issueNumber}`, error);
  }
}
