// Small builders for project files in tests.
import { expect } from "vitest";
import { type LoadResult, loadPipeline } from "../../src/pipeline/index.ts";

/** A project file from a version and the YAML of its actions (indented under `actions:`). */
export function project(version: string | number, actions: string, extra = ""): string {
  const body = actions
    .trim()
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
  return `version: ${typeof version === "number" ? version : version}\nactions:\n${body}\n${extra}`;
}

/** One action `a` with the given body (a YAML mapping), in a v5 project unless stated. */
export function oneAction(body: string, version: string | number = 5, extra = ""): string {
  const indented = body
    .trim()
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
  return project(version, `a:\n${indented}`, extra);
}

/** Loads through both parsers and checks they agree before returning the result. */
export function load(text: string): LoadResult {
  const fast = loadPipeline(text);
  const positioned = loadPipeline(text, { positioned: true });
  expect(JSON.stringify(fast.errors)).toBe(JSON.stringify(positioned.errors));
  expect(JSON.stringify(fast.warnings)).toBe(JSON.stringify(positioned.warnings));
  return fast;
}

export function firstError(text: string): string | undefined {
  return load(text).errors[0]?.message;
}

export function expectValid(text: string): LoadResult {
  const result = load(text);
  expect(result.errors.map((e) => e.message)).toEqual([]);
  expect(result.valid).toBe(true);
  return result;
}

export function expectFirstError(text: string, expected: string | RegExp): void {
  const message = firstError(text);
  expect(message, "expected an error").toBeDefined();
  if (typeof expected === "string") expect(message).toContain(expected);
  else expect(message).toMatch(expected);
}
