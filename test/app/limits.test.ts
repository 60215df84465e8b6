// Projects bigger than GitHub will show: the App degrades to something readable and never sends a
// request GitHub refuses (the fake enforces the comment, check-output and annotation limits).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMMENT_BUDGET } from "../../src/app/report/comment-body.ts";
import { pullRequestEvent } from "./helpers/events.ts";
import { type Harness, startHarness } from "./helpers/harness.ts";
import { bigProject, DEMO } from "./helpers/projects.ts";
import { openStudyPull, REPO } from "./helpers/scenario.ts";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

function refusals() {
  return h.github.requests.filter((r) => r.status >= 400 && !(r.method === "GET" && r.status === 404));
}

describe("a project too big to draw", () => {
  it("shows the graph as a list within the comment limit", async () => {
    // 2,500 actions each needing the two before it: about 5,000 edges, ten times Mermaid's 500.
    const big = bigProject(2_500, 2);
    const changed = big.replace("--step 1200\n", "--step 1200 --verbose\n");
    const study = openStudyPull(h, { base: { "project.yaml": big }, head: { "project.yaml": changed } });
    const response = await h.deliver("pull_request", pullRequestEvent("opened", study.repo, study));
    expect(response.status).toBe(200);
    expect(refusals()).toEqual([]);

    const [comment] = h.github.state.commentsOn(REPO, 7);
    expect(comment!.body.length).toBeLessThanOrEqual(COMMENT_BUDGET);
    expect(comment!.body).not.toContain("```mermaid");
    expect(comment!.body).toContain("2,500 actions · 1 changed · 1,299 affected downstream");
    expect(comment!.body).toContain(
      "The whole graph (2,500 actions, 4,997 dependencies) is more than GitHub draws here, so this shows the 1,300 actions the change touches.",
    );
    // The 1,300 touched actions still have too many dependencies for a diagram: a list, from the change on.
    expect(comment!.body).toContain("more than GitHub draws in a diagram (500)");
    expect(comment!.body).toContain("- **action\\_1200** (changed)\n");
    expect(comment!.body).toContain("- **action\\_1201** (affected)");
    expect(comment!.body).toMatch(/- … and [\d,]+ more actions/);
    expect(comment!.body).toContain("`action_1205` and 1,294 more |");
    // The table names the change and stays short.
    expect(comment!.body).toContain("| `action_1200` | changed: run |");
    expect(comment!.body).toContain("To run every action on dummy data");

    const [run] = h.github.state.checkRunsOn(REPO, study.headSha);
    expect(run!.conclusion).toBe("success");
  });

  it("draws the part a small change touches when the whole graph is too big", async () => {
    const big = bigProject(2_500, 2);
    const changed = big.replace("--step 2490\n", "--step 2490 --verbose\n");
    const study = openStudyPull(h, { base: { "project.yaml": big }, head: { "project.yaml": changed } });
    await h.deliver("pull_request", pullRequestEvent("opened", study.repo, study));
    const body = h.github.state.commentsOn(REPO, 7)[0]!.body;
    expect(body).toContain("so this shows the 10 actions the change touches.");
    expect(body).toContain("```mermaid");
    expect(body).toContain('n0["action_2490"]');
    expect(body).toContain("class n0 changed");
    expect(body).toContain("<sub>🟨 changed · 🟦 affected (dashed)</sub>");
    expect(body).not.toContain("action_2489");
  });

  it("keeps every request within limits when thousands of actions are new", async () => {
    const study = openStudyPull(h, {
      base: { "README.md": "x\n" },
      head: { "project.yaml": bigProject(2_500, 1) },
    });
    await h.deliver("pull_request", pullRequestEvent("opened", study.repo, study));
    expect(refusals()).toEqual([]);
    const [comment] = h.github.state.commentsOn(REPO, 7);
    expect(comment!.body.length).toBeLessThanOrEqual(COMMENT_BUDGET);
    expect(comment!.body).toContain("2,500 added");
    expect(comment!.body).toMatch(/…and [\d,]+ more changes not shown here\./);
    const [run] = h.github.state.checkRunsOn(REPO, study.headSha);
    expect(run!.output.text!.length).toBeLessThanOrEqual(65_535);
  });
});

describe("a project with very many errors", () => {
  it("annotates the first 500 in batches of 50 and lists what fits", async () => {
    // 1,200 actions that each need an action that does not exist: 1,200 errors.
    const lines = ['version: "5.0"', "actions:"];
    for (let i = 0; i < 1_200; i++) {
      lines.push(`  a${i}:`, `    run: python:v2 a.py --part ${i}`, `    needs: [missing_${i}]`);
      lines.push("    outputs:", "      moderately_sensitive:", `        o: output/o${i}.csv`);
    }
    const study = openStudyPull(h, {
      base: { "project.yaml": DEMO },
      head: { "project.yaml": `${lines.join("\n")}\n` },
    });
    const response = await h.deliver("pull_request", pullRequestEvent("opened", study.repo, study));
    expect(response.status).toBe(200);
    expect(refusals()).toEqual([]);

    const [run] = h.github.state.checkRunsOn(REPO, study.headSha);
    expect(run!.conclusion).toBe("failure");
    expect(run!.annotations).toHaveLength(500);
    expect(run!.updates).toBe(9);
    const batches = h.github.requests.filter((r) => r.path.includes("/check-runs") && r.method !== "GET");
    expect(
      batches.map((r) => (r.body as { output: { annotations: unknown[] } }).output.annotations.length),
    ).toEqual(Array(10).fill(50));
    expect(run!.output.summary).toContain("1,200 errors");
    expect(run!.output.summary).toContain("The first 500 are marked on their lines");
    expect(run!.output.text).toMatch(/…and [\d,]+ more issues; run `trestle check` to see them all\./);

    const [comment] = h.github.state.commentsOn(REPO, 7);
    expect(comment!.body.length).toBeLessThanOrEqual(COMMENT_BUDGET);
    expect(comment!.body).toContain("1,200 errors");
  });
});

describe("files the App will not read", () => {
  it("reports a project.yaml over 8 MB instead of parsing it", async () => {
    const huge = `version: "5.0"\n# ${"x".repeat(9 * 1024 * 1024)}\nactions: {}\n`;
    const study = openStudyPull(h, { base: { "project.yaml": DEMO }, head: { "project.yaml": huge } });
    expect((await h.deliver("pull_request", pullRequestEvent("opened", study.repo, study))).status).toBe(200);
    const [run] = h.github.state.checkRunsOn(REPO, study.headSha);
    expect(run).toMatchObject({ conclusion: "failure", output: { title: "project.yaml could not be read" } });
    expect(h.github.state.commentsOn(REPO, 7)[0]!.body).toContain("more than Trestle reads");
  });

  it("reports a project.yaml that is a directory", async () => {
    const study = openStudyPull(h, {
      base: { "project.yaml": DEMO },
      head: { "project.yaml": null, "project.yaml/x": "1" },
    });
    await h.deliver("pull_request", pullRequestEvent("opened", study.repo, study));
    const [run] = h.github.state.checkRunsOn(REPO, study.headSha);
    expect(run!.output.summary).toContain("is not a file");
  });
});

describe("hostile action names", () => {
  it("cannot inject Markdown, HTML or Mermaid into the comment", async () => {
    const names = [
      "<img/src=x/onerror=alert(1)>",
      "a|b",
      "x`y",
      "[link](https://evil.example)",
      "right\u202eleft",
    ];
    const lines = ['version: "5.0"', "actions:"];
    names.forEach((name, i) => {
      lines.push(`  ${JSON.stringify(name)}:`, `    run: python:v2 a.py --part ${i}`);
      if (i > 0) lines.push(`    needs: [${JSON.stringify(names[i - 1])}]`);
      lines.push("    outputs:", "      moderately_sensitive:", `        o: output/o${i}.csv`);
    });
    const study = openStudyPull(h, {
      base: { "project.yaml": DEMO },
      head: { "project.yaml": `${lines.join("\n")}\n` },
    });
    await h.deliver("pull_request", pullRequestEvent("opened", study.repo, study));
    const [comment] = h.github.state.commentsOn(REPO, 7);
    const body = comment!.body;
    expect(body).toContain("is valid");
    // Names appear only as code (which GitHub shows literally) or as Mermaid entity codes.
    expect(body).toContain("| `<img/src=x/onerror=alert(1)>` | added | — |");
    expect(body).toContain('n0["#60;img/src=x/onerror=alert(1)#62;"]');
    const outsideCode = body.replace(/```[a-z]*\n[\s\S]*?```/g, "").replace(/``[^\n]*?``|`[^`\n]*`/g, "");
    expect(outsideCode).not.toContain("<img");
    expect(outsideCode).not.toContain("](https://evil.example)");
    expect(body).not.toContain("\u202e");
    expect(body).toContain("<U+202E>");
    // In the table the pipe is escaped, so each row keeps its three cells.
    expect(body).toContain("| `a\\|b` | added |");
    // A name that is not plain text is never offered as a command to copy.
    expect(body).toContain("trestle run run_all");
  });
});
