// Job and request identifiers as the platform makes them (spec/local-run.md §2.3): a request id of 10
// random hex characters, and job ids from SHA-1 of `<request id>\n<action>`, first 10 bytes, base32.
import { createHash, randomBytes } from "node:crypto";

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

export function newRequestId(): string {
  return randomBytes(5).toString("hex");
}

export function jobIdFor(requestId: string, action: string): string {
  const bytes = createHash("sha1").update(`${requestId}\n${action}`).digest().subarray(0, 10);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}
