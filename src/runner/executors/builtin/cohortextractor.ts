// cohort-extractor `generate_cohort` on dummy data. opensafely-cli appends `--dummy-data-file=<path>`
// (or `--expectations-population=<n>`) and `--output-dir=<dir>` when the outputs share one folder
// (spec/local-run.md §3.1); cohort-extractor then copies the dummy file byte for byte. Only the copy
// can be done without the image.
import { copyFile, mkdir, readdir, readFile } from "node:fs/promises";
import { dirname, extname, join } from "node:path";
import type { Action } from "../../../pipeline/index.ts";
import { outputSpec } from "../../patterns.ts";
import { parseArgs, ToolError, workspacePath } from "./args.ts";

/** The run words after the image as opensafely-cli changes them for a local run. */
export function cohortextractorWords(action: Action, populationSize: number | null): string[] {
  const words = action.jobArgs.slice(1);
  if (words[0] !== "generate_cohort") return words;
  if (action.dummyDataFile !== null)
    words.push(`--dummy-data-file=${action.dummyDataFile.replace(/\\/g, "/")}`);
  else words.push(`--expectations-population=${populationSize ?? 1000}`);
  const dirs = new Set(outputSpec(action.outputs).map((o) => dirname(o.pattern)));
  if (dirs.size === 1) words.push(`--output-dir=${[...dirs][0]}`);
  return words;
}

export function cohortextractorUnsupported(action: Action): string | null {
  if (action.jobArgs[1] !== "generate_cohort")
    return `cohortextractor ${action.jobArgs[1] ?? ""} runs only in the cohortextractor image`;
  if (action.dummyDataFile === null) {
    return "cohortextractor without dummy_data_file generates dummy data from expectations, which only the cohortextractor image can do";
  }
  return null;
}

const FORMATS: Record<string, string> = {
  csv: ".csv",
  "csv.gz": ".csv.gz",
  feather: ".feather",
  dta: ".dta",
  "dta.gz": ".dta.gz",
};

export async function runCohortextractor(words: readonly string[], workDir: string): Promise<void> {
  const args = parseArgs(words.slice(1), [
    "--dummy-data-file",
    "--output-dir",
    "--output-format",
    "--study-definition",
    "--index-date-range",
    "--expectations-population",
  ]);
  const dummy = args.options.get("--dummy-data-file");
  if (dummy === undefined) throw new ToolError("cohortextractor needs a dummy data file here");
  const ext = FORMATS[args.options.get("--output-format") ?? "csv"];
  if (ext === undefined)
    throw new ToolError(`unknown --output-format ${args.options.get("--output-format")}`, 2);
  const dummyExt = dummy.endsWith(".gz") ? `${extname(dummy.slice(0, -3))}.gz` : extname(dummy);
  if (dummyExt !== ext)
    throw new ToolError(
      `Dummy data file does not have the same file extension as the output format: ${dummy} (${ext})`,
    );
  const analysis = await workspacePath(workDir, "analysis");
  const studies = args.options.has("--study-definition")
    ? [args.options.get("--study-definition")!]
    : (await readdir(analysis).catch(() => [] as string[]))
        .filter((n) => /^study_definition.*\.py$/.test(n))
        .map((n) => n.slice(0, -3))
        .sort();
  if (studies.length === 0) throw new ToolError("No study definitions found");
  const outDir = await workspacePath(workDir, args.options.get("--output-dir") ?? "output");
  const source = await workspacePath(workDir, dummy);
  for (const study of studies) {
    await readFile(join(analysis, `${study}.py`)).catch(() => {
      throw new ToolError(`No study definition found at analysis/${study}.py`);
    });
    await mkdir(outDir, { recursive: true });
    await copyFile(source, join(outDir, `${study.replace("study_definition", "input")}${ext}`)).catch(
      (error: Error) => {
        throw new ToolError(`could not copy ${dummy}: ${error.message}`);
      },
    );
  }
}
