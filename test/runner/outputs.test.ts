// Output checks with real processes: unmatched patterns and the "Did you mean" hint, undeclared files
// discarded, level-4 warnings, outputs copied back from failed jobs, and obsolete outputs removed.
import { access } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { jobsOf, pythonProject, run, type TempProject, tempProject, writer } from "./helpers.ts";

let project: TempProject | null = null;
afterEach(async () => {
  await project?.cleanup();
  project = null;
});

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe("output checks", () => {
  it("fails unmatched patterns with the files the job made instead, and discards undeclared files", async () => {
    project = await tempProject({
      "project.yaml": pythonProject([
        {
          name: "counts",
          script: "analysis/counts.py",
          outputs: {
            "output/counts.csv": "moderately_sensitive",
            "output/extra_*.csv": "moderately_sensitive",
          },
        },
      ]),
      "analysis/counts.py": writer({
        "output/count.csv": "n\n1\n",
        "output/notes.txt": "scratch",
        "scratch/tmp.csv": "x",
      }),
    });
    const { outcome } = await run(project.dir, ["counts"]);
    const job = jobsOf(outcome).get("counts")!;
    expect(job.statusCode).toBe("unmatched_patterns");
    expect(job.unmatchedPatterns).toEqual(["output/counts.csv", "output/extra_*.csv"]);
    expect(job.statusMessage).toBe(
      "No outputs found matching patterns:\n - output/counts.csv\n - output/extra_*.csv",
    );
    expect(job.unmatchedFiles).toEqual(["output/count.csv", "output/notes.txt", "scratch/tmp.csv"]);
    expect(job.hint).toBe(
      "Did you mean to match one of these files instead?\n - output/count.csv\n - output/notes.txt\n - scratch/tmp.csv",
    );
    // Undeclared files never reach the project folder.
    for (const file of ["output/count.csv", "output/notes.txt", "scratch/tmp.csv"]) {
      expect(await exists(join(project.dir, file))).toBe(false);
    }
    const log = await project.read("metadata/counts.log");
    expect(log).toContain("hint: Did you mean to match one of these files instead?\n - output/count.csv");
  });

  it("copies back matched outputs even when the job fails", async () => {
    project = await tempProject({
      "project.yaml": pythonProject([
        { name: "half", script: "analysis/half.py", outputs: { "output/first.csv": "highly_sensitive" } },
      ]),
      "analysis/half.py": writer({ "output/first.csv": "a\n" }, "raise SystemExit(1)"),
    });
    const { outcome } = await run(project.dir, ["half"]);
    const job = jobsOf(outcome).get("half")!;
    expect(job.statusCode).toBe("nonzero_exit");
    expect(job.outputs.map((o) => o.path)).toEqual(["output/first.csv"]);
    expect(await project.read("output/first.csv")).toBe("a\n");
  });

  it("reports level-4 problems of moderately_sensitive files as warnings; the job still succeeds", async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => `${i}`).join("\n");
    project = await tempProject({
      "project.yaml": pythonProject([
        {
          name: "tables",
          script: "analysis/tables.py",
          outputs: {
            "output/by_patient.csv": "moderately_sensitive",
            "output/long.csv": "moderately_sensitive",
            "output/fine.csv": "moderately_sensitive",
            "output/big.txt": "moderately_sensitive",
            "output/raw.csv": "highly_sensitive",
          },
        },
      ]),
      "analysis/tables.py": writer(
        {
          "output/by_patient.csv": "patient_id,age\n1,40\n",
          "output/long.csv": `n\n${rows}\n`,
          "output/fine.csv": "region,count\nEast,10\n",
          "output/raw.csv": "patient_id\n1\n",
        },
        "pathlib.Path('output/big.txt').write_bytes(b'x' * (17 * 1024 * 1024))",
      ),
    });
    const { outcome } = await run(project.dir, ["tables"]);
    const job = jobsOf(outcome).get("tables")!;
    expect(job.statusCode).toBe("succeeded");
    expect(job.statusMessage).toBe(
      "Completed successfully, but 3 file(s) marked as moderately_sensitive were excluded. See job log for details.",
    );
    expect(job.level4Warnings).toEqual([
      { path: "output/big.txt", message: "File size of 17.0Mb is larger that limit of 16.0Mb." },
      { path: "output/by_patient.csv", message: "File has patient_id column" },
      { path: "output/long.csv", message: "File row count (5001) exceeds maximum allowed rows (5000)" },
    ]);
    const log = await project.read("metadata/tables.log");
    expect(log).toContain(
      "\n\nInvalid moderately_sensitive outputs:\n  output/big.txt         - File size of 17.0Mb is larger that limit of 16.0Mb.",
    );
    const manifest = JSON.parse(await project.read("metadata/manifest.json"));
    expect(manifest.outputs["output/by_patient.csv"]).toMatchObject({
      excluded: true,
      message: "File has patient_id column",
    });
    expect(manifest.outputs["output/fine.csv"]).toMatchObject({
      excluded: false,
      row_count: 1,
      col_count: 2,
    });
    // highly_sensitive files get no content checks.
    expect(manifest.outputs["output/raw.csv"]).toMatchObject({ excluded: false, row_count: null });
  });

  it("removes outputs of the previous run that this run did not produce", async () => {
    project = await tempProject({
      "project.yaml": pythonProject([
        {
          name: "split",
          script: "analysis/split.py",
          outputs: { "output/part_*.csv": "moderately_sensitive" },
        },
      ]),
      "analysis/split.py": writer({ "output/part_a.csv": "a\n", "output/part_b.csv": "b\n" }),
    });
    await run(project.dir, ["split"]);
    expect(await exists(join(project.dir, "output/part_b.csv"))).toBe(true);
    await project.write("analysis/split.py", writer({ "output/part_a.csv": "a2\n" }));
    const { outcome } = await run(project.dir, ["split"]);
    const job = jobsOf(outcome).get("split")!;
    expect(job.obsoleteRemoved).toEqual(["output/part_b.csv"]);
    expect(await exists(join(project.dir, "output/part_b.csv"))).toBe(false);
    expect(await project.read("output/part_a.csv")).toBe("a2\n");
    const manifest = JSON.parse(await project.read("metadata/manifest.json"));
    expect(Object.keys(manifest.outputs)).toEqual(["output/part_a.csv"]);
  });
});
