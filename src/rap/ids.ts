// Identifiers on the wire: job-request (rap) ids, commit shas, and the deterministic job id.
import { createHash } from "node:crypto";

/** A job request's identifier: job-server makes 16 base32 characters; the API accepts `[a-z0-9]{16}`. */
export const RAP_ID_PATTERN = /^[a-z0-9]{16}$/;
/** A full, lower-case commit sha. */
export const COMMIT_PATTERN = /^[0-9a-f]{40}$/;
/** Workspace names become folder names on the backend, so only these characters are allowed. */
export const WORKSPACE_PATTERN = /^[a-zA-Z0-9_-]+$/;

const BASE32_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

/** RFC 4648 base32, lower-case, without padding. */
export function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * The job id the controller gives the job for `action` in job request `rapId`: SHA-1 of
 * `"<rap_id>\n<action>"`, first 10 bytes, base32. The same pair always gets the same id, which is what
 * makes a repeated create idempotent.
 */
export function jobIdentifier(rapId: string, action: string): string {
  const digest = createHash("sha1").update(`${rapId}\n${action}`, "utf8").digest();
  return base32(digest.subarray(0, 10));
}

/** A fresh job-request identifier in job-server's format (10 random bytes, base32). */
export function newRapId(random: (size: number) => Uint8Array): string {
  return base32(random(10));
}
