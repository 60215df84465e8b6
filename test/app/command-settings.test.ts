// The commands and job_requests sections of .github/opensafely.yml: what they accept, what they
// refuse (with the problem named), and how names are made from their templates.
import { describe, expect, it } from "vitest";
import { fillTemplate } from "../../src/app/commands/command-settings.ts";
import { validateSettings } from "../../src/app/settings/read-settings.ts";

describe("command settings", () => {
  it("accept a word, a minimum role, allow-lists and per-backend lists", () => {
    const result = validateSettings({
      commands: {
        word: "trestle",
        minimum_role: "maintain",
        users: ["alice", "Bob-2"],
        teams: ["researchers", "other-org/analysts"],
        forks: true,
        backends: { tpp: { teams: ["tpp-users"] } },
      },
      job_requests: { workspace: "{repo}-pr-{pr}" },
    });
    expect(result).toMatchObject({
      ok: true,
      settings: {
        commands: {
          enabled: true,
          word: "trestle",
          minimum_role: "maintain",
          users: ["alice", "Bob-2"],
          teams: ["researchers", "other-org/analysts"],
          forks: true,
          backends: { tpp: { users: [], teams: ["tpp-users"] } },
        },
        job_requests: { workspace: "{repo}-pr-{pr}", project: "{repo}", organisation: "{owner}" },
      },
    });
  });

  it.each([
    [
      { commands: { word: "/opensafely" } },
      "commands.word: must be a word of letters, digits, - and _ (without the slash)",
    ],
    [
      { commands: { word: "" } },
      "commands.word: must be a word of letters, digits, - and _ (without the slash)",
    ],
    [
      { commands: { minimum_role: "owner" } },
      'commands.minimum_role: Invalid option: expected one of "read"|"triage"|"write"|"maintain"|"admin"',
    ],
    [{ commands: { users: ["not a login"] } }, "commands.users.0: must be a GitHub user name"],
    [{ commands: { teams: ["a/b/c"] } }, "commands.teams.0: must be team-slug or org/team-slug"],
    [{ commands: { backends: { "bad slug": {} } } }, "commands.backends.bad slug: Invalid key in record"],
    [
      { commands: { backends: { tpp: { people: [] } } } },
      'commands.backends.tpp: Unrecognized key: "people"',
    ],
    [{ commands: { forks: "yes" } }, "commands.forks: Invalid input: expected boolean, received string"],
    [
      { job_requests: { workspace: "" } },
      "job_requests.workspace: Too small: expected string to have >=1 characters",
    ],
  ])("refuse %j", (raw, problem) => {
    const result = validateSettings(raw);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toContain(problem);
  });
});

describe("fillTemplate", () => {
  const context = { owner: "opensafely", repo: "demo-study", branch: "feature/new table", pr: 7 };

  it("fills the placeholders", () => {
    expect(fillTemplate("{owner}/{repo}#{pr} on {branch}", context)).toBe(
      "opensafely/demo-study#7 on feature/new table",
    );
  });

  it("makes a workspace name a backend can use as a folder", () => {
    expect(fillTemplate("{repo}-{branch}", context, true)).toBe("demo-study-feature-new-table");
    expect(fillTemplate("{branch}", { ...context, branch: "../../etc" }, true)).toBe("etc");
    expect(fillTemplate("{branch}", { ...context, branch: "///" }, true)).toBe("workspace");
    expect(fillTemplate("{repo}".repeat(50), context, true)).toHaveLength(200);
  });
});
