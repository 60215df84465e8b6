// Parses what follows the command word: a sub-command and its arguments, split as a shell splits
// words (quotes respected), with flags checked strictly. Every problem is a value with a message for
// the reply, and a suggestion when the input looks like a typo.
import { parseArgs } from "node:util";
import { split } from "shlex";
import { closest } from "./did-you-mean.ts";

export const SUBCOMMANDS = ["run", "cancel", "status", "graph", "help"] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

/** More actions than any real request names; a longer list is refused rather than sent on. */
export const MAX_ACTIONS = 500;
export const MAX_NAME_CHARS = 200;
const BACKEND_SLUG = /^[A-Za-z0-9_-]{1,100}$/;

export type Command =
  | {
      readonly kind: "run";
      readonly actions: readonly string[];
      readonly forceRunDependencies: boolean;
      /** Null: the configured default backend. */
      readonly backend: string | null;
    }
  /** No actions: every pending or running job of the pull request's active job requests. */
  | { readonly kind: "cancel"; readonly actions: readonly string[] }
  | { readonly kind: "status" }
  | { readonly kind: "graph" }
  | { readonly kind: "help" };

export type ParsedCommand =
  | { readonly ok: true; readonly command: Command }
  | { readonly ok: false; readonly problem: string; readonly subcommand: Subcommand | null };

const RUN_FLAGS = {
  "force-run-dependencies": { type: "boolean", short: "f" },
  backend: { type: "string" },
} as const;

export function parseCommand(args: string): ParsedCommand {
  let words: string[];
  try {
    words = split(args);
  } catch {
    return { ok: false, problem: "A quotation mark is not closed.", subcommand: null };
  }
  const [first, ...rest] = words;
  if (first === undefined) return { ok: true, command: { kind: "help" } };
  // Phones capitalise the first word; `Run` means `run`.
  const sub = first.toLowerCase();
  if (!isSubcommand(sub)) {
    const guess = closest(sub, SUBCOMMANDS);
    const shown = code(first);
    const problem =
      guess === null
        ? `${shown} is not a command.`
        : `${shown} is not a command. Did you mean ${code(guess)}?`;
    return { ok: false, problem, subcommand: null };
  }
  switch (sub) {
    case "run":
      return parseRun(rest);
    case "cancel":
      return parseCancel(rest);
    default:
      if (rest.length > 0) {
        return { ok: false, problem: `${code(sub)} takes no arguments.`, subcommand: sub };
      }
      return { ok: true, command: { kind: sub } };
  }
}

function parseRun(words: string[]): ParsedCommand {
  const fail = (problem: string): ParsedCommand => ({ ok: false, problem, subcommand: "run" });
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof RUN_FLAGS; strict: true; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ args: words, options: RUN_FLAGS, strict: true, allowPositionals: true });
  } catch (error) {
    return fail(flagProblem(error, ["--force-run-dependencies", "-f", "--backend"]));
  }
  const backend = parsed.values.backend ?? null;
  if (backend !== null && !BACKEND_SLUG.test(backend)) {
    return fail(`${code(backend)} is not a backend name (letters, digits, \`-\` and \`_\`).`);
  }
  const actions = checkNames(parsed.positionals);
  if (typeof actions === "string") return fail(actions);
  if (actions.length === 0) {
    return fail("Say which actions to run, or `run_all` to run them all.");
  }
  return {
    ok: true,
    command: {
      kind: "run",
      actions,
      forceRunDependencies: parsed.values["force-run-dependencies"] === true,
      backend,
    },
  };
}

function parseCancel(words: string[]): ParsedCommand {
  const fail = (problem: string): ParsedCommand => ({ ok: false, problem, subcommand: "cancel" });
  let positionals: string[];
  try {
    positionals = parseArgs({ args: words, options: {}, strict: true, allowPositionals: true }).positionals;
  } catch (error) {
    return fail(flagProblem(error, []));
  }
  const actions = checkNames(positionals);
  if (typeof actions === "string") return fail(actions);
  return { ok: true, command: { kind: "cancel", actions } };
}

/** The names, de-duplicated in the order given, or a problem. */
function checkNames(names: readonly string[]): string[] | string {
  if (names.length > MAX_ACTIONS) return `At most ${MAX_ACTIONS} actions can be named in one command.`;
  const out: string[] = [];
  for (const name of names) {
    if (name === "") return "An action name cannot be empty.";
    if (name.length > MAX_NAME_CHARS) return `Action names are at most ${MAX_NAME_CHARS} characters long.`;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

function flagProblem(error: unknown, flags: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']*)'/.exec(message)?.[1];
  if (unknown !== undefined) {
    // `--force` is short for `--force-run-dependencies`, not a typo of it.
    const prefixed = unknown.length >= 5 ? flags.filter((f) => f.startsWith(unknown)) : [];
    // A one-letter flag has too many one-edit neighbours to guess at.
    const guess = prefixed.length === 1 ? prefixed[0]! : unknown.length > 2 ? closest(unknown, flags) : null;
    if (flags.length === 0) return `${code(unknown)} is not an option here; this command takes no options.`;
    return guess === null
      ? `${code(unknown)} is not an option. The options are ${flags.map(code).join(", ")}.`
      : `${code(unknown)} is not an option. Did you mean ${code(guess)}?`;
  }
  const missing = /Option '([^']*)' argument (?:missing|is ambiguous)/.exec(message)?.[1];
  if (missing !== undefined) return `${code(flagName(missing))} needs a value.`;
  const extra = /Option '([^']*)' does not take an argument/.exec(message)?.[1];
  if (extra !== undefined) return `${code(flagName(extra))} does not take a value.`;
  return "The options could not be read.";
}

/** `--backend` from node's `-b, --backend <value>`. */
function flagName(described: string): string {
  return described.replace(/^-\w, /, "").replace(/ <value>$/, "");
}

function isSubcommand(word: string): word is Subcommand {
  return (SUBCOMMANDS as readonly string[]).includes(word);
}

/** Text from the comment as an inline code span (its own backticks cannot end it). */
export function code(text: string): string {
  const shown = text.length > 100 ? `${text.slice(0, 99)}…` : text;
  const clean = shown.replace(/[\r\n]/g, " ");
  const longest = Math.max(0, ...Array.from(clean.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = clean.startsWith("`") || clean.endsWith("`") ? " " : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}
