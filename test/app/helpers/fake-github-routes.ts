// The repository routes of the fake GitHub: contents at commits, pull requests, issue comments and
// check runs, with GitHub's response shapes and its validation errors (422) where the App could
// send something GitHub refuses.

import type { Reply, RequestInfo } from "./fake-github.ts";
import { installationOf } from "./fake-github-auth.ts";
import type {
  FakeAnnotation,
  FakeCheckRun,
  FakeComment,
  FakeGitHubState,
  FakeRepo,
} from "./fake-github-state.ts";
import { checkOutput, validationFailed } from "./fake-github-validation.ts";

const NOT_FOUND: Reply = { status: 404, body: { message: "Not Found" } };
export const COMMENT_MAX = 65_536;

export function handleRepoRoute(state: FakeGitHubState, req: RequestInfo): Reply {
  const match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(req.path);
  if (match === null) return NOT_FOUND;
  const installation = installationOf(state, req);
  if (typeof installation !== "number") return installation;
  const repo = state.repos.get(`${match[1]}/${match[2]}`.toLowerCase());
  if (repo === undefined || repo.installationId !== installation) return NOT_FOUND;
  const rest = match[3] ?? "";
  for (const [method, pattern, handle] of routes(state, repo, req)) {
    const found = pattern.exec(rest);
    if (found !== null && method === req.method) return handle(found);
  }
  return NOT_FOUND;
}

type Route = readonly [string, RegExp, (m: RegExpExecArray) => Reply];

function routes(state: FakeGitHubState, repo: FakeRepo, req: RequestInfo): Route[] {
  const comment = (m: RegExpExecArray) =>
    state.comments.find((c) => c.id === Number(m[1]) && c.repo === repo.fullName.toLowerCase());
  const run = (m: RegExpExecArray) => state.checkRunsOn(repo.fullName).find((c) => c.id === Number(m[1]));
  const ifFound = <T>(item: T | undefined, reply: (item: T) => Reply) =>
    item === undefined ? NOT_FOUND : reply(item);
  return [
    ["GET", /^$/, () => ({ status: 200, body: repoJson(repo) })],
    ["GET", /^\/contents\/(.+)$/, (m) => contents(state, repo, decodeURIComponent(m[1]!), req)],
    ["GET", /^\/pulls\/(\d+)$/, (m) => pull(state, repo, Number(m[1]))],
    ["GET", /^\/issues\/(\d+)\/comments$/, (m) => listComments(state, repo, Number(m[1]), req)],
    ["POST", /^\/issues\/(\d+)\/comments$/, (m) => createComment(state, repo, Number(m[1]), req.body)],
    [
      "GET",
      /^\/issues\/comments\/(\d+)$/,
      (m) => ifFound(comment(m), (c) => ({ status: 200, body: commentJson(state, c) })),
    ],
    [
      "PATCH",
      /^\/issues\/comments\/(\d+)$/,
      (m) => ifFound(comment(m), (c) => editComment(state, c, req.body)),
    ],
    ["POST", /^\/check-runs$/, () => createCheckRun(state, repo, req.body)],
    [
      "GET",
      /^\/check-runs\/(\d+)$/,
      (m) => ifFound(run(m), (r) => ({ status: 200, body: checkRunJson(state, r) })),
    ],
    [
      "GET",
      /^\/check-runs\/(\d+)\/annotations$/,
      (m) => ifFound(run(m), (r) => ({ status: 200, body: r.annotations })),
    ],
    ["PATCH", /^\/check-runs\/(\d+)$/, (m) => ifFound(run(m), (r) => updateCheckRun(state, r, req.body))],
    ["GET", /^\/commits\/([^/]+)\/check-runs$/, (m) => listCheckRuns(state, repo, m[1]!, req)],
  ];
}

function repoJson(repo: FakeRepo) {
  return {
    name: repo.name,
    full_name: repo.fullName,
    owner: { login: repo.owner },
    default_branch: repo.defaultBranch,
  };
}

function contents(state: FakeGitHubState, repo: FakeRepo, path: string, req: RequestInfo): Reply {
  const tree = state.resolve(repo, req.query.get("ref") ?? undefined);
  if (tree === null)
    return { status: 404, body: { message: `No commit found for the ref ${req.query.get("ref")}` } };
  const file = tree.get(path);
  if (file === undefined) {
    const entries = [...tree.keys()].filter((p) => p.startsWith(`${path}/`));
    if (entries.length === 0) return NOT_FOUND;
    // A directory comes back as a JSON listing whatever media type was asked for.
    return { status: 200, body: entries.map((p) => ({ type: "file", name: p.split("/").pop(), path: p })) };
  }
  const accept = String(req.headers.accept ?? "");
  if (/application\/vnd\.github(\.v3)?\.raw/.test(accept)) return { status: 200, raw: file };
  const size = Buffer.byteLength(file);
  return {
    status: 200,
    body: {
      type: "file",
      name: path.split("/").pop(),
      path,
      size,
      // Above 1 MB GitHub's JSON form carries no content.
      encoding: size > 1024 * 1024 ? "none" : "base64",
      content: size > 1024 * 1024 ? "" : Buffer.from(file).toString("base64"),
    },
  };
}

function pull(state: FakeGitHubState, repo: FakeRepo, number: number): Reply {
  const pr = state.pull(repo.fullName, number);
  if (pr === undefined) return NOT_FOUND;
  const side = (s: { sha: string; ref: string }) => ({ sha: s.sha, ref: s.ref, repo: repoJson(repo) });
  return { status: 200, body: { number, state: pr.state, head: side(pr.head), base: side(pr.base) } };
}

function listComments(state: FakeGitHubState, repo: FakeRepo, number: number, req: RequestInfo): Reply {
  const all = state.commentsOn(repo.fullName, number).sort((a, b) => a.id - b.id);
  const perPage = Math.min(100, Number(req.query.get("per_page") ?? 30));
  const page = Math.max(1, Number(req.query.get("page") ?? 1));
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const link = (p: number) =>
    `<${req.baseUrl}/repos/${repo.fullName}/issues/${number}/comments?per_page=${perPage}&page=${p}>`;
  const links = page < last ? [`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`] : [];
  return {
    status: 200,
    body: all.slice((page - 1) * perPage, page * perPage).map((c) => commentJson(state, c)),
    headers: links.length > 0 ? { link: links.join(", ") } : {},
  };
}

function createComment(state: FakeGitHubState, repo: FakeRepo, number: number, body: unknown): Reply {
  if (state.pull(repo.fullName, number) === undefined) return NOT_FOUND;
  const text = (body as { body?: unknown } | null)?.body;
  const problem = commentBodyProblem(text);
  if (problem !== null) return problem;
  const comment = state.addComment(repo.fullName, number, text as string, state.botUser, state.appId);
  return { status: 201, body: commentJson(state, comment) };
}

function editComment(state: FakeGitHubState, comment: FakeComment, body: unknown): Reply {
  if (comment.performedViaAppId !== state.appId) {
    return { status: 403, body: { message: "Resource not accessible by integration" } };
  }
  const text = (body as { body?: unknown } | null)?.body;
  const problem = commentBodyProblem(text);
  if (problem !== null) return problem;
  comment.body = text as string;
  comment.updatedAt = new Date().toISOString();
  comment.edits++;
  return { status: 200, body: commentJson(state, comment) };
}

function commentBodyProblem(text: unknown): Reply | null {
  if (typeof text !== "string" || text === "")
    return validationFailed("IssueComment", "body", "missing_field");
  if (text.length > COMMENT_MAX) {
    return validationFailed(
      "IssueComment",
      "body",
      "custom",
      `Body is too long (maximum is ${COMMENT_MAX} characters)`,
    );
  }
  return null;
}

function commentJson(state: FakeGitHubState, c: FakeComment) {
  return {
    id: c.id,
    body: c.body,
    user: c.user,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    performed_via_github_app:
      c.performedViaAppId === null ? null : { id: c.performedViaAppId, slug: state.appSlug },
  };
}

function createCheckRun(state: FakeGitHubState, repo: FakeRepo, body: unknown): Reply {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.name !== "string" || b.name === "")
    return validationFailed("CheckRun", "name", "missing_field");
  if (typeof b.head_sha !== "string" || !repo.commits.has(b.head_sha)) {
    return { status: 422, body: { message: `No commit found for SHA: ${String(b.head_sha)}` } };
  }
  const status = (b.status as string | undefined) ?? "queued";
  if (status === "completed" && typeof b.conclusion !== "string") {
    return validationFailed("CheckRun", "conclusion", "missing_field");
  }
  const output = checkOutput(b.output);
  if ("status" in output) return output;
  const run = state.addCheckRun(repo.fullName, {
    headSha: b.head_sha,
    appId: state.appId,
    name: b.name,
    status,
    conclusion: (b.conclusion as string | undefined) ?? null,
    externalId: (b.external_id as string | undefined) ?? null,
    detailsUrl: (b.details_url as string | undefined) ?? null,
    output: { title: output.title, summary: output.summary, text: output.text },
  });
  run.annotations.push(...output.annotations);
  return { status: 201, body: checkRunJson(state, run) };
}

function updateCheckRun(state: FakeGitHubState, run: FakeCheckRun, body: unknown): Reply {
  const b = (body ?? {}) as Record<string, unknown>;
  if (b.output !== undefined) {
    const output = checkOutput(b.output);
    if ("status" in output) return output;
    run.output = { title: output.title, summary: output.summary, text: output.text ?? run.output.text };
    run.annotations.push(...(output.annotations as FakeAnnotation[]));
  }
  if (typeof b.status === "string") run.status = b.status;
  if (typeof b.conclusion === "string") run.conclusion = b.conclusion;
  run.updates++;
  return { status: 200, body: checkRunJson(state, run) };
}

function listCheckRuns(state: FakeGitHubState, repo: FakeRepo, ref: string, req: RequestInfo): Reply {
  const sha = repo.branches.get(ref) ?? ref;
  const name = req.query.get("check_name");
  const appId = req.query.get("app_id");
  let runs = state
    .checkRunsOn(repo.fullName, sha)
    .filter((r) => (name === null || r.name === name) && (appId === null || String(r.appId) === appId))
    .sort((a, b) => b.id - a.id);
  if ((req.query.get("filter") ?? "latest") === "latest") {
    const seen = new Set<string>();
    runs = runs.filter((r) => !seen.has(r.name) && seen.add(r.name));
  }
  const perPage = Math.min(100, Number(req.query.get("per_page") ?? 30));
  return {
    status: 200,
    body: { total_count: runs.length, check_runs: runs.slice(0, perPage).map((r) => checkRunJson(state, r)) },
  };
}

function checkRunJson(state: FakeGitHubState, run: FakeCheckRun) {
  return {
    id: run.id,
    head_sha: run.headSha,
    name: run.name,
    status: run.status,
    conclusion: run.conclusion,
    external_id: run.externalId,
    details_url: run.detailsUrl,
    output: { ...run.output, annotations_count: run.annotations.length },
    app: { id: run.appId, slug: state.appSlug },
    pull_requests: [],
  };
}
