// Turns validated parts into the frozen Pipeline model, including each job's run command exactly as
// the platform builds it (spec §8.2): run words, then `--config '<json>'`, re-joined with shell quoting.
import { PyFloat, YDate, type YMap, YTagged, type YValue } from "./load/values.ts";
import { type Action, type Pipeline, RUN_ALL } from "./model.ts";
import { pyJsonDumps } from "./python/json.ts";
import { shlexJoin } from "./python/shlex.ts";
import type { Report } from "./report.ts";
import type { ParsedAction } from "./rules/action.ts";

function toPlain(value: YValue): unknown {
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) Object.defineProperty(out, k, { value: toPlain(v), enumerable: true });
    return Object.freeze(out);
  }
  if (Array.isArray(value)) return Object.freeze(value.map(toPlain));
  if (value instanceof PyFloat) return value.value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof YDate || value instanceof YTagged) return value.toString();
  return value;
}

function jobArgs(action: ParsedAction, config: YMap | null, report: Report): string[] {
  const words = [...action.run!.parts];
  if (config !== null && config.size > 0) {
    const { json, unserialisable } = pyJsonDumps(config);
    if (unserialisable.length > 0) {
      report.warning(
        "config-unserialisable",
        `\`config\` for action ${action.id} contains ${unserialisable.map((v) => `\`${v}\``).join(", ")}, which the platform cannot pass to the job (quote it to make it a string)`,
        ["actions", action.id, "config"],
      );
    }
    words.push("--config", json.replaceAll("'", "\\u0027"));
  }
  return words;
}

export function buildModel(
  version: number,
  parsed: readonly ParsedAction[],
  expectations: { populationSize: number } | null,
  report: Report,
): Pipeline {
  const actions = new Map<string, Action>();
  for (const p of parsed) {
    const args = jobArgs(p, p.config, report);
    actions.set(
      p.id,
      Object.freeze({
        id: p.id,
        run: p.run!,
        outputs: p.outputs!,
        needs: Object.freeze([...p.needs]),
        config: p.config === null ? null : (toPlain(p.config) as Readonly<Record<string, unknown>>),
        dummyDataFile: p.dummyDataFile,
        jobArgs: Object.freeze(args),
        jobCommand: shlexJoin(args),
      }),
    );
  }
  return Object.freeze({
    version,
    actions,
    allActions: Object.freeze([...actions.keys()].filter((n) => n !== RUN_ALL)),
    expectations: expectations === null ? null : Object.freeze({ ...expectations }),
  });
}
