import { describe, expect, it } from "vitest";
import { parseTokens } from "../../src/backend/tokens.ts";

describe("parseTokens (TRESTLE_RAP_TOKENS)", () => {
  it("maps each token to the backends it may act on", () => {
    const parsed = parseTokens(" aaaaaaaaaaaaaaaa1 : test ; bbbbbbbbbbbbbbbb2:test,tpp;");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.tokens.backendsFor("aaaaaaaaaaaaaaaa1")).toEqual(["test"]);
    expect(parsed.tokens.backendsFor("bbbbbbbbbbbbbbbb2")).toEqual(["test", "tpp"]);
    expect(parsed.tokens.backendsFor("unknown-token-xxxxx")).toBeNull();
    expect(parsed.tokens.backendsFor("")).toBeNull();
    expect(parsed.tokens.allBackends).toEqual(["test", "tpp"]);
  });

  it("refuses bad configuration without ever printing a token", () => {
    const secret = "supersecret-token-value";
    const cases: [string | undefined, RegExp][] = [
      [undefined, /not set/],
      ["  ", /not set/],
      [";;", /no TOKEN:backend entry/],
      [`${secret}`, /entry 1 is not TOKEN:backend/],
      [`${secret}:`, /entry 1 names no backend/],
      ["short:test", /shorter than 16/],
      [`${secret}:te st`, /invalid backend slug/],
      [`${secret}:../x`, /invalid backend slug/],
      [`${secret}:test;${secret}:tpp`, /entry 2 repeats a token/],
      [`super secret token value:test`, /white space/],
    ];
    for (const [value, message] of cases) {
      const parsed = parseTokens(value);
      expect(parsed.ok, String(value)).toBe(false);
      if (!parsed.ok) {
        expect(parsed.message).toMatch(message);
        expect(parsed.message).not.toContain(secret);
      }
    }
  });

  it("keeps only digests of the tokens", () => {
    const parsed = parseTokens("plain-token-0123456789:test");
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(JSON.stringify(parsed.tokens)).not.toContain("plain-token-0123456789");
  });
});
