// The `trestle` command line. Each subcommand lives in commands/<name>.ts and registers itself here.
import { Command, CommanderError } from "commander";
import { registerApp } from "./commands/app.ts";
import { registerBackend } from "./commands/backend.ts";
import { registerCheck } from "./commands/check.ts";
import { registerCodelists } from "./commands/codelists.ts";
import { registerGraph } from "./commands/graph.ts";
import { registerRun } from "./commands/run.ts";
import { EXIT_USAGE } from "./exit-codes.ts";

// Subcommands, in the order `trestle --help` lists them. Add new ones to this list.
const commands: ((program: Command) => void)[] = [registerCheck, registerGraph, registerRun, registerCodelists, registerApp, registerBackend];

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command("trestle")
    .description("Validate, graph and run OpenSAFELY-style research pipelines (project.yaml).")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) })
    .showHelpAfterError("(run 'trestle --help' for usage)");
  for (const register of commands) register(program);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; every usage error is the command not able to run.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    throw error;
  }
}

const code = await main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`trestle: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT_USAGE;
});
process.exitCode = code;
