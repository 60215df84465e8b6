// The CLI: the whole-process time of `trestle check` on one real file (what a user or a CI step
// waits for), and the time to render the largest corpus file in each graph format.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildGraph, GRAPH_FORMATS, loadPipeline, RENDERERS } from "../src/pipeline/index.ts";

const root = join(import.meta.dirname, "..");
const corpus = join(root, "..", "shared", "corpus");
const cli = join(root, "dist", "cli.js");
const realFile = join(corpus, "real", "opensafely__ckd-deprescribing.yaml");
const largest = join(corpus, "large", "opensafely__disparities-comparison.yaml");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const line = (name: string, value: number, unit: string, target: number) =>
  console.log(
    `${name.padEnd(58)} ${value.toFixed(1).padStart(9)} ${unit}  target ≤ ${target} ${unit}  ratio ${(value / target).toFixed(2)} ${value <= target ? "ok" : "OVER"}`,
  );

/**
 * CPU time used by this process's finished children, in ms (Linux: /proc/self/stat, fields cutime and
 * cstime, in clock ticks of 10 ms), or null elsewhere. Unlike wall time it hardly moves when other
 * work shares the machine.
 */
function childCpuMs(): number | null {
  if (!existsSync("/proc/self/stat")) return null;
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function processTime(args: string[], runs: number): { wall: number; cpu: number | null } {
  const times: number[] = [];
  let cpuStart: number | null = null;
  for (let i = 0; i < runs + 2; i++) {
    if (i === 2) cpuStart = childCpuMs();
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    const elapsed = performance.now() - start;
    if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
    if (i >= 2) times.push(elapsed); // the first two warm the file system cache
  }
  const cpuEnd = childCpuMs();
  const cpu = cpuStart === null || cpuEnd === null ? null : (cpuEnd - cpuStart) / runs;
  return { wall: median(times), cpu };
}

if (!existsSync(cli)) {
  const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error("npm run build failed");
}

const load = existsSync("/proc/loadavg") ? readFileSync("/proc/loadavg", "utf8").split(" ")[0] : "?";
console.log(`cli: whole process (median wall time of 20 runs; load average ${load})`);
const bare = processTime(["-e", "0"], 20);
const check = processTime([cli, "check", realFile], 20);
// Help registers every subcommand; each must load only its definition, not the server behind it.
const help = processTime([cli, "--help"], 10);
console.log(
  `${"node -e 0 (Node's own start-up, for comparison)".padEnd(58)} ${bare.wall.toFixed(1).padStart(9)} ms`,
);
line("trestle check on one real file", check.wall, "ms", 150);
console.log(
  `${"trestle --help (every subcommand registered)".padEnd(58)} ${help.wall.toFixed(1).padStart(9)} ms  ratio to check ${(help.wall / check.wall).toFixed(2)}`,
);
if (bare.cpu !== null && check.cpu !== null) {
  // CPU time includes V8's helper threads, so on an idle machine it runs a little above wall time.
  console.log(
    `${"  CPU time per run: node -e 0 / trestle check".padEnd(58)} ${bare.cpu.toFixed(0)} / ${check.cpu.toFixed(0)} ms`,
  );
}

const result = loadPipeline(readFileSync(largest));
if (result.pipeline === null) throw new Error(`${largest} did not load`);
const pipeline = result.pipeline;
const graph = buildGraph(pipeline);
console.log(
  `cli: rendering ${pipeline.actions.size} actions, ${[...graph.needs.values()].reduce((n, d) => n + d.length, 0)} edges (median of 10 runs)`,
);
const graphTimes: number[] = [];
for (let i = 0; i < 12; i++) {
  const start = performance.now();
  buildGraph(pipeline);
  if (i >= 2) graphTimes.push(performance.now() - start);
}
line("buildGraph, largest corpus file", median(graphTimes), "ms", 20);
for (const format of GRAPH_FORMATS) {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 12; i++) {
    const start = performance.now();
    size = RENDERERS[format](pipeline, graph).length;
    if (i >= 2) times.push(performance.now() - start);
  }
  line(`render ${format} (${(size / 1024).toFixed(0)} KiB), largest corpus file`, median(times), "ms", 50);
}
