// What the fake GitHub holds: repositories with files at commits, pull requests, comments, check runs
// and the installation tokens it has issued. Tests arrange it through these methods and then assert on
// it as a user would see it on github.com.
import { createHash } from "node:crypto";

export interface FakeRepo {
  readonly owner: string;
  readonly name: string;
  readonly fullName: string;
  readonly defaultBranch: string;
  readonly installationId: number;
  readonly branches: Map<string, string>;
  readonly commits: Map<string, ReadonlyMap<string, string>>;
}

export interface FakePull {
  readonly repo: string;
  readonly number: number;
  state: "open" | "closed";
  head: { sha: string; ref: string };
  base: { sha: string; ref: string };
}

export interface FakeUser {
  readonly login: string;
  readonly id: number;
  readonly type: "User" | "Bot";
}

export interface FakeComment {
  readonly id: number;
  readonly repo: string;
  readonly issueNumber: number;
  body: string;
  readonly user: FakeUser;
  readonly performedViaAppId: number | null;
  readonly createdAt: string;
  updatedAt: string;
  /** How many times the body was edited through the API. */
  edits: number;
}

export interface FakeAnnotation {
  readonly path: string;
  readonly start_line: number;
  readonly end_line: number;
  readonly start_column?: number;
  readonly end_column?: number;
  readonly annotation_level: "notice" | "warning" | "failure";
  readonly message: string;
  readonly title?: string;
}

export interface FakeCheckRun {
  readonly id: number;
  readonly repo: string;
  readonly headSha: string;
  readonly appId: number;
  name: string;
  status: string;
  conclusion: string | null;
  externalId: string | null;
  detailsUrl: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  readonly annotations: FakeAnnotation[];
  /** How many PATCH requests it received. */
  updates: number;
}

export interface IssuedToken {
  readonly installationId: number;
  readonly expiresAt: number;
}

export class FakeGitHubState {
  readonly repos = new Map<string, FakeRepo>();
  readonly pulls = new Map<string, FakePull>();
  readonly comments: FakeComment[] = [];
  readonly checkRuns: FakeCheckRun[] = [];
  readonly tokens = new Map<string, IssuedToken>();
  #nextCommentId = 1_000;
  #nextCheckRunId = 5_000;
  #commitCounter = 0;

  constructor(
    readonly appId: number,
    readonly appSlug: string,
  ) {}

  /** The user the App acts as: `<slug>[bot]`. */
  get botUser(): FakeUser {
    return { login: `${this.appSlug}[bot]`, id: 90_000 + this.appId, type: "Bot" };
  }

  addRepo(fullName: string, options: { installationId?: number; defaultBranch?: string } = {}): FakeRepo {
    const [owner, name] = fullName.split("/") as [string, string];
    const repo: FakeRepo = {
      owner,
      name,
      fullName,
      defaultBranch: options.defaultBranch ?? "main",
      installationId: options.installationId ?? 1,
      branches: new Map(),
      commits: new Map(),
    };
    this.repos.set(key(fullName), repo);
    return repo;
  }

  repo(fullName: string): FakeRepo {
    const repo = this.repos.get(key(fullName));
    if (repo === undefined) throw new Error(`no fake repository ${fullName}`);
    return repo;
  }

  /**
   * Commits files on a branch (default: the default branch), starting from the branch's head or from
   * `parent`. A null value deletes the file. Returns the new commit's id.
   */
  commit(
    fullName: string,
    files: Record<string, string | null>,
    options: { branch?: string; parent?: string } = {},
  ): string {
    const repo = this.repo(fullName);
    const branch = options.branch ?? repo.defaultBranch;
    const parent = options.parent ?? repo.branches.get(branch);
    const tree = new Map(parent === undefined ? [] : repo.commits.get(parent));
    for (const [path, content] of Object.entries(files)) {
      if (content === null) tree.delete(path);
      else tree.set(path, content);
    }
    const sha = createHash("sha1")
      .update(`${fullName}\0${parent ?? ""}\0${this.#commitCounter++}\0${JSON.stringify([...tree])}`)
      .digest("hex");
    repo.commits.set(sha, tree);
    repo.branches.set(branch, sha);
    return sha;
  }

  openPull(
    fullName: string,
    pull: { number: number; head: { sha: string; ref: string }; base: { sha: string; ref: string } },
  ) {
    const record: FakePull = { repo: key(fullName), state: "open", ...pull };
    this.pulls.set(`${key(fullName)}#${pull.number}`, record);
    return record;
  }

  pull(fullName: string, number: number): FakePull | undefined {
    return this.pulls.get(`${key(fullName)}#${number}`);
  }

  addComment(
    fullName: string,
    issueNumber: number,
    body: string,
    user: FakeUser,
    performedViaAppId: number | null = null,
  ): FakeComment {
    const now = new Date().toISOString();
    const comment: FakeComment = {
      id: this.#nextCommentId++,
      repo: key(fullName),
      issueNumber,
      body,
      user,
      performedViaAppId,
      createdAt: now,
      updatedAt: now,
      edits: 0,
    };
    this.comments.push(comment);
    return comment;
  }

  commentsOn(fullName: string, issueNumber: number): FakeComment[] {
    return this.comments.filter((c) => c.repo === key(fullName) && c.issueNumber === issueNumber);
  }

  addCheckRun(
    fullName: string,
    run: Omit<FakeCheckRun, "id" | "repo" | "annotations" | "updates">,
  ): FakeCheckRun {
    const record: FakeCheckRun = {
      ...run,
      id: this.#nextCheckRunId++,
      repo: key(fullName),
      annotations: [],
      updates: 0,
    };
    this.checkRuns.push(record);
    return record;
  }

  checkRunsOn(fullName: string, sha?: string): FakeCheckRun[] {
    return this.checkRuns.filter((r) => r.repo === key(fullName) && (sha === undefined || r.headSha === sha));
  }

  /** A file at a ref: a commit id, a branch name, or (undefined) the default branch. */
  resolve(repo: FakeRepo, ref: string | undefined): ReadonlyMap<string, string> | null {
    const sha = ref === undefined ? repo.branches.get(repo.defaultBranch) : (repo.branches.get(ref) ?? ref);
    return sha === undefined ? null : (repo.commits.get(sha) ?? null);
  }
}

export function key(fullName: string): string {
  return fullName.toLowerCase();
}
