import { describe, expect, it } from "vitest";
import { count, thousands } from "../../src/pipeline/index.ts";

describe("numbers in messages", () => {
  it("groups digits as en-US does", () => {
    for (const n of [0, 7, 999, 1000, 2505, 65_536, 1_234_567, 10_000_000, -1234, 1234.5, 0.25]) {
      expect(thousands(n)).toBe(n.toLocaleString("en-US", { maximumFractionDigits: 20 }));
    }
  });
  it("leaves what is not a plain number alone", () => {
    expect(thousands(Number.NaN)).toBe("NaN");
    expect(thousands(Number.POSITIVE_INFINITY)).toBe("Infinity");
    expect(thousands(1e21)).toBe("1e+21");
  });
  it("counts with regular and irregular plurals", () => {
    expect(count(1, "action")).toBe("1 action");
    expect(count(0, "action")).toBe("0 actions");
    expect(count(2505, "action")).toBe("2,505 actions");
    expect(count(2, "entry", "entries")).toBe("2 entries");
  });
});
