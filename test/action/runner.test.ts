// runner.ts in process, with main() made to throw: whatever is thrown fails the step with a message.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const thrown = vi.hoisted(() => ({ value: undefined as unknown }));
vi.mock("../../src/action/main.ts", () => ({
  main: async () => {
    throw thrown.value;
  },
}));

const { describeThrown, run } = await import("../../src/action/runner.ts");

let written: string[];
beforeEach(() => {
  written = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe("a throw anywhere", () => {
  it.each([
    [new Error("disk full"), "Trestle stopped unexpectedly: disk full"],
    [new TypeError("x is not a function"), "Trestle stopped unexpectedly: TypeError: x is not a function"],
    [
      new Error("outer", { cause: new Error("inner") }),
      "Trestle stopped unexpectedly: outer; caused by: inner",
    ],
    ["a string", "Trestle stopped unexpectedly: a string"],
    [undefined, "Trestle stopped unexpectedly: undefined was thrown (no message)"],
    [null, "Trestle stopped unexpectedly: null was thrown (no message)"],
    [42, "Trestle stopped unexpectedly: a value was thrown: 42"],
    [{ code: "E" }, 'Trestle stopped unexpectedly: a value was thrown: {"code":"E"}'],
  ])("fails the step for %o", async (value, message) => {
    thrown.value = value;
    await run();
    expect(process.exitCode).toBe(1);
    expect(written.join("")).toContain(`::error::${message}`);
  });

  it("describes circular values without crashing", () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeThrown(circular)).toBe("a value was thrown: [object Object]");
  });
});
