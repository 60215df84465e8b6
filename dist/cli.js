#!/usr/bin/env node
import {
  EXIT_USAGE
} from "./chunks/chunk-LRK5QGZ7.js";

// src/cli/main.ts
import { Command, CommanderError } from "commander";
var commands = [
  { name: "check", load: async () => (await import("./chunks/check-2LILQ4UU.js")).registerCheck },
  { name: "graph", load: async () => (await import("./chunks/graph-X7YRQQCC.js")).registerGraph },
  { name: "run", load: async () => (await import("./chunks/run-AQ4WT2WC.js")).registerRun },
  { name: "codelists", load: async () => (await import("./chunks/codelists-7SOLYHAV.js")).registerCodelists },
  { name: "app", load: async () => (await import("./chunks/app-NFMJCXO6.js")).registerApp },
  { name: "backend", load: async () => (await import("./chunks/backend-MIT37B22.js")).registerBackend }
];
function commandsFor(argv) {
  const chosen = commands.filter((c) => c.name === argv[0]);
  return chosen.length > 0 ? chosen : commands;
}
async function main(argv) {
  const program = new Command("trestle").description("Validate, graph and run OpenSAFELY-style research pipelines (project.yaml).").version("0.1.0").exitOverride().configureOutput({ outputError: (text, write) => write(text) }).showHelpAfterError("(run 'trestle --help' for usage)");
  for (const register of await Promise.all(commandsFor(argv).map((c) => c.load()))) register(program);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return process.exitCode === void 0 ? 0 : Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    throw error;
  }
}
var code = await main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`trestle: ${error instanceof Error ? error.message : String(error)}
`);
  return EXIT_USAGE;
});
process.exitCode = code;
export {
  main
};
