// Answers the access questions from GitHub: the collaborator-permission endpoint for roles, and team
// memberships (which need the organisation's Members permission). Answers are remembered for the
// one decision they serve, so a list naming a team twice asks once.
import { statusOf } from "../errors/github-api-error.ts";
import type { GitHubClient, RepoRef } from "../github/client.ts";
import type { AccessLookup, TeamAnswer } from "./authorize.ts";
import { type Role, roleOf } from "./roles.ts";

export class PermissionLookupError extends Error {
  override name = "PermissionLookupError";
}

export function githubAccessLookup(octokit: GitHubClient, repo: RepoRef): AccessLookup {
  const teams = new Map<string, TeamAnswer>();
  return {
    async role(login: string): Promise<Role | "none"> {
      try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
          ...repo,
          username: login,
        });
        return roleOf(data);
      } catch (error) {
        // 404: no such user, or one GitHub will not say anything about; either way, no role.
        if (statusOf(error) === 404) return "none";
        throw new PermissionLookupError(
          `could not read @${login}'s permission on ${repo.owner}/${repo.repo} (HTTP ${statusOf(error) ?? "error"})`,
          { cause: error },
        );
      }
    },
    async inTeam(org: string, team: string, login: string): Promise<TeamAnswer> {
      const key = `${org}/${team}/${login}`.toLowerCase();
      const known = teams.get(key);
      if (known !== undefined) return known;
      let answer: TeamAnswer;
      try {
        const { data } = await octokit.rest.teams.getMembershipForUserInOrg({
          org,
          team_slug: team,
          username: login,
        });
        answer = data.state === "active" ? "member" : "not-member";
      } catch (error) {
        const status = statusOf(error);
        answer = status === 404 ? "not-member" : "unknown";
      }
      teams.set(key, answer);
      return answer;
    },
  };
}
