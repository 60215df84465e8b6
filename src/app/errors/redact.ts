// Tokens must never reach logs or error messages: installation tokens (ghs_), user and OAuth tokens
// (ghp_, gho_, ghu_, github_pat_), app JWTs and Authorization header values are replaced wherever they
// appear in text.
const PATTERNS: readonly RegExp[] = [
  /\b(?:ghs|ghp|gho|ghu|ghr)_[A-Za-z0-9_]{8,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{8,}/g,
  /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g,
  /\b((?:token|bearer)\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
];

export function redact(text: string): string {
  let out = text;
  for (const pattern of PATTERNS) {
    out = out.replace(pattern, (match, prefix: unknown) =>
      typeof prefix === "string" && match.startsWith(prefix) ? `${prefix}[REDACTED]` : "[REDACTED]",
    );
  }
  return out;
}
