// `trestle app` as a real process with backends and a SQLite file: a command in a comment submits a
// job request; the App is stopped while its job runs, and started again over the same file, and it
// picks up where it left off, following the request to the end and serving its page.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RunningBackend } from "../../src/backend/backend.ts";
import { eventually, startTestBackend, TOKEN_TEST } from "../backend/helpers/backend.ts";
import { fixture } from "./helpers/events.ts";
import { FakeGitHub } from "./helpers/fake-github.ts";
import { FakeGitHubPeople } from "./helpers/fake-github-people.ts";
import { APP_ID, SECRET } from "./helpers/harness.ts";
import { appKeys } from "./helpers/keys.ts";
import { demoStudyFiles, makeStudyRepo } from "./helpers/study-repo.ts";
import { sendWebhook } from "./helpers/webhooks.ts";

const CLI = resolve(import.meta.dirname, "../../dist/cli.js");
const FULL_NAME = "opensafely/demo-study";
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface AppProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly webhookUrl: string;
  stop(): Promise<number | null>;
}

function startApp(env: NodeJS.ProcessEnv): Promise<AppProcess> {
  const child = spawn(process.execPath, [CLI, "app", "--host", "127.0.0.1", "--port", "0"], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = once(child, "exit");
  let stderr = "";
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the App did not start:\n${stderr}`)), 20_000);
    child.stderr!.on("data", (chunk) => {
      stderr += chunk;
      const match = /listening on (\S+) \(webhooks: (\S+)\)/.exec(stderr);
      if (match === null) return;
      clearTimeout(timer);
      done({
        child,
        url: match[1]!,
        webhookUrl: match[2]!,
        async stop() {
          if (child.exitCode !== null) return child.exitCode;
          child.kill("SIGTERM");
          const [code] = (await exited) as [number | null];
          return code;
        },
      });
    });
    void exited.then(() => fail(new Error(`the App exited before listening:\n${stderr}`)));
  });
}

describe("trestle app with backends", () => {
  it("resumes following job requests after a restart, from its SQLite file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "trestle-app-cli-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const gate = join(dir, "gate-open");
    cleanups.push(() => writeFileSync(gate, "open\n"));
    const study = makeStudyRepo(join(dir, "repos"), "opensafely", "demo-study");
    const files = demoStudyFiles(gate);
    const baseSha = study.repo.commit(files);
    study.repo.git("checkout", "--quiet", "-b", "feature-31");
    const headSha = study.repo.commit({ "notes.md": "a change\n" });

    const github = await FakeGitHub.start({ publicKey: appKeys().publicKey, appId: APP_ID });
    cleanups.push(() => github.close());
    const people = new FakeGitHubPeople(github.state);
    github.extensions.push((req) => people.handle(req));
    people.setRole(FULL_NAME, "researcher", "write");
    const repo = github.state.addRepo(FULL_NAME, { installationId: 41234567 });
    repo.commits.set(baseSha, new Map(Object.entries(files)));
    repo.commits.set(headSha, new Map(Object.entries({ ...files, "notes.md": "a change\n" })));
    repo.branches.set("main", baseSha);
    repo.branches.set("feature-31", headSha);
    github.state.openPull(FULL_NAME, {
      number: 31,
      head: { sha: headSha, ref: "feature-31" },
      base: { sha: baseSha, ref: "main" },
    });

    const backend: RunningBackend = await startTestBackend(join(dir, "backend"));
    cleanups.push(() => backend.close());
    const keyPath = join(dir, "app.pem");
    writeFileSync(keyPath, appKeys().privateKey);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NO_COLOR: "1",
      APP_ID: String(APP_ID),
      WEBHOOK_SECRET: SECRET,
      PRIVATE_KEY_PATH: keyPath,
      GHE_HOST: new URL(github.url).host,
      GHE_PROTOCOL: "http",
      LOG_LEVEL: "warn",
      TRESTLE_BACKENDS: `test=${backend.apiUrl}`,
      TRESTLE_BACKEND_TOKEN_TEST: TOKEN_TEST,
      TRESTLE_APP_DATA: join(dir, "app", "trestle-app.db"),
      TRESTLE_REPO_URL: study.urlTemplate,
      TRESTLE_POLL_SECONDS: "0.1",
    };

    let app = await startApp(env);
    cleanups.push(async () => {
      await app.stop();
    });
    const comment = github.state.addComment(FULL_NAME, 31, "/opensafely run wait_for_gate", {
      login: "researcher",
      id: 5123456,
      type: "User",
    });
    const payload = fixture("issue_comment/created-by-person");
    payload.installation.id = 41234567;
    payload.issue.number = 31;
    payload.comment.id = comment.id;
    payload.comment.body = comment.body;
    const answer = await sendWebhook(app.webhookUrl, "issue_comment", payload, { secret: SECRET });
    expect(answer.status).toBe(200);
    expect(people.reactionsOn(comment.id)).toEqual(["eyes", "rocket"]);

    const jobRun = () =>
      github.state
        .checkRunsOn(FULL_NAME, headSha)
        .find((r) => r.externalId?.startsWith("trestle:job-request:"));
    const running = await eventually(
      () => (jobRun()?.status === "in_progress" ? jobRun() : undefined),
      "the job to run",
    );
    const id = running!.externalId!.slice("trestle:job-request:".length);
    expect(running!.detailsUrl).toBe(`${app.url}/job-requests/${id}`);

    // Stopped while its job runs; the job finishes while the App is away.
    expect(await app.stop()).toBe(0);
    writeFileSync(gate, "open\n");
    await eventually(
      () =>
        backend.store.activeCounts().running + backend.store.activeCounts().pending === 0 ? true : undefined,
      "the job to finish on the backend",
    );
    expect(jobRun()!.status).toBe("in_progress");
    expect(existsSync(env.TRESTLE_APP_DATA!)).toBe(true);

    app = await startApp(env);
    const done = await eventually(
      () => (jobRun()?.status === "completed" ? jobRun() : undefined),
      "the restarted App to finish the run",
    );
    expect(done).toMatchObject({ conclusion: "success", output: { title: "Succeeded: 1 job" } });
    const page = await fetch(`${app.url}/job-requests/${id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<strong>Succeeded</strong>");
    // The delivery is remembered across the restart: sent again, it does nothing.
    await sendWebhook(app.webhookUrl, "issue_comment", payload, { secret: SECRET });
    expect(
      github.state
        .checkRunsOn(FULL_NAME, headSha)
        .filter((r) => r.externalId?.startsWith("trestle:job-request:")),
    ).toHaveLength(1);
    expect(await app.stop()).toBe(0);
  }, 90_000);
});

describe("trestle app refuses to start", () => {
  it("with a backend it cannot use, naming the variable and never the token", async () => {
    const dir = mkdtempSync(join(tmpdir(), "trestle-app-cli-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const keyPath = join(dir, "app.pem");
    writeFileSync(keyPath, appKeys().privateKey);
    const child = spawn(process.execPath, [CLI, "app", "--host", "127.0.0.1", "--port", "0"], {
      env: {
        PATH: process.env.PATH,
        APP_ID: String(APP_ID),
        WEBHOOK_SECRET: SECRET,
        PRIVATE_KEY_PATH: keyPath,
        TRESTLE_BACKENDS: "test=ftp://rap.example.org/,tpp=https://rap.example.org/controller/v1/",
        TRESTLE_BACKEND_TOKEN_TEST: "secret-token-value-0001",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (chunk) => {
      stderr += chunk;
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(2);
    expect(stderr).toContain("trestle app: cannot start:");
    expect(stderr).toContain("TRESTLE_BACKENDS entry 1 (test): must be an http:// or https:// URL.");
    expect(stderr).toContain("TRESTLE_BACKEND_TOKEN_TPP must hold the token for the backend tpp.");
    expect(stderr).not.toContain("secret-token-value-0001");
  });
});
