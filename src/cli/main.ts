// The `trestle` command line. Each subcommand lives in commands/<name>.ts and registers itself here.
import { Command, CommanderError } from "commander";
import { EXIT_USAGE } from "./exit-codes.ts";

type Register = (program: Command) => void;

// Subcommands, in the order `trestle --help` lists them. Add new ones to this list. Each module is
// loaded only when needed: `check` must start fast, and the app and backend bring probot, fastify and
// SQLite with them.
const commands: { readonly name: string; readonly load: () => Promise<Register> }[] = [
  { name: "check", load: async () => (await import("./commands/check.ts")).registerCheck },
  { name: "graph", load: async () => (await import("./commands/graph.ts")).registerGraph },
  { name: "run", load: async () => (await import("./commands/run.ts")).registerRun },
  { name: "codelists", load: async () => (await import("./commands/codelists.ts")).registerCodelists },
  { name: "app", load: async () => (await import("./commands/app.ts")).registerApp },
  { name: "backend", load: async () => (await import("./commands/backend.ts")).registerBackend },
];

/** The chosen subcommand alone; all of them for help, version and anything unknown. */
function commandsFor(argv: readonly string[]) {
  const chosen = commands.filter((c) => c.name === argv[0]);
  return chosen.length > 0 ? chosen : commands;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command("trestle")
    .description("Validate, graph and run OpenSAFELY-style research pipelines (project.yaml).")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) })
    .showHelpAfterError("(run 'trestle --help' for usage)");
  for (const register of await Promise.all(commandsFor(argv).map((c) => c.load()))) register(program);
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
