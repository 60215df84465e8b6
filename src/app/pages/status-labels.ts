// How statuses read to people, on the page, in the check run and in the pull-request comment.
import type { JobRequestStatus } from "../../rap/index.ts";

export const REQUEST_STATUS_LABELS: Record<JobRequestStatus, string> = {
  pending: "Pending",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  nothing_to_do: "Nothing to do",
  unknown: "Unknown",
  unknown_error_creating_jobs: "Unknown error creating jobs",
};

export const REQUEST_STATUS_EMOJI: Record<JobRequestStatus, string> = {
  pending: "⏳",
  running: "🏃",
  succeeded: "✅",
  failed: "❌",
  nothing_to_do: "➖",
  unknown: "❔",
  unknown_error_creating_jobs: "❔",
};

export function jobStatusLabel(status: string): string {
  const lower = status.toLowerCase();
  return lower === "" ? "Pending" : `${lower[0]!.toUpperCase()}${lower.slice(1)}`;
}
