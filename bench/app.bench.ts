// The GitHub App: webhook-to-comment latency and sustained deliveries per second, through the real
// HTTP server and Probot. GitHub (the fake REST API and the webhook sender) runs in a process of its
// own on loopback, as it is another machine in production; this process runs only the App. Each
// delivery is a push to a pull request that changes project.yaml, so every one reads the settings
// and the project at head (the base is cached: commits never change), publishes a check run and
// edits the comment: the App's whole path, with GitHub's own latency taken out.
//
// Octokit's throttling is off here, as in the tests: against github.com it spaces writes a second
// apart (GitHub's secondary limits), which would measure the throttle rather than the App.
import { availableParallelism, loadavg } from "node:os";
import { Writable } from "node:stream";
import pino from "pino";
import { Probot } from "probot";
import { LoadCache } from "../src/app/analysis/load-cache.ts";
import { keepAliveFetch } from "../src/app/github/keep-alive-fetch.ts";
import { trestleApp } from "../src/app/index.ts";
import { startAppServer } from "../src/app/server.ts";
import { MemoryStore } from "../src/app/store/memory-store.ts";
import { GitHubProcess, type Timing } from "../test/app/helpers/fake-github-process.ts";
import { APP_ID, SECRET, TestOctokit } from "../test/app/helpers/harness.ts";
import { appKeys } from "../test/app/helpers/keys.ts";

// Many pull requests, as an installation busy enough for these rates has: pushes to one pull request
// within the same second make the App ask GitHub for its head, as it should.
const PULLS = 256;
// Every pull request gets its comment (and the App its JIT) before anything is measured.
const WARM_UP = PULLS + 100;
const LATENCY_RUNS = 300;
const LOAD_SECONDS = 5;
const CONCURRENCY = 16;

const keys = appKeys();
const github = await GitHubProcess.start({
  publicKey: keys.publicKey,
  appId: APP_ID,
  secret: SECRET,
  pulls: PULLS,
});
const probot = new Probot({
  appId: APP_ID,
  privateKey: keys.privateKey,
  secret: SECRET,
  baseUrl: github.url,
  Octokit: TestOctokit,
  request: { fetch: keepAliveFetch },
  log: pino({ level: "silent" }, new Writable({ write: (_c, _e, done) => done() })),
});
const server = await startAppServer({
  probot,
  app: trestleApp({ appId: APP_ID, store: new MemoryStore(), cache: new LoadCache() }),
  port: 0,
  host: "127.0.0.1",
});

for (let i = 0; i < WARM_UP; i++) await github.deliver(server.webhookUrl, (i % PULLS) + 1);

const sequential: Timing[] = [];
for (let i = 0; i < LATENCY_RUNS; i++)
  sequential.push(await github.deliver(server.webhookUrl, (i % PULLS) + 1));

const cpuBefore = process.cpuUsage();
const load = await github.load(server.webhookUrl, LOAD_SECONDS, CONCURRENCY);
const cpu = process.cpuUsage(cpuBefore);
const cpuMsPerDelivery = (cpu.user + cpu.system) / 1000 / load.delivered;

await server.close();
await github.close();

const finite = (values: number[]) => values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
const pct = (values: number[], p: number) => {
  const sorted = finite(values);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const row = (name: string, value: number, unit: string, relation: "≤" | "≥", target: number | null) => {
  const figure = `${name.padEnd(58)} ${value.toFixed(1).padStart(9)} ${unit}`;
  if (target === null) return console.log(figure);
  const ok = relation === "≤" ? value <= target : value >= target;
  const verdict = ok ? "ok" : relation === "≤" ? "OVER" : "UNDER";
  console.log(
    `${figure}  target ${relation} ${target} ${unit}  ratio ${(value / target).toFixed(2)} ${verdict}`,
  );
};

const toComment = sequential.map((t) => t.toComment);
const missed = toComment.length - finite(toComment).length;
console.log(
  `app: ${LATENCY_RUNS} sequential deliveries, then ${CONCURRENCY} concurrent senders for ${LOAD_SECONDS} s ` +
    `(load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
);
if (missed > 0)
  console.log(`app: ${missed} deliveries wrote no comment within 1 s (left out of the figures)`);
row("webhook-to-comment latency p50", pct(toComment, 50), "ms", "≤", 50);
row("webhook-to-comment latency p99", pct(toComment, 99), "ms", "≥", null);
row(
  "webhook-to-response latency p50",
  pct(
    sequential.map((t) => t.toResponse),
    50,
  ),
  "ms",
  "≤",
  50,
);
row("sustained deliveries per second", load.delivered / load.seconds, "/s", "≥", 200);
row(
  "  webhook-to-comment latency p50 under that load",
  pct(
    load.timings.map((t) => t.toComment),
    50,
  ),
  "ms",
  "≥",
  null,
);
row("  App CPU time per delivery", cpuMsPerDelivery, "ms", "≤", 5);
row("  GitHub (fake and senders) CPU time per delivery", load.githubCpuMs / load.delivered, "ms", "≥", null);
row("  deliveries per second one core of App CPU sustains", 1000 / cpuMsPerDelivery, "/s", "≥", 200);
const requests = Object.entries(load.requests).sort(([, a], [, b]) => b - a);
const total = requests.reduce((sum, [, n]) => sum + n, 0);
row("  GitHub API requests per delivery", total / load.delivered, "", "≥", null);
for (const [shape, n] of requests) console.log(`    ${(n / load.delivered).toFixed(2)}  ${shape}`);
