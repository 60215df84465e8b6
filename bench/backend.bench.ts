// The reference backend's RAP API on loopback: create and status latency (p50, p99) and requests per
// second, with jobs planned and stored but not executed, on a repository already fetched (the first
// create of a commit runs git; later ones use the stored check). The server runs in a process of its
// own (this file with --serve), so the load generator does not share its event loop.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { loadavg } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { startBackend } from "../src/backend/backend.ts";
import { base32 } from "../src/rap/index.ts";
import { TOKEN_TEST, tempDir, testTokens } from "../test/backend/helpers/backend.ts";
import { makeRepo } from "../test/backend/helpers/git-repo.ts";
import { API_PROJECT } from "../test/backend/helpers/projects.ts";

const TARGET_RPS = 500;
const TARGET_P99_MS = 20;
const WARM_UP = 200;
const LATENCY_RUNS = 500;
const LOAD_SECONDS = 4;
const CONCURRENCY = 16;

if (process.argv[2] === "--serve") {
  const backend = await startBackend({
    dataDir: process.argv[3]!,
    port: 0,
    tokens: testTokens(),
    runJobs: false,
    logger: false,
  });
  console.log(JSON.stringify({ apiUrl: backend.apiUrl }));
  process.on("SIGTERM", () => void backend.close().then(() => process.exit(0)));
} else {
  await bench();
}

/**
 * CPU time a process has used, in ms (Linux: /proc/<pid>/stat utime + stime, 10 ms ticks), or null
 * elsewhere. Unlike wall time it hardly moves when other work shares the machine.
 */
function cpuMs(pid: number): number | null {
  const path = `/proc/${pid}/stat`;
  if (!existsSync(path)) return null;
  const stat = readFileSync(path, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function bench(): Promise<void> {
  const tmp = tempDir("bench-backend");
  const repo = makeRepo(join(tmp.path, "study"));
  const commit = repo.commit({ "project.yaml": API_PROJECT });
  const server: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", import.meta.filename, "--serve", join(tmp.path, "data")],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const apiUrl = await new Promise<string>((resolve) => {
    createInterface({ input: server.stdout! }).once("line", (line) => resolve(JSON.parse(line).apiUrl));
  });
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const base = new URL(apiUrl);

  const post = (path: string, body: unknown): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      const data = JSON.stringify(body);
      const req = request(
        {
          host: base.hostname,
          port: base.port,
          path: `${base.pathname}${path}`,
          method: "POST",
          agent,
          headers: {
            Authorization: TOKEN_TEST,
            "Content-Type": "application/json",
            "Content-Length": Buffer.byteLength(data),
          },
        },
        (res) => {
          let text = "";
          res.on("data", (c) => {
            text += c;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on("error", reject);
      req.end(data);
    });

  let workspaces = 0;
  const created: string[] = [];
  const createBody = () => {
    const rapId = base32(randomBytes(10));
    return {
      rap_id: rapId,
      backend: "test",
      workspace: `bench-${++workspaces}`,
      repo_url: repo.url,
      branch: "main",
      commit,
      database_name: "default",
      requested_actions: ["run_all"],
      codelists_ok: true,
      force_run_dependencies: false,
      created_by: "bench",
      project: "bench",
      orgs: ["opensafely"],
    };
  };
  const create = async () => {
    const body = createBody();
    const answer = await post("rap/create/", body);
    if (answer.status !== 201) throw new Error(`create answered ${answer.status}: ${answer.body}`);
    created.push(body.rap_id);
  };
  const status = async () => {
    const rapId = created[Math.floor(Math.random() * created.length)]!;
    const answer = await post("rap/status/", { rap_ids: [rapId] });
    if (answer.status !== 200 || !answer.body.includes(rapId))
      throw new Error(`status answered ${answer.status}`);
  };

  const percentile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  };
  const latency = async (fn: () => Promise<void>) => {
    const times: number[] = [];
    for (let i = 0; i < LATENCY_RUNS; i++) {
      const start = performance.now();
      await fn();
      times.push(performance.now() - start);
    }
    return { p50: percentile(times, 50), p99: percentile(times, 99) };
  };
  const throughput = async (fn: () => Promise<void>) => {
    const cpuStart = cpuMs(server.pid!);
    let done = 0;
    const times: number[] = [];
    const end = performance.now() + LOAD_SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < end) {
          const start = performance.now();
          await fn();
          times.push(performance.now() - start);
          done += 1;
        }
      }),
    );
    const cpuEnd = cpuMs(server.pid!);
    const cpuPerRequest = cpuStart === null || cpuEnd === null ? null : (cpuEnd - cpuStart) / done;
    return { rps: done / LOAD_SECONDS, p99: percentile(times, 99), cpuPerRequest };
  };
  const line = (name: string, value: number, unit: string, target: number, higherIsBetter: boolean) => {
    const ok = higherIsBetter ? value >= target : value <= target;
    const ratio = higherIsBetter ? value / target : target / value;
    console.log(
      `${name.padEnd(52)} ${value.toFixed(1).padStart(8)} ${unit.padEnd(5)} target ${higherIsBetter ? "≥" : "≤"} ${target} ${unit}  ratio ${ratio.toFixed(2)} ${ok ? "ok" : "MISSED"}`,
    );
  };

  try {
    const first = performance.now();
    await create();
    console.log(
      `backend: first create (git fetch of the repository) ${(performance.now() - first).toFixed(0)} ms`,
    );
    for (let i = 0; i < WARM_UP; i++) {
      await create();
      await status();
    }

    const createLatency = await latency(create);
    const statusLatency = await latency(status);
    const roundTrips: number[] = [];
    for (let i = 0; i < LATENCY_RUNS; i++) {
      const start = performance.now();
      await create();
      await post("rap/status/", { rap_ids: [created[created.length - 1]] });
      roundTrips.push(performance.now() - start);
    }
    const createLoad = await throughput(create);
    const statusLoad = await throughput(status);

    console.log(
      `backend: loopback, ${CONCURRENCY} connections under load, ${created.length} job requests stored (2 jobs each), load average ${loadavg()[0]!.toFixed(1)}`,
    );
    line("create latency p50 (one client)", createLatency.p50, "ms", TARGET_P99_MS, false);
    line("create latency p99 (one client)", createLatency.p99, "ms", TARGET_P99_MS, false);
    line("status latency p50 (one client)", statusLatency.p50, "ms", TARGET_P99_MS, false);
    line("status latency p99 (one client)", statusLatency.p99, "ms", TARGET_P99_MS, false);
    line(
      "create-to-status p99 (create, then its status)",
      percentile(roundTrips, 99),
      "ms",
      2 * TARGET_P99_MS,
      false,
    );
    line(`create throughput (${CONCURRENCY} at once)`, createLoad.rps, "req/s", TARGET_RPS, true);
    line(`create latency p99 under load`, createLoad.p99, "ms", TARGET_P99_MS * 2, false);
    line(`status throughput (${CONCURRENCY} at once)`, statusLoad.rps, "req/s", TARGET_RPS, true);
    line(`status latency p99 under load`, statusLoad.p99, "ms", TARGET_P99_MS * 2, false);
    // What one free core would serve, from the server's own CPU time per request: the figure that
    // stays meaningful when other work shares the machine.
    for (const [name, load] of [
      ["create", createLoad],
      ["status", statusLoad],
    ] as const) {
      if (load.cpuPerRequest === null || load.cpuPerRequest === 0) continue;
      console.log(`backend: server CPU per ${name} ${load.cpuPerRequest.toFixed(3)} ms`);
      line(
        `${name} capacity of one free core (1000 / CPU per request)`,
        1000 / load.cpuPerRequest,
        "req/s",
        TARGET_RPS,
        true,
      );
    }
  } finally {
    agent.destroy();
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    tmp.remove();
  }
}
