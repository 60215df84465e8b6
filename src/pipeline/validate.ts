// Validates a loaded document against every project.yaml rule, collecting all issues in the
// reference's order (so the first error is the one the platform would report), and builds the
// model when there are none.
import { buildModel } from "./build-model.ts";
import { featuresFor } from "./features.ts";
import { isYList, isYMap, type YValue } from "./load/values.ts";
import type { Pipeline } from "./model.ts";
import { Report } from "./report.ts";
import { checkAcrossActions } from "./rules/across-actions.ts";
import { checkAction, type ParsedAction } from "./rules/action.ts";
import { checkExpectations } from "./rules/expectations.ts";
import { checkTopLevel } from "./rules/top-level.ts";

export function validateDocument(root: YValue): { report: Report; pipeline: Pipeline | null } {
  const report = new Report();
  if (!isYMap(root)) {
    // The reference crashes on all of these (TypeError); each gets a clean message instead.
    const message =
      root === null
        ? "The project file is empty: it must be a mapping with `version` and `actions`"
        : `The project file must be a mapping with \`version\` and \`actions\`, not ${isYList(root) ? "a list" : "a single value"}`;
    report.error("project-type", message, []);
    return { report, pipeline: null };
  }
  const version = checkTopLevel(root, report);
  if (version === null) return { report, pipeline: null };
  const features = featuresFor(version);

  const actionsValue = root.get("actions");
  const parsed: ParsedAction[] = [];
  if (!isYMap(actionsValue)) {
    report.error(
      "actions-type",
      "Project `actions` section must be a dictionary of key/value pairs",
      root.has("actions") ? ["actions"] : [],
    );
  } else {
    for (const [id, body] of actionsValue) {
      const action = checkAction(id, body, features, report);
      if (action !== null) parsed.push(action);
    }
    checkAcrossActions(parsed, new Set(actionsValue.keys()), features, report);
  }
  const expectations = checkExpectations(
    root.has("expectations"),
    root.get("expectations") ?? null,
    features,
    report,
  );
  if (report.errorCount > 0 || !isYMap(actionsValue)) return { report, pipeline: null };
  return { report, pipeline: buildModel(version, parsed, expectations, report) };
}
