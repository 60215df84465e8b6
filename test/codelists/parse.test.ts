import { describe, expect, it } from "vitest";
import { parseCodelistLine, parseCodelistsFile } from "../../src/codelists/codelists-file.ts";
import { codelistSha, normaliseLineEndings } from "../../src/codelists/hash.ts";
import { formatDiff, withUpdatePrompt } from "../../src/codelists/messages.ts";
import { splitLines, strip } from "../../src/codelists/python-text.ts";

describe("codelists.txt lines", () => {
  it("derives the file name and URLs from a project codelist", () => {
    expect(parseCodelistLine("opensafely/asthma-diagnosis/2020-04-15")).toEqual({
      id: "opensafely/asthma-diagnosis/2020-04-15",
      codelist: "opensafely/asthma-diagnosis",
      version: "2020-04-15",
      url: "https://www.opencodelists.org/codelist/opensafely/asthma-diagnosis/2020-04-15/",
      downloadUrl:
        "https://www.opencodelists.org/codelist/opensafely/asthma-diagnosis/2020-04-15/download.csv",
      filename: "opensafely-asthma-diagnosis.csv",
    });
  });

  it("accepts user codelists, trailing slashes and surrounding whitespace", () => {
    const line = parseCodelistLine("  user/jane/my-list/abc123/// \t");
    expect(line).toMatchObject({ id: "user/jane/my-list/abc123", filename: "user-jane-my-list.csv" });
  });

  it("skips blank and comment lines", () => {
    expect(parseCodelistLine("")).toBeNull();
    expect(parseCodelistLine("   ")).toBeNull();
    expect(parseCodelistLine("# opensafely/a/b")).toBeNull();
    expect(parseCodelistLine("  # indented comment")).toBeNull();
  });

  it.each(["opensafely/asthma", "a/b/c/d/e", "single", "/"])(
    "rejects %j with the reference's message",
    (raw) => {
      const stripped = raw.replace(/\/+$/, "");
      if (stripped === "") return expect(parseCodelistLine(raw)).toBeNull();
      expect(parseCodelistLine(raw)).toBe(
        `${stripped} does not match [project]/[codelist]/[version] or user/[username]/[codelist]/[version]`,
      );
    },
  );

  it("reports a duplicate line, quoting it as written", () => {
    const parsed = parseCodelistsFile("opensafely/a/1\n  opensafely/a/1  \n");
    expect(parsed).toEqual({ ok: false, message: "  opensafely/a/1   is a duplicate of a previous line" });
  });

  it("reports a second version of the same codelist", () => {
    const parsed = parseCodelistsFile("opensafely/a/1\nopensafely/a/2\n");
    expect(parsed).toEqual({
      ok: false,
      message: "opensafely/a/2 conflicts with a different version of the same codelist: 1",
    });
  });

  it("stops at the first bad line", () => {
    expect(parseCodelistsFile("bad\nopensafely/a/1\nopensafely/a/1")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^bad does not match/),
    });
  });

  it("reads CRLF files and Python line boundaries", () => {
    const parsed = parseCodelistsFile(
      "opensafely/a/1\r\nopensafely/b/1\ropensafely/c/1\x85opensafely/d/1\u2028",
    );
    expect(parsed.ok && parsed.codelists.map((c) => c.id)).toEqual([
      "opensafely/a/1",
      "opensafely/b/1",
      "opensafely/c/1",
      "opensafely/d/1",
    ]);
  });

  it("parses a huge file in one pass", () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `opensafely/list-${i}/v1`);
    const parsed = parseCodelistsFile(lines.join("\n"));
    expect(parsed.ok && parsed.codelists.length).toBe(100_000);
  });
});

describe("Python text helpers", () => {
  it("splits like str.splitlines", () => {
    expect(splitLines("")).toEqual([]);
    expect(splitLines("\n")).toEqual([""]);
    expect(splitLines("a\n\nb\n")).toEqual(["a", "", "b"]);
    expect(splitLines("a\r\n\r\nb")).toEqual(["a", "", "b"]);
    expect(splitLines("a\x0bb\x0cc")).toEqual(["a", "b", "c"]);
  });

  it("strips like str.strip (keeping a byte-order mark, which Python does not strip)", () => {
    expect(strip("\x1f\x85 a \u3000")).toBe("a");
    expect(strip("\ufeffa")).toBe("\ufeffa");
  });
});

describe("the manifest's sha", () => {
  const enc = (s: string) => new TextEncoder().encode(s);

  it("is SHA-1 of the content with line endings normalised and one final newline dropped", () => {
    // sha1("code,term\n1,a") computed with Python's hashlib.
    const expected = codelistSha(enc("code,term\n1,a"));
    expect(codelistSha(enc("code,term\r\n1,a\r\n"))).toBe(expected);
    expect(codelistSha(enc("code,term\r1,a\r"))).toBe(expected);
    expect(codelistSha(enc("code,term\n1,a\n"))).toBe(expected);
    expect(codelistSha(enc("code,term\n1,a\n\n"))).not.toBe(expected);
    expect(codelistSha(enc("code,term\n1,b"))).not.toBe(expected);
  });

  it("matches hashlib on known values", () => {
    expect(codelistSha(enc(""))).toBe("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    expect(codelistSha(enc("abc\n"))).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect(Buffer.from(normaliseLineEndings(enc("\r\n\r\n"))).toString()).toBe("\n");
  });
});

describe("messages", () => {
  it("formats a diff as the reference does, sorted", () => {
    expect(formatDiff(new Set(["b", "a"]), new Set(["a", "c"]))).toBe("    added: b\n  removed: c");
  });

  it("appends the update prompt", () => {
    expect(withUpdatePrompt("Oops\n")).toBe(
      "Oops\n\nTo fix these errors run the command below and commit the changes:\n\n  opensafely codelists update\n",
    );
  });
});
