// Python's `shlex.split(s)` and `shlex.join(words)` in POSIX mode, exactly as the platform splits
// `run` strings. (The npm `shlex` port differs: it adds bash `$'…'` quoting and quotes differently.)

export class ShlexError extends Error {
  override readonly name = "ShlexError";
}

const WHITESPACE = " \t\r\n";
const QUOTES = `'"`;
const PLAIN_NEEDS_LEXER = /['"\\]/;
const WHITESPACE_RUN = /[ \t\r\n]+/;

/** Splits like `shlex.split(s)` (posix, no comments). Throws ShlexError with Python's message. */
export function shlexSplit(s: string): string[] {
  // Without quotes or backslashes, POSIX splitting is splitting on whitespace.
  if (!PLAIN_NEEDS_LEXER.test(s)) return s.split(WHITESPACE_RUN).filter((w) => w !== "");
  const words: string[] = [];
  let i = 0;
  for (;;) {
    let state: string | null = " ";
    let token = "";
    let quoted = false;
    let escapedState = "a";
    for (;;) {
      const ch = i < s.length ? s[i++]! : "";
      if (state === " ") {
        if (ch === "") {
          state = null;
          break;
        } else if (WHITESPACE.includes(ch)) {
          if (token || quoted) break;
        } else if (ch === "\\") {
          escapedState = "a";
          state = ch;
        } else if (QUOTES.includes(ch)) {
          state = ch;
        } else {
          token = ch;
          state = "a";
        }
      } else if (state === "'" || state === '"') {
        quoted = true;
        if (ch === "") throw new ShlexError("No closing quotation");
        if (ch === state) state = "a";
        else if (ch === "\\" && state === '"') {
          escapedState = state;
          state = ch;
        } else token += ch;
      } else if (state === "\\") {
        if (ch === "") throw new ShlexError("No escaped character");
        // In POSIX shells only the quote itself or the escape character may be escaped within quotes.
        if (QUOTES.includes(escapedState) && ch !== state && ch !== escapedState) token += state;
        token += ch;
        state = escapedState;
      } else {
        // state "a": inside a word
        if (ch === "") {
          state = null;
          break;
        } else if (WHITESPACE.includes(ch)) {
          state = " ";
          if (token || quoted) break;
        } else if (QUOTES.includes(ch)) {
          state = ch;
        } else if (ch === "\\") {
          escapedState = "a";
          state = ch;
        } else token += ch;
      }
    }
    if (!quoted && token === "") {
      if (state === null) return words;
      continue;
    }
    words.push(token);
    if (state === null) return words;
  }
}

const UNSAFE = /[^\w@%+=:,./-]/;

/** `shlex.quote(s)`. */
export function shlexQuote(s: string): string {
  if (s === "") return "''";
  if (!UNSAFE.test(s)) return s;
  return `'${s.replaceAll("'", `'"'"'`)}'`;
}

/** `shlex.join(words)`. */
export function shlexJoin(words: readonly string[]): string {
  return words.map(shlexQuote).join(" ");
}
