// GitHub for the benchmark, in a process of its own: the fake REST API plus the webhook sender, as
// the real GitHub is both. The App under test then has its process to itself, and its CPU time is
// what the benchmark measures. The parent drives this process with small IPC messages.
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { pullRequestEvent } from "./events.ts";
import { FakeGitHub, type RecordedRequest } from "./fake-github.ts";
import { DEMO, DEMO_CHANGED } from "./projects.ts";
import { sendWebhook } from "./webhooks.ts";

export interface GitHubProcessOptions {
  readonly publicKey: string;
  readonly appId: number;
  readonly secret: string;
  readonly pulls: number;
}

export interface Timing {
  /** From starting to send the webhook to GitHub receiving the comment write, in ms. */
  readonly toComment: number;
  /** From starting to send the webhook to its response, in ms. */
  readonly toResponse: number;
}

export interface LoadResult {
  readonly delivered: number;
  readonly seconds: number;
  readonly timings: readonly Timing[];
  /** API requests the App made during the load, by method and route shape. */
  readonly requests: Readonly<Record<string, number>>;
  /** CPU time this process (GitHub and the senders) used during the load, in ms. */
  readonly githubCpuMs: number;
}

type Request =
  | { op: "deliver"; webhookUrl: string; number: number }
  | { op: "load"; webhookUrl: string; seconds: number; concurrency: number };

/** The parent's handle on the GitHub process. */
export class GitHubProcess {
  #next = 0;
  readonly #pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.on("message", (message: { id: number; result?: unknown; error?: string }) => {
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.error !== undefined) pending?.reject(new Error(message.error));
      else pending?.resolve(message.result);
    });
  }

  static async start(options: GitHubProcessOptions): Promise<GitHubProcess> {
    const child = fork(fileURLToPath(import.meta.url), [], {
      execArgv: ["--import", "tsx"],
      env: { ...process.env, TRESTLE_FAKE_GITHUB: JSON.stringify(options) },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.once("message", (m: { ready: string }) => resolve(m.ready));
      child.once("exit", (code) => reject(new Error(`the GitHub process exited with ${code}`)));
    });
    return new GitHubProcess(child, url);
  }

  /** Pushes a commit that changes project.yaml to pull request `number` and delivers the webhook. */
  deliver(webhookUrl: string, number: number): Promise<Timing> {
    return this.#call({ op: "deliver", webhookUrl, number });
  }

  /** `concurrency` senders deliver pushes to their own pull requests for `seconds`. */
  load(webhookUrl: string, seconds: number, concurrency: number): Promise<LoadResult> {
    return this.#call({ op: "load", webhookUrl, seconds, concurrency });
  }

  #call<T>(request: Request): Promise<T> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, ...request });
    });
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGTERM");
    await exited;
  }
}

async function serve(options: GitHubProcessOptions, send: (message: unknown) => void): Promise<void> {
  const REPO = "opensafely/demo-study";
  const github = await FakeGitHub.start({ publicKey: options.publicKey, appId: options.appId });
  const state = github.state;
  const repo = state.addRepo(REPO, { installationId: 41234567 });
  const baseSha = state.commit(REPO, { "project.yaml": DEMO });
  const pushes = new Map<number, number>();
  for (let n = 1; n <= options.pulls; n++) {
    const sha = state.commit(REPO, { "project.yaml": DEMO }, { branch: `b${n}`, parent: baseSha });
    state.openPull(REPO, { number: n, head: { sha, ref: `b${n}` }, base: { sha: baseSha, ref: "main" } });
  }
  // Requests are counted by route shape rather than kept, which would grow without bound.
  const counts = new Map<string, number>();
  const trim = setInterval(() => {
    for (const r of github.requests.splice(0)) {
      const shape = `${r.method} ${r.path.replace(/\/[0-9a-f]{40}|\/\d+/g, "/:id").replace(/^\/repos\/[^/]+\/[^/]+/, "")}`;
      counts.set(shape, (counts.get(shape) ?? 0) + 1);
    }
  }, 100);

  const waiting = new Map<number, (at: number) => void>();
  github.events.on("write", (r: RecordedRequest) => {
    const created = /\/issues\/(\d+)\/comments$/.exec(r.path);
    const edited = /\/issues\/comments\/(\d+)$/.exec(r.path);
    const number = created
      ? Number(created[1])
      : state.comments.find((c) => c.id === Number(edited?.[1]))?.issueNumber;
    if (number !== undefined) waiting.get(number)?.(performance.now());
  });

  async function deliver(webhookUrl: string, number: number): Promise<Timing> {
    const count = pushes.get(number) ?? 0;
    pushes.set(number, count + 1);
    // Alternate between two versions so that every push changes the comment.
    const text = count % 2 === 0 ? DEMO_CHANGED : DEMO;
    const pull = state.pull(REPO, number)!;
    const sha = state.commit(REPO, { "project.yaml": text }, { branch: `b${number}`, parent: pull.head.sha });
    pull.head = { ...pull.head, sha };
    // GitHub stamps events with the pull request's updated_at, to the second.
    const updatedAt = `${new Date().toISOString().slice(0, 19)}Z`;
    const payload = pullRequestEvent("synchronize", repo, { number, headSha: sha, baseSha, updatedAt });
    const commented = new Promise<number>((resolve) => waiting.set(number, resolve));
    const start = performance.now();
    const response = await sendWebhook(webhookUrl, "pull_request", payload, { secret: options.secret });
    const end = performance.now();
    if (response.status !== 200) throw new Error(`delivery failed: ${response.status} ${response.body}`);
    const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), 1000).unref());
    const at = await Promise.race([commented, timeout]);
    waiting.delete(number);
    return { toComment: at - start, toResponse: end - start };
  }

  async function load(webhookUrl: string, seconds: number, concurrency: number): Promise<LoadResult> {
    const timings: Timing[] = [];
    github.requests.length = 0;
    counts.clear();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, worker) => {
        for (let i = 0; performance.now() < deadline; i++) {
          timings.push(await deliver(webhookUrl, ((worker + i * concurrency) % options.pulls) + 1));
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    await new Promise((resolve) => setTimeout(resolve, 150));
    return {
      delivered: timings.length,
      seconds: elapsed,
      timings,
      requests: Object.fromEntries(counts),
      githubCpuMs: (used.user + used.system) / 1000,
    };
  }

  process.on("message", (message: Request & { id: number }) => {
    const work =
      message.op === "deliver"
        ? deliver(message.webhookUrl, message.number)
        : load(message.webhookUrl, message.seconds, message.concurrency);
    work.then(
      (result) => send({ id: message.id, result }),
      (error: unknown) => send({ id: message.id, error: String(error) }),
    );
  });
  process.on("SIGTERM", () => {
    clearInterval(trim);
    void github.close().then(() => process.exit(0));
  });
  send({ ready: github.url });
}

if (process.env.TRESTLE_FAKE_GITHUB !== undefined && process.send !== undefined) {
  await serve(
    JSON.parse(process.env.TRESTLE_FAKE_GITHUB) as GitHubProcessOptions,
    process.send.bind(process),
  );
}
