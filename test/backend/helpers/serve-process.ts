// `trestle backend serve` as a real child process (the built CLI), for restart and signal tests.
import { type ChildProcess, spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { TOKENS_ENV } from "./backend.ts";

export const ROOT = resolve(import.meta.dirname, "../../..");
export const CLI = join(ROOT, "dist", "cli.js");

export interface ServeProcess {
  readonly child: ChildProcess;
  /** The RAP API root the process printed. */
  readonly apiUrl: string;
  readonly url: string;
  /** Everything written to stderr and stdout so far. */
  output(): string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  readonly exited: Promise<number | string>;
}

export function serve(dataDir: string, extraArgs: readonly string[] = []): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    [CLI, "backend", "serve", "--data", dataDir, "--port", "0", "--log-level", "warn", ...extraArgs],
    { cwd: ROOT, env: { ...process.env, TRESTLE_RAP_TOKENS: TOKENS_ENV }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout!.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | string>((done) =>
    child.on("exit", (code, signal) => done(code ?? signal ?? "unknown")),
  );
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the backend did not start:\n${output}`)), 20_000);
    child.stderr!.on("data", (chunk) => {
      output += chunk;
      const match = /serving the RAP API at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        const apiUrl = match[1]!;
        done({ child, apiUrl, url: apiUrl.replace(/\/controller\/v1\/$/, ""), output: () => output, exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`the backend exited (${code}) before serving:\n${output}`));
    });
  });
}

/** Runs the CLI to its end (for commands that exit by themselves). */
export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | string; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => {
      stdout += c;
    });
    child.stderr.on("data", (c) => {
      stderr += c;
    });
    child.on("exit", (code, signal) => done({ code: code ?? signal ?? "unknown", stdout, stderr }));
  });
}
