// The runner, on this machine, with the local executor and real python processes:
//   (a) scheduler overhead per job: wall time minus the jobs' own run time, over 200 trivial jobs
//       run one at a time — target ≤ 20 ms;
//   (b) 64 independent jobs of 0.5 s each at concurrency 2: wall time ÷ the ideal 16 s — target ≤ 1.1;
//   (c) a 100-action project run again with nothing changed — target ≤ 300 ms.
// Jobs start python with -S (no site packages) so that interpreter start-up, which is not the
// runner's, stays small; (b)'s jobs sleep until 0.5 s after their own process started.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunOutcome, runProject } from "../src/runner/index.ts";

const load = () =>
  readFile("/proc/loadavg", "utf8")
    .then((t) => t.split(" ")[0])
    .catch(() => "?");

function line(name: string, value: number, unit: string, target: number): void {
  const ok = value <= target ? "ok" : "OVER";
  const digits = unit === "×" ? 3 : 1;
  console.log(
    `${name.padEnd(62)} ${value.toFixed(digits).padStart(8)} ${unit.padEnd(2)}  target ≤ ${target} ${unit}  ratio ${(value / target).toFixed(2)} ${ok}`,
  );
}

async function project(
  actions: number,
  script: string,
  needs: (i: number) => number[] = () => [],
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "trestle-bench-"));
  const lines = ["version: '5.0'", "actions:"];
  for (let i = 0; i < actions; i++) {
    lines.push(`  job_${i}:`, `    run: python:v2 -S analysis/job.py ${i}`);
    const deps = needs(i);
    if (deps.length > 0) lines.push(`    needs: [${deps.map((d) => `job_${d}`).join(", ")}]`);
    lines.push("    outputs:", "      moderately_sensitive:", `        out: output/out_${i}.txt`);
  }
  await writeFile(join(dir, "project.yaml"), `${lines.join("\n")}\n`);
  await mkdir(join(dir, "analysis"));
  await writeFile(join(dir, "analysis/job.py"), script);
  return dir;
}

const TRIVIAL =
  "import os, sys\nos.makedirs('output', exist_ok=True)\nopen(f'output/out_{sys.argv[1]}.txt', 'w').write('x')\n";
const HALF_SECOND = [
  "import os, sys, time",
  "# Sleep until 0.5 s after this process started, so that the job's own run time is 0.5 s.",
  "ticks = os.sysconf('SC_CLK_TCK')",
  "started = int(open('/proc/self/stat').read().rsplit(')', 1)[1].split()[19]) / ticks",
  "time.sleep(max(0.0, 0.5 - (time.clock_gettime(time.CLOCK_BOOTTIME) - started)))",
  "os.makedirs('output', exist_ok=True)",
  "open(f'output/out_{sys.argv[1]}.txt', 'w').write('x')",
  "",
].join("\n");

/**
 * CPU time of the runner's own process since `since` (its threads included, the jobs' processes not),
 * which hardly moves when other work shares the machine, unlike wall time.
 */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function completed(outcome: RunOutcome) {
  if (outcome.kind !== "completed" || !outcome.result.ok)
    throw new Error(`bench run failed: ${JSON.stringify(outcome).slice(0, 2000)}`);
  return outcome.result;
}

async function overheadPerJob(): Promise<number> {
  const dir = await project(200, TRIVIAL);
  try {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = completed(
      await runProject({ projectDir: dir, actions: ["run_all"], executor: "local", concurrency: 1 }),
    );
    const wall = performance.now() - start;
    const own = result.jobs.reduce((sum, j) => sum + j.processMs, 0);
    console.log(
      `  200 jobs: wall ${(wall / 1000).toFixed(2)} s, jobs' own run time ${(own / 1000).toFixed(2)} s, runner CPU ${(cpuMs(cpu) / 200).toFixed(1)} ms per job (starting each process included)`,
    );
    return (wall - own) / result.jobs.length;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function fanOut(): Promise<number> {
  const dir = await project(64, HALF_SECOND);
  try {
    const start = performance.now();
    const result = completed(
      await runProject({ projectDir: dir, actions: ["run_all"], executor: "local", concurrency: 2 }),
    );
    const wall = performance.now() - start;
    const own = result.jobs.reduce((sum, j) => sum + j.processMs, 0);
    console.log(
      `  64 jobs: wall ${(wall / 1000).toFixed(2)} s, mean own run time ${(own / 64 / 1000).toFixed(3)} s; wall ÷ (own run time ÷ 2) = ${(wall / (own / 2)).toFixed(3)}`,
    );
    return wall / 16_000;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function rerunNothingChanged(): Promise<number> {
  // A realistic shape: each action needs one or two earlier ones.
  const dir = await project(100, TRIVIAL, (i) =>
    i === 0 ? [] : i % 3 === 0 ? [i - 1, Math.floor(i / 2)] : [i - 1],
  );
  try {
    completed(await runProject({ projectDir: dir, actions: ["run_all"], executor: "local", concurrency: 2 }));
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      const outcome = await runProject({ projectDir: dir, actions: ["run_all"], executor: "local" });
      times.push(performance.now() - start);
      if (outcome.kind !== "nothing_to_do") throw new Error(`expected nothing to do, got ${outcome.kind}`);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

console.log(`runner: local executor, python -S jobs (load average ${await load()})`);
line("(a) scheduler overhead per job (200 trivial jobs, one at a time)", await overheadPerJob(), "ms", 20);
line("(b) 64 jobs of 0.5 s at concurrency 2: wall ÷ ideal 16 s", await fanOut(), "×", 1.1);
line("(c) 100-action project re-run, nothing changed (median of 7)", await rerunNothingChanged(), "ms", 300);
console.log(`(load average after: ${await load()})`);
