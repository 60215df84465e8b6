// Who may run: repository roles read from role_name (not the legacy permission field), the minimum
// role, the user and team lists, and per-backend allow-lists. Lookups are answered from a table here;
// the same rules against the fake GitHub's endpoints are covered by the command tests.
import { describe, expect, it } from "vitest";
import {
  type AccessLookup,
  type AccessRules,
  authorize,
  type TeamAnswer,
} from "../../src/app/permissions/authorize.ts";
import { meetsRole, type Role, roleOf } from "../../src/app/permissions/roles.ts";

describe("roleOf", () => {
  it("reads role_name, which keeps maintain and triage apart", () => {
    // The legacy field says "write" for maintain and "read" for triage; it is not what decides.
    expect(roleOf({ role_name: "maintain", permission: "write" } as never)).toBe("maintain");
    expect(roleOf({ role_name: "triage", permission: "read" } as never)).toBe("triage");
    expect(roleOf({ role_name: "Admin" })).toBe("admin");
  });

  it("reads a custom role from the permission flags it grants", () => {
    const flags = (p: Record<string, boolean>) => ({ role_name: "data-steward", user: { permissions: p } });
    expect(roleOf(flags({ pull: true, triage: true, push: true }))).toBe("write");
    expect(roleOf(flags({ pull: true, triage: true }))).toBe("triage");
    expect(roleOf(flags({ pull: true, maintain: true, push: true }))).toBe("maintain");
    expect(roleOf(flags({}))).toBe("none");
    expect(roleOf({ role_name: "none" })).toBe("none");
    expect(roleOf({})).toBe("none");
  });

  it("orders roles", () => {
    expect(meetsRole("maintain", "write")).toBe(true);
    expect(meetsRole("triage", "write")).toBe(false);
    expect(meetsRole("none", "read")).toBe(false);
    expect(meetsRole("read", "read")).toBe(true);
  });
});

function lookup(
  roles: Record<string, Role | "none">,
  teams: Record<string, TeamAnswer> = {},
): AccessLookup & {
  asked: string[];
} {
  const asked: string[] = [];
  return {
    asked,
    async role(login) {
      asked.push(`role:${login}`);
      return roles[login.toLowerCase()] ?? "none";
    },
    async inTeam(org, team, login) {
      asked.push(`team:${org}/${team}:${login}`);
      return teams[`${org}/${team}:${login}`.toLowerCase()] ?? "not-member";
    },
  };
}

const RULES: AccessRules = { minimumRole: "write", users: [], teams: [], backends: {} };
const who = (login: string, backend: string | null = "test") => ({ login, owner: "opensafely", backend });

describe("authorize", () => {
  it("allows a writer and refuses a reader, saying why", async () => {
    const people = lookup({ alice: "write", bob: "read", carol: "none" });
    expect(await authorize(RULES, people, who("alice"))).toEqual({ allowed: true, role: "write" });
    expect(await authorize(RULES, people, who("bob"))).toEqual({
      allowed: false,
      reason:
        "@bob has the read role on this repository; running and cancelling jobs needs at least the write role.",
    });
    expect(await authorize(RULES, people, who("carol"))).toMatchObject({
      reason:
        "@carol has no role on this repository; running and cancelling jobs needs at least the write role.",
    });
  });

  it("applies a configured minimum", async () => {
    const people = lookup({ alice: "write", dave: "triage" });
    const rules = { ...RULES, minimumRole: "maintain" as const };
    expect(await authorize(rules, people, who("alice"))).toMatchObject({ allowed: false });
    expect(await authorize({ ...RULES, minimumRole: "triage" }, people, who("dave"))).toMatchObject({
      allowed: true,
    });
  });

  it("with user and team lists, needs the user to be listed or in a listed team", async () => {
    const people = lookup(
      { alice: "write", erin: "write", frank: "admin" },
      { "opensafely/researchers:erin": "member", "other-org/analysts:frank": "member" },
    );
    const rules = { ...RULES, users: ["Alice"], teams: ["researchers", "other-org/analysts"] };
    expect(await authorize(rules, people, who("alice"))).toMatchObject({ allowed: true });
    expect(await authorize(rules, people, who("erin"))).toMatchObject({ allowed: true });
    expect(await authorize(rules, people, who("frank"))).toMatchObject({ allowed: true });
    const outsider = lookup({ gina: "admin" });
    expect(await authorize(rules, outsider, who("gina"))).toEqual({
      allowed: false,
      reason: "@gina is not among the users and teams allowed to run jobs in this repository's settings.",
    });
  });

  it("says when team membership could not be checked", async () => {
    const people = lookup({ gina: "write" }, { "opensafely/researchers:gina": "unknown" });
    const decision = await authorize({ ...RULES, teams: ["researchers"] }, people, who("gina"));
    expect(decision).toMatchObject({ allowed: false });
    expect((decision as { reason: string }).reason).toContain(
      "the App needs the organisation's Members permission",
    );
  });

  it("applies a backend's own allow-list only to that backend", async () => {
    const people = lookup({ alice: "write", hana: "write" }, { "opensafely/tpp-users:hana": "member" });
    const rules = { ...RULES, backends: { tpp: { users: [], teams: ["tpp-users"] } } };
    expect(await authorize(rules, people, who("alice", "test"))).toMatchObject({ allowed: true });
    expect(await authorize(rules, people, who("alice", "tpp"))).toEqual({
      allowed: false,
      reason: "@alice is not allowed to run jobs on the `tpp` backend.",
    });
    expect(await authorize(rules, people, who("hana", "tpp"))).toMatchObject({ allowed: true });
  });

  it("does not ask about teams once the role already refuses", async () => {
    const people = lookup({ bob: "read" });
    await authorize({ ...RULES, teams: ["a", "b"] }, people, who("bob"));
    expect(people.asked).toEqual(["role:bob"]);
  });
});
