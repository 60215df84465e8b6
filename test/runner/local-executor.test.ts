// The local executor with real processes and its built-in tools: limits that kill, the job's
// environment, what it refuses and why, and the dummy-data behaviour of sqlrunner, ehrQL and
// cohort-extractor.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { jobsOf, pythonProject, run, type TempProject, tempProject } from "./helpers.ts";

let project: TempProject | null = null;
afterEach(async () => {
  await project?.cleanup();
  project = null;
});

function single(run: string, outputs: string, level = "highly_sensitive", extra: string[] = []): string {
  return [
    "version: '5.0'",
    "actions:",
    "  job:",
    `    run: ${run}`,
    ...extra,
    "    outputs:",
    `      ${level}:`,
    `        o: ${outputs}`,
    "",
  ].join("\n");
}

describe("limits", () => {
  it("stops a job that runs past its time limit and says why", async () => {
    project = await tempProject({
      "project.yaml": pythonProject([
        { name: "job", script: "slow.py", outputs: { "output/x.csv": "highly_sensitive" } },
      ]),
      "slow.py": "import time\nprint('started', flush=True)\ntime.sleep(60)\n",
    });
    const started = Date.now();
    const { outcome } = await run(project.dir, ["job"], { limits: { timeoutMs: 1500 } });
    const job = jobsOf(outcome).get("job")!;
    expect(job.statusCode).toBe("nonzero_exit");
    expect(job.statusMessage).toBe(
      "Job exited with an error: Job was stopped after running longer than its time limit (1500ms)",
    );
    expect(job.logTail).toEqual(["started"]);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("kills a job whose memory goes over its limit and says so", async () => {
    project = await tempProject({
      "project.yaml": pythonProject([
        { name: "job", script: "hungry.py", outputs: { "output/x.csv": "highly_sensitive" } },
      ]),
      "hungry.py": "import time\nblock = b'x' * (300 * 1024 * 1024)\ntime.sleep(60)\n",
    });
    const { outcome } = await run(project.dir, ["job"], { limits: { memoryBytes: 100 * 1024 * 1024 } });
    const job = jobsOf(outcome).get("job")!;
    expect(job.statusCode).toBe("nonzero_exit");
    expect(job.statusMessage).toBe("Job exited with an error: Job ran out of memory (limit was 0.10GB)");
    expect(job.exitCode).toBe(137);
  });
});

describe("the job's environment", () => {
  it("has OPENSAFELY_BACKEND=expectations, a private HOME and TMPDIR, and none of the host's secrets", async () => {
    process.env.TRESTLE_TEST_SECRET = "do-not-leak";
    try {
      project = await tempProject({
        "project.yaml": pythonProject([
          { name: "env", script: "env.py", outputs: { "output/env.json": "moderately_sensitive" } },
        ]),
        // `python:v2 env.py` and `python:v2 python env.py` are the same job in the image.
        "env.py": [
          "import json, os, pathlib",
          "pathlib.Path('output').mkdir()",
          "keys = ['OPENSAFELY_BACKEND', 'HOME', 'TMPDIR', 'TRESTLE_TEST_SECRET']",
          "pathlib.Path('output/env.json').write_text(json.dumps({k: os.environ.get(k) for k in keys}))",
          "",
        ].join("\n"),
      });
      await project.write(
        "project.yaml",
        (await project.read("project.yaml")).replace("python:v2 env.py", "python:v2 python env.py"),
      );
      const { outcome } = await run(project.dir, ["env"]);
      expect(jobsOf(outcome).get("env")?.statusCode).toBe("succeeded");
      const env = JSON.parse(await project.read("output/env.json"));
      const jobId = jobsOf(outcome).get("env")!.jobId;
      expect(env).toEqual({
        OPENSAFELY_BACKEND: "expectations",
        HOME: join(project.dir, "metadata/.trestle/work", `${jobId}.home`),
        TMPDIR: join(project.dir, "metadata/.trestle/work", `${jobId}.home`, "tmp"),
        TRESTLE_TEST_SECRET: null,
      });
    } finally {
      delete process.env.TRESTLE_TEST_SECRET;
    }
  });
});

describe("what the local executor refuses", () => {
  it.each([
    [
      "stata-mp:v1 analysis/model.do",
      "The local executor cannot run stata-mp:v1: stata-mp actions run only in the stata-mp image (with a STATA_LICENSE); use the docker executor (--executor docker)",
    ],
    [
      "ehrql:v1 generate-dataset analysis/dataset.py --output output/x.csv",
      "The local executor cannot run ehrql:v1: ehrql without --dummy-data-file generates dummy data, which only the ehrql image can do; use the docker executor (--executor docker)",
    ],
    [
      "ehrql:v1 generate-dataset analysis/dataset.py --output output/x.arrow --dummy-data-file d.csv",
      "The local executor cannot run ehrql:v1: ehrql dummy-data conversion to or from formats other than .csv and .csv.gz needs the ehrql image; use the docker executor (--executor docker)",
    ],
    [
      "cohort-report:v3 output/input.csv",
      "The local executor cannot run cohort-report:v3: cohort-report is a reusable action (opensafely-actions/cohort-report); Trestle runs only the platform's own images, so run it with `opensafely run`",
    ],
  ])("%s", async (command, message) => {
    const output = command.includes(".arrow")
      ? "output/x.arrow"
      : command.includes("model.do")
        ? "output/x.log"
        : "output/x.csv";
    project = await tempProject({ "project.yaml": single(command, output) });
    const { outcome } = await run(project.dir, ["job"]);
    expect(jobsOf(outcome).get("job")).toMatchObject({ statusCode: "job_error", statusMessage: message });
    expect(await project.read("metadata/job.log")).toContain(`status_message: ${message}\n`);
  });
});

describe("sqlrunner on dummy data", () => {
  it("writes a header from the query's columns and one empty row without a dummy-data file", async () => {
    project = await tempProject({
      "project.yaml": single("sqlrunner:v1 query.sql --output output/counts.csv", "output/counts.csv"),
      "query.sql":
        "-- counts\nSELECT Region AS region, COUNT(*) AS n, [Code] FROM Patient\nWHERE Patient_ID NOT IN (SELECT Patient_ID FROM PatientsWithTypeOneDissent)\nGROUP BY Region, Code;\n",
    });
    const { outcome } = await run(project.dir, ["job"]);
    expect(jobsOf(outcome).get("job")?.statusCode).toBe("succeeded");
    expect(await project.read("output/counts.csv")).toBe("region,n,Code\r\n,,\r\n");
  });

  it("rewrites a dummy CSV to gzipped CSV by the output's name", async () => {
    project = await tempProject({
      "project.yaml": single(
        "sqlrunner:v1 query.sql --output output/rows.csv.gz --dummy-data-file dummy.csv",
        "output/rows.csv.gz",
      ),
      "query.sql": "SELECT a, b FROM t -- AllowedPatientsWithTypeOneDissent are kept on purpose\n",
      "dummy.csv": 'a,b\n1,"x, y"\n2,z\n',
    });
    const { outcome } = await run(project.dir, ["job"]);
    expect(jobsOf(outcome).get("job")?.statusCode).toBe("succeeded");
    const bytes = await readFile(join(project.dir, "output/rows.csv.gz"));
    expect(gunzipSync(bytes).toString()).toBe('a,b\r\n1,"x, y"\r\n2,z\r\n');
  });

  it("fails the type-1 opt-out check as sqlrunner does", async () => {
    project = await tempProject({
      "project.yaml": single(
        "sqlrunner:v1 query.sql --output output/x.csv --dummy-data-file d.csv",
        "output/x.csv",
      ),
      "query.sql": "SELECT a FROM Patient\n",
      "d.csv": "a\n1\n",
    });
    const job = jobsOf((await run(project.dir, ["job"])).outcome).get("job")!;
    expect(job).toMatchObject({ statusCode: "nonzero_exit", exitCode: 1 });
    expect(job.logTail).toEqual(["RuntimeError: T1OOs are not handled correctly"]);
  });

  it("cannot make a header for SELECT *", async () => {
    project = await tempProject({
      "project.yaml": single("sqlrunner:v1 query.sql --output output/x.csv", "output/x.csv"),
      "query.sql": "SELECT * FROM PatientsWithTypeOneDissent\n",
    });
    const job = jobsOf((await run(project.dir, ["job"])).outcome).get("job")!;
    expect(job.logTail).toEqual(["Headers can only be generated for queries with explicit column names"]);
  });
});

describe("ehrQL and cohort-extractor with dummy-data files", () => {
  it("converts an ehrQL dummy-data file to the output's format", async () => {
    project = await tempProject({
      "project.yaml": single(
        "ehrql:v1 generate-dataset analysis/dataset.py --output output/dataset.csv --dummy-data-file analysis/dummy.csv.gz",
        "output/dataset.csv",
      ),
      "analysis/dataset.py": "from ehrql import create_dataset\n",
    });
    await writeFile(join(project.dir, "analysis/dummy.csv.gz"), gzipSync("patient_id,age\n1,40\n2,51\n"));
    const { outcome } = await run(project.dir, ["job"]);
    expect(jobsOf(outcome).get("job")?.statusCode).toBe("succeeded");
    expect(await project.read("output/dataset.csv")).toBe("patient_id,age\r\n1,40\r\n2,51\r\n");
  });

  it("copies a cohort-extractor dummy_data_file byte for byte", async () => {
    project = await tempProject({
      "project.yaml": [
        "version: '3.0'",
        "expectations:",
        "  population_size: 100",
        "actions:",
        "  generate_cohort:",
        "    run: cohortextractor:latest generate_cohort --study-definition study_definition",
        "    dummy_data_file: dummy/input.csv",
        "    outputs:",
        "      highly_sensitive:",
        "        cohort: output/input.csv",
        "",
      ].join("\n"),
      "analysis/study_definition.py": "study = None\n",
      "dummy/input.csv": "patient_id,age\n1,2\n",
    });
    const { outcome } = await run(project.dir, ["generate_cohort"]);
    expect(jobsOf(outcome).get("generate_cohort")?.statusCode).toBe("succeeded");
    expect(await project.read("output/input.csv")).toBe("patient_id,age\n1,2\n");
  });
});
