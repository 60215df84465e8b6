// Markdown helpers for text that comes from users' files and jobs: action names, messages and logs
// must show as written and never become markup, links, HTML or the end of a table cell.

/** Control characters (line breaks too; tab aside) and bidi overrides, shown as `\uXXXX`. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const INVISIBLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC.
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

export function visible(text: string): string {
  return text
    .replace(ANSI, "")
    .replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** HTML's own marks become entities, which mean the same inside and outside HTML blocks. */
const ENTITIES: Readonly<Record<string, string>> = { "<": "&lt;", ">": "&gt;", "&": "&amp;" };

/**
 * Inline text that never starts a line: the marks that mean something mid-line (emphasis, code,
 * links, HTML, table cells, strikethrough, entities, maths) are backslash-escaped.
 */
export function inline(text: string): string {
  return visible(text.replace(/\r\n?|\n/g, " ")).replace(
    /[\\`*_[\]<>|~&$!]/g,
    (c) => ENTITIES[c] ?? `\\${c}`,
  );
}

/** Text in a fenced code block: a fence longer than any run of backticks inside. */
export function codeBlock(lines: readonly string[], info = "text"): string {
  const body = lines.map((line) => visible(line)).join("\n");
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${body}\n${fence}\n`;
}

export function bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** Cuts text to at most `max` UTF-8 bytes without splitting a character. */
export function cutToBytes(text: string, max: number): string {
  if (bytes(text) <= max) return text;
  let out = "";
  let used = 0;
  for (const ch of text) {
    const n = bytes(ch);
    if (used + n > max) break;
    out += ch;
    used += n;
  }
  return out;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(1)} GiB`;
}

/** Text inside HTML (e.g. a `<summary>`), where Markdown escapes would show literally. */
export function html(text: string): string {
  return visible(text.replace(/\r\n?|\n/g, " ")).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}
