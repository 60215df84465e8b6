// The demo study as a real git repository in a temp folder, laid out as <root>/<owner>/<repo> so
// that a backend can fetch it through a file:// URL template. It adds one action, `wait_for_gate`,
// that runs until a named file exists, for tests that need a job to still be running.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { makeRepo, type TestRepo } from "../../backend/helpers/git-repo.ts";

const DEMO = resolve(import.meta.dirname, "../../../examples/demo");
const DEMO_FILES = [
  "project.yaml",
  "analysis/consultations.sql",
  "analysis/dummy_consultations.csv",
  "analysis/make_safe.py",
  "analysis/render_report.py",
];

export function demoStudyFiles(gatePath: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const path of DEMO_FILES) files[path] = readFileSync(join(DEMO, path), "utf8");
  files["project.yaml"] += `
  wait_for_gate:
    run: python:v2 analysis/wait_for_gate.py
    outputs:
      moderately_sensitive:
        gate: output/gate.txt
`;
  files["analysis/wait_for_gate.py"] = `import os, time
gate = ${JSON.stringify(gatePath)}
while not os.path.exists(gate):
    time.sleep(0.05)
os.makedirs("output", exist_ok=True)
open("output/gate.txt", "w").write("opened\\n")
`;
  return files;
}

export interface StudyRepo {
  readonly repo: TestRepo;
  /** `file://<root>/{owner}/{repo}`: the App's TRESTLE_REPO_URL. */
  readonly urlTemplate: string;
}

export function makeStudyRepo(root: string, owner: string, name: string): StudyRepo {
  const repo = makeRepo(join(root, owner, name));
  return { repo, urlTemplate: `${pathToFileURL(root).href}/{owner}/{repo}` };
}
