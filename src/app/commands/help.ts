// The help text, written for the configured command word and the backends the App knows.
import { code } from "./parse-command.ts";

export interface HelpContext {
  /** The command word without its slash, e.g. `opensafely`. */
  readonly word: string;
  readonly backends: readonly string[];
  readonly defaultBackend: string | null;
}

export function renderHelp(context: HelpContext): string {
  const w = `/${context.word}`;
  const backendLine =
    context.backends.length === 0
      ? "No backend is configured for this App yet, so nothing can be run."
      : `Backends: ${context.backends.map((b) => code(b)).join(", ")}` +
        (context.defaultBackend === null ? "." : ` (the default is ${code(context.defaultBackend)}).`);
  return [
    `Write a command at the start of a line in a pull-request comment (not in a quote or a code block):`,
    "",
    "| Command | What it does |",
    "|---|---|",
    `| \`${w} run <action…>\` | Runs these actions at the pull request's head commit, with any of their dependencies that have not yet succeeded |`,
    `| \`${w} run run_all\` | Runs every action |`,
    `| \`… -f\` or \`… --force-run-dependencies\` | Runs the dependencies again too, even those that succeeded |`,
    `| \`… --backend <name>\` | Runs on that backend |`,
    `| \`${w} cancel [<action…>]\` | Cancels the pull request's running job requests (or only those actions) |`,
    `| \`${w} status\` | Lists the pull request's job requests and their status |`,
    `| \`${w} graph\` | Shows the job graph of \`project.yaml\` at the head commit |`,
    `| \`${w} help\` | Shows this help |`,
    "",
    backendLine,
    "",
  ].join("\n");
}
