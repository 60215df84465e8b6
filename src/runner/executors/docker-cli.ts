// Running the `docker` client. The executor takes this as a parameter so that tests can record the
// exact command lines without a daemon.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

export interface DockerCommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface DockerCommandOptions {
  readonly signal?: AbortSignal;
  /** Extra environment for the client (values named by `--env KEY` are read from here). */
  readonly env?: Readonly<Record<string, string>>;
  /** Receives output line by line (for `docker logs --follow`). */
  readonly onLine?: (line: string, stream: "stdout" | "stderr") => void;
  readonly timeoutMs?: number;
}

export type DockerCli = (
  args: readonly string[],
  options?: DockerCommandOptions,
) => Promise<DockerCommandResult>;

export function spawnDocker(binary = "docker"): DockerCli {
  return (args, options = {}) =>
    new Promise((resolve) => {
      const child = spawn(binary, [...args], {
        env: { ...process.env, ...options.env },
        stdio: ["ignore", "pipe", "pipe"],
        signal: options.signal,
        timeout: options.timeoutMs,
      });
      let stdout = "";
      let stderr = "";
      const onLine = options.onLine;
      if (onLine) {
        createInterface({ input: child.stdout }).on("line", (l) => onLine(l, "stdout"));
        createInterface({ input: child.stderr }).on("line", (l) => onLine(l, "stderr"));
      } else {
        child.stdout.on("data", (d: Buffer) => {
          if (stdout.length < 1_000_000) stdout += d.toString();
        });
        child.stderr.on("data", (d: Buffer) => {
          if (stderr.length < 1_000_000) stderr += d.toString();
        });
      }
      child.on("error", (error) => {
        stderr += error.message;
      });
      child.on("close", (code) => resolve({ exitCode: code ?? 1, stdout, stderr }));
    });
}
