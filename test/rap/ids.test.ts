import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base32, jobIdentifier, newRapId, RAP_ID_PATTERN } from "../../src/rap/index.ts";

describe("base32", () => {
  it("encodes the RFC 4648 test vectors in lower case without padding", () => {
    const vectors: [string, string][] = [
      ["", ""],
      ["f", "my"],
      ["fo", "mzxq"],
      ["foo", "mzxw6"],
      ["foob", "mzxw6yq"],
      ["fooba", "mzxw6ytb"],
      ["foobar", "mzxw6ytboi"],
    ];
    for (const [input, output] of vectors) expect(base32(Buffer.from(input))).toBe(output);
  });
});

describe("jobIdentifier", () => {
  it("is SHA-1 of rap_id, newline, action: first 10 bytes in base32 (values computed with Python)", () => {
    expect(jobIdentifier("5i42i3xk2j47qlg6", "generate_dataset")).toBe("6qbbor67tlva7lch");
    expect(jobIdentifier("abcdefgh12345678", "run_model")).toBe("5beefb35smab3ine");
  });

  it("gives 16 characters from a-z and 2-7, the same for the same pair, different for another action", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (action, other) => {
        const id = jobIdentifier("abcdefgh12345678", action);
        expect(id).toMatch(/^[a-z2-7]{16}$/);
        expect(jobIdentifier("abcdefgh12345678", action)).toBe(id);
        if (other !== action) expect(jobIdentifier("abcdefgh12345678", other)).not.toBe(id);
      }),
    );
  });
});

describe("newRapId", () => {
  it("makes ids the RAP API accepts", () => {
    for (let i = 0; i < 50; i++) expect(newRapId(randomBytes)).toMatch(RAP_ID_PATTERN);
  });
});
