// The access check `run` and `cancel` share: the repository settings' rules, answered from GitHub.
// A refusal, or a failure to find out, is a reply that says so; nothing is done.
import { authorize } from "../permissions/authorize.ts";
import { githubAccessLookup, PermissionLookupError } from "../permissions/github-lookup.ts";
import { type CommandCall, type CommandDeps, type CommandResult, refused } from "./command-context.ts";

/** Null when the commenter may go ahead; otherwise the refusal. */
export async function checkAccess(
  deps: CommandDeps,
  call: CommandCall,
  backend: string | null,
  nothing = "Nothing was run.",
): Promise<CommandResult | null> {
  const rules = {
    minimumRole: call.settings.commands.minimum_role,
    users: call.settings.commands.users,
    teams: call.settings.commands.teams,
    backends: call.settings.commands.backends,
  };
  try {
    const decision = await authorize(rules, githubAccessLookup(deps.octokit, deps.repo), {
      login: call.login,
      owner: deps.repo.owner,
      backend,
    });
    return decision.allowed ? null : refused("not-allowed", `${decision.reason} ${nothing}`);
  } catch (error) {
    if (!(error instanceof PermissionLookupError)) throw error;
    return refused(
      "permission-unknown",
      `Your permission could not be checked (${error.message}), so ${lowerFirst(nothing)} Please try again.`,
    );
  }
}

function lowerFirst(text: string): string {
  return `${text[0]!.toLowerCase()}${text.slice(1)}`;
}
