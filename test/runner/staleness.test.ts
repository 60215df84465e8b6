// "Up to date" is a fingerprint: re-runs happen exactly when something an action depends on changed
// (its definition, its inputs, a file it read, a folder it listed, its own outputs), and only then.
import { cp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createStubExecutor, planRun } from "../../src/runner/index.ts";
import { pythonProject, ran, run, type TempProject, tempProject } from "./helpers.ts";

// One project is run once; each test works on a copy of it (fingerprints hold content, not times).
let base: TempProject;
let project: TempProject;

const yaml = (config: Record<string, unknown>) =>
  pythonProject([
    { name: "extract", script: "analysis/extract.py", outputs: { "output/extract.csv": "highly_sensitive" } },
    {
      name: "summarise",
      script: "analysis/summarise.py",
      needs: ["extract"],
      config,
      outputs: { "output/summary.csv": "moderately_sensitive" },
    },
    {
      name: "plot",
      script: "analysis/plot.py",
      needs: ["summarise"],
      outputs: { "output/plot.csv": "moderately_sensitive" },
    },
  ]);

beforeAll(async () => {
  base = await tempProject({
    "project.yaml": yaml({ scale: 1 }),
    "analysis/extract.py": [
      "import pathlib",
      "pathlib.Path('output').mkdir(exist_ok=True)",
      "pathlib.Path('output/extract.csv').write_text(pathlib.Path('data/lookup.csv').read_text())",
      "",
    ].join("\n"),
    "data/lookup.csv": "code\n1\n",
    "analysis/summarise.py": [
      "import csv, pathlib",
      "pathlib.Path('output/summary.csv').write_text(pathlib.Path('output/extract.csv').read_text().upper())",
      "",
    ].join("\n"),
    "analysis/plot.py": [
      "import pathlib",
      "pathlib.Path('output/plot.csv').write_text(pathlib.Path('output/summary.csv').read_text())",
      "",
    ].join("\n"),
    "README.md": "A study.\n",
  });
  const first = await run(base.dir, ["run_all"]);
  expect(ran(first.outcome)).toEqual(["extract", "summarise", "plot"]);
});
afterAll(async () => {
  await base.cleanup();
});
beforeEach(async () => {
  project = await tempProject({});
  await cp(base.dir, project.dir, { recursive: true });
});
afterEach(async () => {
  await project.cleanup();
});

async function plannedReasons(): Promise<Record<string, string>> {
  const outcome = await planRun({ projectDir: project.dir, actions: ["run_all"] });
  if (outcome.kind === "nothing_to_do") return {};
  if (outcome.kind !== "plan") throw new Error(JSON.stringify(outcome));
  return Object.fromEntries(outcome.plan.jobs.map((j) => [j.action, `${j.reason}: ${j.detail}`]));
}

describe("staleness", () => {
  it("skips everything when nothing changed", async () => {
    expect(await plannedReasons()).toEqual({});
    const again = await run(project.dir, ["run_all"]);
    expect(again.outcome).toMatchObject({
      kind: "nothing_to_do",
      reused: [{ action: "extract" }, { action: "summarise" }, { action: "plot" }],
    });
  });

  it("re-runs the action whose script changed and its dependents, not the others", async () => {
    await project.write("analysis/summarise.py", `${await project.read("analysis/summarise.py")}# edited\n`);
    expect(await plannedReasons()).toEqual({
      summarise: "stale: analysis/summarise.py changed",
      plot: "dependency_will_run: summarise will run first",
    });
    const { outcome } = await run(project.dir, ["run_all"]);
    expect(ran(outcome)).toEqual(["summarise", "plot"]);
  });

  it("re-runs an action when a data file it read changed", async () => {
    await project.write("data/lookup.csv", "code\n2\n");
    expect(await plannedReasons()).toMatchObject({ extract: "stale: data/lookup.csv changed" });
    const { outcome } = await run(project.dir, ["run_all"]);
    expect(ran(outcome)).toEqual(["extract", "summarise", "plot"]);
    expect(await project.read("output/plot.csv")).toBe("CODE\n2\n");
  });

  it("ignores a change to a file no action read", async () => {
    await project.write("README.md", "A study, described at length.\n");
    await project.write("docs/notes.md", "new notes\n");
    expect(await plannedReasons()).toEqual({});
  });

  it("re-runs a python action that imported a module when a file appears beside its script (it could shadow the module)", async () => {
    await project.write("analysis/csv.py", "# shadows the csv module\n");
    // summarise imported csv, so Python listed analysis/; extract imported nothing new.
    expect(await plannedReasons()).toEqual({
      summarise: "stale: files were added to or removed from analysis/",
      plot: "dependency_will_run: summarise will run first",
    });
  });

  it("re-runs an action whose definition changed (its config) and its dependents", async () => {
    await project.write("project.yaml", yaml({ scale: 2 }));
    expect(await plannedReasons()).toEqual({
      summarise: "stale: its definition in project.yaml changed",
      plot: "dependency_will_run: summarise will run first",
    });
  });

  it("re-runs an action whose output was deleted or edited by hand", async () => {
    await rm(join(project.dir, "output/plot.csv"));
    await writeFile(join(project.dir, "output/extract.csv"), "edited by hand\n");
    expect(await plannedReasons()).toEqual({
      extract: "outputs_changed: its output output/extract.csv was changed",
      summarise: "dependency_will_run: extract will run first",
      plot: "dependency_will_run: summarise will run first",
    });
  });

  it("re-runs every dependency with --force-run-dependencies", async () => {
    const outcome = await planRun({ projectDir: project.dir, actions: ["plot"], forceRunDependencies: true });
    expect(outcome.kind === "plan" && outcome.plan.jobs.map((j) => j.reason)).toEqual([
      "force_run_dependencies",
      "force_run_dependencies",
      "requested",
    ]);
  });
});

describe("when reads cannot be observed", () => {
  it("counts every file as read, so that any change re-runs the action", async () => {
    const stubbed = await tempProject({
      "project.yaml": pythonProject([
        { name: "a", script: "a.py", outputs: { "output/a.csv": "highly_sensitive" } },
      ]),
      "a.py": "",
      "notes.txt": "unrelated\n",
    });
    try {
      // The stub executor runs no process, so no access time moves: as on a file system without them.
      const executor = createStubExecutor({ a: { files: { "output/a.csv": "a\n" } } });
      expect(ran((await run(stubbed.dir, ["run_all"], { executor })).outcome)).toEqual(["a"]);
      const record = JSON.parse(await stubbed.read("metadata/.trestle/jobs/a.json"));
      expect(Object.keys(record.last.fingerprint.reads)).toEqual(["a.py", "notes.txt", "project.yaml"]);
      await stubbed.write("notes.txt", "changed\n");
      const outcome = await planRun({ projectDir: stubbed.dir, actions: ["run_all"] });
      expect(outcome.kind === "plan" && outcome.plan.jobs.map((j) => j.detail)).toEqual([
        "notes.txt changed",
      ]);
    } finally {
      await stubbed.cleanup();
    }
  });
});
