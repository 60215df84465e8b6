// Python's str.splitlines() and str.strip(), which the reference uses to read codelists.txt. JS's
// split and trim disagree with them on a few characters (\x1c-\x1e, \x85, \uFEFF), and a file that
// passes one tool and fails the other would confuse users.

/** \n \v \f \r \x1c \x1d \x1e \x85 \u2028 \u2029 */
function isLineBreak(code: number): boolean {
  if (code > 0x2029) return false;
  return (code >= 0x0a && code <= 0x0d) || (code >= 0x1c && code <= 0x1e) || code === 0x85 || code >= 0x2028;
}

const PY_WHITESPACE =
  "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

/** `str.splitlines()`: the text split at any line boundary, without a trailing empty line. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isLineBreak(code)) continue;
    lines.push(text.slice(start, i));
    if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    start = i + 1;
  }
  // A final line break ends the last line rather than starting an empty one.
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** `str.strip()` with no argument. */
export function strip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && PY_WHITESPACE.includes(text[start]!)) start++;
  while (end > start && PY_WHITESPACE.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** `str.rstrip(chars)`. */
export function rstrip(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}
