// The live log: a line as each job changes status, and when a job ends its whole output in one folded
// group, each line with the time it was printed. Jobs run in parallel, so lines are held per job until
// it ends rather than interleaved. A job's output cannot issue workflow commands: it is printed between
// `::stop-commands::` and the matching resume token.
import { randomBytes } from "node:crypto";
import type { RunEvent } from "../runner/index.ts";
import { formatDuration, visible } from "./markdown.ts";

/** Lines held per job; beyond this the group says how many were left out (the log file has all). */
export const MAX_HELD_LINES = 5000;

export interface LiveLogOptions {
  /** Writes one line (no newline at the end). */
  readonly writeLine: (line: string) => void;
  readonly now?: () => Date;
  readonly token?: string;
}

interface Held {
  lines: string[];
  dropped: number;
}

export function createLiveLog(options: LiveLogOptions): (event: RunEvent) => void {
  const now = options.now ?? (() => new Date());
  const token = options.token ?? randomBytes(16).toString("hex");
  const held = new Map<string, Held>();
  const stamp = () => now().toISOString();
  const line = options.writeLine;

  return (event) => {
    switch (event.type) {
      case "run_started": {
        line(
          `${stamp()} Running ${event.plan.jobs.length} job(s) with the ${event.executor.name} executor (${visible(event.executor.reason)})`,
        );
        for (const reused of event.plan.reused)
          line(`${stamp()} ${visible(reused.action)}: skipped, up to date`);
        break;
      }
      case "job_status": {
        line(`${stamp()} ${visible(event.job.action)}: ${visible(event.job.statusMessage)}`);
        break;
      }
      case "job_output": {
        const h = held.get(event.jobId) ?? { lines: [], dropped: 0 };
        held.set(event.jobId, h);
        if (h.lines.length < MAX_HELD_LINES) h.lines.push(`${stamp()} ${event.line}`);
        else h.dropped += 1;
        break;
      }
      case "job_finished": {
        const r = event.result;
        const h = held.get(r.jobId) ?? { lines: [], dropped: 0 };
        held.delete(r.jobId);
        line(`::group::${visible(r.action)}: ${r.statusCode} in ${formatDuration(r.durationMs)}`);
        line(`::stop-commands::${token}`);
        for (const l of h.lines) line(l);
        if (h.dropped > 0)
          line(`… ${h.dropped} more line(s); the whole output is in ${r.logFile ?? "the job's log"}`);
        line(`::${token}::`);
        line("::endgroup::");
        break;
      }
      case "run_finished": {
        const r = event.result;
        line(`${stamp()} Run ${r.ok ? "succeeded" : "failed"} in ${formatDuration(r.durationMs)}`);
        break;
      }
    }
  };
}
