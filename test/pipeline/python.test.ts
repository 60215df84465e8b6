// The Python behaviours the platform relies on, reproduced exactly.
import { describe, expect, it } from "vitest";
import { pyFloat, pyFloatRepr, pyInt } from "../../src/pipeline/python/numbers.ts";
import { fnmatchCase, normpath, pureParent, purePath, pureSuffix } from "../../src/pipeline/python/paths.ts";
import { shlexJoin, shlexSplit } from "../../src/pipeline/python/shlex.ts";

describe("shlex.split", () => {
  it.each([
    ["a b\tc\nd\re", ["a", "b", "c", "d", "e"]],
    ["'a b' c", ["a b", "c"]],
    ['"a \\" \\\\ \\$ b"', ['a " \\ \\$ b']],
    ["a\\ b", ["a b"]],
    ['a"b"c', ["abc"]],
    ['""', [""]],
    ["a '' b", ["a", "", "b"]],
    ["#not a comment", ["#not", "a", "comment"]],
    ["a\u00a0b", ["a\u00a0b"]],
    ["  lead  trail  ", ["lead", "trail"]],
    ["'it''s'", ["its"]],
    ["$'x'", ["$x"]],
  ])("%j", (input, words) => expect(shlexSplit(input)).toEqual(words));
  it.each([
    ["'open", "No closing quotation"],
    ['"open', "No closing quotation"],
    ["trailing\\", "No escaped character"],
  ])("%j raises %s", (input, message) => expect(() => shlexSplit(input)).toThrow(message));
  it("join quotes what needs quoting", () => {
    expect(shlexJoin(["a", "b c", "", "it's", "x=1,y:2/z.@%+-"])).toBe(
      `a 'b c' '' 'it'"'"'s' x=1,y:2/z.@%+-`,
    );
  });
});

describe("numbers", () => {
  it.each([
    [5, 5],
    [true, 1],
    [" 5 ", 5],
    ["1_0", 10],
    ["5e0", 5],
    ["inf", Infinity],
    ["-Infinity", -Infinity],
    ["0x5", null],
    ["abc", null],
    ["1__0", null],
  ] as const)("float(%j) is %s", (input, expected) => expect(pyFloat(input)).toBe(expected));
  it("float('nan') is NaN", () => expect(pyFloat("nan")).toBeNaN());
  it.each([
    [" 7 ", 7n],
    ["1_000", 1000n],
    ["10.7", null],
    ["1e3", null],
    [null, null],
    [true, 1n],
  ] as const)("int(%j) is %s", (input, expected) => expect(pyInt(input)).toBe(expected));
  it.each([
    [4, "4.0"],
    [4.5, "4.5"],
    [1e16, "1e+16"],
    [1.5e16, "1.5e+16"],
    [1e15, "1000000000000000.0"],
    [0.0001, "0.0001"],
    [1e-5, "1e-05"],
    [Infinity, "inf"],
    [-0, "-0.0"],
    [123.456, "123.456"],
    [1e-300, "1e-300"],
    [0.1 + 0.2, "0.30000000000000004"],
  ])("repr(%s) is %s", (x, text) => expect(pyFloatRepr(x)).toBe(text));
});

describe("paths", () => {
  it.each([
    ["", "."],
    ["a//b", "a/b"],
    ["./a", "a"],
    ["a/./b", "a/b"],
    ["a/", "a"],
    ["a/../b", "b"],
    ["../a", "../a"],
    ["a/../../b", "../b"],
    ["//a", "//a"],
    ["///a", "/a"],
    ["/..", "/"],
  ])("normpath(%j) is %j", (p, n) => expect(normpath(p)).toBe(n));
  it.each([
    ["x//a.pdf", "x/a.pdf"],
    ["./x/a.pdf", "x/a.pdf"],
    ["a/../b.pdf", "a/../b.pdf"],
    ["", "."],
  ])("PurePosixPath(%j) is %j", (p, n) => expect(purePath(p)).toBe(n));
  it.each([
    ["a.csv", ".csv"],
    [".csv", ""],
    ["a.", ""],
    ["..", ""],
    ["a. csv", ". csv"],
    ["a.csv.gz", ".gz"],
    ["output/", ""],
  ])("suffix of %j is %j", (p, s) => expect(pureSuffix(p)).toBe(s));
  it.each([
    ["input.csv", "."],
    ["output/a.csv", "output"],
    ["/a.csv", "/"],
    ["a/b/c.csv", "a/b"],
  ])("parent of %j is %j", (p, s) => expect(pureParent(p)).toBe(s));
  it.each([
    ["output/ds/sub/a.csv", "output/ds/*.csv", true],
    ["output/ds/a.arrow", "output/ds/*.csv", false],
    ["a[b].csv", "a[[]b].csv", true],
    ["ab.csv", "a[!x]?.csv", false],
    ["ab.csv", "a?.csv", true],
  ])("fnmatch(%j, %j) is %s", (name, pattern, ok) => expect(fnmatchCase(name, pattern)).toBe(ok));
});
