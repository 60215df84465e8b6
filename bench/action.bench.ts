// The Action's cold start: from starting `node dist/action.js` (as the runner does) to the validation
// result of the demo study on stdout, and the whole process in check mode. Target: ≤ 300 ms.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const bundle = join(root, "dist", "action.js");
const demo = join(root, "examples", "demo");
const RUNS = 15;
const TARGET_MS = 300;

if (!existsSync(bundle)) {
  const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error("npm run build failed");
}

const work = mkdtempSync(join(tmpdir(), "trestle-action-bench-"));
const workspace = join(work, "workspace");
const skip = new Set([join(demo, "metadata"), join(demo, "output")]);
cpSync(demo, workspace, { recursive: true, filter: (source) => !skip.has(source) });
const summary = join(work, "summary.md");
const outputs = join(work, "output.txt");

/** Milliseconds to the validation line, and to the process's exit. */
function once(): Promise<{ validated: number; exited: number }> {
  writeFileSync(summary, "");
  writeFileSync(outputs, "");
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let validated = Number.NaN;
    let seen = "";
    const child = spawn(process.execPath, [bundle], {
      cwd: workspace,
      env: {
        PATH: process.env.PATH,
        GITHUB_ACTIONS: "true",
        GITHUB_WORKFLOW: "bench",
        GITHUB_WORKSPACE: workspace,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: outputs,
        INPUT_MODE: "check",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      seen += chunk;
      if (Number.isNaN(validated) && seen.includes("project.yaml: valid"))
        validated = performance.now() - start;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0 || Number.isNaN(validated)) reject(new Error(`the action exited ${code}:\n${seen}`));
      else resolve({ validated, exited: performance.now() - start });
    });
  });
}

/** CPU time of this process's finished children in ms (Linux), or null: it hardly moves under load. */
function childCpuMs(): number | null {
  if (!existsSync("/proc/self/stat")) return null;
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function bareNode(): { wall: number; cpu: number | null } {
  const times: number[] = [];
  const cpuStart = childCpuMs();
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ["-e", "0"]);
    times.push(performance.now() - start);
  }
  const cpuEnd = childCpuMs();
  return {
    wall: median(times),
    cpu: cpuStart === null || cpuEnd === null ? null : (cpuEnd - cpuStart) / RUNS,
  };
}

try {
  await once(); // warms the file system cache
  const validated: number[] = [];
  const exited: number[] = [];
  const cpuStart = childCpuMs();
  for (let i = 0; i < RUNS; i++) {
    const r = await once();
    validated.push(r.validated);
    exited.push(r.exited);
  }
  const cpuEnd = childCpuMs();
  const load = existsSync("/proc/loadavg") ? readFileSync("/proc/loadavg", "utf8").split(" ")[0] : "?";
  const size = readFileSync(bundle).length;
  console.log(
    `action: cold start on the demo (median of ${RUNS} runs; load average ${load}; bundle ${(size / 1024 / 1024).toFixed(1)} MiB)`,
  );
  const base = bareNode();
  console.log(
    `${"node -e 0 (Node's own start-up, for comparison)".padEnd(58)} ${base.wall.toFixed(1).padStart(9)} ms`,
  );
  const v = median(validated);
  console.log(
    `${"process start to the validation result".padEnd(58)} ${v.toFixed(1).padStart(9)} ms  target ≤ ${TARGET_MS} ms  ratio ${(v / TARGET_MS).toFixed(2)} ${v <= TARGET_MS ? "ok" : "OVER"}`,
  );
  console.log(
    `${"whole process, mode: check (summary and outputs written)".padEnd(58)} ${median(exited).toFixed(1).padStart(9)} ms`,
  );
  if (cpuStart !== null && cpuEnd !== null && base.cpu !== null) {
    // CPU time includes V8's helper threads, so on an idle machine it runs a little above wall time.
    const cpu = (cpuEnd - cpuStart) / RUNS;
    console.log(
      `${"  CPU time per run: node -e 0 / the action".padEnd(58)} ${base.cpu.toFixed(0)} / ${cpu.toFixed(0)} ms`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
