// Running one host process for a job: its own process group (so the whole tree can be stopped), its
// output split into lines, a kill on abort (SIGTERM, then SIGKILL after a grace period), and, where
// /proc exists, a watch on the group's resident memory that kills it when over the limit.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { ExecIO, KillReason } from "../types.ts";
import { watchMemory } from "./memory-watch.ts";

export interface ProcessSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly memoryBytes: number;
}

export interface ProcessOutcome {
  readonly exitCode: number;
  readonly killed: KillReason | null;
}

const GRACE_MS = 2000;
const SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGSEGV: 11, SIGTERM: 15 };

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

export function runProcess(spec: ProcessSpec, io: ExecIO): Promise<ProcessOutcome> {
  return new Promise((resolve) => {
    let killed: KillReason | null = null;
    let settled = false;
    let graceTimer: NodeJS.Timeout | undefined;
    const child = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: { ...spec.env },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (child.pid !== undefined) io.onStarted?.(child.pid);
    const stop = (reason: KillReason) => {
      if (killed || child.pid === undefined) return;
      killed = reason;
      killGroup(child.pid, "SIGTERM");
      graceTimer = setTimeout(() => killGroup(child.pid!, "SIGKILL"), GRACE_MS);
    };
    const onAbort = () => stop((io.signal.reason as KillReason) ?? "cancelled");
    io.signal.addEventListener("abort", onAbort, { once: true });
    if (io.signal.aborted) onAbort();
    for (const [stream, name] of [
      [child.stdout, "stdout"],
      [child.stderr, "stderr"],
    ] as const) {
      createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on("line", (line) =>
        io.onLine(line, name),
      );
    }
    const unwatch =
      child.pid === undefined
        ? () => undefined
        : watchMemory(child.pid, spec.memoryBytes, (bytes) => {
            io.onLine(
              `trestle: stopping the job: it used ${bytes} bytes of memory, over its limit of ${spec.memoryBytes}`,
              "stderr",
            );
            // Memory overruns are stopped at once: waiting for a grace period only lets it grow.
            killed ??= "memory";
            killGroup(child.pid!, "SIGKILL");
          });
    let exit: ProcessOutcome | null = null;
    child.on("error", (error) => {
      io.onLine(`trestle: could not start ${spec.command}: ${error.message}`, "stderr");
      exit = { exitCode: 127, killed };
      if (child.pid === undefined) finish();
    });
    child.on("exit", (code, signal) => {
      // Whatever the job left running in its group goes with it, as when a container stops.
      if (child.pid !== undefined) killGroup(child.pid, "SIGKILL");
      exit = { exitCode: code ?? 128 + (SIGNAL_NUMBERS[signal ?? "SIGKILL"] ?? 9), killed };
    });
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(graceTimer);
      unwatch();
      io.signal.removeEventListener("abort", onAbort);
      resolve({ exitCode: exit?.exitCode ?? 1, killed });
    };
    child.on("close", finish);
  });
}
