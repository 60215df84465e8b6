// Outputs never leave the workspace: symbolic links are refused, patterns that climb out are refused
// even when a Pipeline object skips validation, folders in the project that link elsewhere are not
// written through, tools cannot write outside, and hostile action names stay inside metadata/.
import { mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Action, Pipeline } from "../../src/pipeline/index.ts";
import { jobsOf, pipelineOf, pythonProject, run, type TempProject, tempProject, writer } from "./helpers.ts";

let project: TempProject | null = null;
let outside: string | null = null;
afterEach(async () => {
  await project?.cleanup();
  project = null;
  if (outside) await rm(outside, { recursive: true, force: true });
  outside = null;
});

describe("hostile outputs", () => {
  it("refuses an output that is a symbolic link to a file outside the workspace", async () => {
    project = await tempProject({
      "project.yaml": pythonProject([
        { name: "leak", script: "leak.py", outputs: { "output/secret.csv": "moderately_sensitive" } },
      ]),
      "leak.py":
        "import os\nos.makedirs('output', exist_ok=True)\nos.symlink('/etc/passwd', 'output/secret.csv')\n",
    });
    const { outcome } = await run(project.dir, ["leak"]);
    const job = jobsOf(outcome).get("leak")!;
    expect(job.statusCode).toBe("job_error");
    expect(job.statusMessage).toBe(
      "Outputs refused:\n - output/secret.csv: a symbolic link to a place outside the workspace",
    );
    expect(job.outputs).toEqual([]);
    expect(await readdir(project.dir)).not.toContain("output");
  });

  it("refuses a pattern with `..` even in a Pipeline object that was never validated", async () => {
    project = await tempProject({
      "project.yaml": pythonProject([
        { name: "climb", script: "climb.py", outputs: { "output/x.csv": "highly_sensitive" } },
      ]),
      "climb.py": writer({ "../escape.csv": "x\n", "output/x.csv": "x\n" }),
    });
    const valid = pipelineOf(await project.read("project.yaml"));
    const action = valid.actions.get("climb")!;
    const hostile: Action = {
      ...action,
      outputs: { highly_sensitive: { x: "output/x.csv", up: "../escape.csv" } },
    };
    const pipeline: Pipeline = { ...valid, actions: new Map([["climb", hostile]]) };
    const { outcome } = await run(project.dir, ["climb"], { pipeline });
    const job = jobsOf(outcome).get("climb")!;
    expect(job.statusCode).toBe("job_error");
    expect(job.statusMessage).toContain(
      "../escape.csv: pattern refused: the pattern is not a normalised path inside the workspace",
    );
    expect(await readdir(join(project.dir, ".."))).not.toContain("escape.csv");
  });

  it("does not write through a folder of the project that links outside it", async () => {
    outside = await mkdtemp(join(tmpdir(), "trestle-outside-"));
    project = await tempProject({
      "project.yaml": pythonProject([
        { name: "write", script: "write.py", outputs: { "output/x.csv": "highly_sensitive" } },
      ]),
      "write.py": writer({ "output/x.csv": "x\n" }),
    });
    await symlink(outside, join(project.dir, "output"));
    const { outcome } = await run(project.dir, ["write"]);
    const job = jobsOf(outcome).get("write")!;
    expect(job.statusCode).toBe("job_error");
    expect(job.statusMessage).toBe(
      "Outputs refused:\n - output/x.csv: its place in the project folder leads outside it",
    );
    expect(await readdir(outside)).toEqual([]);
  });

  it("stops a built-in tool from writing outside the workspace", async () => {
    project = await tempProject({
      "project.yaml": [
        "version: '5.0'",
        "actions:",
        "  extract:",
        "    run: sqlrunner:v1 query.sql --output ../../../escape.csv --dummy-data-file dummy.csv",
        "    outputs:",
        "      highly_sensitive:",
        "        x: output/x.csv",
        "",
      ].join("\n"),
      "query.sql": "SELECT a FROM PatientsWithTypeOneDissent\n",
      "dummy.csv": "a\n1\n",
    });
    const { outcome } = await run(project.dir, ["extract"]);
    const job = jobsOf(outcome).get("extract")!;
    expect(job.statusCode).toBe("nonzero_exit");
    expect(job.logTail).toEqual(["../../../escape.csv: paths must be inside the workspace"]);
    expect(await readdir(join(project.dir, ".."))).not.toContain("escape.csv");
  });

  it("keeps logs and records of an action named like a path inside metadata/", async () => {
    project = await tempProject({
      "project.yaml": [
        "version: '5.0'",
        "actions:",
        '  "../../evil":',
        "    run: python:v2 evil.py",
        "    outputs:",
        "      highly_sensitive:",
        "        x: output/x.csv",
        "",
      ].join("\n"),
      "evil.py": writer({ "output/x.csv": "x\n" }),
    });
    const { outcome } = await run(project.dir, ["../../evil"]);
    const job = jobsOf(outcome).get("../../evil")!;
    expect(job.statusCode).toBe("succeeded");
    expect(job.logFile).toBe("metadata/..%2f..%2fevil.log");
    expect(await readdir(join(project.dir, "metadata"))).toContain("..%2f..%2fevil.log");
    expect(await readdir(join(project.dir, "metadata/.trestle/jobs"))).toEqual(["..%2f..%2fevil.json"]);
  });
});
