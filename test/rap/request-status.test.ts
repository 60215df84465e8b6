import { describe, expect, it } from "vitest";
import {
  deriveJobRequestStatus,
  FAILED_DUE_TO_JOB_FAILURE,
  formatRuntime,
  jobRequestRuntimeSeconds,
  type StoredRequestStatus,
} from "../../src/rap/index.ts";

const pending: StoredRequestStatus = { status: "pending", message: null };

describe("deriveJobRequestStatus (job-server's jobs_status)", () => {
  it("keeps a terminal stored status whatever the jobs say", () => {
    for (const status of ["failed", "succeeded", "nothing_to_do"] as const) {
      const stored = { status, message: "kept" };
      expect(deriveJobRequestStatus(stored, ["running", "pending"])).toBe(stored);
    }
  });

  it("keeps the stored status when there are no jobs", () => {
    expect(deriveJobRequestStatus(pending, [])).toBe(pending);
    const unknownError: StoredRequestStatus = { status: "unknown_error_creating_jobs", message: "x" };
    expect(deriveJobRequestStatus(unknownError, [])).toBe(unknownError);
  });

  it("uses the one status all jobs share, lower-cased", () => {
    expect(deriveJobRequestStatus(pending, ["succeeded", "succeeded"])).toEqual({
      status: "succeeded",
      message: null,
    });
    expect(deriveJobRequestStatus(pending, ["Succeeded", "SUCCEEDED"]).status).toBe("succeeded");
    expect(deriveJobRequestStatus(pending, ["running", "running"]).status).toBe("running");
  });

  it("says why when every job failed", () => {
    expect(deriveJobRequestStatus(pending, ["failed", "Failed"])).toEqual({
      status: "failed",
      message: FAILED_DUE_TO_JOB_FAILURE,
    });
  });

  it("treats blank statuses as pending and unrecognised ones as unknown", () => {
    const running: StoredRequestStatus = { status: "running", message: null };
    expect(deriveJobRequestStatus(running, ["", null, undefined]).status).toBe("pending");
    expect(deriveJobRequestStatus(pending, ["0", "0"]).status).toBe("unknown");
  });

  it("applies running > pending (= running) > failed > unknown to a mix", () => {
    expect(deriveJobRequestStatus(pending, ["succeeded", "running", "failed"]).status).toBe("running");
    expect(deriveJobRequestStatus(pending, ["succeeded", "pending"]).status).toBe("running");
    expect(deriveJobRequestStatus(pending, ["failed", "pending"]).status).toBe("running");
    expect(deriveJobRequestStatus(pending, ["succeeded", "failed"])).toEqual({
      status: "failed",
      message: FAILED_DUE_TO_JOB_FAILURE,
    });
    expect(deriveJobRequestStatus(pending, ["succeeded", "weird"]).status).toBe("unknown");
  });

  it("keeps the stored message when the status does not change", () => {
    const stored: StoredRequestStatus = { status: "running", message: "earlier" };
    expect(deriveJobRequestStatus(stored, ["running", "pending"])).toBe(stored);
  });
});

describe("runtime", () => {
  const job = (status: string, started: string | null, completed: string | null) => ({
    status,
    started_at: started,
    completed_at: completed,
  });

  it("sums completed jobs' own runtimes rather than first start to last finish", () => {
    const jobs = [
      job("succeeded", "2026-01-01T10:00:00Z", "2026-01-01T10:00:30Z"),
      job("failed", "2026-01-01T11:00:00Z", "2026-01-01T11:01:00Z"),
    ];
    expect(jobRequestRuntimeSeconds(jobs)).toBe(90);
  });

  it("counts running jobs, missing times and backwards times as zero", () => {
    const jobs = [
      job("running", "2026-01-01T10:00:00Z", null),
      job("succeeded", null, "2026-01-01T10:00:30Z"),
      job("succeeded", "2026-01-01T10:00:30Z", "2026-01-01T10:00:00Z"),
      job("pending", "2026-01-01T10:00:00Z", "2026-01-01T12:00:00Z"),
    ];
    expect(jobRequestRuntimeSeconds(jobs)).toBe(0);
  });

  it("formats as HH:MM:SS, or - for zero", () => {
    expect(formatRuntime(0)).toBe("-");
    expect(formatRuntime(0.9)).toBe("-");
    expect(formatRuntime(90)).toBe("00:01:30");
    expect(formatRuntime(3 * 3600 + 5)).toBe("03:00:05");
    expect(formatRuntime(100 * 3600)).toBe("100:00:00");
  });
});
