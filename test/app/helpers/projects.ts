// project.yaml texts for App scenarios, named for what they are. The demo study is the base most
// scenarios change.

export const DEMO = `version: "5.0"

actions:
  extract_consultations:
    run: >-
      sqlrunner:v1 analysis/consultations.sql
      --output output/raw/consultations.csv
      --dummy-data-file analysis/dummy_consultations.csv
    outputs:
      highly_sensitive:
        consultations: output/raw/consultations.csv

  make_safe:
    run: python:v2 analysis/make_safe.py
    needs: [extract_consultations]
    config:
      round_to: 5
      redact_below: 8
    outputs:
      moderately_sensitive:
        safe_counts: output/safe/consultations.csv

  render_report:
    run: python:v2 analysis/render_report.py
    needs: [make_safe]
    outputs:
      moderately_sensitive:
        report: output/report.html
`;

/** The demo with make_safe's rounding changed and a new action that needs it. */
export const DEMO_CHANGED = DEMO.replace("round_to: 5", "round_to: 10").concat(`
  sensitivity_table:
    run: python:v2 analysis/sensitivity.py
    needs: [make_safe]
    outputs:
      moderately_sensitive:
        table: output/sensitivity.csv
`);

/** The demo with an unknown need and an output that leaves the workspace. */
export const DEMO_INVALID = DEMO.replace("needs: [make_safe]", "needs: [make_safe, tidy_data]").replace(
  "report: output/report.html",
  "report: ../report.html",
);

/** A chain of `n` actions, each needing every one of the previous `fanIn` (so about n × fanIn edges). */
export function bigProject(n: number, fanIn: number): string {
  const lines = ['version: "5.0"', "", "actions:"];
  for (let i = 0; i < n; i++) {
    lines.push(`  action_${i}:`);
    lines.push(`    run: python:v2 analysis/step.py --step ${i}`);
    const needs = [];
    for (let j = Math.max(0, i - fanIn); j < i; j++) needs.push(`action_${j}`);
    if (needs.length > 0) lines.push(`    needs: [${needs.join(", ")}]`);
    lines.push("    outputs:", "      moderately_sensitive:", `        out: output/step_${i}.csv`);
  }
  return `${lines.join("\n")}\n`;
}
