// `trestle app` as a real process (the built dist/cli.js): configured from the environment as Probot
// apps are, refusing to start with a clear message when it cannot, serving signed webhooks against the
// fake GitHub (reached as a GitHub Enterprise host), and stopping cleanly on SIGTERM.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { pullRequestEvent } from "./helpers/events.ts";
import { FakeGitHub } from "./helpers/fake-github.ts";
import { APP_ID, SECRET } from "./helpers/harness.ts";
import { appKeys } from "./helpers/keys.ts";
import { DEMO, DEMO_CHANGED } from "./helpers/projects.ts";
import { REPO } from "./helpers/scenario.ts";
import { sendWebhook } from "./helpers/webhooks.ts";

const CLI = resolve(import.meta.dirname, "../../dist/cli.js");
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function run(env: NodeJS.ProcessEnv, args: string[] = []): Promise<{ code: number; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, "app", ...args],
      { env: cleanEnv(env), encoding: "utf8" },
      (error, _out, stderr) => done({ code: error ? Number(error.code) : 0, stderr }),
    );
  });
}

/** The test's own environment without any App variables it might happen to have. */
function cleanEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of [
    "APP_ID",
    "PRIVATE_KEY",
    "PRIVATE_KEY_PATH",
    "WEBHOOK_SECRET",
    "PORT",
    "HOST",
    "GHE_HOST",
  ]) {
    delete base[name];
  }
  return { ...base, NO_COLOR: "1", ...env };
}

async function keyFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "trestle-app-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, "app.private-key.pem");
  await writeFile(path, appKeys().privateKey);
  return path;
}

describe("trestle app refuses to start", () => {
  it("without its identity and secret, naming each missing variable (exit 2)", async () => {
    const { code, stderr } = await run({});
    expect(code).toBe(2);
    expect(stderr).toContain("trestle app: cannot start:");
    expect(stderr).toContain("APP_ID must be set");
    expect(stderr).toContain("WEBHOOK_SECRET must be set");
  });

  it("with a private key that is not one", async () => {
    const { code, stderr } = await run({ APP_ID: "12", WEBHOOK_SECRET: "s", PRIVATE_KEY: "not a key" });
    expect(code).toBe(2);
    expect(stderr).toContain("PRIVATE_KEY is set but is not a PEM private key");
  });

  it("with a key file that does not exist, or a bad port", async () => {
    const missing = await run({
      APP_ID: "12",
      WEBHOOK_SECRET: "s",
      PRIVATE_KEY_PATH: "/nonexistent/key.pem",
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("PRIVATE_KEY_PATH");
    const port = await run({ APP_ID: "12", WEBHOOK_SECRET: "s", PRIVATE_KEY_PATH: await keyFile() }, [
      "--port",
      "http",
    ]);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain("PORT must be a port number");
  });

  it("when the port is taken", async () => {
    const blocker = createServer();
    blocker.listen(0, "127.0.0.1");
    await once(blocker, "listening");
    cleanups.push(() => new Promise((r) => blocker.close(() => r())));
    const port = String((blocker.address() as { port: number }).port);
    const env = {
      APP_ID: "12",
      WEBHOOK_SECRET: "s",
      PRIVATE_KEY_PATH: await keyFile(),
      HOST: "127.0.0.1",
      PORT: port,
    };
    const { code, stderr } = await run(env);
    expect(code).toBe(2);
    expect(stderr).toContain(`port ${port} is already in use`);
  });
});

describe("trestle app serving", () => {
  it("handles a signed pull_request webhook and exits 0 on SIGTERM", async () => {
    const github = await FakeGitHub.start({ publicKey: appKeys().publicKey, appId: APP_ID });
    cleanups.push(() => github.close());
    const repo = github.state.addRepo(REPO, { installationId: 41234567 });
    const baseSha = github.state.commit(REPO, { "project.yaml": DEMO });
    const headSha = github.state.commit(
      REPO,
      { "project.yaml": DEMO_CHANGED },
      { branch: "f", parent: baseSha },
    );
    github.state.openPull(REPO, {
      number: 7,
      head: { sha: headSha, ref: "f" },
      base: { sha: baseSha, ref: "main" },
    });

    const child: ChildProcess = spawn(process.execPath, [CLI, "app", "--host", "127.0.0.1", "--port", "0"], {
      env: cleanEnv({
        APP_ID: String(APP_ID),
        WEBHOOK_SECRET: SECRET,
        PRIVATE_KEY_PATH: await keyFile(),
        GHE_HOST: new URL(github.url).host,
        GHE_PROTOCOL: "http",
        LOG_LEVEL: "warn",
      }),
      stdio: ["ignore", "ignore", "pipe"],
    });
    const exited = once(child, "exit");
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill("SIGKILL");
    });
    let stderr = "";
    const url = await new Promise<string>((found, fail) => {
      child.stderr!.on("data", (chunk: Buffer) => {
        stderr += chunk.toString("utf8");
        const match = /webhooks: (http:\/\/\S+)\)/.exec(stderr);
        if (match) found(match[1]!);
      });
      child.on("exit", () => fail(new Error(`trestle app exited early:\n${stderr}`)));
    });

    const payload = pullRequestEvent("opened", repo, { number: 7, headSha, baseSha });
    const response = await sendWebhook(url, "pull_request", payload, { secret: SECRET });
    expect(response.status).toBe(200);
    expect(github.state.commentsOn(REPO, 7)).toHaveLength(1);
    expect(github.state.checkRunsOn(REPO, headSha)[0]!.conclusion).toBe("success");
    // Requests went through the enterprise API prefix, as GHE_HOST makes Probot do.
    expect(github.requests.length).toBeGreaterThan(0);
    expect(github.requests.every((r) => r.prefix === "/api/v3")).toBe(true);

    child.kill("SIGTERM");
    const [code] = await exited;
    expect(code).toBe(0);
    expect(stderr).toContain("SIGTERM received");
  });
});
