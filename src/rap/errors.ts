// Errors of the RAP client: small classes with `cause`. A token must never reach a log, so every
// message, and the message of every cause, passes through `redact` before it is stored.

export const REDACTED = "[REDACTED]";

/** Replaces every occurrence of each secret in `text`. Secrets shorter than 4 characters are ignored. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** A copy of an error that keeps its name, message and (errno) code, with the secrets removed. */
function redactedCause(cause: unknown, secrets: readonly string[]): Error | undefined {
  if (cause === undefined) return undefined;
  const source = cause instanceof Error ? cause : new Error(String(cause));
  const copy = new Error(redact(source.message, secrets));
  copy.name = source.name;
  // fetch reports a refused connection as a TypeError whose own cause carries the errno code.
  const nested = (source as { cause?: { code?: unknown } }).cause;
  const code = (source as { code?: unknown }).code ?? nested?.code;
  if (typeof code === "string") (copy as Error & { code?: string }).code = code;
  return copy;
}

export class RapClientError extends Error {
  override name = "RapClientError";
  constructor(message: string, options: { cause?: unknown; secrets?: readonly string[] } = {}) {
    const secrets = options.secrets ?? [];
    const cause = redactedCause(options.cause, secrets);
    super(redact(message, secrets), cause === undefined ? undefined : { cause });
  }
}

/** The request never got an HTTP answer: connection refused, reset, DNS failure. */
export class RapNetworkError extends RapClientError {
  override name = "RapNetworkError";
}

/** No answer within the client's timeout. */
export class RapTimeoutError extends RapClientError {
  override name = "RapTimeoutError";
}

/** An answer that is not part of the contract: a 5xx, a body that is not JSON or does not fit its schema. */
export class RapResponseError extends RapClientError {
  override name = "RapResponseError";
  constructor(
    message: string,
    readonly status: number,
    options: { cause?: unknown; secrets?: readonly string[] } = {},
  ) {
    super(message, options);
  }
}
