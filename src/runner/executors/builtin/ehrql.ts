// ehrQL on dummy data with a user-supplied `--dummy-data-file` (spec/local-run.md §3.2): the file is
// read and written in the `--output` format. The local executor handles CSV and gzipped CSV; anything
// else (generated dummy data, dummy tables, assurance tests, other formats) needs the ehrql image.
import { access, readFile } from "node:fs/promises";
import { parseArgs, ToolError, workspacePath } from "./args.ts";
import { isGzipCsv, readCsvFile, rectangular, writeCsvFile } from "./csv-files.ts";

const COMMANDS = new Set(["generate-dataset", "generate_dataset", "generate-measures", "generate_measures"]);
const VALUE_OPTIONS = [
  "--output",
  "--dummy-data-file",
  "--dummy-tables",
  "--test-data-file",
  "--dsn",
  "--query-engine",
  "--backend",
];
const isCsv = (path: string) => path.endsWith(".csv") || isGzipCsv(path);

/** Why the local executor cannot run these ehrQL words, or null. */
export function ehrqlUnsupported(words: readonly string[]): string | null {
  const [command, ...rest] = words;
  if (command === undefined || !COMMANDS.has(command)) {
    return `ehrql ${command ?? ""} runs only in the ehrql image`.replace("  ", " ");
  }
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(rest, VALUE_OPTIONS);
  } catch (error) {
    return (error as Error).message;
  }
  const dummy = args.options.get("--dummy-data-file");
  const output = args.options.get("--output");
  if (dummy === undefined)
    return "ehrql without --dummy-data-file generates dummy data, which only the ehrql image can do";
  if (args.options.has("--dummy-tables"))
    return "ehrql --dummy-tables queries dummy tables, which only the ehrql image can do";
  if (args.options.has("--test-data-file"))
    return "ehrql --test-data-file runs assurance tests, which only the ehrql image can do";
  if (output === undefined) return null; // ehrql itself reports the missing --output
  if (!isCsv(dummy) || !isCsv(output) || output.includes(":")) {
    return "ehrql dummy-data conversion to or from formats other than .csv and .csv.gz needs the ehrql image";
  }
  return null;
}

export async function runEhrql(words: readonly string[], workDir: string): Promise<void> {
  const args = parseArgs(words.slice(1), VALUE_OPTIONS);
  const definition = args.positional[0];
  const output = args.options.get("--output");
  const dummy = args.options.get("--dummy-data-file")!;
  if (definition === undefined)
    throw new ToolError("error: the following arguments are required: definition_file", 2);
  if (output === undefined) throw new ToolError("error: the following arguments are required: --output", 2);
  // The definition is read, as ehrQL imports it: a change to it must make the action re-run.
  await readFile(await workspacePath(workDir, definition)).catch(() => {
    throw new ToolError(`FileNotFoundError: ${definition} does not exist`);
  });
  const source = await workspacePath(workDir, dummy);
  await access(source).catch(() => {
    throw new ToolError(`FileNotFoundError: ${dummy} does not exist`);
  });
  const all = await readCsvFile(source);
  await writeCsvFile(
    await workspacePath(workDir, output),
    all.length > 1 ? rectangular(all) : all.slice(0, 1),
  );
}
