// A job's output as it runs, kept for metadata/<action>.log: each line stamped on arrival in the
// RFC 3339 form with nanoseconds that `docker logs --timestamps` uses, capped like the reference
// (the last 100,000 lines) so that a job printing without end cannot fill the disk.

export const MAX_LOG_LINES = 100_000;
const MAX_LINE_CHARS = 64 * 1024;
export const TAIL_LINES = 32;

/** `2026-07-24T10:11:12.123456789Z` from milliseconds since the epoch (with a fraction). */
export function rfc3339Nano(epochMs: number): string {
  const whole = Math.floor(epochMs);
  const iso = new Date(whole).toISOString(); // …T10:11:12.123Z
  const subMs = Math.floor((epochMs - whole) * 1e6)
    .toString()
    .padStart(6, "0");
  return `${iso.slice(0, 23)}${subMs}Z`;
}

export class JobLog {
  readonly #lines: string[] = [];
  #dropped = 0;
  readonly #clock: () => number;

  constructor(clock: () => number = () => performance.timeOrigin + performance.now()) {
    this.#clock = clock;
  }

  add(line: string): void {
    const text = line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)} [line truncated]` : line;
    this.#lines.push(`${rfc3339Nano(this.#clock())} ${text}`);
    if (this.#lines.length > MAX_LOG_LINES * 1.1) {
      const excess = this.#lines.length - MAX_LOG_LINES;
      this.#lines.splice(0, excess);
      this.#dropped += excess;
    }
  }

  /** The stamped lines, at most MAX_LOG_LINES. */
  lines(): string[] {
    return this.#lines.length > MAX_LOG_LINES ? this.#lines.slice(-MAX_LOG_LINES) : [...this.#lines];
  }

  /** The last lines without their timestamps, as the reference's summary shows them. */
  tail(count = TAIL_LINES): { lines: string[]; truncated: boolean } {
    const all = this.#lines;
    const start = Math.max(all.length - count, 0);
    // Each stamp is 30 characters plus a space: the reference cuts the first 31 characters.
    return { lines: all.slice(start).map((l) => l.slice(31)), truncated: start > 0 || this.#dropped > 0 };
  }
}

/** Two columns, left-aligned, as the reference's `tabulate` (used for the outputs table). */
export function tabulate(rows: readonly (readonly [string, string])[], indent: number, empty = ""): string {
  const pad = " ".repeat(indent);
  if (rows.length === 0) return `${pad}${empty}`;
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  return rows.map(([a, b]) => `${pad}${a.padEnd(w0)}  - ${b.padEnd(w1)}`).join("\n");
}

export interface LogSummary {
  readonly job_definition_id: string;
  readonly job_definition_request_id: string;
  readonly commit: string | null;
  readonly docker_image_id: string | null;
  readonly exit_code: string | null;
  readonly created_at: number;
  readonly completed_at: number;
  readonly database_name: string | null;
  readonly status_message: string;
  readonly hint: string | null;
}

/** The reference's log layout: output lines, a blank line, the summary keys, the outputs table. */
export function formatLogFile(
  lines: readonly string[],
  summary: LogSummary,
  outputs: readonly (readonly [string, string])[],
  invalid: readonly (readonly [string, string])[],
): string {
  let text = lines.map((l) => `${l}\n`).join("");
  text += "\n\n";
  for (const [key, value] of Object.entries(summary)) {
    if (value === null || value === "") continue;
    text += `${key}: ${value}\n`;
  }
  text += "\noutputs:\n";
  text += tabulate(
    [...outputs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    2,
    "(no outputs)",
  );
  if (invalid.length > 0) {
    text += "\n\nInvalid moderately_sensitive outputs:\n";
    text += tabulate(invalid, 2);
  }
  return `${text}\n`;
}
