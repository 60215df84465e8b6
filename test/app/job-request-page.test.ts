// The job request page over real HTTP: every field of the platform's page, escaping of whatever a
// repository holds, the reload while active, and refusals for bad paths and methods.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { servePage } from "../../src/app/pages/page-route.ts";
import type { RapJob } from "../../src/rap/index.ts";
import { newRequest, type TempStore, tempStore } from "./helpers/job-requests.ts";

let t: TempStore;
let server: Server;
let base: string;
let now = Date.parse("2026-11-25T10:05:00Z");

beforeEach(async () => {
  t = tempStore();
  server = createServer((req, res) => {
    if (!servePage({ store: t.store, now: () => now }, req, res)) res.writeHead(418).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  t.close();
});

function job(rapId: string, action: string, fields: Partial<RapJob>): RapJob {
  return {
    identifier: `${action
      .replace(/[^a-z]/g, "")
      .slice(0, 6)
      .padEnd(6, "q")}${rapId.slice(0, 10)}`,
    rap_id: rapId,
    backend: "test",
    action,
    run_command: "python:v2 x.py",
    status: "pending",
    status_code: "created",
    status_message: "Created",
    created_at: "2026-11-25T10:00:01Z",
    updated_at: "2026-11-25T10:00:01Z",
    started_at: null,
    completed_at: null,
    trace_context: null,
    metrics: {},
    requires_db: false,
    ...fields,
  };
}

async function get(path: string, init: RequestInit = {}) {
  const response = await fetch(`${base}${path}`, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe("the job request page", () => {
  it("shows every field of the platform's page, and the timeline once the jobs have run", async () => {
    const { request } = t.store.insert(
      newRequest({ requestedActions: ["make_safe", "render_report"], forceRunDependencies: true }),
    );
    t.store.settleSubmission(request.id, "accepted", "pending", null);
    t.store.applyStatus(request.id, [
      job(request.id, "make_safe", {
        status: "succeeded",
        status_code: "succeeded",
        status_message: "Completed successfully",
        started_at: "2026-11-25T10:00:02Z",
        completed_at: "2026-11-25T10:00:12Z",
      }),
      job(request.id, "render_report", {
        status: "failed",
        status_code: "nonzero_exit",
        status_message: "Job exited with an error: code 1",
        started_at: "2026-11-25T10:00:13Z",
        completed_at: "2026-11-25T10:01:15Z",
      }),
    ]);
    const page = await get(`/job-requests/${request.id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = page.text;
    const field = (id: string) => new RegExp(`<dd id="field-${id}">(.*?)</dd>`).exec(html)?.[1];
    expect(field("organisation")).toBe("opensafely");
    expect(field("workspace")).toBe("demo-study-feature-7");
    expect(field("id")).toBe(`<code>${request.id}</code>`);
    expect(field("requested-by")).toBe('<a href="https://github.com/researcher">researcher</a>');
    expect(field("backend")).toBe("test");
    expect(field("branch")).toBe("feature-7");
    expect(field("force")).toBe("Yes");
    expect(field("commit")).toContain(
      `<a href="https://github.com/opensafely/demo-study/tree/${request.commit}">0123456</a>`,
    );
    expect(field("actions")).toBe(
      "<ul><li><code>make_safe</code></li><li><code>render_report</code></li></ul>",
    );
    expect(field("pull-request")).toBe('<a href="https://github.com/opensafely/demo-study/pull/7">#7</a>');
    expect(html).toContain(
      '<p class="status status-failed" id="status"><strong>Failed</strong>: Failed due to job failure</p>',
    );
    expect(html).toContain('<p id="job-stats">2 / 2 complete');
    expect(html).toContain(
      "<td><code>render_report</code></td><td>Failed</td><td><code>nonzero_exit</code></td><td>Job exited with an error: code 1</td>",
    );
    expect(html).toContain('<dd id="timeline-created">2026-11-25 10:00:00 UTC</dd>');
    expect(html).toContain('<dd id="timeline-started">2026-11-25 10:00:02 UTC</dd>');
    expect(html).toContain('<dd id="timeline-finished">2026-11-25 10:01:15 UTC</dd>');
    // job-server's runtime: the sum of each completed job's run, not first start to last finish.
    expect(html).toContain('<dd id="timeline-runtime">00:01:12</dd>');
    expect(html).toContain(`<pre id="pipeline"><code>version: &#39;4.0&#39;\nactions: {}\n</code></pre>`);
    expect(html).toContain(
      `href="https://github.com/opensafely/demo-study/blob/${request.commit}/project.yaml"`,
    );
    // Finished: nothing left to follow, so no reload.
    expect(html).not.toContain('http-equiv="refresh"');
  });

  it("reloads while the request is active, and says when no jobs are known yet", async () => {
    const { request } = t.store.insert(newRequest());
    const html = (await get(`/job-requests/${request.id}/`)).text;
    expect(html).toContain('<meta http-equiv="refresh" content="10">');
    expect(html).toContain('<p id="no-jobs">No updates received from backend yet.</p>');
    expect(html).toContain('<dd id="timeline-finished">-</dd>');
    expect(html).toContain('<dd id="timeline-runtime">-</dd>');
  });

  it("says when the backend has been silent for more than 30 minutes", async () => {
    const { request } = t.store.insert(newRequest());
    t.store.settleSubmission(request.id, "accepted", "pending", null);
    t.store.applyStatus(request.id, [
      job(request.id, "render_report", { updated_at: "2026-11-25T09:00:00Z" }),
    ]);
    expect((await get(`/job-requests/${request.id}`)).text).toContain("<strong>Attention needed:</strong>");
    now = Date.parse("2026-11-25T09:10:00Z");
    expect((await get(`/job-requests/${request.id}`)).text).not.toContain("Attention needed");
  });

  it("shows whatever a repository holds as text, never as markup or script", async () => {
    const evil = `<script>alert("x")</script>`;
    const { request } = t.store.insert(
      newRequest({
        requestedActions: [evil],
        requestedBy: `a"><img src=x onerror=alert(1)>`,
        workspace: evil,
        branch: `'"><b>`,
        repoHtmlUrl: "javascript:alert(1)",
        projectDefinition: `actions:\n  x: ${evil}\n</code></pre><script>1</script>`,
      }),
    );
    const html = (await get(`/job-requests/${request.id}`)).text;
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  it("cuts a huge project file short", async () => {
    const { request } = t.store.insert(newRequest({ projectDefinition: "#".repeat(1_000_000) }));
    const html = (await get(`/job-requests/${request.id}`)).text;
    expect(html).toContain("The file is 1,000,000 characters long; the first 200,000 are shown.");
    expect(html.length).toBeLessThan(250_000);
  });

  it("answers 404 for unknown and malformed ids, 405 for other methods, and leaves other paths alone", async () => {
    for (const path of [
      "/job-requests/aaaaaaaaaaaaaaaa",
      "/job-requests/",
      "/job-requests/AAAAAAAAAAAAAAAA",
      "/job-requests/..%2f..%2fetc%2fpasswd",
      `/job-requests/${"a".repeat(10_000)}`,
      "/job-requests/aaaaaaaaaaaaaaaa/extra",
      "/job-requests/%00%00",
    ]) {
      const page = await get(path);
      expect(page.status, path).toBe(404);
      expect(page.text).toContain("No such job request");
    }
    const { request } = t.store.insert(newRequest());
    const post = await get(`/job-requests/${request.id}`, { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    const head = await get(`/job-requests/${request.id}`, { method: "HEAD" });
    expect(head).toMatchObject({ status: 200, text: "" });
    expect((await get("/elsewhere")).status).toBe(418);
  });
});
