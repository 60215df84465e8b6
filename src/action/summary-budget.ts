// The job summary's size limit: GitHub rejects a step summary over 1 MiB (and then shows none of it).
// Sections are added in order, each within what is left, so the whole stays under the limit on any
// project, however many actions, issues or log lines it has.
import { bytes, cutToBytes } from "./markdown.ts";

/** GitHub's limit for one step's summary. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** What the summary may use: the limit less a margin for the closing note. */
export const SUMMARY_BUDGET_BYTES = SUMMARY_LIMIT_BYTES - 16 * 1024;

export class SummaryBudget {
  private readonly parts: string[] = [];
  private used = 0;

  constructor(private readonly max = SUMMARY_BUDGET_BYTES) {}

  get remaining(): number {
    return this.max - this.used;
  }

  /** Adds the text when it fits whole; returns whether it did. */
  add(text: string): boolean {
    const n = bytes(text);
    if (n > this.remaining) return false;
    this.parts.push(text);
    this.used += n;
    return true;
  }

  /** Adds as much of the text as fits (for prose that may be cut anywhere). */
  addCut(text: string): void {
    this.add(cutToBytes(text, this.remaining));
  }

  /**
   * Adds a section built for a byte allowance: `build` is given at most `cap` (and never more than
   * what is left) and must return text within it; anything longer is dropped for `fallback`.
   */
  addSection(cap: number, build: (allowance: number) => string, fallback = ""): void {
    const allowance = Math.max(0, Math.min(cap, this.remaining));
    const text = build(allowance);
    if (!(bytes(text) <= allowance && this.add(text))) this.add(cutToBytes(fallback, this.remaining));
  }

  toString(): string {
    return this.parts.join("");
  }
}

/**
 * Lines (table rows, list items) kept while they fit in `allowance` together with `head`, then a
 * line saying how many were left out.
 */
export function fitLines(
  head: string,
  lines: readonly string[],
  allowance: number,
  more: (left: number) => string,
): string {
  let out = head;
  let used = bytes(head);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const n = bytes(line);
    const tail = i + 1 < lines.length ? bytes(more(lines.length - i - 1)) : 0;
    if (used + n + tail > allowance) {
      const note = more(lines.length - i);
      return used + bytes(note) <= allowance ? out + note : out;
    }
    out += line;
    used += n;
  }
  return out;
}
