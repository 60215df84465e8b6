// The manifest's `sha`: SHA-1 of the file after normalising line endings, so that a checkout that
// rewrote \n to \r\n (git on Windows) still matches what was downloaded.
import { createHash } from "node:crypto";

/** Python's `b"\n".join(content.splitlines())`: CRLF and CR become LF and one final LF is dropped. */
export function normaliseLineEndings(content: Uint8Array): Uint8Array {
  const out = new Uint8Array(content.length);
  let n = 0;
  for (let i = 0; i < content.length; i++) {
    const byte = content[i]!;
    if (byte === 0x0d) {
      out[n++] = 0x0a;
      if (content[i + 1] === 0x0a) i++;
    } else {
      out[n++] = byte;
    }
  }
  if (n > 0 && out[n - 1] === 0x0a) n--;
  return out.subarray(0, n);
}

export function codelistSha(content: Uint8Array): string {
  return createHash("sha1").update(normaliseLineEndings(content)).digest("hex");
}
