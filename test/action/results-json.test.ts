import { describe, expect, it } from "vitest";
import type { ActionRow } from "../../src/action/results.ts";
import { MAX_RESULTS_BYTES, resultsJson } from "../../src/action/results-json.ts";

const base = {
  valid: true,
  succeeded: false,
  mode: "run" as const,
  codelists: "ok" as const,
  executor: "local",
};

function rows(n: number, nameLength: number, outputs: number, messageLength = 300): ActionRow[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `${i}_${"x".repeat(nameLength)}`,
    status: i % 2 ? "failed" : "succeeded",
    statusCode: i % 2 ? "nonzero_exit" : "succeeded",
    message: "m".repeat(messageLength),
    durationMs: 10,
    outputs: Array.from({ length: outputs }, (_, j) => ({
      path: `output/${i}/${j}.csv`,
      privacy: "moderately_sensitive" as const,
      size: 1,
      sha256: "f".repeat(64),
    })),
    level4Warnings: [],
    job: null,
  }));
}

describe("the results output", () => {
  it("is the whole picture for ordinary projects", () => {
    const parsed = JSON.parse(resultsJson(base, rows(3, 5, 2)));
    expect(parsed).toMatchObject({ ...base, truncated: false });
    expect(parsed.actions[1]).toMatchObject({ status: "failed", statusCode: "nonzero_exit" });
    expect(parsed.actions[1].outputs).toHaveLength(2);
  });

  it("gives per-file details way to counts to stay under the output limit", () => {
    const text = resultsJson(base, rows(2500, 20, 20, 40));
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_RESULTS_BYTES);
    const parsed = JSON.parse(text);
    expect(parsed.truncated).toBe(true);
    expect(parsed.actions).toHaveLength(2500);
    expect(parsed.actions[0].outputs).toBe(20);
  });

  it("keeps only failed actions when even counts are too much", () => {
    const text = resultsJson(base, rows(5000, 400, 0));
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_RESULTS_BYTES);
    const parsed = JSON.parse(text);
    expect(parsed.truncated).toBe(true);
    expect(parsed.actions.length).toBeGreaterThan(0);
    expect(parsed.actions.every((a: { status: string }) => a.status === "failed")).toBe(true);
  });
});
