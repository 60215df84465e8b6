// `trestle codelists check [--project DIR] [--offline]`: the research action's codelists check.
import { stat } from "node:fs/promises";
import type { Command } from "commander";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from "../exit-codes.ts";

interface CheckFlags {
  project: string;
  offline?: boolean;
}

export function registerCodelists(program: Command): void {
  const codelists = program
    .command("codelists")
    .description("Check the codelists/ folder against codelists.txt and its manifest.");
  codelists
    .command("check")
    .description(
      "Check that codelists/ matches codelists.txt and codelists.json (offline), then whether the codelists are current on OpenCodelists when it can be reached.",
    )
    .option("--project <dir>", "the project folder", ".")
    .option("--offline", "skip the upstream freshness check")
    .action(async (flags: CheckFlags) => {
      process.exitCode = await runCheck(flags);
    });
}

async function runCheck(flags: CheckFlags): Promise<number> {
  const isDir = await stat(flags.project).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) {
    process.stderr.write(`trestle: no such project folder: ${flags.project}\n`);
    return EXIT_USAGE;
  }
  // Loaded here, not at the top, so that `trestle --help` does not load the codelists check.
  const { checkCodelists } = await import("../../codelists/index.ts");
  const report = await checkCodelists(flags.project, {
    inCi: Boolean(process.env.GITHUB_WORKFLOW),
    upstream: !flags.offline,
  });
  for (const message of report.messages) {
    const stream = message.level === "info" ? process.stdout : process.stderr;
    stream.write(message.text.endsWith("\n") ? message.text : `${message.text}\n`);
  }
  return report.outcome === "failed" ? EXIT_FAILED : EXIT_OK;
}
