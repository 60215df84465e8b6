// The App as it runs in production (a real Probot behind the real HTTP server, on loopback) talking
// to the fake GitHub, plus helpers to send it signed webhooks. Retry and throttling are off: the
// throttler spaces writes a second apart, which is right against github.com and only slow here.
import { Writable } from "node:stream";
import pino from "pino";
import { Probot, ProbotOctokit } from "probot";
import { LoadCache } from "../../../src/app/analysis/load-cache.ts";
import { keepAliveFetch } from "../../../src/app/github/keep-alive-fetch.ts";
import { trestleApp } from "../../../src/app/index.ts";
import { type AppServer, startAppServer } from "../../../src/app/server.ts";
import { MemoryStore } from "../../../src/app/store/memory-store.ts";
import { FakeGitHub } from "./fake-github.ts";
import { appKeys } from "./keys.ts";
import { type SendOptions, sendWebhook, type WebhookResponse } from "./webhooks.ts";

export const APP_ID = 123456;
export const SECRET = "webhook-secret-for-tests";

// The function form is needed: Probot passes its own `throttle` object down, which would replace a
// plain `{ throttle: { enabled: false } }` default rather than merge with it.
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...(options.throttle as object | undefined), enabled: false },
}));

export interface Harness {
  readonly github: FakeGitHub;
  readonly server: AppServer;
  readonly store: MemoryStore;
  /** Every log line the App wrote, parsed. */
  readonly logs: Record<string, unknown>[];
  deliver(event: string, payload: unknown, options?: Partial<SendOptions>): Promise<WebhookResponse>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly logLevel?: "info" | "debug" | "silent";
  readonly maxBodyBytes?: number;
  /** The App's clock (milliseconds since the epoch). */
  readonly now?: () => number;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const keys = appKeys();
  const github = await FakeGitHub.start({ publicKey: keys.publicKey, appId: APP_ID });
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
    request: { fetch: keepAliveFetch },
    log: pino({ level: options.logLevel ?? "info" }, sink),
  });
  const store = new MemoryStore();
  const server = await startAppServer({
    probot,
    app: trestleApp({
      appId: APP_ID,
      store,
      cache: new LoadCache(),
      ...(options.now === undefined ? {} : { now: options.now }),
    }),
    port: 0,
    host: "127.0.0.1",
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
  });
  return {
    github,
    server,
    store,
    logs,
    deliver: (event, payload, opts = {}) =>
      sendWebhook(server.webhookUrl, event, payload, { secret: SECRET, ...opts }),
    async close() {
      await server.close();
      await github.close();
    },
  };
}
