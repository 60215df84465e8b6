// Action names may hold anything YAML can write: newlines, bidi overrides, zero-width spaces, nothing
// at all. Before a name is put in a diagram or a list it is made visible, so that what the reader sees
// is what the file says and no name can fake another, break a line, or reorder the text around it.

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/gu;

function picture(ch: string): string {
  const code = ch.codePointAt(0)!;
  // C0 controls and DEL have their own visible forms in Unicode's Control Pictures block (␊, ␉, ␡).
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return "\u2421";
  return `<U+${code.toString(16).toUpperCase().padStart(4, "0")}>`;
}

/** The name with every invisible character shown (␊, <U+202E>); the empty name is shown as `""`. */
export function visibleName(name: string): string {
  if (name === "") return '""';
  return name.replace(INVISIBLE, picture);
}

/** Shortens text to at most `max` code points (never splitting a surrogate pair), ending with `…`. */
export function truncate(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, Math.max(0, max - 1)).join("")}…`;
}

/** The text with every invisible character shown, except line breaks, which the caller handles. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (ch) => (ch === "\n" ? ch : picture(ch)));
}
