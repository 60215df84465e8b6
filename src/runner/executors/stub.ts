// An executor that runs no process: for each action it writes the files it is told to, prints the
// lines it is told to, and ends with the exit code it is told to. Scheduler tests use it to control
// exactly when jobs end (with `hold`) and to see how many ran at once.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Action } from "../../pipeline/index.ts";
import type { ExecIO, ExecJob, ExecResult, Executor, KillReason } from "../types.ts";

export interface StubBehaviour {
  /** Files to write into the workspace, by relative path. */
  readonly files?: Readonly<Record<string, string>>;
  readonly lines?: readonly string[];
  readonly exitCode?: number;
  /** The job stays running until this settles (or the job is killed). */
  readonly hold?: Promise<unknown>;
  /** Makes the executor refuse the action, as the local executor refuses stata. */
  readonly unsupported?: string;
}

export interface StubExecutor extends Executor {
  /** Actions in the order their jobs started. */
  readonly started: string[];
  /** The most jobs that were running at the same time. */
  readonly maxConcurrent: number;
}

export function createStubExecutor(
  behaviours: Readonly<Record<string, StubBehaviour>> = {},
  fallback: StubBehaviour = {},
): StubExecutor {
  let running = 0;
  let maxConcurrent = 0;
  const started: string[] = [];
  const behaviourOf = (action: Action): StubBehaviour => behaviours[action.id] ?? fallback;
  return {
    name: "stub",
    started,
    get maxConcurrent() {
      return maxConcurrent;
    },
    unsupported: (action) => behaviourOf(action).unsupported ?? null,
    prepare: async () => null,
    async run(job: ExecJob, io: ExecIO): Promise<ExecResult> {
      const behaviour = behaviourOf(job.action);
      started.push(job.action.id);
      running += 1;
      maxConcurrent = Math.max(maxConcurrent, running);
      try {
        for (const line of behaviour.lines ?? []) io.onLine(line, "stdout");
        if (behaviour.hold) {
          const killed = await Promise.race([behaviour.hold.then(() => null), aborted(io.signal)]);
          if (killed) return { exitCode: 137, killed, detail: null, imageId: null };
        }
        if (io.signal.aborted) {
          return { exitCode: 137, killed: io.signal.reason as KillReason, detail: null, imageId: null };
        }
        for (const [path, content] of Object.entries(behaviour.files ?? {})) {
          const target = join(job.workDir, path);
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, content);
        }
        return { exitCode: behaviour.exitCode ?? 0, killed: null, detail: null, imageId: null };
      } finally {
        running -= 1;
      }
    },
  };
}

function aborted(signal: AbortSignal): Promise<KillReason> {
  if (signal.aborted) return Promise.resolve(signal.reason as KillReason);
  return new Promise((resolve) =>
    signal.addEventListener("abort", () => resolve(signal.reason as KillReason), { once: true }),
  );
}
