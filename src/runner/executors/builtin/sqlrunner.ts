// sqlrunner's dummy-data path (spec/local-run.md §3.3): the type-1 opt-out check, then either the
// `--dummy-data-file` rewritten row by row to `--output`, or a header from the query's columns and
// one empty row. The output file always exists afterwards.
import { readFile } from "node:fs/promises";
import { parseArgs, ToolError, workspacePath } from "./args.ts";
import { readCsvFile, rectangular, writeCsvFile } from "./csv-files.ts";
import { queryColumns } from "./sql-columns.ts";

const T1OOS_TABLE = "PatientsWithTypeOneDissent";
const OLD_T1OOS_TABLE = "AllowedPatientsWithTypeOneDissent";

export function t1oosHandled(sql: string): boolean {
  return new RegExp(`\\b${T1OOS_TABLE}`).test(sql) || new RegExp(`--.*${OLD_T1OOS_TABLE}`).test(sql);
}

export async function runSqlrunner(
  words: readonly string[],
  workDir: string,
  print: (line: string, stream: "stdout" | "stderr") => void,
): Promise<void> {
  const args = parseArgs(words, ["--output", "--dummy-data-file", "--dsn"]);
  const [input, ...extra] = args.positional;
  if (input === undefined) throw new ToolError("error: the following arguments are required: input", 2);
  if (extra.length > 0 || args.flags.size > 0) {
    throw new ToolError(`error: unrecognized arguments: ${[...extra, ...args.flags].join(" ")}`, 2);
  }
  const sql = await readFile(await workspacePath(workDir, input), "utf8").catch(
    (error: NodeJS.ErrnoException) => {
      throw new ToolError(
        `FileNotFoundError: [Errno 2] No such file or directory: '${input}' (${error.code})`,
      );
    },
  );
  if (!t1oosHandled(sql)) throw new ToolError("RuntimeError: T1OOs are not handled correctly");
  const output = args.options.get("--output");
  const dummy = args.options.get("--dummy-data-file");
  let records: string[][];
  if (dummy === undefined) {
    const columns = queryColumns(sql);
    records = [columns, columns.map(() => "")];
  } else {
    const path = await workspacePath(workDir, dummy);
    records = rectangular(
      await readCsvFile(path).catch((error: NodeJS.ErrnoException) => {
        if (error instanceof ToolError) throw error;
        throw new ToolError(
          `FileNotFoundError: [Errno 2] No such file or directory: '${dummy}' (${error.code ?? error.message})`,
        );
      }),
    );
  }
  if (output === undefined) {
    for (const record of records) print(record.join(","), "stdout");
    return;
  }
  await writeCsvFile(await workspacePath(workDir, output), records);
}
