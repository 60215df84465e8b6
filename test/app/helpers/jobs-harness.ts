// The whole system for end-to-end tests: the real App (Probot behind the real HTTP server, with its
// SQLite store and job requests), the real reference backend (in-process: real SQLite, real git,
// jobs run with the local executor), a real git repository of the demo study served by file:// URL,
// and the fake GitHub on loopback holding the same commits under the same ids. A second backend,
// `other`, is configured but not running until a test starts it, for "the backend is down".
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { Probot } from "probot";
import type { JobsRuntime } from "../../../src/app/commands/command-context.ts";
import { trestleApp } from "../../../src/app/index.ts";
import { openAppDatabase } from "../../../src/app/job-requests/database.ts";
import { createJobsRuntime } from "../../../src/app/job-requests/runtime.ts";
import { servePage } from "../../../src/app/pages/page-route.ts";
import { type AppServer, startAppServer } from "../../../src/app/server.ts";
import { SqliteStore } from "../../../src/app/store/sqlite-store.ts";
import type { RunningBackend } from "../../../src/backend/backend.ts";
import { startTestBackend, TOKEN_OTHER, TOKEN_TEST } from "../../backend/helpers/backend.ts";
import { fixture, type Payload } from "./events.ts";
import { FakeGitHub } from "./fake-github.ts";
import { FakeGitHubPeople } from "./fake-github-people.ts";
import type { FakeRepo } from "./fake-github-state.ts";
import { APP_ID, SECRET, TestOctokit } from "./harness.ts";
import { appKeys } from "./keys.ts";
import { demoStudyFiles, makeStudyRepo, type StudyRepo } from "./study-repo.ts";
import { type SendOptions, sendWebhook, type WebhookResponse } from "./webhooks.ts";

export const OWNER = "opensafely";
export const NAME = "demo-study";
export const FULL_NAME = `${OWNER}/${NAME}`;
export const INSTALLATION = 41234567;

export interface Pull {
  readonly number: number;
  readonly branch: string;
  readonly baseSha: string;
  readonly headSha: string;
}

export interface JobsWorld {
  readonly dir: string;
  readonly github: FakeGitHub;
  readonly people: FakeGitHubPeople;
  readonly repo: FakeRepo;
  readonly study: StudyRepo;
  /** The file the demo's `wait_for_gate` action waits for. */
  readonly gate: string;
  readonly baseSha: string;
  readonly backend: RunningBackend;
  /** The `other` backend: configured for the App, started only by `startOther`. */
  other: RunningBackend | null;
  readonly server: AppServer;
  readonly jobs: JobsRuntime;
  readonly logs: Record<string, unknown>[];
  startOther(): Promise<RunningBackend>;
  openPull(number: number, changes?: Record<string, string | null>, options?: { fork?: string }): Pull;
  /** Pushes to the pull request's branch (in git and in the fake) and moves its head. */
  push(pull: Pull, changes: Record<string, string | null>): Pull;
  /** A person's comment on a pull request: made in the fake GitHub, then delivered as a webhook. */
  comment(
    pull: { number: number },
    body: string,
    login?: string,
    options?: Partial<SendOptions>,
  ): Promise<{ commentId: number; payload: Payload; response: WebhookResponse }>;
  deliver(event: string, payload: unknown, options?: Partial<SendOptions>): Promise<WebhookResponse>;
  /** A check_run event about a job request's run, as pressing a button on it sends. */
  checkRunEvent(
    action: "rerequested" | "requested_action",
    run: { id: number; headSha: string; externalId: string | null },
    login: string,
    identifier?: string,
  ): Payload;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startJobsWorld(): Promise<JobsWorld> {
  const dir = mkdtempSync(join(tmpdir(), "trestle-app-e2e-"));
  const gate = join(dir, "gate-open");
  const study = makeStudyRepo(join(dir, "repos"), OWNER, NAME);
  const baseFiles = demoStudyFiles(gate);
  const baseSha = study.repo.commit(baseFiles, "the demo study");
  const trees = new Map<string, Record<string, string>>([[baseSha, baseFiles]]);

  const keys = appKeys();
  const github = await FakeGitHub.start({ publicKey: keys.publicKey, appId: APP_ID });
  const people = new FakeGitHubPeople(github.state);
  github.extensions.push((req) => people.handle(req));
  const repo = github.state.addRepo(FULL_NAME, { installationId: INSTALLATION });
  repo.commits.set(baseSha, new Map(Object.entries(baseFiles)));
  repo.branches.set("main", baseSha);

  const backend = await startTestBackend(join(dir, "backend"));
  const otherPort = await freePort();
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n"))
        if (line.trim() !== "") logs.push(JSON.parse(line));
      done();
    },
  });
  const probot = new Probot({
    appId: APP_ID,
    privateKey: keys.privateKey,
    secret: SECRET,
    baseUrl: github.url,
    Octokit: TestOctokit,
    log: pino({ level: "info" }, sink),
  });
  const db = openAppDatabase(join(dir, "app", "trestle-app.db"));
  let serverUrl: string | null = null;
  const jobs = createJobsRuntime({
    db,
    config: {
      backends: [
        { slug: "test", apiUrl: backend.apiUrl, token: TOKEN_TEST },
        { slug: "other", apiUrl: `http://127.0.0.1:${otherPort}/controller/v1/`, token: TOKEN_OTHER },
      ],
      defaultBackend: "test",
      databasePath: join(dir, "app", "trestle-app.db"),
      publicUrl: null,
      repoUrlTemplate: study.urlTemplate,
      pollIntervalMs: 100,
    },
    fallbackUrl: () => serverUrl,
    clientTuning: { retries: 0, timeoutMs: 5_000 },
  });
  const server = await startAppServer({
    probot,
    app: trestleApp({ appId: APP_ID, store: new SqliteStore(db), jobs }),
    port: 0,
    host: "127.0.0.1",
    routes: (req, res) => servePage({ store: jobs.service.store }, req, res),
  });
  serverUrl = server.url;
  jobs.service.start();

  let commentUsers = 0;
  const world: JobsWorld = {
    dir,
    github,
    people,
    repo,
    study,
    gate,
    baseSha,
    backend,
    other: null,
    server,
    jobs,
    logs,
    async startOther() {
      world.other = await startTestBackend(join(dir, "other-backend"), { port: otherPort });
      return world.other;
    },
    openPull(number, changes = {}, options = {}) {
      const branch = `feature-${number}`;
      study.repo.git("checkout", "--quiet", "-b", branch, baseSha);
      const headSha = study.repo.commit(changes, `change for #${number}`);
      study.repo.git("checkout", "--quiet", "main");
      const tree = applyChanges(baseFiles, changes);
      trees.set(headSha, tree);
      repo.commits.set(headSha, new Map(Object.entries(tree)));
      repo.branches.set(branch, headSha);
      github.state.openPull(FULL_NAME, {
        number,
        head: { sha: headSha, ref: branch },
        base: { sha: baseSha, ref: "main" },
      });
      if (options.fork !== undefined) people.markFork(FULL_NAME, number, options.fork);
      return { number, branch, baseSha, headSha };
    },
    push(pull, changes) {
      study.repo.git("checkout", "--quiet", pull.branch);
      const headSha = study.repo.commit(changes, `push to #${pull.number}`);
      study.repo.git("checkout", "--quiet", "main");
      const tree = applyChanges(trees.get(pull.headSha)!, changes);
      trees.set(headSha, tree);
      repo.commits.set(headSha, new Map(Object.entries(tree)));
      repo.branches.set(pull.branch, headSha);
      const record = github.state.pull(FULL_NAME, pull.number)!;
      record.head = { ...record.head, sha: headSha };
      return { ...pull, headSha };
    },
    async comment(pull, body, login = "researcher", options = {}) {
      const user = { login, id: 7_000_000 + ++commentUsers, type: "User" as const };
      const made = github.state.addComment(FULL_NAME, pull.number, body, user);
      const payload = fixture("issue_comment/created-by-person");
      payload.repository.name = NAME;
      payload.repository.full_name = FULL_NAME;
      payload.repository.owner.login = OWNER;
      payload.installation.id = INSTALLATION;
      payload.issue.number = pull.number;
      payload.comment.id = made.id;
      payload.comment.body = body;
      payload.comment.user = { ...payload.comment.user, login, id: user.id };
      payload.sender = { ...payload.sender, login, id: user.id };
      const response = await world.deliver("issue_comment", payload, options);
      return { commentId: made.id, payload, response };
    },
    deliver: (event, payload, options = {}) =>
      sendWebhook(server.webhookUrl, event, payload, { secret: SECRET, ...options }),
    checkRunEvent(action, run, login, identifier) {
      const payload = fixture("check_run/rerequested");
      payload.action = action;
      payload.repository.name = NAME;
      payload.repository.full_name = FULL_NAME;
      payload.repository.owner.login = OWNER;
      payload.installation.id = INSTALLATION;
      payload.check_run.id = run.id;
      payload.check_run.head_sha = run.headSha;
      payload.check_run.external_id = run.externalId;
      payload.check_run.app.id = APP_ID;
      payload.check_run.pull_requests = [];
      payload.sender = { ...payload.sender, login };
      if (identifier !== undefined) payload.requested_action = { identifier };
      return payload;
    },
    async close() {
      await jobs.service.stop();
      await server.close();
      await world.other?.close();
      await backend.close();
      await github.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

function applyChanges(
  base: Record<string, string>,
  changes: Record<string, string | null>,
): Record<string, string> {
  const tree = { ...base };
  for (const [path, content] of Object.entries(changes)) {
    if (content === null) delete tree[path];
    else tree[path] = content;
  }
  return tree;
}
