// The small pure parts, including malformed, hostile and huge input: SQL column names, CSV, output
// patterns, limits, job ids, log stamps, level-4 checks on files, and file names for action names.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCsv, parseCsv } from "../../src/runner/csv.ts";
import { queryColumns } from "../../src/runner/executors/builtin/sql-columns.ts";
import { t1oosHandled } from "../../src/runner/executors/builtin/sqlrunner.ts";
import { jobIdFor } from "../../src/runner/job-id.ts";
import { formatLogFile, JobLog, rfc3339Nano, tabulate } from "../../src/runner/job-log.ts";
import { checkLevel4 } from "../../src/runner/level4.ts";
import { formatMemory, parseDuration, parseMemory } from "../../src/runner/limits.ts";
import { matchesPattern, outputSpec, unsafePattern } from "../../src/runner/patterns.ts";
import { actionFileName } from "../../src/runner/state/paths.ts";
import { type TempProject, tempProject } from "./helpers.ts";

describe("SQL column names", () => {
  it.each([
    ["SELECT a, b FROM t", ["a", "b"]],
    ['select t.a, [b c], "d" from t', ["a", "b c", "d"]],
    ["SELECT COUNT(*) AS n, SUM(x) total, y = 1 + 2 FROM t", ["n", "total", "y"]],
    ["SELECT DISTINCT TOP 10 a FROM t", ["a"]],
    ["SELECT TOP (5) PERCENT a, b FROM t ORDER BY a", ["a", "b"]],
    ["WITH c AS (SELECT x FROM t) SELECT x AS renamed FROM c", ["renamed"]],
    ["CREATE TABLE #t (a int); INSERT INTO #t VALUES (1); SELECT a, 'lit' AS s FROM #t;", ["a", "s"]],
    ["SELECT CASE WHEN a > 1 THEN 'big' ELSE 'small' END AS size, a + 1 FROM t", ["size", "_col_1"]],
    ["-- SELECT hidden FROM t\nSELECT /* x, y */ shown FROM t", ["shown"]],
    ["SELECT 'a;b' AS s, 'it''s' AS q FROM t", ["s", "q"]],
  ])("%s", (sql, columns) => {
    expect(queryColumns(sql)).toEqual(columns);
  });

  it.each([["SELECT * FROM t"], ["SELECT t.* FROM t"], ["DELETE FROM t"], [""], ["   ;  ;"]])(
    "refuses %j",
    (sql) => {
      expect(() => queryColumns(sql)).toThrow();
    },
  );

  it("never hangs or crashes with anything but a clear error on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (sql) => {
        try {
          const columns = queryColumns(`SELECT ${sql} FROM t`);
          expect(Array.isArray(columns)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("handles a huge select list", () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `c${i}`);
    expect(queryColumns(`SELECT ${names.join(", ")} FROM PatientsWithTypeOneDissent`)).toEqual(names);
  });

  it("checks type-1 opt-outs as sqlrunner does", () => {
    expect(t1oosHandled("SELECT 1 FROM PatientsWithTypeOneDissent")).toBe(true);
    expect(t1oosHandled("SELECT 1 FROM AllowedPatientsWithTypeOneDissent")).toBe(false);
    expect(t1oosHandled("SELECT 1 -- AllowedPatientsWithTypeOneDissent\n")).toBe(true);
    expect(t1oosHandled("SELECT 1")).toBe(false);
  });
});

describe("CSV", () => {
  it("reads quotes, embedded newlines and blank lines as Python's csv module does", () => {
    expect(parseCsv('a,b\r\n"x, ""y""","multi\nline"\n\n3,\n')).toEqual([
      ["a", "b"],
      ['x, "y"', "multi\nline"],
      ["3", ""],
    ]);
    expect(parseCsv("")).toEqual([]);
  });

  it("writes what it reads back unchanged", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { maxLength: 6 }),
        (records) => {
          expect(parseCsv(formatCsv(records))).toEqual(records);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("output patterns", () => {
  it("matches `*` within one folder only, and nothing else as a wildcard", () => {
    expect(matchesPattern("output/*.csv", "output/a.csv")).toBe(true);
    expect(matchesPattern("output/*.csv", "output/sub/a.csv")).toBe(false);
    expect(matchesPattern("output/a?.csv", "output/ab.csv")).toBe(false);
    expect(matchesPattern("output/[ab].csv", "output/[ab].csv")).toBe(true);
    expect(matchesPattern("out.put/*.csv", "outXput/a.csv")).toBe(false);
  });

  it.each([
    ["../x.csv", "the pattern is not a normalised path inside the workspace"],
    ["output/../../x.csv", "the pattern is not a normalised path inside the workspace"],
    ["/etc/passwd.csv", "the pattern is an absolute path"],
    ["C:/x.csv", "the pattern is an absolute path"],
    ["output\\x.csv", "the pattern contains a backslash"],
    ["metadata/x.csv", "the pattern points into metadata/"],
    ["output//x.csv", "the pattern is not a normalised path inside the workspace"],
    ["", "the pattern is empty"],
  ])("refuses %j", (pattern, reason) => {
    expect(unsafePattern(pattern)).toBe(reason);
  });

  it("keeps the last level for a pattern listed twice (version 1 files)", () => {
    expect(outputSpec({ highly_sensitive: { a: "x.csv" }, moderately_sensitive: { b: "x.csv" } })).toEqual([
      { pattern: "x.csv", privacy: "moderately_sensitive" },
    ]);
  });
});

describe("limits", () => {
  it.each([
    ["90s", 90_000],
    ["30m", 1_800_000],
    ["2h", 7_200_000],
    ["500ms", 500],
    ["1.5", 1500],
  ])("duration %s", (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(["", "0", "-1s", "1d", "s", "1e9999", "abc"])("refuses duration %j", (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it.each([
    ["4G", 4 * 1024 ** 3],
    ["512m", 512 * 1024 ** 2],
    ["1.5g", 1.5 * 1024 ** 3],
  ])("memory %s", (text, bytes) => expect(parseMemory(text)).toBe(bytes));

  it.each(["", "1k", "4T", "-4G", "lots"])("refuses memory %j", (text) =>
    expect(parseMemory(text)).toBeNull(),
  );

  it("formats memory as docker reads it", () => {
    expect(formatMemory(4 * 1024 ** 3)).toBe("4G");
    expect(formatMemory(512 * 1024 ** 2)).toBe("512M");
    expect(formatMemory(10_000_001)).toBe("10000001b");
  });
});

describe("identifiers and names", () => {
  it("makes 16-character base32 job ids from the request id and action, as the platform does", () => {
    const id = jobIdFor("0123456789", "analyse");
    expect(id).toMatch(/^[a-z2-7]{16}$/);
    expect(jobIdFor("0123456789", "analyse")).toBe(id);
    expect(jobIdFor("0123456789", "other")).not.toBe(id);
  });

  it("keeps action file names inside their folder", () => {
    expect(actionFileName("make_safe")).toBe("make_safe");
    expect(actionFileName("a b:c")).toBe("a b%3ac");
    expect(actionFileName("../x")).toBe("..%2fx");
    expect(actionFileName("..")).toBe("%2e%2e");
    expect(actionFileName("")).toBe("%");
    expect(actionFileName("100%")).toBe("100%25");
    fc.assert(
      fc.property(fc.string(), (name) => {
        const file = actionFileName(name);
        expect(file).not.toMatch(/[/\\\0]/);
        expect([".", ".."]).not.toContain(file);
      }),
    );
  });
});

describe("job logs", () => {
  it("stamps lines like docker logs --timestamps and keeps the last lines for the summary", () => {
    expect(rfc3339Nano(Date.UTC(2026, 6, 24, 10, 11, 12, 345) + 0.5)).toBe("2026-07-24T10:11:12.345500000Z");
    let t = Date.UTC(2026, 0, 1);
    const log = new JobLog(() => t++);
    for (let i = 0; i < 40; i++) log.add(`line ${i}`);
    expect(log.tail()).toEqual({
      lines: Array.from({ length: 32 }, (_, i) => `line ${i + 8}`),
      truncated: true,
    });
    expect(log.lines()[0]).toBe("2026-01-01T00:00:00.000000000Z line 0");
  });

  it("keeps at most 100,000 lines and cuts huge lines", () => {
    const log = new JobLog(() => 0);
    for (let i = 0; i < 120_000; i++) log.add(String(i));
    const lines = log.lines();
    expect(lines).toHaveLength(100_000);
    expect(lines[0]).toMatch(/ 20000$/);
    log.add("x".repeat(1_000_000));
    expect(log.lines().at(-1)!.length).toBeLessThan(70_000);
  });

  it("lays out the summary as the reference does", () => {
    const text = formatLogFile(
      ["2026-01-01T00:00:00.000000000Z hello"],
      {
        job_definition_id: "abc",
        job_definition_request_id: "0123456789",
        commit: null,
        docker_image_id: null,
        exit_code: "0",
        created_at: 1,
        completed_at: 2,
        database_name: null,
        status_message: "Completed successfully",
        hint: null,
      },
      [
        ["output/b.csv", "moderately_sensitive"],
        ["output/a.csv", "highly_sensitive"],
      ],
      [["output/b.csv", "File has patient_id column"]],
    );
    expect(text).toBe(
      [
        "2026-01-01T00:00:00.000000000Z hello",
        "",
        "",
        "job_definition_id: abc",
        "job_definition_request_id: 0123456789",
        "exit_code: 0",
        "created_at: 1",
        "completed_at: 2",
        "status_message: Completed successfully",
        "",
        "outputs:",
        "  output/a.csv  - highly_sensitive    ",
        "  output/b.csv  - moderately_sensitive",
        "",
        "Invalid moderately_sensitive outputs:",
        "  output/b.csv  - File has patient_id column",
        "",
      ].join("\n"),
    );
    expect(tabulate([], 2, "(no outputs)")).toBe("  (no outputs)");
  });
});

describe("level-4 checks on files", () => {
  let folder: TempProject;
  beforeAll(async () => {
    folder = await tempProject({});
  });
  afterAll(async () => {
    await folder.cleanup();
  });

  it("refuses file types outside the level-4 list", async () => {
    await writeFile(join(folder.dir, "model.rds"), "x");
    expect(await checkLevel4(join(folder.dir, "model.rds"), "output/model.rds", 1)).toEqual({
      message: "File type of .rds is not valid level 4 file",
      rows: null,
      cols: null,
    });
  });

  it("counts rows of a header-only or malformed CSV without failing", async () => {
    await writeFile(join(folder.dir, "h.csv"), "a,b\n");
    expect(await checkLevel4(join(folder.dir, "h.csv"), "h.csv", 4)).toEqual({
      message: null,
      rows: 0,
      cols: 0,
    });
    await writeFile(join(folder.dir, "bad.csv"), '"unterminated,\n\u0000\u0001');
    expect((await checkLevel4(join(folder.dir, "bad.csv"), "bad.csv", 16)).message).toBeNull();
  });
});
