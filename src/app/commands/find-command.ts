// Finds the slash command in a comment. A command is a line that starts with `/<word>` (up to three
// spaces of indentation, as Markdown allows), outside fenced code blocks, indented code, quotes and
// HTML comments, so quoting or documenting a command never runs it. A line that starts with a near
// miss of the word (`/opensafley`) is reported too, so the author hears back rather than nothing.
import { closest } from "./did-you-mean.ts";

/** Longer command lines are refused: no real command needs more. */
export const MAX_COMMAND_CHARS = 4_000;

export type FoundCommand =
  | { readonly kind: "none" }
  /** `args` is the rest of the line after the word, trimmed. `line` is 1-based. */
  | { readonly kind: "command"; readonly line: number; readonly args: string }
  | { readonly kind: "too-long"; readonly line: number }
  | { readonly kind: "several"; readonly lines: readonly number[] }
  /** The line starts with a word close to the command word, and no line has the word itself. */
  | { readonly kind: "near-miss"; readonly line: number; readonly typed: string };

/** Short words are too easily one edit from other bots' commands (`/os` and `/ok`) to guess at. */
const NEAR_MISS_MIN = 5;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const SLASH = /^ {0,3}\/([^\s/]+)(?:[ \t]+(.*))?$/;

export function findCommand(body: string, word: string): FoundCommand {
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  const wanted = word.toLowerCase();
  const commands: { line: number; args: string; tooLong: boolean }[] = [];
  let nearMiss: { line: number; typed: string } | null = null;
  let fence: { char: string; length: number } | null = null;
  let inHtmlComment = false;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence !== null) {
      const close = FENCE.exec(line);
      if (close?.[1]?.[0] === fence.char && close[1].length >= fence.length && close[2]!.trim() === "") {
        fence = null;
      }
      continue;
    }
    if (inHtmlComment) {
      if (line.includes("-->")) inHtmlComment = false;
      continue;
    }
    const open = FENCE.exec(line);
    // A backtick fence's info string cannot hold a backtick; such a line is inline code, not a fence.
    if (open !== null && !(open[1]![0] === "`" && open[2]!.includes("`"))) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      continue;
    }
    // HTML comments are not shown; a command inside one is not a command.
    let visible = line.replace(/<!--.*?-->/g, " ");
    const opened = visible.indexOf("<!--");
    if (opened !== -1) {
      inHtmlComment = true;
      visible = visible.slice(0, opened);
    }
    const match = SLASH.exec(visible);
    if (match === null) continue;
    const typed = match[1]!;
    const args = (match[2] ?? "").trim();
    if (typed.toLowerCase() === wanted) {
      commands.push({ line: i + 1, args, tooLong: visible.length > MAX_COMMAND_CHARS });
    } else if (nearMiss === null && word.length >= NEAR_MISS_MIN && closest(typed, [word]) !== null) {
      nearMiss = { line: i + 1, typed };
    }
  }

  if (commands.length > 1) return { kind: "several", lines: commands.map((c) => c.line) };
  const [only] = commands;
  if (only !== undefined) {
    return only.tooLong
      ? { kind: "too-long", line: only.line }
      : { kind: "command", line: only.line, args: only.args };
  }
  if (nearMiss !== null) return { kind: "near-miss", ...nearMiss };
  return { kind: "none" };
}
