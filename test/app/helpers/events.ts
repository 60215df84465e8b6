// Webhook payloads for tests: the recorded-shape fixtures in test/fixtures/events, with the fields a
// scenario cares about (commits, numbers, repository) filled in.
import { readFileSync } from "node:fs";
import type { FakeRepo } from "./fake-github-state.ts";

export type FixtureName =
  | "pull_request/opened"
  | "pull_request/synchronize"
  | "pull_request/reopened"
  | "push/default-branch"
  | "push/branch-deleted"
  | "check_run/rerequested"
  | "issue_comment/created-by-app"
  | "issue_comment/created-by-person";

// Payloads are open-ended JSON; tests read and write them by path.
// biome-ignore lint/suspicious/noExplicitAny: fixtures are arbitrary JSON documents
export type Payload = Record<string, any>;

const cache = new Map<FixtureName, string>();

export function fixture(name: FixtureName): Payload {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`../../fixtures/events/${name}.json`, import.meta.url), "utf8");
    cache.set(name, text);
  }
  return JSON.parse(text) as Payload;
}

function withRepo(payload: Payload, repo: FakeRepo): Payload {
  payload.repository.name = repo.name;
  payload.repository.full_name = repo.fullName;
  payload.repository.owner.login = repo.owner;
  payload.repository.default_branch = repo.defaultBranch;
  payload.installation.id = repo.installationId;
  return payload;
}

export interface PullRequestFields {
  readonly number: number;
  readonly headSha: string;
  readonly baseSha: string;
  readonly headRef?: string;
  /** The pull request's `updated_at` the event carries (default: the fixture's). */
  readonly updatedAt?: string;
}

export function pullRequestEvent(
  action: "opened" | "synchronize" | "reopened",
  repo: FakeRepo,
  pr: PullRequestFields,
): Payload {
  const payload = withRepo(fixture(`pull_request/${action}`), repo);
  payload.number = pr.number;
  payload.pull_request.number = pr.number;
  payload.pull_request.head.sha = pr.headSha;
  payload.pull_request.head.ref = pr.headRef ?? "feature";
  payload.pull_request.base.sha = pr.baseSha;
  payload.pull_request.base.ref = repo.defaultBranch;
  if (pr.updatedAt !== undefined) payload.pull_request.updated_at = pr.updatedAt;
  if (action === "synchronize") payload.after = pr.headSha;
  return payload;
}

export function pushEvent(repo: FakeRepo, push: { before: string; after: string; ref?: string }): Payload {
  const payload = withRepo(fixture("push/default-branch"), repo);
  payload.ref = push.ref ?? `refs/heads/${repo.defaultBranch}`;
  payload.before = push.before;
  payload.after = push.after;
  payload.head_commit.id = push.after;
  return payload;
}

export function checkRunRerequestedEvent(
  repo: FakeRepo,
  run: {
    headSha: string;
    appId: number;
    externalId: string;
    pulls: { number: number; headSha: string; baseSha: string }[];
  },
): Payload {
  const payload = withRepo(fixture("check_run/rerequested"), repo);
  payload.check_run.head_sha = run.headSha;
  payload.check_run.app.id = run.appId;
  payload.check_run.external_id = run.externalId;
  const [template] = payload.check_run.pull_requests;
  payload.check_run.pull_requests = run.pulls.map((p) => ({
    ...template,
    number: p.number,
    head: { ...template.head, sha: p.headSha },
    base: { ...template.base, sha: p.baseSha },
  }));
  return payload;
}

export function issueCommentEvent(
  kind: "by-app" | "by-person",
  repo: FakeRepo,
  number: number,
  appId: number,
): Payload {
  const payload = withRepo(fixture(`issue_comment/created-${kind}`), repo);
  payload.issue.number = number;
  if (payload.comment.performed_via_github_app !== null) payload.comment.performed_via_github_app.id = appId;
  return payload;
}
