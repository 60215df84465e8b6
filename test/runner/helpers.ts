// Temporary projects for runner tests: real folders with project.yaml and scripts, run through the
// public API, with every event kept for assertions.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { loadPipeline, type Pipeline } from "../../src/pipeline/index.ts";
import {
  type JobResult,
  type RunEvent,
  type RunOptions,
  type RunOutcome,
  runProject,
} from "../../src/runner/index.ts";

export const ROOT = resolve(import.meta.dirname, "../..");

export interface TempProject {
  readonly dir: string;
  write(path: string, content: string): Promise<void>;
  read(path: string): Promise<string>;
  cleanup(): Promise<void>;
}

export async function tempProject(files: Readonly<Record<string, string>>): Promise<TempProject> {
  const dir = await mkdtemp(join(tmpdir(), "trestle-runner-"));
  const write = async (path: string, content: string) => {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  };
  for (const [path, content] of Object.entries(files)) await write(path, content);
  return {
    dir,
    write,
    read: (path) => readFile(join(dir, path), "utf8"),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A copy of examples/demo in a temporary folder. */
export async function demoCopy(): Promise<TempProject> {
  const project = await tempProject({});
  await cp(join(ROOT, "examples/demo"), project.dir, {
    recursive: true,
    filter: (src) => !/\/(output|metadata)(\/|$)/.test(src.slice(join(ROOT, "examples/demo").length)),
  });
  return project;
}

export interface Observed {
  readonly outcome: RunOutcome;
  readonly events: RunEvent[];
}

export async function run(
  dir: string,
  actions: readonly string[],
  options: Partial<RunOptions> = {},
): Promise<Observed> {
  const events: RunEvent[] = [];
  const outcome = await runProject({
    projectDir: dir,
    actions,
    executor: "local",
    concurrency: 2,
    ...options,
    onEvent: (event) => {
      events.push(event);
      options.onEvent?.(event);
    },
  });
  return { outcome, events };
}

/** The finished jobs by action, failing the test when the run did not complete. */
export function jobsOf(outcome: RunOutcome): Map<string, JobResult> {
  if (outcome.kind !== "completed")
    throw new Error(`expected a completed run, got ${JSON.stringify(outcome)}`);
  return new Map(outcome.result.jobs.map((j) => [j.action, j]));
}

/** Actions that ran (not reused), in the order they ended. */
export function ran(outcome: RunOutcome): string[] {
  return outcome.kind === "completed" ? outcome.result.jobs.map((j) => j.action) : [];
}

export function pipelineOf(yaml: string): Pipeline {
  const result = loadPipeline(yaml);
  if (!result.pipeline) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.pipeline;
}

/** project.yaml for python actions: [name, script, outputs (pattern → level), needs]. */
export function pythonProject(
  actions: readonly {
    name: string;
    script: string;
    outputs: Readonly<Record<string, string>>;
    needs?: readonly string[];
    config?: Readonly<Record<string, unknown>>;
  }[],
): string {
  const lines = ["version: '5.0'", "actions:"];
  for (const a of actions) {
    lines.push(`  ${a.name}:`, `    run: python:v2 ${a.script}`);
    if (a.needs?.length) lines.push(`    needs: [${a.needs.join(", ")}]`);
    if (a.config) lines.push(`    config: ${JSON.stringify(a.config)}`);
    lines.push("    outputs:");
    const byLevel = new Map<string, string[]>();
    Object.entries(a.outputs).forEach(([pattern, level]) => {
      byLevel.set(level, [...(byLevel.get(level) ?? []), pattern]);
    });
    for (const [level, patterns] of byLevel) {
      lines.push(`      ${level}:`);
      patterns.forEach((p, i) => {
        lines.push(`        o${i}: ${p}`);
      });
    }
  }
  return `${lines.join("\n")}\n`;
}

/** A Python script that writes each file with the given text. */
export function writer(files: Readonly<Record<string, string>>, extra = ""): string {
  return [
    "import pathlib",
    ...Object.entries(files).map(
      ([path, text]) =>
        `p = pathlib.Path(${JSON.stringify(path)}); p.parent.mkdir(parents=True, exist_ok=True); p.write_text(${JSON.stringify(text)})`,
    ),
    extra,
    "",
  ].join("\n");
}
