// The fake GitHub's knowledge of people and of what they did: collaborators' roles (answered as the
// collaborator-permission endpoint does, legacy field included), team memberships, reactions on
// comments, pull requests from forks, and GitHub's limits on check-run buttons. It answers the routes it owns
// and leaves every other request to the rest of the fake.
import type { Reply, RequestInfo } from "./fake-github.ts";
import { installationOf } from "./fake-github-auth.ts";
import type { FakeGitHubState } from "./fake-github-state.ts";
import { validationFailed } from "./fake-github-validation.ts";

export type FakeRole = "read" | "triage" | "write" | "maintain" | "admin";

export interface FakeReaction {
  readonly id: number;
  readonly repo: string;
  readonly commentId: number;
  readonly content: string;
  readonly user: string;
}

const REACTIONS = new Set(["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"]);
/** The legacy `permission` field folds maintain into write and triage into read. */
const LEGACY: Record<FakeRole, string> = {
  read: "read",
  triage: "read",
  write: "write",
  maintain: "write",
  admin: "admin",
};
const FLAGS: Record<FakeRole, Record<string, boolean>> = {
  read: { pull: true, triage: false, push: false, maintain: false, admin: false },
  triage: { pull: true, triage: true, push: false, maintain: false, admin: false },
  write: { pull: true, triage: true, push: true, maintain: false, admin: false },
  maintain: { pull: true, triage: true, push: true, maintain: true, admin: false },
  admin: { pull: true, triage: true, push: true, maintain: true, admin: true },
};

export class FakeGitHubPeople {
  /** `owner/repo` (lower case) → login (lower case) → role. A custom role maps to its base role's flags. */
  readonly roles = new Map<string, Map<string, { role: FakeRole; customName?: string }>>();
  /** `org/team` (lower case) → logins (lower case). */
  readonly teams = new Map<string, Set<string>>();
  /** When false, team routes answer 403 as they do for an App without the Members permission. */
  teamsReadable = true;
  readonly reactions: FakeReaction[] = [];
  /** `owner/repo#number` (lower case) → the fork's full name, for pull requests from forks. */
  readonly forks = new Map<string, string>();
  #nextReaction = 9_000;

  constructor(readonly state: FakeGitHubState) {}

  setRole(repo: string, login: string, role: FakeRole, customName?: string): void {
    const key = repo.toLowerCase();
    const people = this.roles.get(key) ?? new Map();
    people.set(login.toLowerCase(), customName === undefined ? { role } : { role, customName });
    this.roles.set(key, people);
  }

  addTeamMember(orgTeam: string, login: string): void {
    const key = orgTeam.toLowerCase();
    const members = this.teams.get(key) ?? new Set();
    members.add(login.toLowerCase());
    this.teams.set(key, members);
  }

  markFork(repo: string, number: number, forkFullName: string): void {
    this.forks.set(`${repo}#${number}`.toLowerCase(), forkFullName);
  }

  reactionsOn(commentId: number): string[] {
    return this.reactions.filter((r) => r.commentId === commentId).map((r) => r.content);
  }

  /** A reply when the request is one of these routes; null to let the rest of the fake answer. */
  handle(req: RequestInfo): Reply | null {
    const team = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/.exec(req.path);
    if (team !== null && req.method === "GET") return this.#authorised(req) ?? this.#membership(team);
    const repoRoute = /^\/repos\/([^/]+)\/([^/]+)(\/.*)$/.exec(req.path);
    if (repoRoute === null) return null;
    const fullName = `${repoRoute[1]}/${repoRoute[2]}`.toLowerCase();
    const rest = repoRoute[3]!;
    const permission = /^\/collaborators\/([^/]+)\/permission$/.exec(rest);
    if (permission !== null && req.method === "GET") {
      return this.#authorised(req) ?? this.#permission(fullName, decodeURIComponent(permission[1]!));
    }
    const reaction = /^\/issues\/comments\/(\d+)\/reactions$/.exec(rest);
    if (reaction !== null && req.method === "POST") {
      return this.#authorised(req) ?? this.#react(fullName, Number(reaction[1]), req.body);
    }
    const pull = /^\/pulls\/(\d+)$/.exec(rest);
    if (pull !== null && req.method === "GET" && this.forks.has(`${fullName}#${pull[1]}`)) {
      return this.#authorised(req) ?? this.#forkPull(fullName, Number(pull[1]));
    }
    if (/^\/check-runs(?:\/\d+)?$/.test(rest) && (req.method === "POST" || req.method === "PATCH")) {
      return checkActions(req);
    }
    return null;
  }

  #authorised(req: RequestInfo): Reply | null {
    const installation = installationOf(this.state, req);
    return typeof installation === "number" ? null : installation;
  }

  #permission(fullName: string, login: string): Reply {
    if (!/^[A-Za-z0-9-]{1,39}$/.test(login)) return { status: 404, body: { message: "Not Found" } };
    const granted = this.roles.get(fullName)?.get(login.toLowerCase());
    const user = { login, id: 1, type: "User" };
    if (granted === undefined) {
      const none = { pull: false, triage: false, push: false, maintain: false, admin: false };
      return {
        status: 200,
        body: { permission: "none", role_name: "none", user: { ...user, permissions: none } },
      };
    }
    return {
      status: 200,
      body: {
        permission: LEGACY[granted.role],
        role_name: granted.customName ?? granted.role,
        user: { ...user, permissions: FLAGS[granted.role] },
      },
    };
  }

  #membership(match: RegExpExecArray): Reply {
    if (!this.teamsReadable)
      return { status: 403, body: { message: "Resource not accessible by integration" } };
    const members = this.teams.get(`${match[1]}/${match[2]}`.toLowerCase());
    if (members === undefined || !members.has(match[3]!.toLowerCase())) {
      return { status: 404, body: { message: "Not Found" } };
    }
    return { status: 200, body: { state: "active", role: "member" } };
  }

  #react(fullName: string, commentId: number, body: unknown): Reply {
    const comment = this.state.comments.find((c) => c.id === commentId && c.repo === fullName);
    if (comment === undefined) return { status: 404, body: { message: "Not Found" } };
    const content = (body as { content?: unknown } | null)?.content;
    if (typeof content !== "string" || !REACTIONS.has(content)) {
      return validationFailed("Reaction", "content", "invalid");
    }
    const user = this.state.botUser.login;
    const existing = this.reactions.find(
      (r) => r.commentId === commentId && r.content === content && r.user === user,
    );
    // GitHub answers 200 with the existing reaction when the same user reacts the same way again.
    if (existing !== undefined)
      return { status: 200, body: { id: existing.id, content, user: this.state.botUser } };
    const reaction = { id: this.#nextReaction++, repo: fullName, commentId, content, user };
    this.reactions.push(reaction);
    return { status: 201, body: { id: reaction.id, content, user: this.state.botUser } };
  }

  #forkPull(fullName: string, number: number): Reply {
    const pr = this.state.pull(fullName, number)!;
    const repo = this.state.repo(fullName);
    const fork = this.forks.get(`${fullName}#${number}`)!;
    const side = (s: { sha: string; ref: string }, name: string) => ({
      sha: s.sha,
      ref: s.ref,
      repo: { full_name: name, name: name.split("/")[1], owner: { login: name.split("/")[0] } },
    });
    return {
      status: 200,
      body: { number, state: pr.state, head: side(pr.head, fork), base: side(pr.base, repo.fullName) },
    };
  }
}

/** GitHub's limits on check-run buttons: at most 3; label 20, description 40, identifier 20 characters. */
function checkActions(req: RequestInfo): Reply | null {
  const actions = (req.body as { actions?: unknown } | null)?.actions;
  if (actions === undefined) return null;
  const ok =
    Array.isArray(actions) &&
    actions.length <= 3 &&
    actions.every(
      (a: { label?: unknown; description?: unknown; identifier?: unknown }) =>
        typeof a.label === "string" &&
        a.label.length <= 20 &&
        typeof a.description === "string" &&
        a.description.length <= 40 &&
        typeof a.identifier === "string" &&
        a.identifier.length <= 20,
    );
  return ok ? null : validationFailed("CheckRun", "actions", "invalid");
}
