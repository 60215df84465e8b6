// What GitHub shows of a job request: its check run at each stage, and the job-requests section of
// the pull-request comment, spliced in and out without touching the rest of the comment.
import { describe, expect, it } from "vitest";
import {
  renderJobRequestsSection,
  SECTION_END,
  SECTION_START,
  spliceJobRequestsSection,
} from "../../src/app/job-requests/comment-section.ts";
import type { JobRecord, JobRequest } from "../../src/app/job-requests/job-request.ts";
import {
  jobRequestIdFromExternal,
  renderJobRequestCheck,
} from "../../src/app/job-requests/job-request-check.ts";
import { newRequest } from "./helpers/job-requests.ts";

function request(fields: Partial<JobRequest> = {}): JobRequest {
  return {
    ...newRequest({ id: "abcdefghijklmnop" }),
    status: "pending",
    statusMessage: null,
    submission: "accepted",
    submitAttempts: 0,
    nextSubmitAt: null,
    lastSubmitError: null,
    cancelledActions: [],
    checkRunId: null,
    acknowledged: false,
    version: 1,
    publishedVersion: 0,
    updatedAt: 0,
    ...fields,
  };
}

function job(action: string, status: string, statusCode: string, statusMessage = ""): JobRecord {
  return {
    identifier: `${action.slice(0, 4)}aaaaaaaaaaaa`,
    action,
    runCommand: "python:v2 x.py",
    status,
    statusCode,
    statusMessage,
    createdAt: null,
    updatedAt: null,
    startedAt: null,
    completedAt: null,
  };
}

const PAGE = "https://trestle.example.org/job-requests/abcdefghijklmnop";

describe("the job request's check run", () => {
  it("is queued while the backend has not taken it, with a Cancel button", () => {
    const check = renderJobRequestCheck(
      request({
        submission: "waiting",
        lastSubmitError: "the backend test could not be reached",
        submitAttempts: 2,
      }),
      [],
      PAGE,
    );
    expect(check).toMatchObject({
      name: "Job request abcdefghijklmnop (test)",
      status: "queued",
      conclusion: null,
      title: "Waiting for the backend test",
      detailsUrl: PAGE,
      externalId: "trestle:job-request:abcdefghijklmnop",
      actions: [{ label: "Cancel", identifier: "cancel" }],
    });
    expect(check.summary).toContain(
      "the backend test could not be reached; 2 attempts so far. Trestle keeps trying.",
    );
    expect(check.summary).toContain(`[Job request abcdefghijklmnop](${PAGE})`);
  });

  it("is in progress while jobs run, listing them", () => {
    const check = renderJobRequestCheck(
      request({ status: "running" }),
      [
        job("make_safe", "succeeded", "succeeded", "Completed successfully"),
        job("render_report", "running", "executing"),
      ],
      PAGE,
    );
    expect(check).toMatchObject({
      status: "in_progress",
      conclusion: null,
      title: "Running: 1 of 2 jobs finished",
    });
    expect(check.text).toContain(
      "| `make_safe` | succeeded | `succeeded` | Completed successfully | `makeaaaaaaaaaaaa` |",
    );
  });

  it("ends as success, failure, neutral or cancelled, with a Run again button", () => {
    const jobs = [job("render_report", "succeeded", "succeeded")];
    expect(renderJobRequestCheck(request({ status: "succeeded" }), jobs, PAGE)).toMatchObject({
      status: "completed",
      conclusion: "success",
      title: "Succeeded: 1 job",
      actions: [{ label: "Run again", identifier: "rerun" }],
    });
    const failed = renderJobRequestCheck(
      request({ status: "failed", statusMessage: "Failed due to job failure" }),
      [job("make_safe", "failed", "nonzero_exit", "Job exited with an error | code 1")],
      PAGE,
    );
    expect(failed).toMatchObject({ conclusion: "failure", title: "Failed: 1 of 1 jobs failed" });
    expect(failed.text).toContain("Job exited with an error \\| code 1");
    expect(failed.summary).toContain("Failed due to job failure");
    expect(renderJobRequestCheck(request({ status: "nothing_to_do" }), [], PAGE)).toMatchObject({
      conclusion: "neutral",
      title: "Nothing to do",
    });
    expect(
      renderJobRequestCheck(request({ submission: "withdrawn", status: "failed" }), [], null),
    ).toMatchObject({ conclusion: "cancelled", detailsUrl: null });
    expect(
      renderJobRequestCheck(request({ submission: "rejected", status: "failed" }), [], PAGE),
    ).toMatchObject({
      conclusion: "failure",
      title: "Failed",
    });
  });

  it("keeps its text within GitHub's limit however many jobs there are", () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      job(`action_${i}_${"x".repeat(60)}`, "pending", "created", "y".repeat(300)),
    );
    const check = renderJobRequestCheck(request(), many, PAGE);
    expect(check.text.length).toBeLessThan(65_535);
    expect(check.text).toMatch(/…and \d+ more jobs\./);
  });

  it("is known again by its external id", () => {
    expect(jobRequestIdFromExternal("trestle:job-request:abcdefghijklmnop")).toBe("abcdefghijklmnop");
    expect(jobRequestIdFromExternal("trestle:project")).toBeNull();
    expect(jobRequestIdFromExternal("trestle:job-request:../../x")).toBeNull();
    expect(jobRequestIdFromExternal(null)).toBeNull();
  });
});

describe("the job-requests section of the comment", () => {
  const page = (id: string) => `https://trestle.example.org/job-requests/${id}`;

  it("lists the requests with their status, linked to their pages", () => {
    const section = renderJobRequestsSection(
      [
        request({ status: "succeeded", requestedActions: ["render_report"] }),
        request({
          id: "qrstuvwxyz234567",
          submission: "waiting",
          requestedActions: ["a|b"],
          requestedBy: "alice",
        }),
      ],
      page,
    );
    expect(section.startsWith(`${SECTION_START}\n#### Job requests\n`)).toBe(true);
    expect(section.endsWith(`${SECTION_END}\n`)).toBe(true);
    expect(section).toContain(
      "| [`abcdefghijklmnop`](https://trestle.example.org/job-requests/abcdefghijklmnop) | `render_report` | `test` | `0123456` | @researcher | ✅ Succeeded |",
    );
    expect(section).toContain("| `a\\|b` |");
    expect(section).toContain("⏳ Pending (waiting for the backend)");
    expect(renderJobRequestsSection([], page)).toBe("");
  });

  it("stays within its budget, counting what it leaves out", () => {
    const many = Array.from({ length: 40 }, () =>
      request({
        requestedActions: Array.from({ length: 9 }, (_, i) => `${"n".repeat(90)}${i}`),
        statusMessage: "m".repeat(500),
      }),
    );
    const section = renderJobRequestsSection(many, page);
    expect(section.length).toBeLessThan(8_500);
    expect(section).toMatch(/…and \d+ older job requests\./);
  });

  it("goes before the comment's footer, and is replaced or removed in place", () => {
    const body =
      "<!-- trestle:pull-request -->\n### ✅ valid\n\ntext\n\n<sub>Trestle keeps this comment up to date.</sub>\n";
    const first = spliceJobRequestsSection(body, `${SECTION_START}\nONE\n${SECTION_END}\n`);
    expect(first).toBe(
      `<!-- trestle:pull-request -->\n### ✅ valid\n\ntext\n\n${SECTION_START}\nONE\n${SECTION_END}\n\n<sub>Trestle keeps this comment up to date.</sub>\n`,
    );
    const second = spliceJobRequestsSection(first, `${SECTION_START}\nTWO\n${SECTION_END}\n`);
    expect(second).toBe(first.replace("ONE", "TWO"));
    expect(spliceJobRequestsSection(second, "")).toBe(body);
    expect(spliceJobRequestsSection("no footer", "S\n")).toBe("no footer\n\nS\n");
    expect(spliceJobRequestsSection(body, "")).toBe(body);
  });
});
