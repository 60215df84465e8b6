// Running a job's process through the executor, with its time limit and cancellation turned into a
// kill reason, and its output lines both logged and passed on.
import type { JobContext } from "./job.ts";
import type { JobLog } from "./job-log.ts";
import { forgetJobProcess, noteJobProcess } from "./state/job-processes.ts";
import type { ExecResult, KillReason } from "./types.ts";

export async function execute(
  ctx: JobContext,
  workDir: string,
  homeDir: string,
  log: JobLog,
): Promise<{ result: ExecResult; ms: number }> {
  const controller = new AbortController();
  const stop = (reason: KillReason) => {
    if (!controller.signal.aborted) controller.abort(reason);
  };
  const onCancel = () => stop("cancelled");
  if (ctx.signal.aborted) stop("cancelled");
  ctx.signal.addEventListener("abort", onCancel, { once: true });
  const timer = setTimeout(() => stop("timeout"), ctx.limits.timeoutMs);
  const start = performance.now();
  let pid: number | null = null;
  try {
    const result = await ctx.executor.run(
      {
        jobId: ctx.jobId,
        requestId: ctx.requestId,
        workspaceName: ctx.workspaceName,
        action: ctx.action,
        workDir,
        homeDir,
        env: { OPENSAFELY_BACKEND: "expectations" },
        limits: ctx.limits,
        populationSize: ctx.pipeline.expectations?.populationSize ?? null,
      },
      {
        signal: controller.signal,
        onLine: (line, stream) => {
          log.add(line);
          ctx.onLine(line, stream);
        },
        onStarted: (started) => {
          pid = started;
          noteJobProcess(ctx.projectDir, started);
        },
      },
    );
    // A kill the executor did not notice still counts (e.g. the process ended as it was signalled).
    const killed =
      result.killed ?? (controller.signal.aborted ? (controller.signal.reason as KillReason) : null);
    return { result: { ...result, killed }, ms: performance.now() - start };
  } finally {
    if (pid !== null) forgetJobProcess(ctx.projectDir, pid);
    clearTimeout(timer);
    ctx.signal.removeEventListener("abort", onCancel);
  }
}
