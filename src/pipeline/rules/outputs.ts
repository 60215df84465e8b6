// The `outputs` section of one action (spec §7.1): privacy levels, their entries and patterns.

import { isYMap, type YValue } from "../load/values.ts";
import { type Outputs, PRIVACY_LEVELS, type PrivacyLevel } from "../model.ts";
import type { IssuePath, Report } from "../report.ts";
import { patternProblem } from "./output-pattern.ts";

/** The parsed outputs, or null when the section has structural errors (reported). */
export function checkOutputs(
  id: string,
  outputs: Map<string, YValue>,
  report: Report,
  path: IssuePath,
): Outputs | null {
  const present = PRIVACY_LEVELS.filter(
    (level) => outputs.get(level) !== undefined && outputs.get(level) !== null,
  );
  if (present.length === 0) {
    report.error(
      "outputs-none",
      "must specify at least one output of: highly_sensitive, moderately_sensitive, minimally_sensitive",
      path,
    );
    return null;
  }
  const unknown = [...outputs.keys()].filter((k) => !(PRIVACY_LEVELS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    report.error(
      "outputs-unexpected",
      `Unexpected parameters (${unknown.join(", ")}) in \`outputs\` section for action ${id}`,
      [...path, unknown[0]!],
    );
  }
  let ok = unknown.length === 0;
  const result: Partial<Record<PrivacyLevel, Readonly<Record<string, string>>>> = {};
  for (const level of present) {
    const entries = outputs.get(level)!;
    if (!isYMap(entries)) {
      report.error(
        "outputs-level-type",
        `\`${level}\` section for action ${id} must be a dictionary of key/value pairs`,
        [...path, level],
      );
      ok = false;
      continue;
    }
    const parsed: [string, string][] = [];
    for (const [name, pattern] of entries) {
      const at = [...path, level, name];
      if (typeof pattern !== "string") {
        report.error("output-type", `\`${name}\` output for action ${id} must be a string`, at);
        ok = false;
        continue;
      }
      const problem = patternProblem(pattern, level === "moderately_sensitive");
      if (problem !== null) {
        report.error("output-pattern", `Output path ${pattern} is invalid: ${problem}`, at);
        ok = false;
        continue;
      }
      parsed.push([name, pattern]);
    }
    result[level] = Object.freeze(Object.fromEntries(parsed));
  }
  return ok ? Object.freeze(result) : null;
}
