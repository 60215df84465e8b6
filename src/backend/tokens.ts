// Client tokens and the backends each may act on, from `TRESTLE_RAP_TOKENS`
// ("TOKEN:backend[,backend…];TOKEN2:…"), as the controller maps `<BACKEND>_CLIENT_TOKENS`.
// Only SHA-256 digests of the tokens are kept, so a heap dump or a stray log line cannot reveal one.
import { createHash } from "node:crypto";

const BACKEND_SLUG = /^[A-Za-z0-9_-]+$/;
/** Tokens shorter than this are refused: they would be guessable. */
export const MIN_TOKEN_LENGTH = 16;

export type TokenParse =
  | { readonly ok: true; readonly tokens: TokenTable }
  | { readonly ok: false; readonly message: string };

function digest(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export class TokenTable {
  readonly #backends = new Map<string, readonly string[]>();

  /** Every backend some token may act on, sorted. */
  readonly allBackends: readonly string[];

  constructor(entries: ReadonlyMap<string, readonly string[]>) {
    const all = new Set<string>();
    for (const [token, backends] of entries) {
      this.#backends.set(digest(token), [...backends]);
      for (const b of backends) all.add(b);
    }
    this.allBackends = [...all].sort();
  }

  /** The backends a presented token may act on, or null when the token is unknown. */
  backendsFor(token: string): readonly string[] | null {
    return this.#backends.get(digest(token)) ?? null;
  }

  get size(): number {
    return this.#backends.size;
  }
}

/**
 * Parses the environment value. Errors name the entry by position, never by its text, because the
 * text holds a token.
 */
export function parseTokens(value: string | undefined): TokenParse {
  if (value === undefined || value.trim() === "") {
    return { ok: false, message: "TRESTLE_RAP_TOKENS is not set: give at least one TOKEN:backend entry" };
  }
  const entries = new Map<string, string[]>();
  const parts = value.split(";").map((p) => p.trim());
  for (const [index, part] of parts.entries()) {
    if (part === "") continue;
    const where = `TRESTLE_RAP_TOKENS entry ${index + 1}`;
    const colon = part.lastIndexOf(":");
    if (colon <= 0) return { ok: false, message: `${where} is not TOKEN:backend[,backend…]` };
    const token = part.slice(0, colon).trim();
    const backends = part
      .slice(colon + 1)
      .split(",")
      .map((b) => b.trim())
      .filter((b) => b !== "");
    if (token.length < MIN_TOKEN_LENGTH) {
      return { ok: false, message: `${where} has a token shorter than ${MIN_TOKEN_LENGTH} characters` };
    }
    if (/\s/.test(token)) return { ok: false, message: `${where} has a token containing white space` };
    if (backends.length === 0) return { ok: false, message: `${where} names no backend` };
    const bad = backends.find((b) => !BACKEND_SLUG.test(b));
    if (bad !== undefined) return { ok: false, message: `${where} names an invalid backend slug '${bad}'` };
    if (entries.has(token)) return { ok: false, message: `${where} repeats a token given earlier` };
    entries.set(token, backends);
  }
  if (entries.size === 0) return { ok: false, message: "TRESTLE_RAP_TOKENS holds no TOKEN:backend entry" };
  return { ok: true, tokens: new TokenTable(entries) };
}
