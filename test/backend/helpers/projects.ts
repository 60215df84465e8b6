// project.yaml files and scripts for backend tests. Scripts use only Python's standard library.

/** extract (sqlrunner, a database action) -> summarise (python). Never run: for API tests. */
export const API_PROJECT = `version: '4.0'
actions:
  extract:
    run: sqlrunner:v1 analysis/query.sql --output output/raw.csv --dummy-data-file analysis/dummy.csv
    outputs:
      highly_sensitive:
        raw: output/raw.csv
  summarise:
    run: python:v2 analysis/summarise.py
    needs: [extract]
    outputs:
      moderately_sensitive:
        summary: output/summary.csv
`;

/** An action without outputs: invalid. */
export const INVALID_PROJECT = `version: '4.0'
actions:
  broken:
    run: python:v2 analysis/broken.py
`;

/** prepare -> summarise -> report. */
export function chainProject(): Record<string, string> {
  return {
    "project.yaml": `version: '4.0'
actions:
  prepare:
    run: python:v2 analysis/prepare.py
    outputs:
      highly_sensitive:
        data: output/data.csv
  summarise:
    run: python:v2 analysis/summarise.py
    needs: [prepare]
    outputs:
      moderately_sensitive:
        summary: output/summary.csv
  report:
    run: python:v2 analysis/report.py
    needs: [summarise]
    outputs:
      moderately_sensitive:
        report: output/report.txt
`,
    "analysis/prepare.py": `import os
os.makedirs("output", exist_ok=True)
with open("output/data.csv", "w") as f:
    f.write("region,count\\nnorth,12\\nsouth,7\\n")
`,
    "analysis/summarise.py": `import csv
rows = list(csv.DictReader(open("output/data.csv")))
total = sum(int(r["count"]) for r in rows)
with open("output/summary.csv", "w") as f:
    f.write(f"regions,total\\n{len(rows)},{total}\\n")
print("summarised", len(rows), "regions")
`,
    "analysis/report.py": `summary = open("output/summary.csv").read()
with open("output/report.txt", "w") as f:
    f.write("Report\\n" + summary)
`,
  };
}

/**
 * `flaky` exits 3 while analysis/fail exists, and `after_flaky` needs it; `gated` runs until the file
 * named in analysis/gate-path exists, and `after_gated` needs it.
 */
export function extrasProject(gatePath: string, failing: boolean): Record<string, string | null> {
  return {
    "project.yaml": `version: '4.0'
actions:
  flaky:
    run: python:v2 analysis/flaky.py
    outputs:
      moderately_sensitive:
        flaky: output/flaky.csv
  after_flaky:
    run: python:v2 analysis/after_flaky.py
    needs: [flaky]
    outputs:
      moderately_sensitive:
        after: output/after.csv
  gated:
    run: python:v2 analysis/gated.py
    outputs:
      moderately_sensitive:
        gated: output/gated.csv
  after_gated:
    run: python:v2 analysis/after_gated.py
    needs: [gated]
    outputs:
      moderately_sensitive:
        after_gated: output/after_gated.csv
`,
    "analysis/flaky.py": `import os, sys
if os.path.exists("analysis/fail"):
    print("failing on purpose", file=sys.stderr)
    sys.exit(3)
os.makedirs("output", exist_ok=True)
open("output/flaky.csv", "w").write("ok\\n1\\n")
`,
    "analysis/fail": failing ? "present\n" : null,
    "analysis/after_flaky.py": `open("output/after.csv", "w").write(open("output/flaky.csv").read())
`,
    "analysis/gated.py": `import os, time
gate = open("analysis/gate-path").read().strip()
while not os.path.exists(gate):
    time.sleep(0.05)
os.makedirs("output", exist_ok=True)
open("output/gated.csv", "w").write("done\\n1\\n")
`,
    "analysis/after_gated.py": `open("output/after_gated.csv", "w").write(open("output/gated.csv").read())
`,
    "analysis/gate-path": `${gatePath}\n`,
  };
}
