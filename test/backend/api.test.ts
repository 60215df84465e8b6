// The RAP API over real HTTP, with a real SQLite file and a real git repository. Jobs are planned and
// stored but not run here (the agent is off), so every answer is deterministic.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningBackend } from "../../src/backend/backend.ts";
import { formatValidationErrors } from "../../src/backend/project-source.ts";
import { loadPipeline } from "../../src/pipeline/index.ts";
import { jobIdentifier, openApiDocument, type RapClient } from "../../src/rap/index.ts";
import {
  client,
  createBody,
  newRapId,
  raw,
  snapshot,
  startTestBackend,
  TOKEN_BOTH,
  TOKEN_OTHER,
  tempDir,
} from "./helpers/backend.ts";
import { makeRepo, type TestRepo } from "./helpers/git-repo.ts";
import { API_PROJECT, INVALID_PROJECT } from "./helpers/projects.ts";

let tmp: ReturnType<typeof tempDir>;
let repo: TestRepo;
let valid: string;
let invalid: string;
let noProject: string;
let backend: RunningBackend;
let api: RapClient;
let dataDir: string;

beforeAll(async () => {
  tmp = tempDir("api");
  repo = makeRepo(join(tmp.path, "study"));
  invalid = repo.commit({ "project.yaml": INVALID_PROJECT }, "invalid");
  noProject = repo.commit({ "project.yaml": null, "README.md": "nothing\n" }, "no project");
  valid = repo.commit({ "project.yaml": API_PROJECT }, "valid");
  dataDir = join(tmp.path, "data");
  backend = await startTestBackend(dataDir, { runJobs: false });
  api = client(backend);
});
afterAll(async () => {
  await backend?.close();
  tmp?.remove();
});

/** A workspace name no other test uses, so tests never see each other's jobs. */
let workspaces = 0;
const workspace = () => `ws-${++workspaces}`;

describe("POST rap/create/", () => {
  it("plans the jobs and answers 201 with their count; status shows them pending", async () => {
    const body = createBody({ repo_url: repo.url, commit: valid, workspace: workspace() });
    const created = await api.create(body);
    expect(created).toEqual({
      ok: true,
      status: 201,
      body: {
        result: "Success",
        details: `Jobs created for rap_id '${body.rap_id}'`,
        rap_id: body.rap_id,
        count: 2,
      },
    });
    const status = await api.status([body.rap_id]);
    if (!status.ok) throw new Error("status failed");
    expect(status.body.unrecognised_rap_ids).toEqual([]);
    expect(
      status.body.jobs.map((j) => [j.identifier, j.action, j.status, j.status_code, j.status_message]),
    ).toEqual([
      [jobIdentifier(body.rap_id, "extract"), "extract", "pending", "created", "Created"],
      [jobIdentifier(body.rap_id, "summarise"), "summarise", "pending", "created", "Created"],
    ]);
    const [extract] = status.body.jobs;
    expect(extract).toMatchObject({
      rap_id: body.rap_id,
      backend: "test",
      run_command:
        "sqlrunner:v1 analysis/query.sql --output output/raw.csv --dummy-data-file analysis/dummy.csv",
      requires_db: true,
      started_at: null,
      completed_at: null,
      metrics: {},
    });
    expect(extract?.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(extract?.trace_context?.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it("answers No change to the same request again, and changes nothing", async () => {
    const body = createBody({ repo_url: repo.url, commit: valid, workspace: workspace() });
    expect((await api.create(body)).status).toBe(201);
    const before = snapshot(dataDir);
    expect(await api.create(body)).toEqual({
      ok: true,
      status: 200,
      body: {
        result: "No change",
        details: `Jobs already created for rap_id '${body.rap_id}'`,
        rap_id: body.rap_id,
        count: 2,
      },
    });
    expect(snapshot(dataDir)).toBe(before);
  });

  it("refuses the same rap_id for another commit, workspace or backend as inconsistent", async () => {
    const body = createBody({ repo_url: repo.url, commit: valid, workspace: workspace() });
    expect((await api.create(body)).status).toBe(201);
    const before = snapshot(dataDir);
    const both = client(backend, TOKEN_BOTH);
    for (const [changed, who] of [
      [{ commit: invalid }, api],
      [{ workspace: workspace() }, api],
      [{ backend: "other" }, both],
    ] as const) {
      const result = await who.create({ ...body, ...changed });
      expect(result.status).toBe(400);
      expect(result.body).toMatchObject({ error: "Inconsistent request data", rap_id: body.rap_id });
    }
    expect(snapshot(dataDir)).toBe(before);
  });

  it("answers 400 Error creating jobs with the validation messages for an invalid project.yaml", async () => {
    const before = snapshot(dataDir);
    const result = await api.create(
      createBody({ repo_url: repo.url, commit: invalid, workspace: workspace() }),
    );
    const expected = formatValidationErrors(loadPipeline(INVALID_PROJECT).errors);
    expect(expected).toMatch(/^project\.yaml:\d+:\d+: error: /);
    expect(result).toEqual({
      ok: false,
      status: 400,
      body: { error: "Error creating jobs", details: expected },
    });
    expect(snapshot(dataDir)).toBe(before);
  });

  it("names what is wrong with the repository, the branch, the commit or the actions", async () => {
    const before = snapshot(dataDir);
    const cases: [Partial<Parameters<typeof createBody>[0]>, string][] = [
      [{ requested_actions: ["extract", "nope"] }, "Action 'nope' not found in project.yaml"],
      [{ commit: noProject }, `No project.yaml file found in ${repo.url}`],
      [{ branch: "nope" }, "Could not find branch 'nope'"],
      [{ branch: "" }, "A branch name must be supplied"],
      [{ commit: "f".repeat(40) }, `Could not find commit on branch 'main': ${"f".repeat(40)}`],
      [
        { repo_url: "ssh://git@example.org/x.git" },
        "Repository URL ssh://git@example.org/x.git must start with https://, http:// or file://",
      ],
      [{ repo_url: "https://user:secret@example.org/x" }, "Repository URLs must not contain credentials"],
      [{ codelists_ok: false }, "Codelists are out of date (required by action extract)"],
    ];
    for (const [override, details] of cases) {
      const result = await api.create(
        createBody({ repo_url: repo.url, commit: valid, workspace: workspace(), ...override }),
      );
      expect(result, details).toEqual({
        ok: false,
        status: 400,
        body: { error: "Error creating jobs", details },
      });
    }
    expect(snapshot(dataDir)).toBe(before);
  });

  it("accepts a pull-request head only on a backend started with allowAnyCommit", async () => {
    repo.git("checkout", "--quiet", "-b", "feature");
    const prHead = repo.commit({ "analysis/extra.py": "print(1)\n" }, "pull request");
    repo.git("update-ref", "refs/pull/7/head", prHead);
    repo.git("checkout", "--quiet", "main");
    repo.git("branch", "--quiet", "-D", "feature");
    const body = createBody({ repo_url: repo.url, commit: prHead, workspace: workspace() });
    expect((await api.create(body)).body).toEqual({
      error: "Error creating jobs",
      details: `Could not find commit on branch 'main': ${prHead}`,
    });
    const dummy = await startTestBackend(join(tmp.path, "dummy-data"), {
      runJobs: false,
      allowAnyCommit: true,
    });
    try {
      expect((await client(dummy).create({ ...body, branch: "feature" })).body).toMatchObject({
        result: "Success",
        count: 2,
      });
    } finally {
      await dummy.close();
    }
  });

  it("answers Nothing to do when every requested action is already scheduled", async () => {
    const ws = workspace();
    expect((await api.create(createBody({ repo_url: repo.url, commit: valid, workspace: ws }))).status).toBe(
      201,
    );
    const before = snapshot(dataDir);
    const again = createBody({
      repo_url: repo.url,
      commit: valid,
      workspace: ws,
      requested_actions: ["summarise"],
    });
    expect(await api.create(again)).toEqual({
      ok: true,
      status: 200,
      body: {
        result: "Nothing to do",
        details: "All requested actions were already scheduled to run",
        rap_id: again.rap_id,
        count: 0,
      },
    });
    expect(snapshot(dataDir)).toBe(before);
    // Nothing was stored for it: the id stays free.
    expect((await api.status([again.rap_id])).body).toEqual({
      jobs: [],
      unrecognised_rap_ids: [again.rap_id],
    });
  });

  it("lets a later request wait for jobs an earlier one still has pending", async () => {
    const ws = workspace();
    const first = createBody({
      repo_url: repo.url,
      commit: valid,
      workspace: ws,
      requested_actions: ["extract"],
    });
    await api.create(first);
    const second = createBody({
      repo_url: repo.url,
      commit: valid,
      workspace: ws,
      requested_actions: ["summarise"],
    });
    expect((await api.create(second)).status).toBe(201);
    const jobs = backend.store.jobsOf(second.rap_id);
    expect(jobs.map((j) => [j.action, JSON.parse(j.wait_for)])).toEqual([
      ["summarise", [jobIdentifier(first.rap_id, "extract")]],
    ]);
  });
});

describe("tokens", () => {
  const paths = [
    ["rap/create/", "POST"],
    ["rap/cancel/", "POST"],
    ["rap/status/", "POST"],
    ["backend/status/", "GET"],
  ] as const;

  it("answers 401 to a missing, empty, unknown or Bearer-prefixed token on every endpoint", async () => {
    const body = JSON.stringify(createBody({ repo_url: repo.url, commit: valid, workspace: workspace() }));
    const before = snapshot(dataDir);
    for (const [path, method] of paths) {
      const send = (token: string | null) =>
        raw(backend, path, { method, token, ...(method === "POST" ? { body } : {}) });
      expect((await send(null)).json).toEqual({ error: "Unauthorized", details: "No token provided" });
      expect((await send("")).status).toBe(401);
      for (const wrong of ["wrong-token-value-xxxxxxxx", `Bearer ${TOKEN_OTHER}`, `${TOKEN_OTHER}x`]) {
        const answer = await send(wrong);
        expect(answer.status).toBe(401);
        expect(answer.json).toEqual({ error: "Unauthorized", details: "Invalid token" });
      }
    }
    expect(snapshot(dataDir)).toBe(before);
  });

  it("never shows a token the job requests of a backend it is not mapped to", async () => {
    const body = createBody({ repo_url: repo.url, commit: valid, workspace: workspace() });
    await api.create(body);
    const before = snapshot(dataDir);
    const other = client(backend, TOKEN_OTHER);
    expect(await other.status([body.rap_id])).toEqual({
      ok: true,
      status: 200,
      body: { jobs: [], unrecognised_rap_ids: [body.rap_id] },
    });
    expect(await other.cancel({ rap_id: body.rap_id, actions: ["extract"] })).toEqual({
      ok: false,
      status: 404,
      body: {
        error: "jobs not found",
        details: `No jobs found for rap_id ${body.rap_id}`,
        rap_id: body.rap_id,
      },
    });
    // Creating on a backend the token is not mapped to says no more than "Unknown error".
    expect(await other.create({ ...body, rap_id: newRapId() })).toEqual({
      ok: false,
      status: 400,
      body: { error: "Error creating jobs", details: "Unknown error" },
    });
    const backends = await other.backendStatus();
    expect(backends.ok && backends.body.backends.map((b) => b.slug)).toEqual(["other"]);
    expect(snapshot(dataDir)).toBe(before);

    const both = client(backend, TOKEN_BOTH);
    const seen = await both.status([body.rap_id]);
    expect(seen.ok && seen.body.jobs.length).toBe(2);
  });
});

describe("malformed, hostile and huge bodies", () => {
  const huge = "x".repeat(200_000);
  const hostile: [string, string | Uint8Array][] = [
    ["empty", ""],
    ["not JSON", "rap_id=abc"],
    ["truncated", '{"rap_id": "a1b2'],
    ["array", "[]"],
    ["null", "null"],
    ["number", "42"],
    ["string", '"text"'],
    ["empty object", "{}"],
    ["wrong types", JSON.stringify({ rap_id: 5, rap_ids: "a", actions: {}, backend: [], commit: true })],
    ["huge string", JSON.stringify({ rap_id: huge, rap_ids: [huge], actions: [huge], workspace: huge })],
    ["huge list", JSON.stringify({ rap_ids: Array.from({ length: 20_000 }, () => "a1b2c3d4e5f6g7h8") })],
    [
      "bad ids",
      JSON.stringify({ rap_id: "../../../etc/pwd", rap_ids: ["A1B2C3D4E5F6G7H8"], actions: ["a"] }),
    ],
    ["prototype pollution", '{"__proto__": {"admin": true}, "constructor": {"prototype": {"admin": true}}}'],
    ["deep nesting", `${"[".repeat(100_000)}${"]".repeat(100_000)}`],
    ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
  ];

  it("answers 400 with a message on every endpoint and changes nothing", async () => {
    const before = snapshot(dataDir);
    for (const path of ["rap/create/", "rap/cancel/", "rap/status/"]) {
      for (const [what, body] of hostile) {
        const answer = await raw(backend, path, { body });
        expect(answer.status, `${path} ${what}`).toBe(400);
        const json = answer.json as { error: string; details: string };
        expect(json.error, `${path} ${what}`).toBe("Validation error");
        expect(json.details.length).toBeGreaterThan(0);
        expect(json.details.length).toBeLessThan(2000);
      }
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(snapshot(dataDir)).toBe(before);
  });

  it("answers 413 to a body over the limit", async () => {
    const before = snapshot(dataDir);
    const answer = await raw(backend, "rap/status/", {
      body: JSON.stringify({ rap_ids: ["x".repeat(2_000_000)] }),
    });
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ error: "Request too large" });
    expect(snapshot(dataDir)).toBe(before);
  });

  it("reads JSON whatever the content type says, as the controller does", async () => {
    const answer = await raw(backend, "rap/status/", {
      body: JSON.stringify({ rap_ids: ["a1b2c3d4e5f6g7h8"] }),
      contentType: "text/plain",
    });
    expect(answer).toMatchObject({
      status: 200,
      json: { jobs: [], unrecognised_rap_ids: ["a1b2c3d4e5f6g7h8"] },
    });
  });
});

describe("POST rap/cancel/", () => {
  it("marks the named actions and answers with their count", async () => {
    const body = createBody({ repo_url: repo.url, commit: valid, workspace: workspace() });
    await api.create(body);
    expect(await api.cancel({ rap_id: body.rap_id, actions: ["summarise"] })).toEqual({
      ok: true,
      status: 200,
      body: { result: "Success", details: "1 actions cancelled", count: 1 },
    });
    expect(backend.store.jobsOf(body.rap_id).map((j) => [j.action, j.cancelled])).toEqual([
      ["extract", 0],
      ["summarise", 1],
    ]);
  });

  it("answers 404 for an unknown rap_id or actions without jobs, and changes nothing", async () => {
    const body = createBody({ repo_url: repo.url, commit: valid, workspace: workspace() });
    await api.create(body);
    const before = snapshot(dataDir);
    const unknown = newRapId();
    expect(await api.cancel({ rap_id: unknown, actions: ["extract"] })).toEqual({
      ok: false,
      status: 404,
      body: { error: "jobs not found", details: `No jobs found for rap_id ${unknown}`, rap_id: unknown },
    });
    expect(await api.cancel({ rap_id: body.rap_id, actions: ["extract", "zeta", "alpha"] })).toEqual({
      ok: false,
      status: 404,
      body: {
        error: "jobs not found",
        details: "Jobs matching requested cancelled actions could not be found: alpha,zeta",
        rap_id: body.rap_id,
        not_found: ["alpha", "zeta"],
      },
    });
    expect(snapshot(dataDir)).toBe(before);
  });
});

describe("GET backend/status/ and the rest of the server", () => {
  it("lists the token's backends with their flags", async () => {
    const both = await client(backend, TOKEN_BOTH).backendStatus();
    if (!both.ok) throw new Error("backend status failed");
    expect(both.body.backends.map((b) => b.slug)).toEqual(["test", "other"]);
    expect(both.body.backends[0]).toMatchObject({
      name: "test",
      paused: { status: "off", since: null },
      db_maintenance: { status: "off", since: null, type: null },
    });
  });

  it("serves the OpenAPI document generated from the schemas, and a docs page", async () => {
    const spec = await raw(backend, "spec.json", { method: "GET", token: null });
    expect(spec).toMatchObject({ status: 200, json: openApiDocument() });
    const docs = await raw(backend, "docs/", { method: "GET", token: null });
    expect(docs.status).toBe(200);
    expect(docs.text).toContain("spec.json");
  });

  it("answers /healthz, 405 for the wrong method and 404 elsewhere, in JSON", async () => {
    const health = await fetch(`${backend.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", agent: "off" });
    const wrong = await raw(backend, "rap/create/", { method: "GET" });
    expect(wrong).toMatchObject({ status: 405, json: { error: "Method not allowed" } });
    const missing = await raw(backend, "rap/delete/", { body: "{}" });
    expect(missing).toMatchObject({ status: 404, json: { error: "Not found" } });
    // The controller's paths end in a slash; without it they work too.
    const noSlash = await raw(backend, "rap/status", {
      body: JSON.stringify({ rap_ids: ["a1b2c3d4e5f6g7h8"] }),
    });
    expect(noSlash.status).toBe(200);
  });
});
