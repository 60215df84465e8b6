// The artifact: each job's log and the moderately sensitive outputs, uploaded to GitHub's artifact
// service (played on loopback); never a highly_sensitive output.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeArtifactService, startFakeArtifactService } from "./fake-artifact-service.ts";
import { DEMO, ensureBundle, Runner } from "./harness.ts";

let service: FakeArtifactService;
let runner: Runner;

beforeAll(async () => {
  ensureBundle();
  service = await startFakeArtifactService();
  runner = await Runner.create();
}, 120_000);
afterAll(async () => {
  await runner.cleanup();
  await service.close();
});

/** The names in a zip, read with python3's zipfile (the standard library). */
function zipNames(zip: Buffer): string[] {
  const file = join(runner.root, "artifact.zip");
  writeFileSync(file, zip);
  const out = execFileSync("python3", [
    "-c",
    "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))",
    file,
  ]);
  return out.toString().trim().split("\n").sort();
}

describe("the artifact", () => {
  it("holds the logs and the moderately sensitive outputs of the jobs that ran", async () => {
    await runner.checkout(DEMO, "study");
    const r = await runner.run(
      { directory: "study", executor: "local", cache: "false" },
      { ACTIONS_RESULTS_URL: service.url, ACTIONS_RUNTIME_TOKEN: service.token },
    );
    expect(r.code, r.stdout).toBe(0);
    expect(r.annotations).toEqual([]);
    expect(service.artifacts).toHaveLength(1);
    const artifact = service.artifacts[0]!;
    expect(artifact).toMatchObject({ name: "trestle-results-study", finalized: true });
    expect(zipNames(artifact.zip!)).toEqual([
      "metadata/extract_consultations.log",
      "metadata/make_safe.log",
      "metadata/manifest.json",
      "metadata/render_report.log",
      "output/report.html",
      "output/safe/consultations.csv",
    ]);
    expect(r.summary).toContain(
      "> Artifact: trestle-results-study (6 files: logs and moderately sensitive outputs).",
    );
  }, 120_000);
});
