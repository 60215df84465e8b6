// One action's structure and types (spec §4–§8), in the reference's order. Collects every problem
// rather than stopping at the first; returns the parts that parsed so later checks can use them.
import type { Features } from "../features.ts";
import { isYList, isYMap, type YValue } from "../load/values.ts";
import { type Command, type Outputs, RUN_ALL } from "../model.ts";
import { pyStr } from "../python/numbers.ts";
import type { IssuePath, Report } from "../report.ts";
import { checkCommandOutputs } from "./command-outputs.ts";
import { checkOutputs } from "./outputs.ts";
import { parseRun } from "./run-command.ts";

const ACTION_KEYS = ["run", "outputs", "needs", "config", "dummy_data_file"];

export interface ParsedAction {
  readonly id: string;
  readonly run: Command | null;
  readonly outputs: Outputs | null;
  /** The needs entries that are strings (the rest were reported). */
  readonly needs: readonly string[];
  readonly config: Map<string, YValue> | null;
  readonly dummyDataFile: string | null;
  /** True when nothing about this action itself was wrong. */
  readonly ok: boolean;
}

export function checkAction(
  id: string,
  body: YValue,
  features: Features,
  report: Report,
): ParsedAction | null {
  const path: IssuePath = ["actions", id];
  const before = report.errorCount;
  if (id === RUN_ALL) {
    if (features.removeRunAllAction) {
      report.error(
        "run-all-reserved",
        "`run_all` is a reserved action name and is not allowed for user-defined actions.",
        path,
      );
    } else {
      report.warning(
        "run-all-reserved",
        "`run_all` is a reserved action name; user-defined actions with this name are ignored and will raise an error in later versions.",
        path,
      );
    }
  }
  if (!isYMap(body)) {
    report.error(
      "action-type",
      `Configuration for action ${id} must be a dictionary of key/value pairs`,
      path,
    );
    return null;
  }
  for (const key of ["run", "outputs"]) {
    if (!body.has(key))
      report.error("action-missing", `Action ${id} must contain a configuration for '${key}'`, path);
  }
  const unknown = [...body.keys()].filter((k) => !ACTION_KEYS.includes(k));
  if (unknown.length > 0) {
    report.error("action-unexpected", `Unexpected parameters (${unknown.join(", ")}) in action ${id}`, [
      ...path,
      unknown[0]!,
    ]);
  }

  const outputs = body.get("outputs");
  const run = body.get("run");
  const needs = body.get("needs") ?? null;
  const config = body.get("config") ?? null;
  const dummy = body.get("dummy_data_file") ?? null;
  const typeError = (key: string, what: string) =>
    report.error("action-field-type", `\`${key}\` section for action ${id} must be ${what}`, [...path, key]);
  if (body.has("outputs") && !isYMap(outputs)) typeError("outputs", "a dictionary of key/value pairs");
  if (body.has("run") && typeof run !== "string") typeError("run", "a string");
  if (needs !== null && !isYList(needs)) typeError("needs", "a list");
  if (config !== null && !isYMap(config)) typeError("config", "a dictionary of key/value pairs");
  if (dummy !== null && typeof dummy !== "string") typeError("dummy_data_file", "a string");

  const parsedOutputs = isYMap(outputs) ? checkOutputs(id, outputs, report, [...path, "outputs"]) : null;
  const command = typeof run === "string" ? parseRun(id, run, report, [...path, "run"]) : null;
  const needNames: string[] = [];
  if (isYList(needs)) {
    needs.forEach((entry, i) => {
      if (typeof entry !== "string") {
        report.error(
          "needs-entry-type",
          `\`needs\` entries for action ${id} must be action names (strings), but it needs \`${pyStr(entry)}\`${typeof entry === "number" || typeof entry === "boolean" ? ` (quote it: '${pyStr(entry)}')` : ""}`,
          [...path, "needs", i],
        );
      } else if (entry.includes(" ")) {
        report.error(
          "needs-space",
          `\`needs\` actions should be separated with commas, but ${id} needs \`${entry}\``,
          [...path, "needs", i],
        );
      } else needNames.push(entry);
    });
  }
  if (command !== null && parsedOutputs !== null)
    checkCommandOutputs(id, command, parsedOutputs, report, path);

  return {
    id,
    run: command,
    outputs: parsedOutputs,
    needs: needNames,
    config: isYMap(config) ? config : null,
    dummyDataFile: typeof dummy === "string" ? dummy : null,
    ok: report.errorCount === before,
  };
}
