// Checks across actions (spec §9), in the reference's order, each reporting every occurrence; then
// the deliberate addition: `needs` may not form a cycle (the platform accepts one and then cannot
// run it).
import type { Features } from "../features.ts";
import { PRIVACY_LEVELS } from "../model.ts";
import type { Report } from "../report.ts";
import type { ParsedAction } from "./action.ts";
import { findCycles } from "./cycles.ts";

export function checkAcrossActions(
  actions: readonly ParsedAction[],
  allNames: ReadonlySet<string>,
  features: Features,
  report: Report,
): void {
  if (features.removeCohortExtractor) {
    for (const a of actions) {
      if (a.run?.parts[0]?.startsWith("cohortextractor")) {
        report.error(
          "cohortextractor-removed",
          `Action ${a.id} uses cohortextractor actions, which are not supported in this version.`,
          ["actions", a.id, "run"],
        );
      }
    }
  }
  if (features.removeLatestTag) {
    for (const a of actions) {
      const first = a.run?.parts[0];
      if (first?.endsWith(":latest")) {
        report.error(
          "latest-tag",
          `Action ${a.id} uses \`${first}\`, which is not supported. Provide a version e.g. \`:v2\` instead`,
          ["actions", a.id, "run"],
        );
      }
    }
  }
  const firstWithRun = new Map<string, string>();
  for (const a of actions) {
    if (a.run === null) continue;
    const earlier = firstWithRun.get(a.run.raw);
    if (earlier !== undefined) {
      report.error(
        "duplicate-run",
        `Action ${a.id} has the same 'run' command as other actions: ${earlier}`,
        ["actions", a.id, "run"],
      );
    } else firstWithRun.set(a.run.raw, a.id);
  }
  if (features.uniqueOutputPath) {
    const seen = new Set<string>();
    for (const a of actions) {
      for (const level of PRIVACY_LEVELS) {
        for (const [name, pattern] of Object.entries(a.outputs?.[level] ?? {})) {
          if (seen.has(pattern)) {
            report.error("duplicate-output", `Output path ${pattern} is not unique`, [
              "actions",
              a.id,
              "outputs",
              level,
              name,
            ]);
          }
          seen.add(pattern);
        }
      }
    }
  }
  for (const a of actions) {
    for (const [i, need] of a.needs.entries()) {
      if (!allNames.has(need)) {
        report.error(
          "unknown-needs",
          `Action \`${a.id}\` references an unknown action in its \`needs\` list: ${need}`,
          ["actions", a.id, "needs", i],
        );
      }
    }
  }
  for (const cycle of findCycles(actions)) {
    const [first] = cycle;
    const message =
      cycle.length === 2
        ? `Action \`${first}\` needs itself: ${cycle.join(" -> ")}`
        : `Actions form a cycle through their \`needs\`: ${cycle.join(" -> ")}`;
    report.error("needs-cycle", message, ["actions", first!, "needs"]);
  }
}
