// Putting text from project.yaml into GitHub Markdown safely. Action names and messages can hold
// anything YAML can write, so they are shown literally: no name can open a link, a table cell, an
// HTML tag or a code fence, and invisible characters are made visible.

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/gu;
const NAME_LENGTH = 100;

/** Invisible characters shown as control pictures (␊) or code points (<U+202E>). */
export function visible(text: string): string {
  return text.replace(INVISIBLE, picture);
}

/** Like `visible`, but line breaks stay line breaks (for multi-line messages). */
export function visibleLines(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(INVISIBLE, (ch) => (ch === "\n" ? ch : picture(ch)));
}

function picture(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return "\u2421";
  return `<U+${code.toString(16).toUpperCase().padStart(4, "0")}>`;
}

/** Shortens to `max` code points, ending with `…`, never splitting a surrogate pair. */
export function shorten(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, Math.max(0, max - 1)).join("")}…`;
}

/** Literal Markdown text: HTML specials become entities, every other ASCII mark is backslash-escaped. */
export function mdText(text: string): string {
  return visible(text).replace(/[&<>]|[!-/:-@[-`{-~]/g, (ch) => {
    if (ch === "&") return "&amp;";
    if (ch === "<") return "&lt;";
    if (ch === ">") return "&gt;";
    return `\\${ch}`;
  });
}

/** An action name as a code span, shortened; `inTable` when it goes in a table cell. */
export function mdName(name: string, inTable = false): string {
  if (name === "") return '`""`';
  return codeSpan(shorten(visible(name), NAME_LENGTH), inTable);
}

/**
 * A code span whose fence is longer than any run of backticks inside it. In a table cell `|` is
 * escaped, because GFM splits cells on it before it looks at code spans.
 */
export function codeSpan(text: string, inTable = false): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const inner = inTable ? text.replaceAll("|", "\\|") : text;
  const pad = inner.startsWith("`") || inner.endsWith("`") ? " " : "";
  return `${fence}${pad}${inner}${pad}${fence}`;
}

/** A fenced code block whose fence cannot be closed by the content. */
export function codeBlock(text: string, info = ""): string {
  const longest = Math.max(2, ...Array.from(text.matchAll(/`{3,}/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const body = text.endsWith("\n") ? text : `${text}\n`;
  return `${fence}${info}\n${body}${fence}\n`;
}

export { count } from "../../pipeline/index.ts";

/** A command-line word, quoted for a POSIX shell when it needs to be. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:=-]+$/.test(word) ? word : `'${word.replaceAll("'", `'"'"'`)}'`;
}
