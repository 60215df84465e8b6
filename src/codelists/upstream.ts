// The freshness check against OpenCodelists. It is advisory: when the service cannot be reached, or
// answers with something unusable, the local result stands and the check still succeeds.
import type { CodelistsMessage } from "./messages.ts";
import { withUpdatePrompt } from "./messages.ts";

export interface UpstreamOptions {
  readonly baseUrl: string;
  readonly fetch: typeof fetch;
  /** On CI, codelists that are out of date upstream are reported but do not fail (reference). */
  readonly inCi: boolean;
  readonly timeoutMs: number;
  readonly userAgent: string;
}

export interface UpstreamResult {
  readonly failed: boolean;
  readonly message: CodelistsMessage;
}

interface CheckResponse {
  status?: unknown;
  data?: { error?: unknown; added?: unknown; removed?: unknown; changed?: unknown };
}

export async function checkUpstream(
  codelistsText: string,
  manifestText: string,
  options: UpstreamOptions,
): Promise<UpstreamResult> {
  const unreachable = (): UpstreamResult => ({
    failed: false,
    message: {
      level: "warning",
      text: `Local codelists OK; could not contact ${options.baseUrl} for upstream check, try again later`,
    },
  });
  let body: CheckResponse;
  try {
    const response = await options.fetch(`${options.baseUrl}/api/v1/check/`, {
      method: "POST",
      headers: { "user-agent": options.userAgent },
      body: new URLSearchParams({ codelists: codelistsText, manifest: manifestText }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (!response.ok) return unreachable();
    body = (await response.json()) as CheckResponse;
  } catch {
    // Connection refused, DNS failure, timeout, or a body that is not JSON: all mean "no answer".
    return unreachable();
  }
  if (body === null || typeof body !== "object") return unreachable();
  if (body.status !== "error") {
    return body.status === "ok"
      ? { failed: false, message: { level: "info", text: "Codelists OK" } }
      : unreachable();
  }
  const data = body.data ?? {};
  let text: string;
  if (data.error !== undefined) {
    text = `Error checking upstream codelists: ${String(data.error)}\n`;
  } else if (nonEmpty(data.added) || nonEmpty(data.removed)) {
    text = "Codelists have been added or removed\n\nFor details, run:\n\n  opensafely codelists check\n";
  } else {
    const changed = Array.isArray(data.changed) ? data.changed.map(String) : [];
    text = `Some codelists are out of date\nCodelists affected:\n  ${changed.join("\n  ")}\n`;
  }
  if (options.inCi) return { failed: false, message: { level: "warning", text } };
  return { failed: true, message: { level: "error", text: withUpdatePrompt(text) } };
}

function nonEmpty(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}
