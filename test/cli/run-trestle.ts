// Runs the built CLI (dist/cli.js, built once by test/global-setup.ts) as a real process.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
export const CLI = join(ROOT, "dist", "cli.js");
export const FIXTURES = "test/cli/fixtures";
export const LARGE = "/work/shared/corpus/large";

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function trestle(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        cwd: options.cwd ?? ROOT,
        env: { ...process.env, GITHUB_WORKSPACE: "", NO_COLOR: "1", ...options.env },
        maxBuffer: 64 * 1024 * 1024,
        encoding: "utf8",
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") fail(error);
        else done({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

/** A temporary folder for one test file, removed by the returned cleanup. */
export async function tempFolder(prefix: string): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `trestle-${prefix}-`));
  return { path, cleanup: () => rm(path, { recursive: true, force: true }) };
}

/** project.yaml text for actions given as `[name, needs]`, with names written as YAML double-quoted keys. */
export function projectYaml(actions: readonly (readonly [string, readonly string[]])[]): string {
  const lines = ["version: '5.0'", "actions:"];
  actions.forEach(([name, needs], i) => {
    // YAML limits implicit keys to 1024 characters; longer names need the explicit `? key` form.
    if (name.length > 1000) lines.push(`  ? ${JSON.stringify(name)}`, "  :");
    else lines.push(`  ${JSON.stringify(name)}:`);
    lines.push(`    run: python:v2 analysis/a${i}.py`);
    if (needs.length > 0) lines.push(`    needs: [${needs.map((n) => JSON.stringify(n)).join(", ")}]`);
    lines.push("    outputs:", "      moderately_sensitive:", `        o: output/o${i}.csv`);
  });
  return `${lines.join("\n")}\n`;
}
