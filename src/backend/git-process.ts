// Runs `git` as a child process: no shell, a bounded output, a time limit, and an environment that
// can never stop to ask for a password.
import { spawn } from "node:child_process";

export interface GitRun {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
  readonly timedOut: boolean;
}

export interface GitOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Output beyond this is an error (a project.yaml is never this big). */
  readonly maxOutputBytes?: number;
}

/** Only these transports; `ext::` and the rest stay disabled whatever the user's git config says. */
const PROTOCOL_CONFIG = [
  "-c",
  "protocol.allow=never",
  "-c",
  "protocol.file.allow=always",
  "-c",
  "protocol.https.allow=always",
  "-c",
  "protocol.http.allow=always",
  // Symlinks from a repository become plain files, so a checkout cannot point outside its folder.
  "-c",
  "core.symlinks=false",
];

const BASE_ENV = {
  GIT_TERMINAL_PROMPT: "0",
  GIT_ASKPASS: "true",
  SSH_ASKPASS: "true",
  GCM_INTERACTIVE: "never",
  LC_ALL: "C",
};

export function runGit(args: readonly string[], options: GitOptions): Promise<GitRun> {
  const maxOutput = options.maxOutputBytes ?? 64 * 1024 * 1024;
  return new Promise((resolve) => {
    const child = spawn("git", [...PROTOCOL_CONFIG, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...BASE_ENV, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = "";
    let timedOut = false;
    let overflow = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxOutput) {
        overflow = true;
        child.kill("SIGKILL");
      } else chunks.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += chunk.toString("utf8");
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout: Buffer.alloc(0), stderr: error.message, timedOut: false });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const tail = overflow ? `${stderr}\noutput larger than ${maxOutput} bytes` : stderr;
      resolve({ code: overflow ? -1 : (code ?? -1), stdout: Buffer.concat(chunks), stderr: tail, timedOut });
    });
  });
}

/** The last meaningful line git wrote to stderr, for messages. */
export function lastLine(stderr: string): string {
  const lines = stderr
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  return lines[lines.length - 1] ?? "git failed";
}
