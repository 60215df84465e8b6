import { AppError } from "./app-error.ts";
import { redact } from "./redact.ts";

/**
 * A GitHub API call that failed in a way the App cannot turn into a user-facing result. The request's
 * method, route and status are kept; its headers (which hold the installation token) are not.
 */
export class GitHubApiError extends AppError {
  override name = "GitHubApiError";
  readonly apiStatus: number | null;

  constructor(action: string, cause: unknown) {
    const status = statusOf(cause);
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(
      `GitHub API call failed while trying to ${action}${status === null ? "" : ` (HTTP ${status})`}: ${detail}`,
      {
        status: 502,
        cause: sanitize(cause),
      },
    );
    this.apiStatus = status;
  }
}

export function statusOf(error: unknown): number | null {
  const status =
    typeof error === "object" && error !== null ? (error as { status?: unknown }).status : undefined;
  return typeof status === "number" ? status : null;
}

/** A copy of the cause without request/response objects, which may carry Authorization headers. */
function sanitize(cause: unknown): unknown {
  if (!(cause instanceof Error)) return cause;
  const copy = new Error(redact(cause.message));
  copy.name = cause.name;
  return copy;
}
