// Command-specific output rules (spec §10): cohortextractor `generate_cohort` and ehrQL /
// databuilder `generate-dataset`. Selected by a regex on the start of the raw run string, exactly
// as the reference does (so a leading or double space bypasses them, as it does there).
import type { Command, Outputs } from "../model.ts";
import { fnmatchCase, normpath, pureParent } from "../python/paths.ts";
import type { IssuePath, Report } from "../report.ts";

const GENERATE_COHORT = /^cohortextractor:\S+ generate_cohort/u;
const GENERATE_DATASET = /^(?:ehrql|databuilder):\S+ generate[-_]dataset/u;

export function checkCommandOutputs(
  id: string,
  run: Command,
  outputs: Outputs,
  report: Report,
  path: IssuePath,
): void {
  if (GENERATE_COHORT.test(run.raw)) checkGenerateCohort(id, run, outputs, report, path);
  if (GENERATE_DATASET.test(run.raw)) checkGenerateDataset(id, run, outputs, report, path);
}

function allPatterns(outputs: Outputs): string[] {
  return Object.values(outputs).flatMap((level) => Object.values(level ?? {}));
}

function checkGenerateCohort(
  id: string,
  run: Command,
  outputs: Outputs,
  report: Report,
  path: IssuePath,
): void {
  const levels = Object.keys(outputs).length;
  if (levels !== 1) {
    report.error(
      "generate-cohort-outputs",
      `A \`generate_cohort\` action must have exactly one output; ${id} had ${levels}`,
      [...path, "outputs"],
    );
    return;
  }
  const dirs = [...new Set(allPatterns(outputs).map(pureParent))].sort();
  const outputDir = run.parts.some((w) => w === "--output-dir" || w.startsWith("--output-dir="));
  if (dirs.length !== 1 && !outputDir) {
    const lines = dirs.map((d) => `\n - ${d}/`).join("");
    report.error(
      "generate-cohort-directories",
      `generate_cohort command should produce output in only one directory, found ${dirs.length}:${lines}`,
      [...path, "outputs"],
    );
  }
}

/** The value of the first `--output X` or `--output=X` among the run words, or "" when absent. */
export function outputArgument(parts: readonly string[]): string {
  for (let i = 0; i < parts.length; i++) {
    const word = parts[i]!;
    if (word === "--output") return parts[i + 1] ?? "";
    if (word.startsWith("--output=")) return word.slice("--output=".length);
  }
  return "";
}

function checkGenerateDataset(
  id: string,
  run: Command,
  outputs: Outputs,
  report: Report,
  path: IssuePath,
): void {
  const nonEmpty = (level: keyof Outputs) => Object.keys(outputs[level] ?? {}).length > 0;
  if (nonEmpty("moderately_sensitive") || nonEmpty("minimally_sensitive")) {
    report.error(
      "generate-dataset-level",
      `\`${id}\` action uses \`generate-dataset\` and so all outputs must be labelled \`highly_sensitive\``,
      [...path, "outputs"],
    );
    return;
  }
  const spec = outputArgument(run.parts);
  if (spec === "") {
    report.error(
      "generate-dataset-no-output",
      `\`${id}\` action does not provide an \`--output\` argument specifying where the results of \`generate-dataset\` should be stored`,
      [...path, "run"],
    );
    return;
  }
  const highly = Object.values(outputs.highly_sensitive ?? {});
  const { matches, expected } = matchOutputSpec(spec, highly);
  if (!matches) {
    report.error(
      "generate-dataset-mismatch",
      "output specification must match the `--output` argument in the `run` command\n" +
        `              got: ${highly.join(`${" ".repeat(19)}\n`)}\nbut was expecting: ${expected}`,
      [...path, "outputs", "highly_sensitive"],
    );
  }
}

/**
 * Whether the highly_sensitive patterns fit a `--output` value: a file spec must be one of them
 * exactly; a directory spec (`dir:ext`, `dir/:ext`) must glob-match every one of them.
 */
export function matchOutputSpec(
  spec: string,
  highly: readonly string[],
): { matches: boolean; expected: string } {
  const slash = spec.lastIndexOf("/");
  const last = spec.slice(slash + 1);
  if (!last.includes(":")) return { matches: highly.includes(spec), expected: spec };
  const colon = last.lastIndexOf(":");
  const dirName = last.slice(0, colon);
  const extension = `.${last.slice(colon + 1)}`;
  const parent = slash === -1 ? "" : spec.slice(0, slash);
  const directory = normpath(dirName === "" ? parent || "." : parent ? `${parent}/${dirName}` : dirName);
  return {
    matches: highly.every((p) => fnmatchCase(p, `${directory}/*${extension}`)),
    expected: `${directory}/:${extension.slice(1)}`,
  };
}
