// Who may run and cancel job requests. Three gates, all of which must pass:
//   1. the commenter's repository role meets the minimum (default write);
//   2. when the settings list users or teams, the commenter is one of those users or in one of those teams;
//   3. when the chosen backend has its own allow-list, the commenter is on it (by user or team).
// A refusal says which gate was not met, in words the commenter can act on.
import { meetsRole, type Role } from "./roles.ts";

export interface AllowList {
  /** GitHub logins, compared case-insensitively. */
  readonly users: readonly string[];
  /** `org/team-slug`, or `team-slug` for a team of the repository's owner. */
  readonly teams: readonly string[];
}

export interface AccessRules extends AllowList {
  readonly minimumRole: Role;
  /** Allow-lists per backend slug; a backend not listed has none. */
  readonly backends: Readonly<Record<string, AllowList>>;
}

export type TeamAnswer = "member" | "not-member" | "unknown";

/** How to ask GitHub about a user. Implementations must not throw for "no": that is a value. */
export interface AccessLookup {
  role(login: string): Promise<Role | "none">;
  inTeam(org: string, team: string, login: string): Promise<TeamAnswer>;
}

export type Decision =
  | { readonly allowed: true; readonly role: Role }
  | { readonly allowed: false; readonly reason: string };

export async function authorize(
  rules: AccessRules,
  lookup: AccessLookup,
  request: { readonly login: string; readonly owner: string; readonly backend: string | null },
): Promise<Decision> {
  const role = await lookup.role(request.login);
  if (!meetsRole(role, rules.minimumRole)) {
    const has = role === "none" ? "no role on this repository" : `the ${role} role on this repository`;
    return {
      allowed: false,
      reason: `@${request.login} has ${has}; running and cancelling jobs needs at least the ${rules.minimumRole} role.`,
    };
  }
  const listed = await onList(rules, lookup, request);
  if (listed !== true) {
    return {
      allowed: false,
      reason: `@${request.login} is not among the users and teams allowed to run jobs in this repository's settings${listed === "unknown" ? " (team membership could not be checked: the App needs the organisation's Members permission)" : ""}.`,
    };
  }
  if (request.backend !== null) {
    const backendList = rules.backends[request.backend];
    if (backendList !== undefined) {
      const onBackend = await onList(backendList, lookup, request);
      if (onBackend !== true) {
        return {
          allowed: false,
          reason: `@${request.login} is not allowed to run jobs on the \`${request.backend}\` backend${onBackend === "unknown" ? " (team membership could not be checked)" : ""}.`,
        };
      }
    }
  }
  return { allowed: true, role: role as Role };
}

/** True when the list is empty or names the user; "unknown" when a team could not be checked. */
async function onList(
  list: AllowList,
  lookup: AccessLookup,
  request: { readonly login: string; readonly owner: string },
): Promise<true | false | "unknown"> {
  if (list.users.length === 0 && list.teams.length === 0) return true;
  const login = request.login.toLowerCase();
  if (list.users.some((u) => u.toLowerCase() === login)) return true;
  let unknown = false;
  for (const entry of list.teams) {
    const [org, team] = entry.includes("/")
      ? (entry.split("/", 2) as [string, string])
      : [request.owner, entry];
    const answer = await lookup.inTeam(org, team, request.login);
    if (answer === "member") return true;
    if (answer === "unknown") unknown = true;
  }
  return unknown ? "unknown" : false;
}
