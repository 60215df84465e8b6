// The access rules answered by GitHub's endpoints (the fake, over loopback): collaborator roles from
// role_name (custom roles by their flags), team memberships, and an App that may not read teams.
import pino from "pino";
import { Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { GitHubClient } from "../../src/app/github/client.ts";
import { authorize } from "../../src/app/permissions/authorize.ts";
import { githubAccessLookup } from "../../src/app/permissions/github-lookup.ts";
import { FakeGitHub } from "./helpers/fake-github.ts";
import { FakeGitHubPeople } from "./helpers/fake-github-people.ts";
import { APP_ID, SECRET, TestOctokit } from "./helpers/harness.ts";
import { appKeys } from "./helpers/keys.ts";

const FULL_NAME = "opensafely/demo-study";
const REPO = { owner: "opensafely", repo: "demo-study" };

let github: FakeGitHub;
let people: FakeGitHubPeople;
let octokit: GitHubClient;

beforeEach(async () => {
  github = await FakeGitHub.start({ publicKey: appKeys().publicKey, appId: APP_ID });
  people = new FakeGitHubPeople(github.state);
  github.extensions.push((req) => people.handle(req));
  github.state.addRepo(FULL_NAME, { installationId: 41234567 });
  const probot = new Probot({
    appId: APP_ID,
    privateKey: appKeys().privateKey,
    secret: SECRET,
    baseUrl: github.url,
    Octokit: TestOctokit,
    log: pino({ level: "silent" }),
  });
  octokit = (await probot.auth(41234567)) as unknown as GitHubClient;
});
afterEach(async () => {
  await github.close();
});

describe("githubAccessLookup", () => {
  it("reads roles from role_name, where the legacy field would say write for maintain", async () => {
    people.setRole(FULL_NAME, "mia", "maintain");
    people.setRole(FULL_NAME, "tom", "triage");
    people.setRole(FULL_NAME, "cara", "write", "data-steward");
    const lookup = githubAccessLookup(octokit, REPO);
    expect(await lookup.role("mia")).toBe("maintain");
    expect(await lookup.role("tom")).toBe("triage");
    expect(await lookup.role("cara")).toBe("write");
    expect(await lookup.role("nobody")).toBe("none");
    expect(await lookup.role("not a login")).toBe("none");
    const asked = github.requests.filter((r) => r.path.includes("/collaborators/"));
    expect(asked.map((r) => r.path)).toContain("/repos/opensafely/demo-study/collaborators/mia/permission");
  });

  it("answers team membership, asks once per team, and says unknown when it may not read teams", async () => {
    people.setRole(FULL_NAME, "erin", "write");
    people.addTeamMember("opensafely/researchers", "erin");
    const rules = {
      minimumRole: "write" as const,
      users: [],
      teams: ["researchers", "researchers"],
      backends: {},
    };
    const lookup = githubAccessLookup(octokit, REPO);
    expect(
      await authorize(rules, lookup, { login: "erin", owner: "opensafely", backend: null }),
    ).toMatchObject({
      allowed: true,
    });
    people.setRole(FULL_NAME, "finn", "write");
    expect(
      await authorize(rules, lookup, { login: "finn", owner: "opensafely", backend: null }),
    ).toMatchObject({
      allowed: false,
    });
    expect(github.requests.filter((r) => r.path.endsWith("/memberships/finn"))).toHaveLength(1);

    people.teamsReadable = false;
    const denied = await authorize(rules, githubAccessLookup(octokit, REPO), {
      login: "erin",
      owner: "opensafely",
      backend: null,
    });
    expect(denied).toMatchObject({ allowed: false });
    expect((denied as { reason: string }).reason).toContain(
      "the App needs the organisation's Members permission",
    );
  });

  it("fails closed, with a reason, when GitHub cannot say", async () => {
    github.failNext("GET", /\/collaborators\/.+\/permission$/, 502);
    await expect(githubAccessLookup(octokit, REPO).role("erin")).rejects.toThrow(
      "could not read @erin's permission on opensafely/demo-study (HTTP 502)",
    );
  });
});
