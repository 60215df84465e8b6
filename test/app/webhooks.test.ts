// The webhook endpoint under hostile and broken input: every refusal is a clear HTTP status, and a
// refused delivery neither reads from nor writes to GitHub.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { type Payload, pullRequestEvent } from "./helpers/events.ts";
import { type Harness, SECRET, startHarness } from "./helpers/harness.ts";
import { DEMO, DEMO_CHANGED } from "./helpers/projects.ts";
import { openStudyPull, REPO } from "./helpers/scenario.ts";

let h: Harness;
afterEach(async () => {
  await h.close();
});

async function setUp(options: Parameters<typeof startHarness>[0] = {}) {
  h = await startHarness(options);
  const study = openStudyPull(h, { base: { "project.yaml": DEMO }, head: { "project.yaml": DEMO_CHANGED } });
  return { study, payload: pullRequestEvent("opened", study.repo, study) };
}

describe("signatures", () => {
  it("rejects a delivery signed with another secret, touching nothing", async () => {
    const { payload } = await setUp();
    const response = await h.deliver("pull_request", payload, { secret: "not-the-secret" });
    expect(response.status).toBe(400);
    expect(response.body).toContain("signature does not match");
    expect(h.github.requests).toEqual([]);
    expect(h.github.state.commentsOn(REPO, 7)).toEqual([]);
  });

  it("rejects a body changed after signing", async () => {
    const { payload } = await setUp();
    const { sign } = await import("@octokit/webhooks-methods");
    const signature = await sign(SECRET, JSON.stringify(payload));
    payload.pull_request.head.sha = "f".repeat(40);
    const response = await h.deliver("pull_request", payload, { signature });
    expect(response.status).toBe(400);
    expect(h.github.requests).toEqual([]);
  });

  it("rejects a missing signature, event or delivery header", async () => {
    await setUp();
    const body = JSON.stringify({ zen: "Keep it logically awesome." });
    const response = await fetch(h.server.webhookUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "ping",
        "x-github-delivery": randomUUID(),
      },
      body,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("x-hub-signature-256");
    expect(h.github.requests).toEqual([]);
  });
});

describe("malformed deliveries", () => {
  it("answers 415 to a body that is not JSON by its content type", async () => {
    const { payload } = await setUp();
    const response = await h.deliver("pull_request", payload, {
      contentType: "application/x-www-form-urlencoded",
    });
    expect(response.status).toBe(415);
    expect(h.github.requests).toEqual([]);
  });

  it("answers 400 to a signed body that is not JSON", async () => {
    await setUp();
    const response = await h.deliver("pull_request", null, { rawBody: "{ not json" });
    expect(response.status).toBe(400);
    expect(h.github.requests).toEqual([]);
  });

  it.each([
    ["pull_request.head.sha", (p: Payload) => delete p.pull_request.head.sha],
    ["pull_request.number", (p: Payload) => (p.pull_request.number = "7; DROP TABLE")],
    ["pull_request.head.sha", (p: Payload) => (p.pull_request.head.sha = "../../etc/passwd")],
    ["installation", (p: Payload) => delete p.installation],
    ["repository.owner.login", (p: Payload) => (p.repository.owner.login = "")],
  ])("answers 400 naming %s when a signed payload lacks it", async (field, spoil) => {
    const { payload } = await setUp();
    spoil(payload);
    const response = await h.deliver("pull_request", payload);
    expect(response.status).toBe(400);
    expect(response.body).toContain(`The pull_request payload is malformed: ${field}`);
    expect(h.github.requests).toEqual([]);
  });

  it("answers 413 to a body over the size cap without reading it all", async () => {
    const { payload } = await setUp({ maxBodyBytes: 64 * 1024 });
    payload.pull_request.body = "x".repeat(100 * 1024);
    const response = await h.deliver("pull_request", payload);
    expect(response.status).toBe(413);
    expect(h.github.requests).toEqual([]);
  });

  it("accepts events it does not handle without doing anything", async () => {
    await setUp();
    const response = await h.deliver("ping", { zen: "Design for failure.", hook_id: 1 });
    expect(response.status).toBe(200);
    expect(h.github.requests).toEqual([]);
  });
});

describe("other routes", () => {
  it("serves a health check and 404s the rest", async () => {
    await setUp();
    const health = await fetch(`${h.server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    expect((await fetch(`${h.server.url}/nope`)).status).toBe(404);
    expect((await fetch(h.server.webhookUrl)).status).toBe(404);
  });
});

describe("GitHub failing", () => {
  it("fails the delivery with a status GitHub records, and a redelivery then succeeds", async () => {
    const { payload, study } = await setUp();
    h.github.failNext("POST", /\/check-runs$/, 500);
    const delivery = randomUUID();
    const failed = await h.deliver("pull_request", payload, { delivery });
    expect(failed.status).toBe(502);
    expect(failed.body).toContain("GitHub API call failed while trying to create the check run");

    const retried = await h.deliver("pull_request", payload, { delivery });
    expect(retried.status).toBe(200);
    expect(h.github.state.checkRunsOn(REPO, study.headSha)).toHaveLength(1);
    expect(h.github.state.commentsOn(REPO, 7)).toHaveLength(1);
  });

  it("never puts the installation token in its answers or logs", async () => {
    const { payload } = await setUp();
    h.github.failNext("GET", /\/pulls\/7$/, 503);
    const failed = await h.deliver("pull_request", payload);
    expect(failed.status).toBe(502);
    const tokens = [...h.github.state.tokens.keys()];
    expect(tokens).toHaveLength(1);
    const everything = failed.body + JSON.stringify(h.logs);
    for (const token of tokens) expect(everything).not.toContain(token);
    expect(everything).not.toMatch(/ghs_[A-Za-z0-9_-]{8,}/);
  });
});
