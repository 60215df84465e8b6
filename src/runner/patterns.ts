// Output patterns: `*` matches any characters except `/`; everything else is literal (the only
// wildcard the pipeline allows). Patterns that could reach outside a workspace are refused here as
// well as by validation, because the runner must stay safe for any Pipeline object it is given.
import type { Outputs, PrivacyLevel } from "../pipeline/index.ts";

export interface OutputSpec {
  readonly pattern: string;
  readonly privacy: PrivacyLevel;
}

/** The action's outputs as pattern → level; the same pattern in two levels keeps the last (v1 only). */
export function outputSpec(outputs: Outputs): OutputSpec[] {
  const byPattern = new Map<string, PrivacyLevel>();
  for (const privacy of ["highly_sensitive", "moderately_sensitive", "minimally_sensitive"] as const) {
    for (const pattern of Object.values(outputs[privacy] ?? {})) byPattern.set(pattern, privacy);
  }
  return [...byPattern].map(([pattern, privacy]) => ({ pattern, privacy }));
}

/** Why a pattern cannot be used safely, or null. */
export function unsafePattern(pattern: string): string | null {
  if (pattern === "") return "the pattern is empty";
  if (pattern.includes("\0")) return "the pattern contains a NUL character";
  if (pattern.includes("\\")) return "the pattern contains a backslash";
  if (pattern.startsWith("/") || /^[A-Za-z]:/.test(pattern)) return "the pattern is an absolute path";
  const parts = pattern.split("/");
  if (parts.some((p) => p === ".." || p === "." || p === ""))
    return "the pattern is not a normalised path inside the workspace";
  if (parts[0] === "metadata") return "the pattern points into metadata/";
  return null;
}

const cache = new Map<string, RegExp | string>();

function compile(pattern: string): RegExp | string {
  let compiled = cache.get(pattern);
  if (compiled === undefined) {
    compiled = pattern.includes("*")
      ? new RegExp(`^${pattern.split("*").map(escapeRegExp).join("[^/]*")}$`)
      : pattern;
    if (cache.size > 10_000) cache.clear();
    cache.set(pattern, compiled);
  }
  return compiled;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function matchesPattern(pattern: string, path: string): boolean {
  const compiled = compile(pattern);
  return typeof compiled === "string" ? compiled === path : compiled.test(path);
}

/** A matcher for many patterns at once: literal patterns by set lookup, wildcards by regex. */
export function patternMatcher(patterns: Iterable<string>): (path: string) => boolean {
  const literals = new Set<string>();
  const wildcards: RegExp[] = [];
  for (const p of patterns) {
    const compiled = compile(p);
    if (typeof compiled === "string") literals.add(compiled);
    else wildcards.push(compiled);
  }
  return (path) => literals.has(path) || wildcards.some((re) => re.test(path));
}

/** Every output pattern of every action (what a job's workspace leaves out). */
export function allOutputPatterns(actions: Iterable<{ readonly outputs: Outputs }>): string[] {
  const patterns = new Set<string>();
  for (const action of actions) for (const spec of outputSpec(action.outputs)) patterns.add(spec.pattern);
  return [...patterns];
}
