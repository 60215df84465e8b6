// Per-job limits: defaults match opensafely-cli (2 CPUs, 4G), plus a wall-clock limit so that a hung
// job cannot hold a CI runner for its whole six hours.
import type { JobLimits } from "./types.ts";

const GIB = 1024 ** 3;

export const DEFAULT_LIMITS: JobLimits = Object.freeze({
  timeoutMs: 60 * 60 * 1000,
  memoryBytes: 4 * GIB,
  cpus: 2,
});

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/;
const DURATION_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses `500ms`, `90s`, `30m`, `2h` or plain seconds into milliseconds; null when malformed or ≤ 0. */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  const ms = Math.round(Number(match[1]) * DURATION_MS[match[2] ?? "s"]!);
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

const MEMORY = /^(\d+(?:\.\d+)?)([bkmg])?$/i;
const MEMORY_BYTES: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: GIB };

/** Parses docker-style sizes (`4G`, `512m`, `1.5g`, bytes) into bytes; null when malformed or < 6 MiB. */
export function parseMemory(text: string): number | null {
  const match = MEMORY.exec(text.trim());
  if (!match) return null;
  const bytes = Math.floor(Number(match[1]) * MEMORY_BYTES[(match[2] ?? "b").toLowerCase()]!);
  // Docker refuses less than 6 MiB; the same floor keeps the local executor's limit meaningful.
  return Number.isFinite(bytes) && bytes >= 6 * 1024 ** 2 ? bytes : null;
}

/** Formats bytes the way docker's `--memory` reads them, e.g. `4G` or `512M`. */
export function formatMemory(bytes: number): string {
  if (bytes % GIB === 0) return `${bytes / GIB}G`;
  if (bytes % 1024 ** 2 === 0) return `${bytes / 1024 ** 2}M`;
  return `${bytes}b`;
}

/** `0.50GB`: the reference's wording for memory limits in messages. */
export function formatGigabytes(bytes: number): string {
  return `${(bytes / GIB).toFixed(2)}GB`;
}

export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
