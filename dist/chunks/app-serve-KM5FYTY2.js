#!/usr/bin/env node
import {
  RapClient,
  RapClientError,
  deriveJobRequestStatus,
  formatRuntime,
  isCompletedRequestStatus,
  isJobRequestStatus,
  jobRequestRuntimeSeconds,
  newRapId,
  openSqlite,
  untilStopSignal
} from "./chunk-XQ7QCEBR.js";
import {
  RUN_ALL,
  buildGraph,
  count,
  downstream,
  formatVerdict,
  loadPipeline,
  renderMermaid,
  sortedIssues,
  textIssue,
  thousands,
  writeStderr
} from "./chunk-RPOEXDFF.js";
import {
  EXIT_OK,
  EXIT_USAGE
} from "./chunk-LRK5QGZ7.js";

// src/app/app-env.ts
import { createProbot } from "probot";

// src/app/github/keep-alive-fetch.ts
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
var REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var NO_BODY = /* @__PURE__ */ new Set([101, 204, 205, 304]);
function createKeepAliveFetch(options = {}) {
  const maxSockets = options.maxSockets ?? 64;
  const http = new HttpAgent({ keepAlive: true, maxSockets });
  const https = new HttpsAgent({ keepAlive: true, maxSockets, ...options.ca ? { ca: options.ca } : {} });
  const timeoutMs = options.timeoutMs ?? 6e4;
  const maxRedirects = options.maxRedirects ?? 5;
  return async function keepAliveFetch2(input, init = {}) {
    if (input instanceof Request) throw new TypeError("keepAliveFetch takes a URL, not a Request");
    let url = new URL(input);
    let method = (init.method ?? "GET").toUpperCase();
    let body = toBuffer(init.body);
    const headers = Object.fromEntries(new Headers(init.headers));
    for (let hop = 0; ; hop++) {
      const res = await send(url, method, headers, body, init.signal ?? null);
      const location = res.headers.location;
      if (!REDIRECTS.has(res.statusCode ?? 0) || location === void 0 || init.redirect === "manual") {
        return toResponse(res, url, method, hop > 0, init.signal ?? null);
      }
      res.resume();
      if (init.redirect === "error" || hop >= maxRedirects) {
        throw new TypeError("fetch failed", {
          cause: new Error(`too many redirects (or redirects refused) at ${url}`)
        });
      }
      const next = new URL(location, url);
      if (next.origin !== url.origin) delete headers.authorization;
      if (res.statusCode === 303 || (res.statusCode === 301 || res.statusCode === 302) && method === "POST") {
        method = "GET";
        body = void 0;
        delete headers["content-type"];
        delete headers["content-length"];
      }
      url = next;
    }
  };
  function send(url, method, headers, body, signal, mayRetry = true) {
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      return Promise.reject(
        new TypeError("fetch failed", { cause: new Error(`unsupported protocol ${url.protocol}`) })
      );
    }
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise((resolve, reject) => {
      const request = url.protocol === "https:" ? httpsRequest : httpRequest;
      const req = request(url, {
        method,
        headers: body === void 0 ? headers : { ...headers, "content-length": String(body.length) },
        agent: url.protocol === "https:" ? https : http,
        timeout: timeoutMs
      });
      const onAbort = () => req.destroy(abortError(signal));
      signal?.addEventListener("abort", onAbort, { once: true });
      req.on("timeout", () => req.destroy(new Error(`no response from ${url.host} within ${timeoutMs} ms`)));
      req.on("response", (res) => {
        signal?.removeEventListener("abort", onAbort);
        resolve(res);
      });
      req.on("error", (error) => {
        signal?.removeEventListener("abort", onAbort);
        if (mayRetry && req.reusedSocket && error.code === "ECONNRESET") {
          send(url, method, headers, body, signal, false).then(resolve, reject);
          return;
        }
        reject(error.name === "AbortError" ? error : new TypeError("fetch failed", { cause: error }));
      });
      req.end(body);
    });
  }
  function toResponse(res, url, method, redirected, signal) {
    return new Promise((resolve, reject) => {
      const chunks = [];
      const onAbort = () => res.destroy(abortError(signal));
      signal?.addEventListener("abort", onAbort, { once: true });
      res.setTimeout(timeoutMs, () => res.destroy(new Error(`the response from ${url.host} stalled`)));
      res.on("data", (chunk) => chunks.push(chunk));
      res.on(
        "error",
        (error) => reject(error.name === "AbortError" ? error : new TypeError("fetch failed", { cause: error }))
      );
      res.on(
        "aborted",
        () => reject(new TypeError("fetch failed", { cause: new Error("the connection closed mid-response") }))
      );
      res.on("end", () => {
        signal?.removeEventListener("abort", onAbort);
        const status = res.statusCode ?? 500;
        const headers = new Headers();
        for (const [name2, value] of Object.entries(res.headers)) {
          if (Array.isArray(value)) for (const v of value) headers.append(name2, v);
          else if (value !== void 0) headers.set(name2, value);
        }
        const body = NO_BODY.has(status) || method === "HEAD" ? null : Buffer.concat(chunks);
        const response = new Response(body, { status, statusText: res.statusMessage ?? "", headers });
        Object.defineProperties(response, { url: { value: url.href }, redirected: { value: redirected } });
        resolve(response);
      });
    });
  }
}
function toBuffer(body) {
  if (body === void 0 || body === null) return void 0;
  if (typeof body === "string") return Buffer.from(body, "utf8");
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  throw new TypeError("keepAliveFetch sends string or byte bodies only");
}
function abortError(signal) {
  const reason = signal.reason;
  if (reason instanceof Error && reason.name === "AbortError") return reason;
  return new DOMException("This operation was aborted", "AbortError");
}
var keepAliveFetch = createKeepAliveFetch();

// src/app/server.ts
import { createServer } from "node:http";
import { createNodeMiddleware } from "probot";

// src/app/errors/redact.ts
var PATTERNS = [
  /\b(?:ghs|ghp|gho|ghu|ghr)_[A-Za-z0-9_]{8,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{8,}/g,
  /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g,
  /\b((?:token|bearer)\s+)[A-Za-z0-9._~+/=-]{8,}/gi
];
function redact(text) {
  let out = text;
  for (const pattern of PATTERNS) {
    out = out.replace(
      pattern,
      (match, prefix) => typeof prefix === "string" && match.startsWith(prefix) ? `${prefix}[REDACTED]` : "[REDACTED]"
    );
  }
  return out;
}

// src/app/errors/app-error.ts
var AppError = class extends Error {
  name = "AppError";
  /** The status the webhook endpoint answers with when this error ends a delivery. */
  status;
  constructor(message, options = {}) {
    super(redact(message), options.cause === void 0 ? void 0 : { cause: options.cause });
    this.status = options.status ?? 500;
  }
};

// src/app/server.ts
var MAX_BODY_BYTES = 25 * 1024 * 1024;
var DEFAULT_WEBHOOK_PATH = "/api/github/webhooks";
var HEALTH_PATH = "/healthz";
async function startAppServer(options) {
  const webhookPath = options.webhookPath ?? DEFAULT_WEBHOOK_PATH;
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const middleware = await createNodeMiddleware(options.app, {
    probot: options.probot,
    webhooksPath: webhookPath
  });
  const server = createServer((req, res) => {
    void route(req, res).catch((error) => {
      options.probot.log.error({ err: error }, "request failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "internal error" }));
    });
  });
  async function route(req, res) {
    const path = (req.url ?? "/").split("?")[0];
    if (path === HEALTH_PATH && (req.method === "GET" || req.method === "HEAD")) {
      res.writeHead(200, { "content-type": "application/json" }).end(req.method === "HEAD" ? void 0 : '{"status":"ok"}');
      return;
    }
    if (options.routes?.(req, res) === true) return;
    if (path === webhookPath && req.method === "POST") {
      const body = await readBody(req, maxBody);
      if (body === null) {
        res.writeHead(413, { "content-type": "application/json", connection: "close" });
        res.end(JSON.stringify({ error: `Request body is larger than ${maxBody} bytes` }));
        return;
      }
      req.body = body;
    }
    await middleware(req, res, () => {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "Not found" }));
    });
  }
  await listen(server, options.port, options.host);
  const address = server.address();
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  return {
    url,
    webhookUrl: `${url}${webhookPath}`,
    close: () => close(server)
  };
}
function readBody(req, max) {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > max) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk) => {
      if (over) return;
      size += chunk.length;
      if (size > max) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!over) resolve(new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks)));
    });
    req.on("error", reject);
  });
}
function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      const reason = error.code === "EADDRINUSE" ? `port ${port} is already in use` : error.message;
      reject(new AppError(`Cannot listen on ${host}:${port}: ${reason}`, { cause: error }));
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}
function close(server, graceMs = 1e4) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

// src/app/app-env.ts
async function appConfigFromEnv(env, overrides = {}) {
  const problems = [];
  const appId = Number(env.APP_ID);
  if (!env.APP_ID || !Number.isSafeInteger(appId) || appId <= 0) {
    problems.push("APP_ID must be set to the GitHub App's numeric id (shown on the App's settings page).");
  }
  if (!env.WEBHOOK_SECRET) {
    problems.push("WEBHOOK_SECRET must be set to the webhook secret entered when the App was registered.");
  }
  const port = env.PORT === void 0 || env.PORT === "" ? 3e3 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be a port number from 0 to 65535, got ${JSON.stringify(env.PORT)}.`);
  }
  const webhookPath = env.WEBHOOK_PATH || DEFAULT_WEBHOOK_PATH;
  if (!webhookPath.startsWith("/"))
    problems.push(`WEBHOOK_PATH must start with "/", got ${JSON.stringify(webhookPath)}.`);
  if (problems.length > 0) return { ok: false, problems };
  let probot;
  try {
    probot = createProbot({
      env: { LOG_LEVEL: "info", ...env },
      overrides: { request: { fetch: keepAliveFetch }, ...overrides }
    });
  } catch (error) {
    return { ok: false, problems: [keyProblem(error, env)] };
  }
  try {
    const octokit = await probot.auth();
    await octokit.auth({ type: "app" });
  } catch (error) {
    return { ok: false, problems: [keyProblem(error, env)] };
  }
  return { ok: true, config: { appId, port, host: env.HOST || "localhost", webhookPath, probot } };
}
function keyProblem(error, env) {
  const message = error instanceof Error ? error.message : String(error);
  if (/privateKey option is required/i.test(message)) {
    if (env.PRIVATE_KEY)
      return "PRIVATE_KEY is set but is not a PEM private key (nor one encoded in base64).";
    if (env.PRIVATE_KEY_PATH)
      return `PRIVATE_KEY_PATH is set but ${JSON.stringify(env.PRIVATE_KEY_PATH)} cannot be read.`;
    return "PRIVATE_KEY (the key's PEM text, or it base64-encoded) or PRIVATE_KEY_PATH (a .pem file) must be set.";
  }
  return `The App's private key cannot be used: ${message.replace(/^\[[^\]]+\]\s*/, "")}`;
}

// src/app/analysis/file-cache.ts
var COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
var FileCache = class {
  #entries = /* @__PURE__ */ new Map();
  #maxBytes;
  #bytes = 0;
  constructor(maxBytes = 64 * 1024 * 1024) {
    this.#maxBytes = maxBytes;
  }
  static key(repo, ref, path) {
    return COMMIT_ID.test(ref) ? `${repo.toLowerCase()}@${ref}:${path}` : null;
  }
  get(key) {
    const hit = this.#entries.get(key);
    if (hit !== void 0) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
    }
    return hit;
  }
  set(key, file) {
    const size = sizeOf(file);
    if (size > this.#maxBytes / 4) return;
    const old = this.#entries.get(key);
    if (old !== void 0) {
      this.#bytes -= sizeOf(old);
      this.#entries.delete(key);
    }
    this.#entries.set(key, file);
    this.#bytes += size;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= sizeOf(entry);
    }
  }
  get size() {
    return this.#entries.size;
  }
};
function sizeOf(file) {
  return (file.kind === "found" ? file.text.length * 2 : 0) + 200;
}

// src/app/analysis/load-cache.ts
import { createHash } from "node:crypto";
var LoadCache = class {
  #entries = /* @__PURE__ */ new Map();
  #capacity;
  constructor(capacity = 64) {
    this.#capacity = capacity;
  }
  load(text, filename) {
    const key = createHash("sha256").update(filename).update("\0").update(text).digest("hex");
    const hit = this.#entries.get(key);
    if (hit !== void 0) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    const result = loadPipeline(text);
    const loaded = { result, graph: result.pipeline === null ? null : buildGraph(result.pipeline) };
    this.#entries.set(key, loaded);
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== void 0) this.#entries.delete(oldest);
    }
    return loaded;
  }
  get size() {
    return this.#entries.size;
  }
};

// src/app/report/markdown.ts
var INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/gu;
var NAME_LENGTH = 100;
function visible(text) {
  return text.replace(INVISIBLE, picture);
}
function visibleLines(text) {
  return text.replace(/\r\n?/g, "\n").replace(INVISIBLE, (ch) => ch === "\n" ? ch : picture(ch));
}
function picture(ch) {
  const code2 = ch.codePointAt(0);
  if (code2 < 32) return String.fromCodePoint(9216 + code2);
  if (code2 === 127) return "\u2421";
  return `<U+${code2.toString(16).toUpperCase().padStart(4, "0")}>`;
}
function shorten(text, max) {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, Math.max(0, max - 1)).join("")}\u2026`;
}
function mdText(text) {
  return visible(text).replace(/[&<>]|[!-/:-@[-`{-~]/g, (ch) => {
    if (ch === "&") return "&amp;";
    if (ch === "<") return "&lt;";
    if (ch === ">") return "&gt;";
    return `\\${ch}`;
  });
}
function mdName(name2, inTable = false) {
  if (name2 === "") return '`""`';
  return codeSpan(shorten(visible(name2), NAME_LENGTH), inTable);
}
function codeSpan(text, inTable = false) {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const inner = inTable ? text.replaceAll("|", "\\|") : text;
  const pad = inner.startsWith("`") || inner.endsWith("`") ? " " : "";
  return `${fence}${pad}${inner}${pad}${fence}`;
}
function codeBlock(text, info = "") {
  const longest = Math.max(2, ...Array.from(text.matchAll(/`{3,}/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const body = text.endsWith("\n") ? text : `${text}
`;
  return `${fence}${info}
${body}${fence}
`;
}
function shellWord(word) {
  return /^[A-Za-z0-9_./:=-]+$/.test(word) ? word : `'${word.replaceAll("'", `'"'"'`)}'`;
}

// src/app/report/changes-table.ts
var AFFECTED_SHOWN = 5;
function changeCounts(changes) {
  const by = (kind) => changes.changes.filter((c) => c.kind === kind).length;
  const parts = [
    [by("added"), "added"],
    [by("changed"), "changed"],
    [by("removed"), "removed"],
    [changes.affected.length, "affected downstream"]
  ];
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${thousands(n)} ${what}`);
  return said.length === 0 ? "no actions changed" : said.join(" \xB7 ");
}
function renderChangesTable(changes, maxChars) {
  if (changes.changes.length === 0) return "No action was added, removed or changed.\n";
  const head = "| Action | Change | Affects downstream |\n|---|---|---|\n";
  const rows = changes.changes.map(row);
  let out = head;
  for (let i = 0; i < rows.length; i++) {
    const rest = rows.length - i - 1;
    const more = rest > 0 ? moreLine(rest) : "";
    if (out.length + rows[i].length + more.length > maxChars) return `${out}${moreLine(rows.length - i)}`;
    out += rows[i];
  }
  return out;
}
function row(change) {
  const what = change.kind === "changed" ? `changed: ${change.fields.join(", ")}` : change.kind;
  return `| ${mdName(change.name, true)} | ${what} | ${affectedCell(change.affected)} |
`;
}
function affectedCell(names) {
  if (names.length === 0) return "\u2014";
  const shown = names.slice(0, AFFECTED_SHOWN).map((n) => mdName(n, true));
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${thousands(rest)} more` : shown.join(", ");
}
function moreLine(n) {
  return `
\u2026and ${count(n, "more change")} not shown here.
`;
}

// src/app/report/issues-block.ts
function renderIssuesBlock(result, file, maxChars) {
  const lines = sortedIssues(result).map((issue) => textIssue(issue, file));
  const frame = codeBlock("").length + 100;
  let text = "";
  let shown = 0;
  for (const line of lines) {
    if (frame + text.length + line.length + 1 > maxChars) break;
    text += `${line}
`;
    shown++;
  }
  const block = codeBlock(text, "text");
  if (shown === lines.length) return block;
  const rest = lines.length - shown;
  return `${block}\u2026and ${count(rest, "more issue")}; run \`trestle check\` to see them all.
`;
}

// src/app/report/check-output.ts
var CHECK_TEXT_BUDGET = 6e4;
var MAX_ANNOTATIONS = 500;
var CHECK_EXTERNAL_ID = "trestle:project";
function renderCheckRun(report, name2, headSha) {
  const base = { name: name2, headSha, externalId: CHECK_EXTERNAL_ID };
  const file = codeSpan(report.path);
  switch (report.kind) {
    case "missing":
      return {
        ...base,
        conclusion: "neutral",
        title: `No ${report.path}`,
        summary: `There is no ${file} at this commit, so there is nothing to check.`,
        text: null,
        annotations: []
      };
    case "unreadable":
      return {
        ...base,
        conclusion: "failure",
        title: `${report.path} could not be read`,
        summary: report.problem.kind === "too-large" ? `${file} is ${count(report.problem.bytes, "byte")}, more than Trestle reads.` : `${file} is not a file (it is a directory or a submodule).`,
        text: null,
        annotations: []
      };
    case "invalid":
      return {
        ...base,
        conclusion: "failure",
        title: formatVerdict(report.result, report.path),
        summary: issueSummary(report.result, report.path),
        text: renderIssuesBlock(report.result, report.path, CHECK_TEXT_BUDGET),
        annotations: annotations(report.result, report.path)
      };
    case "valid": {
      let summary = `${file} is valid: ${count(report.pipeline.actions.size, "action")}`;
      if (report.changes !== null) summary += ` \xB7 ${changeCounts(report.changes)}`;
      summary += ".";
      let text = "";
      if (report.result.warnings.length > 0) {
        text += `${issueSummary(report.result, report.path)}

${renderIssuesBlock(report.result, report.path, 2e4)}`;
      }
      if (report.changes !== null && report.changes.changes.length > 0) {
        text += `
### Changes

${renderChangesTable(report.changes, CHECK_TEXT_BUDGET - text.length - 100)}`;
      }
      return {
        ...base,
        conclusion: "success",
        title: formatVerdict(report.result, report.path),
        summary,
        text: text === "" ? null : text,
        annotations: annotations(report.result, report.path)
      };
    }
  }
}
function issueSummary(result, path) {
  const parts = [];
  if (result.errors.length > 0) parts.push(count(result.errors.length, "error"));
  if (result.warnings.length > 0) parts.push(count(result.warnings.length, "warning"));
  const shown = Math.min(MAX_ANNOTATIONS, result.errors.length + result.warnings.length);
  const note = shown < result.errors.length + result.warnings.length ? ` The first ${shown} are marked on their lines; all are listed below.` : " Each is marked on its line and listed below.";
  return `${codeSpan(path)} has ${parts.join(" and ")}.${note}`;
}
function annotations(result, path) {
  const byLine = (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
  const issues = [...[...result.errors].sort(byLine), ...[...result.warnings].sort(byLine)];
  return issues.slice(0, MAX_ANNOTATIONS).map((issue) => toAnnotation(issue, path));
}
function toAnnotation(issue, path) {
  const line = issue.line ?? 1;
  return {
    path,
    startLine: line,
    endLine: line,
    ...issue.line !== null && issue.column !== null ? { startColumn: issue.column, endColumn: issue.column } : {},
    level: issue.severity === "error" ? "failure" : "warning",
    title: issue.severity === "error" ? `${path}: error` : `${path}: warning`,
    message: shorten(visibleLines(issue.message), 4e3)
  };
}

// src/app/github/check-run.ts
import { createHash as createHash2 } from "node:crypto";

// src/app/errors/github-api-error.ts
var GitHubApiError = class extends AppError {
  name = "GitHubApiError";
  apiStatus;
  constructor(action, cause) {
    const status = statusOf(cause);
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(
      `GitHub API call failed while trying to ${action}${status === null ? "" : ` (HTTP ${status})`}: ${detail}`,
      {
        status: 502,
        cause: sanitize(cause)
      }
    );
    this.apiStatus = status;
  }
};
function statusOf(error) {
  const status = typeof error === "object" && error !== null ? error.status : void 0;
  return typeof status === "number" ? status : null;
}
function sanitize(cause) {
  if (!(cause instanceof Error)) return cause;
  const copy = new Error(redact(cause.message));
  copy.name = cause.name;
  return copy;
}

// src/app/github/check-run.ts
var ANNOTATIONS_PER_REQUEST = 50;
async function publishCheckRun(octokit, repo, report, options) {
  const fingerprint = fingerprintOf(report);
  if (options.force !== true && options.previous?.fingerprint === fingerprint) {
    return { kind: "unchanged", run: options.previous };
  }
  const [first = [], ...rest] = batches(report.annotations);
  let id;
  try {
    const created = await octokit.rest.checks.create({
      ...repo,
      name: report.name,
      head_sha: report.headSha,
      status: "completed",
      conclusion: report.conclusion,
      external_id: report.externalId,
      output: { ...output(report), annotations: first.map(toApi) }
    });
    id = created.data.id;
  } catch (error) {
    throw new GitHubApiError(`create the check run on ${report.headSha}`, error);
  }
  for (const batch of rest) {
    try {
      await octokit.rest.checks.update({
        ...repo,
        check_run_id: id,
        output: { ...output(report), annotations: batch.map(toApi) }
      });
    } catch (error) {
      throw new GitHubApiError(`add annotations to check run ${id}`, error);
    }
  }
  return { kind: "created", run: { id, fingerprint }, requests: 1 + rest.length };
}
function fingerprintOf(report) {
  return createHash2("sha256").update(JSON.stringify(report)).digest("base64url");
}
function output(report) {
  return report.text === null ? { title: report.title, summary: report.summary } : { title: report.title, summary: report.summary, text: report.text };
}
function batches(items) {
  const out = [];
  for (let i = 0; i < items.length; i += ANNOTATIONS_PER_REQUEST) {
    out.push(items.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  return out;
}
function toApi(a) {
  const oneLine = a.startLine === a.endLine && a.startColumn !== void 0;
  return {
    path: a.path,
    start_line: a.startLine,
    end_line: a.endLine,
    ...oneLine ? { start_column: a.startColumn, end_column: a.endColumn ?? a.startColumn } : {},
    annotation_level: a.level,
    title: a.title,
    message: a.message
  };
}

// src/app/handlers/publish-check.ts
async function publishCheck(deps, report, force = false) {
  const key = { repo: deps.repo, sha: report.headSha, name: report.name };
  const previous = await deps.store.getCheckRun(key);
  const outcome = await publishCheckRun(deps.octokit, deps.repo, report, { previous, force });
  if (outcome.kind === "created") await deps.store.setCheckRun(key, outcome.run);
  return outcome.kind;
}

// src/app/settings/settings-schema.ts
import { z as z2 } from "zod";

// src/app/commands/command-settings.ts
import { z } from "zod";

// src/app/permissions/roles.ts
var ROLES = ["read", "triage", "write", "maintain", "admin"];
function isRole(value) {
  return ROLES.includes(value);
}
function roleOf(answer) {
  const name2 = (answer.role_name ?? "").toLowerCase();
  if (isRole(name2)) return name2;
  const p = answer.user?.permissions;
  if (p === void 0) return "none";
  if (p.admin === true) return "admin";
  if (p.maintain === true) return "maintain";
  if (p.push === true) return "write";
  if (p.triage === true) return "triage";
  if (p.pull === true) return "read";
  return "none";
}
function meetsRole(role, minimum) {
  return role !== "none" && ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

// src/app/commands/command-settings.ts
var login = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "must be a GitHub user name");
var team = z.string().regex(
  /^(?:[A-Za-z0-9][A-Za-z0-9-]{0,38}\/)?[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/,
  "must be team-slug or org/team-slug"
);
var backendSlug = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "must be a backend name");
var allowList = {
  /** Only these users may run jobs (besides members of `teams`); empty: no restriction. */
  users: z.array(login).max(1e3).default([]),
  /** Only members of these teams may run jobs (besides `users`); empty: no restriction. */
  teams: z.array(team).max(100).default([])
};
var commandsSettingsSchema = z.strictObject({
  /** Act on slash commands in pull-request comments. */
  enabled: z.boolean().default(true),
  /** The command word: `opensafely` makes `/opensafely run …`. */
  word: z.string().regex(
    /^[A-Za-z][A-Za-z0-9_-]{0,38}$/,
    "must be a word of letters, digits, - and _ (without the slash)"
  ).default("opensafely"),
  /** The lowest repository role that may run and cancel jobs. */
  minimum_role: z.enum(ROLES).default("write"),
  ...allowList,
  /** Allow runs on pull requests from forks (their code runs on the backend). */
  forks: z.boolean().default(false),
  /** Per-backend allow-lists, by backend name. */
  backends: z.record(backendSlug, z.strictObject(allowList)).refine((r) => Object.keys(r).length <= 100, "at most 100 backends").default({})
}).prefault({});
var template = z.string().min(1).max(200);
var jobRequestSettingsSchema = z.strictObject({
  /** The backend workspace job requests run in; outputs of earlier runs in it are reused. */
  workspace: template.default("{repo}-{branch}"),
  /** The project slug sent to the backend. */
  project: template.default("{repo}"),
  /** The organisation shown on the job request page and sent to the backend. */
  organisation: template.default("{owner}")
}).prefault({});
function fillTemplate(text, context, asWorkspace = false) {
  const filled = text.replaceAll("{owner}", context.owner).replaceAll("{repo}", context.repo).replaceAll("{branch}", context.branch).replaceAll("{pr}", String(context.pr));
  if (!asWorkspace) return filled.slice(0, 200);
  const clean = filled.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 200);
  return clean === "" ? "workspace" : clean;
}

// src/app/settings/settings-schema.ts
var SETTINGS_FILE = "opensafely.yml";
var SETTINGS_PATH = `.github/${SETTINGS_FILE}`;
var PROJECT_FILE = "project.yaml";
var settingsSchema = z2.strictObject({
  comment: z2.strictObject({
    /** Post (and keep up to date) one comment per pull request. */
    enabled: z2.boolean().default(true),
    /** Include the job graph as a Mermaid diagram. */
    graph: z2.boolean().default(true)
  }).prefault({}),
  checks: z2.strictObject({
    /** Report validity as a check run on each commit. */
    enabled: z2.boolean().default(true),
    /** The check run's name, as shown in the pull request's checks list. */
    name: z2.string().min(1).max(100).default("Trestle: project.yaml")
  }).prefault({}),
  /** Slash commands in pull-request comments: the word, and who may run jobs. */
  commands: commandsSettingsSchema,
  /** How job requests are named on the backend: workspace, project and organisation. */
  job_requests: jobRequestSettingsSchema
});
var DEFAULT_SETTINGS = settingsSchema.parse({});

// src/app/report/settings-check.ts
var SETTINGS_EXTERNAL_ID = "trestle:settings";
var MAX_PROBLEMS = 50;
function renderSettingsCheck(problems, headSha) {
  const listed = problems.slice(0, MAX_PROBLEMS).map((p) => shorten(visible(p), 500));
  if (problems.length > MAX_PROBLEMS)
    listed.push(`\u2026and ${count(problems.length - MAX_PROBLEMS, "more problem")}`);
  return {
    name: DEFAULT_SETTINGS.checks.name,
    headSha,
    conclusion: "failure",
    title: `${SETTINGS_PATH} is not valid`,
    summary: `Trestle reads its settings from ${codeSpan(SETTINGS_PATH)} on the default branch, and that file has ${count(problems.length, "problem")}. Nothing else was checked; fix the settings on the default branch and push again (or re-run this check).`,
    text: codeBlock(listed.join("\n"), "text"),
    annotations: [],
    externalId: SETTINGS_EXTERNAL_ID
  };
}

// src/app/handlers/report-settings-problem.ts
async function reportSettingsProblem(deps, problems, sha2, options = {}) {
  return { check: await publishCheck(deps, renderSettingsCheck(problems, sha2), options.forceCheck === true) };
}

// src/app/github/read-file.ts
async function readFileAt(octokit, repo, path, ref, maxBytes) {
  let data;
  try {
    const response = await octokit.rest.repos.getContent({
      ...repo,
      path,
      ref,
      mediaType: { format: "raw" }
    });
    data = response.data;
  } catch (error) {
    if (statusOf(error) === 404) return { kind: "missing" };
    throw new GitHubApiError(`read ${path} at ${ref}`, error);
  }
  if (typeof data !== "string") return { kind: "not-a-file" };
  const bytes = Buffer.byteLength(data, "utf8");
  if (bytes > maxBytes) return { kind: "too-large", bytes };
  return { kind: "found", text: data };
}

// src/app/settle.ts
async function settleAll(tasks) {
  const results = await Promise.allSettled(tasks);
  const failed = results.find((r) => r.status === "rejected");
  if (failed !== void 0) throw failed.reason;
  return results.map((r) => r.value);
}

// src/app/analysis/changes.ts
function compareProjects(base, head, headGraph) {
  const touched = /* @__PURE__ */ new Map();
  for (const name2 of headGraph.order) {
    const now = head.actions.get(name2);
    const before = base.actions.get(name2);
    if (before === void 0) {
      touched.set(name2, { name: name2, kind: "added", fields: [], affected: [] });
      continue;
    }
    const fields = changedFields(before, now);
    if (fields.length > 0) touched.set(name2, { name: name2, kind: "changed", fields, affected: [] });
  }
  const direct = new Set(touched.keys());
  const affected = downstream(headGraph, direct);
  const changes = [...touched.values()].map((change) => ({
    ...change,
    affected: downstream(headGraph, [change.name]).filter((n) => !direct.has(n))
  }));
  for (const name2 of base.actions.keys()) {
    if (!head.actions.has(name2)) changes.push({ name: name2, kind: "removed", fields: [], affected: [] });
  }
  const version = base.version === head.version ? null : { from: base.version, to: head.version };
  return { changes, affected, version };
}
function allAdded(headGraph) {
  return {
    changes: headGraph.order.map((name2) => ({ name: name2, kind: "added", fields: [], affected: [] })),
    affected: [],
    version: null
  };
}
function changedFields(before, now) {
  const fields = [];
  if (before.run.raw !== now.run.raw) fields.push("run");
  if (!sameSet(before.needs, now.needs)) fields.push("needs");
  if (canonical(before.outputs) !== canonical(now.outputs)) fields.push("outputs");
  if (canonical(before.config) !== canonical(now.config)) fields.push("config");
  if (before.dummyDataFile !== now.dummyDataFile) fields.push("dummy_data_file");
  return fields;
}
function sameSet(a, b) {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}
function canonical(value) {
  return JSON.stringify(value, (_key, v) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    return Object.fromEntries(
      Object.keys(v).sort().map((k) => [k, v[k]])
    );
  });
}

// src/app/analysis/analyse.ts
var MAX_PROJECT_BYTES = 8 * 1024 * 1024;
async function analyseProject(input) {
  const { path, cache } = input;
  const read2 = (sha2) => readCached(input, sha2);
  const [head, base] = await settleAll([
    read2(input.headSha),
    input.baseSha === null ? null : read2(input.baseSha)
  ]);
  if (head.kind === "missing") return { kind: "missing", path };
  if (head.kind !== "found") return { kind: "unreadable", path, problem: head };
  const loaded = cache.load(head.text, path);
  if (loaded.result.pipeline === null || loaded.graph === null) {
    return { kind: "invalid", path, result: loaded.result };
  }
  const pipeline2 = loaded.result.pipeline;
  const graph = loaded.graph;
  let baseState = { kind: "none" };
  let changes = null;
  if (base !== null) {
    if (base.kind === "missing") {
      baseState = { kind: "missing" };
      changes = allAdded(graph);
    } else if (base.kind !== "found") {
      baseState = { kind: "unreadable" };
    } else {
      const before = cache.load(base.text, path);
      if (before.result.pipeline === null) {
        baseState = { kind: "invalid" };
      } else {
        baseState = { kind: "valid" };
        changes = compareProjects(before.result.pipeline, pipeline2, graph);
      }
    }
  }
  return { kind: "valid", path, result: loaded.result, pipeline: pipeline2, graph, base: baseState, changes };
}
async function readCached(input, sha2) {
  const key = FileCache.key(`${input.repo.owner}/${input.repo.repo}`, sha2, input.path);
  const hit = key === null ? void 0 : input.files.get(key);
  if (hit !== void 0) return hit;
  const file = await readFileAt(input.octokit, input.repo, input.path, sha2, MAX_PROJECT_BYTES);
  if (key !== null) input.files.set(key, file);
  return file;
}

// src/app/handlers/settings-and-project.ts
function readSettingsAndProject(deps, headSha, baseSha) {
  return settleAll([
    deps.readSettings(),
    analyseProject({
      octokit: deps.octokit,
      repo: deps.repo,
      path: PROJECT_FILE,
      headSha,
      baseSha,
      cache: deps.cache,
      files: deps.files
    })
  ]);
}

// src/app/handlers/report-commit.ts
async function reportCommit(deps, commit, options = {}) {
  const [settings, report] = await readSettingsAndProject(deps, commit.sha, commit.baseSha);
  if (!settings.ok) {
    const check2 = await reportSettingsProblem(deps, settings.problems, commit.sha, options);
    return { settings: "invalid", check: check2.check };
  }
  if (!settings.settings.checks.enabled) return { settings: settings.source, check: "disabled" };
  const published = renderCheckRun(report, settings.settings.checks.name, commit.sha);
  const check = await publishCheck(deps, published, options.forceCheck === true);
  return { settings: settings.source, project: report.kind, check };
}

// src/app/github/pull-head.ts
async function readPullState(octokit, repo, number) {
  try {
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number });
    return data.state === "open" ? { kind: "open", headSha: data.head.sha } : { kind: "closed" };
  } catch (error) {
    if (statusOf(error) === 404) return { kind: "missing" };
    throw new GitHubApiError(`read pull request #${number}`, error);
  }
}

// src/app/github/sticky-comment.ts
import { createHash as createHash3 } from "node:crypto";
async function syncStickyComment(octokit, target, body, known) {
  if (!body.startsWith(target.marker)) throw new Error("a sticky comment body must start with its marker");
  const comment = { id: 0, bodyHash: hashBody(body) };
  if (known !== null) {
    if (known.bodyHash === comment.bodyHash) return { kind: "unchanged", comment: known };
    if (await edit(octokit, target, known.id, body))
      return { kind: "updated", comment: { ...comment, id: known.id } };
  }
  const existing = await find(octokit, target);
  if (existing === null) {
    try {
      const { data } = await octokit.rest.issues.createComment({
        ...target.repo,
        issue_number: target.issueNumber,
        body
      });
      return { kind: "created", comment: { ...comment, id: data.id } };
    } catch (error) {
      throw new GitHubApiError(`comment on #${target.issueNumber}`, error);
    }
  }
  if (hashBody(existing.body ?? "") === comment.bodyHash) {
    return { kind: "unchanged", comment: { ...comment, id: existing.id } };
  }
  if (!await edit(octokit, target, existing.id, body)) {
    throw new GitHubApiError(
      `edit comment ${existing.id} on #${target.issueNumber}`,
      new Error("it disappeared")
    );
  }
  return { kind: "updated", comment: { ...comment, id: existing.id } };
}
async function edit(octokit, target, id, body) {
  try {
    await octokit.rest.issues.updateComment({ ...target.repo, comment_id: id, body });
    return true;
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw new GitHubApiError(`edit comment ${id} on #${target.issueNumber}`, error);
  }
}
async function find(octokit, target) {
  try {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
      ...target.repo,
      issue_number: target.issueNumber,
      per_page: 100
    });
    for await (const page of pages) {
      const found = page.data.find((c) => isOurs(c, target));
      if (found !== void 0) return found;
    }
    return null;
  } catch (error) {
    throw new GitHubApiError(`list comments on #${target.issueNumber}`, error);
  }
}
function isOurs(comment, target) {
  return comment.performed_via_github_app?.id === target.appId && (comment.body ?? "").startsWith(target.marker);
}
function hashBody(body) {
  return createHash3("sha256").update(body.replace(/\r\n/g, "\n").trimEnd()).digest("base64url");
}

// src/app/pages/status-labels.ts
var REQUEST_STATUS_LABELS = {
  pending: "Pending",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  nothing_to_do: "Nothing to do",
  unknown: "Unknown",
  unknown_error_creating_jobs: "Unknown error creating jobs"
};
var REQUEST_STATUS_EMOJI = {
  pending: "\u23F3",
  running: "\u{1F3C3}",
  succeeded: "\u2705",
  failed: "\u274C",
  nothing_to_do: "\u2796",
  unknown: "\u2754",
  unknown_error_creating_jobs: "\u2754"
};
function jobStatusLabel(status) {
  const lower = status.toLowerCase();
  return lower === "" ? "Pending" : `${lower[0].toUpperCase()}${lower.slice(1)}`;
}

// src/app/job-requests/comment-section.ts
var SECTION_START = "<!-- trestle:job-requests -->";
var SECTION_END = "<!-- /trestle:job-requests -->";
var ROWS_SHOWN = 20;
var SECTION_BUDGET = 8e3;
var ACTIONS_SHOWN = 5;
function renderJobRequestsSection(requests, pageUrl, markers = true) {
  if (requests.length === 0) return "";
  const all = requests.slice(0, ROWS_SHOWN).map((r) => {
    const url = pageUrl(r.id);
    const id = url === null ? codeSpan(r.id, true) : `[${codeSpan(r.id, true)}](${url})`;
    const shown = r.requestedActions.slice(0, ACTIONS_SHOWN).map((a) => mdName(a, true));
    const more = r.requestedActions.length - shown.length;
    const actions = more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
    const status = `${REQUEST_STATUS_EMOJI[r.status]} ${REQUEST_STATUS_LABELS[r.status]}${r.submission === "waiting" ? " (waiting for the backend)" : ""}`;
    const message = r.statusMessage ? `: ${mdText(shorten(visible(r.statusMessage), 200))}` : "";
    return `| ${id} | ${actions} | ${codeSpan(r.backend, true)} | ${codeSpan(r.commit.slice(0, 7), true)} | @${r.requestedBy} | ${status}${message.replaceAll("|", "\\|")} |`;
  });
  const rows = [];
  let size = 400;
  for (const row2 of all) {
    size += row2.length + 1;
    if (size > SECTION_BUDGET) break;
    rows.push(row2);
  }
  const older = requests.length - rows.length;
  const table = [
    "| Job request | Actions | Backend | Commit | Requested by | Status |",
    "|---|---|---|---|---|---|",
    ...rows,
    ...older > 0 ? ["", `\u2026and ${older} older job request${older === 1 ? "" : "s"}.`] : []
  ].join("\n");
  return markers ? `${SECTION_START}
#### Job requests

${table}
${SECTION_END}
` : `${table}
`;
}
function spliceJobRequestsSection(body, section) {
  const start = body.indexOf(SECTION_START);
  const end = start === -1 ? -1 : body.indexOf(SECTION_END, start);
  if (start !== -1 && end !== -1) {
    let after = end + SECTION_END.length;
    if (body[after] === "\n") after += 1;
    const head = body.slice(0, start);
    const tail = body.slice(after);
    if (section !== "") return `${head}${section}${tail}`;
    return head.endsWith("\n\n") && tail.startsWith("\n") ? `${head}${tail.slice(1)}` : `${head}${tail}`;
  }
  if (section === "") return body;
  const footer = body.lastIndexOf("\n<sub>");
  if (footer === -1) return `${body.endsWith("\n") ? body : `${body}
`}
${section}`;
  return `${body.slice(0, footer + 1)}${section}
${body.slice(footer + 1)}`;
}

// src/app/report/comment-body.ts
var COMMENT_MARKER = "<!-- trestle:pull-request -->";
var COMMENT_BUDGET = 6e4;
var HINT_MAX_ACTIONS = 10;
function renderComment(report, options) {
  const budget = options.budget ?? COMMENT_BUDGET;
  const file = codeSpan(report.path);
  const footer = "\n<sub>Trestle keeps this comment up to date as the pull request changes.</sub>\n";
  let body;
  switch (report.kind) {
    case "missing":
      body = `### \u2139\uFE0F No ${file} in this pull request

There is no ${file} at the head of this branch, so there is no job graph to check. Once one is added, this comment shows whether it is valid and what it changes.
`;
      break;
    case "unreadable":
      body = `### \u274C ${file} could not be read

` + (report.problem.kind === "too-large" ? `It is ${count(report.problem.bytes, "byte")}, more than Trestle reads.
` : `${file} is not a file (it is a directory or a submodule).
`);
      break;
    case "invalid": {
      const head = `### \u274C ${file} is not valid

${count(report.result.errors.length, "error")}` + (report.result.warnings.length > 0 ? ` and ${count(report.result.warnings.length, "warning")}` : "") + (options.annotated ? ", each also marked on its line in the checks:\n\n" : ":\n\n");
      const tail = "\nRun `trestle check` locally to check it before you push.\n";
      const room = budget - COMMENT_MARKER.length - head.length - tail.length - footer.length - 2;
      body = head + renderIssuesBlock(report.result, report.path, room) + tail;
      break;
    }
    case "valid":
      body = validBody(report, options, budget - COMMENT_MARKER.length - footer.length - 2);
      break;
  }
  return `${COMMENT_MARKER}
${body}${footer}`;
}
function validBody(report, options, budget) {
  const file = codeSpan(report.path);
  const { changes } = report;
  let head = `### \u2705 ${file} is valid

${count(report.pipeline.actions.size, "action")}`;
  if (changes !== null) head += ` \xB7 ${changeCounts(changes)}`;
  head += "\n";
  if (changes?.version) {
    head += `
The project's version changed from ${changes.version.from} to ${changes.version.to}.
`;
  }
  if (report.base.kind === "missing") head += `
The base branch has no ${file}, so every action is new.
`;
  if (report.base.kind === "invalid")
    head += `
The base branch's ${file} is not valid, so changes cannot be shown.
`;
  if (report.base.kind === "unreadable")
    head += `
The base branch's ${file} cannot be read, so changes cannot be shown.
`;
  const hint = runHint(report, changes);
  let rest = budget - head.length - hint.length;
  let warnings = "";
  if (report.result.warnings.length > 0) {
    const summary = `<details>
<summary>${count(report.result.warnings.length, "warning")}</summary>

`;
    const room = Math.min(1e4, rest / 4) - summary.length - 20;
    warnings = `
${summary}${renderIssuesBlock(report.result, report.path, room)}
</details>
`;
    rest -= warnings.length;
  }
  let table = "";
  if (changes !== null) {
    const title = "\n#### What this pull request changes\n\n";
    table = title + renderChangesTable(changes, Math.min(2e4, rest / 2) - title.length);
    rest -= table.length;
  }
  const graph = options.showGraph ? graphSection(report, changes, rest) : "";
  return head + warnings + table + graph + hint;
}
function graphSection(report, changes, room) {
  const title = "\n#### Job graph\n\n";
  const classes = nodeClasses(changes);
  const legend = legendFor(classes);
  const space = room - title.length - legend.length;
  const whole = renderMermaid(report.pipeline, report.graph, { classes, maxChars: space });
  const touched = [...classes.keys()].filter((name2) => report.graph.needs.has(name2));
  if (isDiagram(whole) || touched.length === 0) return `${title}${whole}${isDiagram(whole) ? legend : ""}`;
  const edges = [...report.graph.needs.values()].reduce((sum, needs) => sum + needs.length, 0);
  const note = `The whole graph (${count(report.graph.nodes.length, "action")}, ${count(edges, "dependency", "dependencies")}) is more than GitHub draws here, so this shows the ${count(touched.length, "action")} the change touches.

`;
  const part = renderMermaid(report.pipeline, report.graph, {
    classes,
    only: touched,
    maxChars: space - note.length
  });
  return `${title}${note}${part}${isDiagram(part) ? legend : ""}`;
}
function isDiagram(markdown) {
  return markdown.startsWith("```mermaid");
}
function nodeClasses(changes) {
  const classes = /* @__PURE__ */ new Map();
  if (changes === null) return classes;
  for (const change of changes.changes) classes.set(change.name, change.kind);
  for (const name2 of changes.affected) classes.set(name2, "affected");
  return classes;
}
var LEGEND = [
  ["added", "\u{1F7E9} added"],
  ["changed", "\u{1F7E8} changed"],
  ["affected", "\u{1F7E6} affected (dashed)"],
  ["removed", "\u{1F7E5} removed (dashed, unconnected)"]
];
function legendFor(classes) {
  if (classes.size === 0) return "";
  const present = new Set(classes.values());
  return `
<sub>${LEGEND.filter(([c]) => present.has(c)).map(([, text]) => text).join(" \xB7 ")}</sub>
`;
}
function runHint(report, changes) {
  const touched = /* @__PURE__ */ new Set();
  for (const c of changes?.changes ?? []) if (c.kind !== "removed") touched.add(c.name);
  for (const name2 of changes?.affected ?? []) touched.add(name2);
  const names = report.graph.order.filter((n) => touched.has(n));
  const all = names.length === 0 || names.length > HINT_MAX_ACTIONS || names.some((n) => visible(n) !== n);
  const what = all ? "To run every action on dummy data on your machine:" : `To run the ${count(names.length, "action")} this changes or affects on dummy data on your machine:`;
  const args = all ? ["run_all"] : names.map(shellWord);
  return `
#### Running these actions

${what}

${codeBlock(`trestle run ${args.join(" ")}`, "sh")}
\`opensafely run\` takes the same arguments.
`;
}

// src/app/handlers/report-pull-request.ts
async function reportPullRequest(deps, pr, options = {}) {
  const [settings, report] = await readSettingsAndProject(deps, pr.headSha, pr.baseSha);
  if (!settings.ok) {
    const check2 = await reportSettingsProblem(deps, settings.problems, pr.headSha, options);
    return { settings: "invalid", check: check2.check };
  }
  const [check, comment] = await settleAll([
    settings.settings.checks.enabled ? publishCheck(
      deps,
      renderCheckRun(report, settings.settings.checks.name, pr.headSha),
      options.forceCheck === true
    ) : "disabled",
    settings.settings.comment.enabled ? updateComment(deps, settings.settings, pr, report) : "disabled"
  ]);
  return { settings: settings.source, project: report.kind, check, comment };
}
async function updateComment(deps, settings, pr, report) {
  const key = { repo: deps.repo, number: pr.number };
  const currency = await isCurrent(deps, pr);
  if (currency !== "current") return currency;
  const target = { repo: deps.repo, issueNumber: pr.number, marker: COMMENT_MARKER, appId: deps.appId };
  const section = deps.jobRequestsSection?.(pr.number) ?? "";
  const body = spliceJobRequestsSection(
    renderComment(report, {
      showGraph: settings.comment.graph,
      annotated: settings.checks.enabled,
      budget: COMMENT_BUDGET - section.length
    }),
    section
  );
  const known = await deps.store.getStickyComment(key);
  const outcome = await syncStickyComment(deps.octokit, target, body, known);
  if (outcome.kind !== "unchanged" || known === null) await deps.store.setStickyComment(key, outcome.comment);
  return outcome.kind;
}
async function isCurrent(deps, pr) {
  const key = { repo: deps.repo, number: pr.number };
  const seen = pr.updatedAt === null ? null : await deps.store.getPullHead(key);
  let verdict;
  if (seen !== null && pr.updatedAt < seen.updatedAt) verdict = "stale";
  else if (seen !== null && (pr.updatedAt > seen.updatedAt || seen.sha === pr.headSha)) verdict = "current";
  else {
    const state = await readPullState(deps.octokit, deps.repo, pr.number);
    verdict = state.kind !== "open" ? "closed" : state.headSha === pr.headSha ? "current" : "stale";
  }
  if (verdict === "current" && pr.updatedAt !== null) {
    await deps.store.setPullHead(key, { sha: pr.headSha, updatedAt: pr.updatedAt });
  }
  return verdict;
}

// src/app/job-requests/refresh-comment.ts
function currentSection(deps, number) {
  return renderJobRequestsSection(deps.jobRequests.forPull(deps.repo, number), deps.pageUrl);
}
async function refreshJobRequestsComment(deps, number) {
  const key = { repo: deps.repo, number };
  const known = await deps.store.getStickyComment(key);
  const existing = (known === null ? null : await read(deps, known.id)) ?? await find2(deps, number);
  if (existing === null) return "no-comment";
  const body = existing.body ?? "";
  const updated = spliceJobRequestsSection(body, currentSection(deps, number));
  const target = { repo: deps.repo, issueNumber: number, marker: COMMENT_MARKER, appId: deps.appId };
  const outcome = await syncStickyComment(deps.octokit, target, updated, {
    id: existing.id,
    bodyHash: hashBody(body)
  });
  await deps.store.setStickyComment(key, outcome.comment);
  return outcome.kind === "unchanged" ? "unchanged" : "updated";
}
function isOurs2(comment, appId) {
  return comment.performed_via_github_app?.id === appId && (comment.body ?? "").startsWith(COMMENT_MARKER);
}
async function read(deps, id) {
  try {
    const { data } = await deps.octokit.rest.issues.getComment({ ...deps.repo, comment_id: id });
    return isOurs2(data, deps.appId) ? data : null;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw new GitHubApiError(`read comment ${id}`, error);
  }
}
async function find2(deps, number) {
  try {
    const pages = deps.octokit.paginate.iterator(deps.octokit.rest.issues.listComments, {
      ...deps.repo,
      issue_number: number,
      per_page: 100
    });
    for await (const page of pages) {
      const found = page.data.find((c) => isOurs2(c, deps.appId));
      if (found !== void 0) return found;
    }
    return null;
  } catch (error) {
    throw new GitHubApiError(`list comments on #${number}`, error);
  }
}

// src/app/settings/read-settings.ts
async function readSettings(read2) {
  let raw;
  try {
    raw = await read2();
  } catch (error) {
    if (isNotFound(error)) return { ok: true, settings: DEFAULT_SETTINGS, source: "defaults" };
    if (isHttpError(error)) throw error;
    return { ok: false, problems: [describeReadError(error)] };
  }
  if (raw === null || raw === void 0) return { ok: true, settings: DEFAULT_SETTINGS, source: "defaults" };
  return validateSettings(raw);
}
function validateSettings(raw) {
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, problems: [`${SETTINGS_PATH} must hold a mapping of settings.`] };
  }
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(describeIssue) };
  return { ok: true, settings: parsed.data, source: "file" };
}
function describeIssue(issue) {
  const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "(top level)";
  return `${where}: ${issue.message}`;
}
function describeReadError(error) {
  const message = error instanceof Error ? error.message : String(error);
  const reason = /\(([^)]*)\)\s*$/.exec(message)?.[1];
  if (/could not be parsed/i.test(message)) {
    return `${SETTINGS_PATH} could not be read: ${reason ?? "it is not valid YAML"}.`;
  }
  if (/directory or a submodule/i.test(message)) return `${SETTINGS_PATH} is a directory, not a file.`;
  if (/_extends/i.test(message) || /Recursion detected/i.test(message)) {
    return `${SETTINGS_PATH} has an _extends value that cannot be followed.`;
  }
  return `${SETTINGS_PATH} could not be read: ${message.replace(/^\[@probot\/octokit-plugin-config\]\s*/, "")}`;
}
function isNotFound(error) {
  return isHttpError(error) && error.status === 404;
}
function isHttpError(error) {
  return typeof error === "object" && error !== null && typeof error.status === "number";
}

// src/app/events/app-deps.ts
function handlerDeps(context, deps, repo) {
  return {
    octokit: context.octokit,
    repo,
    appId: deps.appId,
    store: deps.store,
    cache: deps.cache,
    files: deps.files,
    // Probot reads the file from the default branch only, so a pull request cannot change the settings.
    readSettings: () => deps.settings.get(repo, () => readSettings(() => context.config(SETTINGS_FILE))),
    ...deps.jobs === null ? {} : {
      jobRequestsSection: (number) => currentSection({ repo, ...jobRequestsOf(deps.jobs) }, number)
    }
  };
}
function jobRequestsOf(jobs) {
  return { jobRequests: jobs.service.store, pageUrl: jobs.pageUrl };
}

// src/app/events/delivery.ts
async function handleDelivery(context, deps, about, task) {
  const log = context.log;
  const started = performance.now();
  const fields = { delivery: context.id, event: context.name, ...about };
  if (!await deps.store.claimDelivery(context.id)) {
    log.info({ ...fields, outcome: "redelivery-skipped" }, "delivery already handled");
    return;
  }
  try {
    const outcome = await deps.queue.run(about.key, task);
    log.info({ ...fields, ...outcome, ms: Math.round(performance.now() - started) }, "delivery handled");
  } catch (error) {
    await deps.store.releaseDelivery(context.id);
    const message = error instanceof Error ? error.message : String(error);
    log.warn(
      { ...fields, outcome: "failed", error: message, ms: Math.round(performance.now() - started) },
      "delivery failed"
    );
    throw error;
  }
}

// src/app/events/payloads.ts
import { z as z3 } from "zod";

// src/app/errors/payload-error.ts
var PayloadError = class extends AppError {
  name = "PayloadError";
  constructor(event, problem, options = {}) {
    super(`The ${event} payload is malformed: ${problem}`, { status: 400, cause: options.cause });
  }
};

// src/app/events/payloads.ts
var sha = z3.string().regex(/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/, "expected a commit id");
var login2 = z3.string().min(1).max(100);
var UTC_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
var repository = z3.object({
  name: z3.string().min(1).max(100),
  owner: z3.object({ login: login2 }),
  default_branch: z3.string().min(1).max(255)
});
var installation = z3.object({ id: z3.number().int().positive() });
var pullRequestPayload = z3.object({
  action: z3.string(),
  pull_request: z3.object({
    number: z3.number().int().positive(),
    state: z3.string(),
    head: z3.object({ sha, ref: z3.string() }),
    base: z3.object({ sha, ref: z3.string() }),
    // Compared as text to order events, so only GitHub's one form is taken; anything else is ignored.
    updated_at: z3.string().nullish().transform((v) => v != null && UTC_SECONDS.test(v) ? v : null)
  }),
  repository,
  installation
});
var pushPayload = z3.object({
  ref: z3.string(),
  before: sha,
  after: sha,
  deleted: z3.boolean(),
  repository,
  installation
});
var checkRunPayload = z3.object({
  action: z3.string(),
  check_run: z3.object({
    head_sha: sha,
    external_id: z3.string().nullable(),
    app: z3.object({ id: z3.number().int() }).nullable(),
    pull_requests: z3.array(
      z3.object({ number: z3.number().int().positive(), head: z3.object({ sha }), base: z3.object({ sha }) })
    )
  }),
  repository,
  installation
});
var issueCommentPayload = z3.object({
  action: z3.string(),
  comment: z3.object({
    id: z3.number().int(),
    body: z3.string().nullable(),
    user: z3.object({ login: login2, type: z3.string() }).nullable(),
    performed_via_github_app: z3.object({ id: z3.number().int() }).nullable().optional()
  }),
  issue: z3.object({ number: z3.number().int().positive(), pull_request: z3.unknown().optional() }),
  repository,
  installation
});
function parsePayload(schema, event, payload) {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first.path.length > 0 ? first.path.map(String).join(".") : "payload";
  throw new PayloadError(event, `${where}: ${first.message}`);
}
function repoOf(payload) {
  return { owner: payload.repository.owner.login, repo: payload.repository.name };
}

// src/app/events/check-run.ts
var OURS = /* @__PURE__ */ new Set([CHECK_EXTERNAL_ID, SETTINGS_EXTERNAL_ID]);
function onCheckRunRerequested(deps) {
  return async (context) => {
    const payload = parsePayload(checkRunPayload, "check_run", context.payload);
    const run = payload.check_run;
    if (run.app?.id !== deps.appId || run.external_id === null || !OURS.has(run.external_id)) return;
    const repo = repoOf(payload);
    const pr = run.pull_requests.find((p) => p.head.sha === run.head_sha);
    const key = pr === void 0 ? `${repo.owner}/${repo.repo}@${run.head_sha}` : `${repo.owner}/${repo.repo}#${pr.number}`;
    const about = { key, repo: `${repo.owner}/${repo.repo}`, sha: run.head_sha, pr: pr?.number ?? null };
    await handleDelivery(context, deps, about, () => {
      const handler = handlerDeps(context, deps, repo);
      const force = { forceCheck: true };
      if (pr === void 0) return reportCommit(handler, { sha: run.head_sha, baseSha: null }, force);
      return reportPullRequest(
        handler,
        { number: pr.number, headSha: run.head_sha, baseSha: pr.base.sha, updatedAt: null },
        force
      );
    });
  };
}

// src/app/job-requests/store.ts
function repoKey(repo) {
  return `${repo.owner}/${repo.repo}`.toLowerCase();
}
function toRequest(row2) {
  return {
    id: row2.id,
    sourceKey: row2.source_key,
    installationId: row2.installation_id,
    repo: { owner: row2.repo_owner, repo: row2.repo_name },
    repoHtmlUrl: row2.repo_html_url,
    repoUrl: row2.repo_url,
    pullNumber: row2.pull_number,
    commentId: row2.comment_id,
    backend: row2.backend,
    workspace: row2.workspace,
    branch: row2.branch,
    commit: row2.commit_sha,
    requestedActions: JSON.parse(row2.requested_actions),
    forceRunDependencies: row2.force_run_dependencies === 1,
    requestedBy: row2.requested_by,
    organisation: row2.organisation,
    project: row2.project,
    projectDefinition: row2.project_definition,
    status: isJobRequestStatus(row2.status) ? row2.status : "unknown",
    statusMessage: row2.status_message,
    submission: row2.submission,
    submitAttempts: row2.submit_attempts,
    nextSubmitAt: row2.next_submit_at,
    lastSubmitError: row2.last_submit_error,
    cancelledActions: JSON.parse(row2.cancelled_actions),
    checkRunId: row2.check_run_id,
    acknowledged: row2.acknowledged === 1,
    version: row2.version,
    publishedVersion: row2.published_version,
    createdAt: row2.created_at,
    updatedAt: row2.updated_at
  };
}
function toJob(row2) {
  return {
    identifier: row2.identifier,
    action: row2.action,
    runCommand: row2.run_command,
    status: row2.status,
    statusCode: row2.status_code,
    statusMessage: row2.status_message,
    createdAt: row2.created_at,
    updatedAt: row2.updated_at,
    startedAt: row2.started_at,
    completedAt: row2.completed_at
  };
}
var SUBMIT_GRACE_MS = 3e4;
var ACTIVE = "('pending', 'running', 'unknown', 'unknown_error_creating_jobs')";
var JobRequestStore = class {
  #db;
  #now;
  constructor(db, now = Date.now) {
    this.#db = db;
    this.#now = now;
  }
  get db() {
    return this.#db;
  }
  /** Records that a comment (or button press) is being acted on. False when it already was. */
  claimCommand(sourceKey) {
    const result = this.#db.prepare("INSERT OR IGNORE INTO commands (source_key, claimed_at) VALUES (?, ?)").run(sourceKey, this.#now());
    return result.changes === 1;
  }
  /** Forgets a claim whose handling failed, so that a redelivery can act on it again. */
  releaseCommand(sourceKey) {
    this.#db.prepare("DELETE FROM commands WHERE source_key = ?").run(sourceKey);
  }
  /**
   * Stores a new request, waiting to be submitted. Returns the existing one for a repeated source.
   * Whoever stores it submits it at once; the poller takes it over only after `SUBMIT_GRACE_MS` (so
   * the two do not both send it), which also covers an App that stopped in between.
   */
  insert(request) {
    return this.#db.transaction(() => {
      const existing = this.bySource(request.sourceKey);
      if (existing !== void 0) return { created: false, request: existing };
      this.#db.prepare(
        `INSERT INTO job_requests (id, source_key, installation_id, repo_owner, repo_name, repo_key, repo_html_url,
             repo_url, pull_number, comment_id, backend, workspace, branch, commit_sha, requested_actions,
             force_run_dependencies, requested_by, organisation, project, project_definition, status,
             submission, next_submit_at, created_at, updated_at)
           VALUES (@id, @sourceKey, @installationId, @owner, @name, @repoKey, @repoHtmlUrl, @repoUrl, @pullNumber,
             @commentId, @backend, @workspace, @branch, @commit, @requestedActions, @force, @requestedBy,
             @organisation, @project, @projectDefinition, 'pending', 'waiting', @submitAt, @createdAt, @createdAt)`
      ).run({
        ...request,
        owner: request.repo.owner,
        name: request.repo.repo,
        repoKey: repoKey(request.repo),
        requestedActions: JSON.stringify(request.requestedActions),
        force: request.forceRunDependencies ? 1 : 0,
        submitAt: request.createdAt + SUBMIT_GRACE_MS
      });
      return { created: true, request: this.get(request.id) };
    })();
  }
  get(id) {
    const row2 = this.#db.prepare("SELECT * FROM job_requests WHERE id = ?").get(id);
    return row2 === void 0 ? void 0 : toRequest(row2);
  }
  bySource(sourceKey) {
    const row2 = this.#db.prepare("SELECT * FROM job_requests WHERE source_key = ?").get(sourceKey);
    return row2 === void 0 ? void 0 : toRequest(row2);
  }
  /** The pull request's job requests, newest first. */
  forPull(repo, number, limit = 50) {
    return this.#db.prepare(
      "SELECT * FROM job_requests WHERE repo_key = ? AND pull_number = ? ORDER BY created_at DESC, rowid DESC LIMIT ?"
    ).all(repoKey(repo), number, limit).map(toRequest);
  }
  /** Requests the backends hold and that have not ended: the ones to poll. */
  polled() {
    return this.#db.prepare(
      `SELECT * FROM job_requests WHERE submission = 'accepted' AND status IN ${ACTIVE} ORDER BY rowid`
    ).all().map(toRequest);
  }
  /** Requests waiting to be submitted whose next attempt is due. */
  dueForSubmission() {
    return this.#db.prepare(
      "SELECT * FROM job_requests WHERE submission = 'waiting' AND coalesce(next_submit_at, 0) <= ? ORDER BY rowid"
    ).all(this.#now()).map(toRequest);
  }
  /** Requests whose latest state GitHub does not show yet. */
  unpublished() {
    return this.#db.prepare("SELECT * FROM job_requests WHERE published_version < version ORDER BY rowid").all().map(toRequest);
  }
  jobs(id) {
    return this.#db.prepare("SELECT * FROM jobs WHERE job_request_id = ? ORDER BY seq").all(id).map(toJob);
  }
  /** The submission ended: accepted (with the status the backend's answer implies) or rejected. */
  settleSubmission(id, submission, status, message) {
    this.#update(id, "submission = ?, status = ?, status_message = ?, next_submit_at = NULL", [
      submission,
      status,
      message
    ]);
    return this.get(id);
  }
  /** The backend could not be reached: try again at `nextAt`. */
  retrySubmission(id, error, nextAt) {
    this.#update(
      id,
      "submit_attempts = submit_attempts + 1, last_submit_error = ?, next_submit_at = ?, status_message = ?",
      [error, nextAt, "Waiting for the backend to accept this job request"]
    );
    return this.get(id);
  }
  setCheckRun(id, checkRunId) {
    this.#db.prepare("UPDATE job_requests SET check_run_id = ? WHERE id = ?").run(checkRunId, id);
  }
  markAcknowledged(id) {
    this.#db.prepare("UPDATE job_requests SET acknowledged = 1 WHERE id = ?").run(id);
  }
  addCancelled(id, actions) {
    const current = this.get(id);
    if (current === void 0) throw new Error(`no job request ${id}`);
    const merged = [.../* @__PURE__ */ new Set([...current.cancelledActions, ...actions])];
    this.#update(id, "cancelled_actions = ?", [JSON.stringify(merged)]);
    return this.get(id);
  }
  /**
   * Records the backend's report of the request's jobs and derives the request's status from them
   * as job-server does. Returns whether anything a user could see changed.
   */
  applyStatus(id, jobs) {
    return this.#db.transaction(() => {
      const before = this.get(id);
      if (before === void 0) throw new Error(`no job request ${id}`);
      let changed = false;
      const existing = new Map(this.jobs(id).map((j) => [j.identifier, j]));
      let seq = existing.size;
      const upsert = this.#db.prepare(
        `INSERT INTO jobs (identifier, job_request_id, seq, action, run_command, status, status_code, status_message,
           created_at, updated_at, started_at, completed_at)
         VALUES (@identifier, @requestId, @seq, @action, @run_command, @status, @status_code, @status_message,
           @created_at, @updated_at, @started_at, @completed_at)
         ON CONFLICT(identifier) DO UPDATE SET run_command = excluded.run_command, status = excluded.status,
           status_code = excluded.status_code, status_message = excluded.status_message,
           updated_at = excluded.updated_at, started_at = excluded.started_at, completed_at = excluded.completed_at`
      );
      for (const job of jobs) {
        if (job.rap_id !== id) continue;
        const old = existing.get(job.identifier);
        const visible2 = old === void 0 || old.status !== job.status || old.statusCode !== job.status_code || old.statusMessage !== job.status_message || old.startedAt !== job.started_at || old.completedAt !== job.completed_at;
        if (old !== void 0 && !visible2 && old.updatedAt === job.updated_at) continue;
        upsert.run({ ...job, requestId: id, seq: old === void 0 ? seq++ : 0 });
        if (visible2) changed = true;
      }
      const derived = deriveJobRequestStatus(
        { status: before.status, message: before.statusMessage },
        this.jobs(id).map((j) => j.status)
      );
      if (derived.status !== before.status || derived.message !== before.statusMessage) {
        this.#db.prepare("UPDATE job_requests SET status = ?, status_message = ? WHERE id = ?").run(derived.status, derived.message, id);
        changed = true;
      }
      if (changed) this.#bump(id);
      return { changed, request: this.get(id) };
    })();
  }
  /** Marks what GitHub now shows; a later change (a higher version) is published again. */
  markPublished(id, version) {
    this.#db.prepare("UPDATE job_requests SET published_version = max(published_version, ?) WHERE id = ?").run(version, id);
  }
  #update(id, assignments, values) {
    const result = this.#db.prepare(`UPDATE job_requests SET ${assignments}, version = version + 1, updated_at = ? WHERE id = ?`).run(...values, this.#now(), id);
    if (result.changes !== 1) throw new Error(`no job request ${id}`);
  }
  #bump(id) {
    this.#db.prepare("UPDATE job_requests SET version = version + 1, updated_at = ? WHERE id = ?").run(this.#now(), id);
  }
};

// src/app/job-requests/job-request.ts
import { randomBytes } from "node:crypto";
function newJobRequestId() {
  return newRapId((size) => randomBytes(size));
}
function isActive(request) {
  if (request.submission === "waiting") return true;
  return request.submission === "accepted" && !isCompletedRequestStatus(request.status);
}
function timelineOf(request, jobs) {
  const started = jobs.map((j) => j.startedAt).filter((t) => t !== null).sort();
  const completed = jobs.map((j) => j.completedAt).filter((t) => t !== null).sort();
  const complete = !isActive(request);
  return {
    createdAt: request.createdAt,
    startedAt: started[0] ?? null,
    finishedAt: complete ? completed.at(-1) ?? null : null,
    runtimeSeconds: jobRequestRuntimeSeconds(
      jobs.map((j) => ({ status: j.status, started_at: j.startedAt, completed_at: j.completedAt }))
    )
  };
}

// src/app/permissions/authorize.ts
async function authorize(rules, lookup, request) {
  const role = await lookup.role(request.login);
  if (!meetsRole(role, rules.minimumRole)) {
    const has = role === "none" ? "no role on this repository" : `the ${role} role on this repository`;
    return {
      allowed: false,
      reason: `@${request.login} has ${has}; running and cancelling jobs needs at least the ${rules.minimumRole} role.`
    };
  }
  const listed = await onList(rules, lookup, request);
  if (listed !== true) {
    return {
      allowed: false,
      reason: `@${request.login} is not among the users and teams allowed to run jobs in this repository's settings${listed === "unknown" ? " (team membership could not be checked: the App needs the organisation's Members permission)" : ""}.`
    };
  }
  if (request.backend !== null) {
    const backendList = rules.backends[request.backend];
    if (backendList !== void 0) {
      const onBackend = await onList(backendList, lookup, request);
      if (onBackend !== true) {
        return {
          allowed: false,
          reason: `@${request.login} is not allowed to run jobs on the \`${request.backend}\` backend${onBackend === "unknown" ? " (team membership could not be checked)" : ""}.`
        };
      }
    }
  }
  return { allowed: true, role };
}
async function onList(list, lookup, request) {
  if (list.users.length === 0 && list.teams.length === 0) return true;
  const login4 = request.login.toLowerCase();
  if (list.users.some((u) => u.toLowerCase() === login4)) return true;
  let unknown = false;
  for (const entry of list.teams) {
    const [org, team2] = entry.includes("/") ? entry.split("/", 2) : [request.owner, entry];
    const answer = await lookup.inTeam(org, team2, request.login);
    if (answer === "member") return true;
    if (answer === "unknown") unknown = true;
  }
  return unknown ? "unknown" : false;
}

// src/app/permissions/github-lookup.ts
var PermissionLookupError = class extends Error {
  name = "PermissionLookupError";
};
function githubAccessLookup(octokit, repo) {
  const teams = /* @__PURE__ */ new Map();
  return {
    async role(login4) {
      try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
          ...repo,
          username: login4
        });
        return roleOf(data);
      } catch (error) {
        if (statusOf(error) === 404) return "none";
        throw new PermissionLookupError(
          `could not read @${login4}'s permission on ${repo.owner}/${repo.repo} (HTTP ${statusOf(error) ?? "error"})`,
          { cause: error }
        );
      }
    },
    async inTeam(org, team2, login4) {
      const key = `${org}/${team2}/${login4}`.toLowerCase();
      const known = teams.get(key);
      if (known !== void 0) return known;
      let answer;
      try {
        const { data } = await octokit.rest.teams.getMembershipForUserInOrg({
          org,
          team_slug: team2,
          username: login4
        });
        answer = data.state === "active" ? "member" : "not-member";
      } catch (error) {
        const status = statusOf(error);
        answer = status === 404 ? "not-member" : "unknown";
      }
      teams.set(key, answer);
      return answer;
    }
  };
}

// src/app/commands/command-context.ts
function refused(outcome, reply) {
  return { outcome, reaction: "confused", reply };
}

// src/app/commands/check-access.ts
async function checkAccess(deps, call, backend, nothing = "Nothing was run.") {
  const rules = {
    minimumRole: call.settings.commands.minimum_role,
    users: call.settings.commands.users,
    teams: call.settings.commands.teams,
    backends: call.settings.commands.backends
  };
  try {
    const decision = await authorize(rules, githubAccessLookup(deps.octokit, deps.repo), {
      login: call.login,
      owner: deps.repo.owner,
      backend
    });
    return decision.allowed ? null : refused("not-allowed", `${decision.reason} ${nothing}`);
  } catch (error) {
    if (!(error instanceof PermissionLookupError)) throw error;
    return refused(
      "permission-unknown",
      `Your permission could not be checked (${error.message}), so ${lowerFirst(nothing)} Please try again.`
    );
  }
}
function lowerFirst(text) {
  return `${text[0].toLowerCase()}${text.slice(1)}`;
}

// src/app/commands/cancel-command.ts
async function cancelCommand(deps, call, command) {
  const jobs = deps.jobs;
  if (jobs === null)
    return refused("no-backend", "No backend is configured for this App, so there is nothing to cancel.");
  const access = await checkAccess(deps, call, null, "Nothing was cancelled.");
  if (access !== null) return access;
  const active = jobs.service.store.forPull(deps.repo, call.issueNumber).filter(isActive);
  if (active.length === 0) {
    return refused(
      "nothing-active",
      "This pull request has no job request that is still running, so there is nothing to cancel."
    );
  }
  const wanted = command.actions.length === 0 ? null : command.actions;
  const outcomes = [];
  for (const request of active) outcomes.push(await jobs.service.cancel(request, wanted));
  for (const outcome of outcomes)
    await jobs.service.publish(outcome.request.id, { comment: false }).catch(() => void 0);
  await deps.refreshComment(call.issueNumber);
  const lines = outcomes.map((o) => describe(o, jobs.pageUrl(o.request.id)));
  const done = outcomes.filter((o) => o.kind === "cancelled" || o.kind === "withdrawn");
  const named = wanted === null ? [] : wanted.filter((a) => !done.some((o) => o.kind === "cancelled" && o.actions.includes(a)));
  const allDone = done.length === outcomes.length && named.length === 0;
  return {
    outcome: done.length > 0 ? "cancelled" : "nothing-cancelled",
    reaction: done.length > 0 ? "rocket" : "confused",
    // When everything asked for was cancelled, the 🚀 and the updated comment say enough.
    reply: allDone ? null : lines.join("\n"),
    jobRequests: outcomes.map((o) => o.request.id)
  };
}
function describe(outcome, url) {
  const id = codeSpan(outcome.request.id);
  const name2 = url === null ? `Job request ${id}` : `[Job request ${id}](${url})`;
  const list = (names) => names.map((n) => codeSpan(n)).join(", ");
  switch (outcome.kind) {
    case "cancelled":
      return `- ${name2}: cancelled ${list(outcome.actions)}.`;
    case "withdrawn":
      return `- ${name2}: withdrawn before the backend took it.`;
    case "not-active":
      return `- ${name2}: already finished.`;
    case "no-jobs-yet":
      return `- ${name2}: the backend has not reported its jobs yet; wait a minute and try again.`;
    case "nothing-to-cancel":
      return outcome.notFound.length > 0 ? `- ${name2}: ${list(outcome.notFound)} ${outcome.notFound.length === 1 ? "is" : "are"} not pending or running in it.` : `- ${name2}: no job is pending or running.`;
    case "unreachable":
      return `- ${name2}: could not be cancelled (${outcome.problem}); try again.`;
  }
}

// src/app/commands/did-you-mean.ts
var MAX_LENGTH = 200;
function editDistance(a, b, limit = Number.POSITIVE_INFINITY) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}
function typoAllowance(word) {
  return word.length <= 4 ? 1 : 2;
}
function closest(typed, candidates) {
  if (typed.length === 0 || typed.length > MAX_LENGTH) return null;
  const lower = typed.toLowerCase();
  let best = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate.length > MAX_LENGTH) continue;
    const limit = Math.min(typoAllowance(candidate), bestDistance - 1);
    if (limit < 0) break;
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best;
}

// src/app/commands/find-command.ts
var MAX_COMMAND_CHARS = 4e3;
var NEAR_MISS_MIN = 5;
var FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
var SLASH = /^ {0,3}\/([^\s/]+)(?:[ \t]+(.*))?$/;
function findCommand(body, word) {
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  const wanted = word.toLowerCase();
  const commands = [];
  let nearMiss = null;
  let fence = null;
  let inHtmlComment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence !== null) {
      const close2 = FENCE.exec(line);
      if (close2?.[1]?.[0] === fence.char && close2[1].length >= fence.length && close2[2].trim() === "") {
        fence = null;
      }
      continue;
    }
    if (inHtmlComment) {
      if (line.includes("-->")) inHtmlComment = false;
      continue;
    }
    const open = FENCE.exec(line);
    if (open !== null && !(open[1][0] === "`" && open[2].includes("`"))) {
      fence = { char: open[1][0], length: open[1].length };
      continue;
    }
    let visible2 = line.replace(/<!--.*?-->/g, " ");
    const opened = visible2.indexOf("<!--");
    if (opened !== -1) {
      inHtmlComment = true;
      visible2 = visible2.slice(0, opened);
    }
    const match = SLASH.exec(visible2);
    if (match === null) continue;
    const typed = match[1];
    const args = (match[2] ?? "").trim();
    if (typed.toLowerCase() === wanted) {
      commands.push({ line: i + 1, args, tooLong: visible2.length > MAX_COMMAND_CHARS });
    } else if (nearMiss === null && word.length >= NEAR_MISS_MIN && closest(typed, [word]) !== null) {
      nearMiss = { line: i + 1, typed };
    }
  }
  if (commands.length > 1) return { kind: "several", lines: commands.map((c) => c.line) };
  const [only] = commands;
  if (only !== void 0) {
    return only.tooLong ? { kind: "too-long", line: only.line } : { kind: "command", line: only.line, args: only.args };
  }
  if (nearMiss !== null) return { kind: "near-miss", ...nearMiss };
  return { kind: "none" };
}

// src/app/commands/parse-command.ts
import { parseArgs } from "node:util";
import { split } from "shlex";
var SUBCOMMANDS = ["run", "cancel", "status", "graph", "help"];
var MAX_ACTIONS = 500;
var MAX_NAME_CHARS = 200;
var BACKEND_SLUG = /^[A-Za-z0-9_-]{1,100}$/;
var RUN_FLAGS = {
  "force-run-dependencies": { type: "boolean", short: "f" },
  backend: { type: "string" }
};
function parseCommand(args) {
  let words;
  try {
    words = split(args);
  } catch {
    return { ok: false, problem: "A quotation mark is not closed.", subcommand: null };
  }
  const [first, ...rest] = words;
  if (first === void 0) return { ok: true, command: { kind: "help" } };
  const sub = first.toLowerCase();
  if (!isSubcommand(sub)) {
    const guess = closest(sub, SUBCOMMANDS);
    const shown = code(first);
    const problem = guess === null ? `${shown} is not a command.` : `${shown} is not a command. Did you mean ${code(guess)}?`;
    return { ok: false, problem, subcommand: null };
  }
  switch (sub) {
    case "run":
      return parseRun(rest);
    case "cancel":
      return parseCancel(rest);
    default:
      if (rest.length > 0) {
        return { ok: false, problem: `${code(sub)} takes no arguments.`, subcommand: sub };
      }
      return { ok: true, command: { kind: sub } };
  }
}
function parseRun(words) {
  const fail = (problem) => ({ ok: false, problem, subcommand: "run" });
  let parsed;
  try {
    parsed = parseArgs({ args: words, options: RUN_FLAGS, strict: true, allowPositionals: true });
  } catch (error) {
    return fail(flagProblem(error, ["--force-run-dependencies", "-f", "--backend"]));
  }
  const backend = parsed.values.backend ?? null;
  if (backend !== null && !BACKEND_SLUG.test(backend)) {
    return fail(`${code(backend)} is not a backend name (letters, digits, \`-\` and \`_\`).`);
  }
  const actions = checkNames(parsed.positionals);
  if (typeof actions === "string") return fail(actions);
  if (actions.length === 0) {
    return fail("Say which actions to run, or `run_all` to run them all.");
  }
  return {
    ok: true,
    command: {
      kind: "run",
      actions,
      forceRunDependencies: parsed.values["force-run-dependencies"] === true,
      backend
    }
  };
}
function parseCancel(words) {
  const fail = (problem) => ({ ok: false, problem, subcommand: "cancel" });
  let positionals;
  try {
    positionals = parseArgs({ args: words, options: {}, strict: true, allowPositionals: true }).positionals;
  } catch (error) {
    return fail(flagProblem(error, []));
  }
  const actions = checkNames(positionals);
  if (typeof actions === "string") return fail(actions);
  return { ok: true, command: { kind: "cancel", actions } };
}
function checkNames(names) {
  if (names.length > MAX_ACTIONS) return `At most ${MAX_ACTIONS} actions can be named in one command.`;
  const out = [];
  for (const name2 of names) {
    if (name2 === "") return "An action name cannot be empty.";
    if (name2.length > MAX_NAME_CHARS) return `Action names are at most ${MAX_NAME_CHARS} characters long.`;
    if (!out.includes(name2)) out.push(name2);
  }
  return out;
}
function flagProblem(error, flags) {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']*)'/.exec(message)?.[1];
  if (unknown !== void 0) {
    const prefixed = unknown.length >= 5 ? flags.filter((f) => f.startsWith(unknown)) : [];
    const guess = prefixed.length === 1 ? prefixed[0] : unknown.length > 2 ? closest(unknown, flags) : null;
    if (flags.length === 0) return `${code(unknown)} is not an option here; this command takes no options.`;
    return guess === null ? `${code(unknown)} is not an option. The options are ${flags.map(code).join(", ")}.` : `${code(unknown)} is not an option. Did you mean ${code(guess)}?`;
  }
  const missing = /Option '([^']*)' argument (?:missing|is ambiguous)/.exec(message)?.[1];
  if (missing !== void 0) return `${code(flagName(missing))} needs a value.`;
  const extra = /Option '([^']*)' does not take an argument/.exec(message)?.[1];
  if (extra !== void 0) return `${code(flagName(extra))} does not take a value.`;
  return "The options could not be read.";
}
function flagName(described) {
  return described.replace(/^-\w, /, "").replace(/ <value>$/, "");
}
function isSubcommand(word) {
  return SUBCOMMANDS.includes(word);
}
function code(text) {
  const shown = text.length > 100 ? `${text.slice(0, 99)}\u2026` : text;
  const clean = shown.replace(/[\r\n]/g, " ");
  const longest = Math.max(0, ...Array.from(clean.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = clean.startsWith("`") || clean.endsWith("`") ? " " : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}

// src/app/commands/help.ts
function renderHelp(context) {
  const w = `/${context.word}`;
  const backendLine = context.backends.length === 0 ? "No backend is configured for this App yet, so nothing can be run." : `Backends: ${context.backends.map((b) => code(b)).join(", ")}` + (context.defaultBackend === null ? "." : ` (the default is ${code(context.defaultBackend)}).`);
  return [
    `Write a command at the start of a line in a pull-request comment (not in a quote or a code block):`,
    "",
    "| Command | What it does |",
    "|---|---|",
    `| \`${w} run <action\u2026>\` | Runs these actions at the pull request's head commit, with any of their dependencies that have not yet succeeded |`,
    `| \`${w} run run_all\` | Runs every action |`,
    `| \`\u2026 -f\` or \`\u2026 --force-run-dependencies\` | Runs the dependencies again too, even those that succeeded |`,
    `| \`\u2026 --backend <name>\` | Runs on that backend |`,
    `| \`${w} cancel [<action\u2026>]\` | Cancels the pull request's running job requests (or only those actions) |`,
    `| \`${w} status\` | Lists the pull request's job requests and their status |`,
    `| \`${w} graph\` | Shows the job graph of \`project.yaml\` at the head commit |`,
    `| \`${w} help\` | Shows this help |`,
    "",
    backendLine,
    ""
  ].join("\n");
}

// src/app/commands/project-at.ts
async function readProjectAt(deps, sha2) {
  const file = codeSpan(PROJECT_FILE);
  const at = codeSpan(sha2.slice(0, 7));
  const key = FileCache.key(`${deps.repo.owner}/${deps.repo.repo}`, sha2, PROJECT_FILE);
  let found = key === null ? void 0 : deps.files.get(key);
  if (found === void 0) {
    found = await readFileAt(deps.octokit, deps.repo, PROJECT_FILE, sha2, MAX_PROJECT_BYTES);
    if (key !== null) deps.files.set(key, found);
  }
  if (found.kind === "missing")
    return { ok: false, problem: `There is no ${file} at ${at}, so there is nothing to run.` };
  if (found.kind === "not-a-file") return { ok: false, problem: `${file} at ${at} is not a file.` };
  if (found.kind === "too-large") {
    return {
      ok: false,
      problem: `${file} at ${at} is ${count(found.bytes, "byte")}, more than Trestle reads.`
    };
  }
  const loaded = deps.cache.load(found.text, PROJECT_FILE);
  if (loaded.result.pipeline === null || loaded.graph === null) {
    const errors = count(loaded.result.errors.length, "error");
    return {
      ok: false,
      problem: `${file} at ${at} is not valid (${errors}), so nothing was run:

${renderIssuesBlock(loaded.result, PROJECT_FILE, 2e4)}`
    };
  }
  return { ok: true, text: found.text, pipeline: loaded.result.pipeline, graph: loaded.graph };
}

// src/app/commands/pull-info.ts
async function readPullInfo(octokit, repo, number) {
  let data;
  try {
    data = (await octokit.rest.pulls.get({ ...repo, pull_number: number })).data;
  } catch (error) {
    if (statusOf(error) === 404) return { kind: "missing" };
    throw new GitHubApiError(`read pull request #${number}`, error);
  }
  if (data.state !== "open") return { kind: "closed" };
  const base = data.base.repo?.full_name?.toLowerCase();
  const head = data.head.repo?.full_name?.toLowerCase();
  return {
    kind: "open",
    headSha: data.head.sha,
    headRef: data.head.ref,
    baseSha: data.base.sha,
    fork: head === void 0 || head !== base
  };
}

// src/app/commands/info-commands.ts
var GRAPH_BUDGET = 5e4;
function statusCommand(deps, call) {
  const requests = deps.jobs?.service.store.forPull(deps.repo, call.issueNumber) ?? [];
  if (requests.length === 0) {
    return {
      outcome: "status",
      reaction: "rocket",
      reply: `This pull request has no job requests yet. Write \`/${call.settings.commands.word} run <action\u2026>\` to make one.`
    };
  }
  const table = renderJobRequestsSection(requests, (id) => deps.jobs?.pageUrl(id) ?? null, false);
  return {
    outcome: "status",
    reaction: "rocket",
    reply: `here are this pull request's job requests:

${table}`
  };
}
async function graphCommand(deps, call) {
  const pull = await readPullInfo(deps.octokit, deps.repo, call.issueNumber);
  if (pull.kind !== "open") return refused("pull-not-open", "This pull request is not open.");
  const project = await readProjectAt(deps, pull.headSha);
  if (!project.ok) return refused("project-invalid", project.problem.replace(", so nothing was run", ""));
  const graph = renderMermaid(project.pipeline, project.graph, { maxChars: GRAPH_BUDGET });
  return {
    outcome: "graph",
    reaction: "rocket",
    reply: `the job graph of \`project.yaml\` at ${codeSpan(pull.headSha.slice(0, 7))}:

${graph}`
  };
}
function helpCommand(deps, call) {
  return { outcome: "help", reaction: "rocket", reply: helpText(deps, call) };
}
function helpText(deps, call) {
  return renderHelp({
    word: call.settings.commands.word,
    backends: deps.jobs?.config.backends.map((b) => b.slug) ?? [],
    defaultBackend: deps.jobs?.config.defaultBackend ?? null
  });
}

// src/app/commands/reactions.ts
async function react(octokit, repo, commentId, content, onError = () => void 0) {
  try {
    await octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content });
    return true;
  } catch (error) {
    onError(error);
    return false;
  }
}

// src/app/commands/replies.ts
var REPLY_BUDGET = 6e4;
function replyBody(commandLine, login4, text) {
  const quote = commandLine === null ? "" : `> ${codeSpan(shorten(commandLine.trim(), 300))}

`;
  const mention = text.startsWith(`@${login4} `) ? "" : `@${login4} `;
  const body = `${quote}${mention}${text}`;
  return body.length <= REPLY_BUDGET ? body : `${body.slice(0, REPLY_BUDGET)}

\u2026(cut short)
`;
}
async function postReply(octokit, repo, issueNumber, body) {
  try {
    const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
    return data.id;
  } catch (error) {
    throw new GitHubApiError(`reply on #${issueNumber}`, error);
  }
}

// src/app/job-requests/config.ts
var SLUG = /^[A-Za-z0-9_-]{1,100}$/;
function tokenVariable(slug) {
  return `TRESTLE_BACKEND_TOKEN_${slug.toUpperCase().replaceAll("-", "_")}`;
}
function jobsConfigFromEnv(env) {
  const problems = [];
  const backends = [];
  const listed = (env.TRESTLE_BACKENDS ?? "").trim();
  if (listed !== "") {
    for (const [index, entry] of listed.split(",").entries()) {
      const part = entry.trim();
      if (part === "") continue;
      const where = `TRESTLE_BACKENDS entry ${index + 1}`;
      const eq = part.indexOf("=");
      const slug = eq === -1 ? part : part.slice(0, eq).trim();
      const url = eq === -1 ? "" : part.slice(eq + 1).trim();
      if (!SLUG.test(slug)) {
        problems.push(`${where} must be slug=URL with a slug of letters, digits, - and _.`);
        continue;
      }
      const urlProblem = checkUrl(url);
      if (urlProblem !== null) {
        problems.push(`${where} (${slug}): ${urlProblem}`);
        continue;
      }
      if (backends.some((b) => b.slug === slug)) {
        problems.push(`${where} repeats the backend ${slug}.`);
        continue;
      }
      const token = env[tokenVariable(slug)];
      if (token === void 0 || token.trim() === "") {
        problems.push(`${tokenVariable(slug)} must hold the token for the backend ${slug}.`);
        continue;
      }
      backends.push({ slug, apiUrl: url.endsWith("/") ? url : `${url}/`, token: token.trim() });
    }
  }
  const wantedDefault = env.TRESTLE_DEFAULT_BACKEND?.trim() || null;
  if (wantedDefault !== null && !backends.some((b) => b.slug === wantedDefault)) {
    problems.push(`TRESTLE_DEFAULT_BACKEND names ${wantedDefault}, which TRESTLE_BACKENDS does not list.`);
  }
  let publicUrl = null;
  if (env.TRESTLE_PUBLIC_URL?.trim()) {
    const problem = checkUrl(env.TRESTLE_PUBLIC_URL.trim());
    if (problem === null) publicUrl = env.TRESTLE_PUBLIC_URL.trim().replace(/\/+$/, "");
    else problems.push(`TRESTLE_PUBLIC_URL: ${problem}`);
  }
  const host = env.GHE_HOST?.trim();
  const repoUrlTemplate = env.TRESTLE_REPO_URL?.trim() || `https://${host ? host : "github.com"}/{owner}/{repo}`;
  if (!repoUrlTemplate.includes("{owner}") || !repoUrlTemplate.includes("{repo}")) {
    problems.push("TRESTLE_REPO_URL must contain {owner} and {repo}.");
  }
  let pollIntervalMs = 3e4;
  if (env.TRESTLE_POLL_SECONDS !== void 0 && env.TRESTLE_POLL_SECONDS !== "") {
    const seconds = Number(env.TRESTLE_POLL_SECONDS);
    if (!Number.isFinite(seconds) || seconds < 0.05 || seconds > 3600) {
      problems.push("TRESTLE_POLL_SECONDS must be a number of seconds from 0.05 to 3600.");
    } else pollIntervalMs = Math.round(seconds * 1e3);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      backends,
      defaultBackend: wantedDefault ?? backends[0]?.slug ?? null,
      databasePath: env.TRESTLE_APP_DATA?.trim() || (backends.length > 0 ? "trestle-app.db" : null),
      publicUrl,
      repoUrlTemplate,
      pollIntervalMs
    }
  };
}
function checkUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return "is not a URL.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an http:// or https:// URL.";
  if (url.username !== "" || url.password !== "")
    return "must not hold credentials; tokens have their own variables.";
  return null;
}
function repoUrlFor(template2, owner, repo) {
  return template2.replaceAll("{owner}", owner).replaceAll("{repo}", repo);
}

// src/app/commands/run-command.ts
async function runCommand(deps, call, command) {
  const jobs = deps.jobs;
  if (jobs === null || jobs.config.backends.length === 0) {
    return refused("no-backend", "No backend is configured for this App, so jobs cannot be run here.");
  }
  const backend = command.backend ?? jobs.config.defaultBackend;
  const known = jobs.config.backends.map((b) => b.slug);
  if (!known.includes(backend)) {
    const guess = closest(backend, known);
    return refused(
      "unknown-backend",
      `${codeSpan(backend)} is not a backend of this App.${guess === null ? "" : ` Did you mean ${codeSpan(guess)}?`} The backends are ${known.map((k) => codeSpan(k)).join(", ")}.`
    );
  }
  const access = await checkAccess(deps, call, backend);
  if (access !== null) return access;
  const pull = await readPullInfo(deps.octokit, deps.repo, call.issueNumber);
  if (pull.kind !== "open")
    return refused("pull-not-open", "This pull request is not open, so nothing was run.");
  if (pull.fork && !call.settings.commands.forks) {
    return refused(
      "fork",
      "This pull request comes from a fork. Its code would run on the backend, so runs from forks are off unless the repository's settings allow them (`commands.forks: true`). Nothing was run."
    );
  }
  const project = await readProjectAt(deps, pull.headSha);
  if (!project.ok) return refused("project-invalid", project.problem);
  const unknown = command.actions.filter((a) => a !== RUN_ALL && !project.pipeline.actions.has(a));
  if (unknown.length > 0) {
    const names = [...project.pipeline.actions.keys()];
    const lines = unknown.map((a) => {
      const guess = closest(a, names);
      return `- ${codeSpan(a)} is not an action in \`project.yaml\`.${guess === null ? "" : ` Did you mean ${codeSpan(guess)}?`}`;
    });
    return refused("unknown-action", `Nothing was run:

${lines.join("\n")}
`);
  }
  return submit(deps, call, command, jobs, {
    backend,
    headSha: pull.headSha,
    headRef: pull.headRef,
    text: project.text
  });
}
async function submit(deps, call, command, jobs, at) {
  const naming = { owner: deps.repo.owner, repo: deps.repo.repo, branch: at.headRef, pr: call.issueNumber };
  const settings = call.settings.jobRequests;
  const inserted = jobs.service.store.insert({
    id: newJobRequestId(),
    sourceKey: `comment:${repoKey(deps.repo)}:${call.commentId}`,
    installationId: deps.installationId,
    repo: deps.repo,
    repoHtmlUrl: deps.repoHtmlUrl,
    repoUrl: repoUrlFor(jobs.config.repoUrlTemplate, deps.repo.owner, deps.repo.repo),
    pullNumber: call.issueNumber,
    commentId: call.commentId,
    backend: at.backend,
    workspace: fillTemplate(settings.workspace, naming, true),
    branch: at.headRef,
    commit: at.headSha,
    requestedActions: command.actions,
    forceRunDependencies: command.forceRunDependencies,
    requestedBy: call.login,
    organisation: fillTemplate(settings.organisation, naming),
    project: fillTemplate(settings.project, naming),
    projectDefinition: at.text,
    createdAt: deps.now()
  });
  const id = inserted.request.id;
  if (!inserted.created) return { outcome: "duplicate", reaction: null, reply: null, jobRequests: [id] };
  const outcome = await jobs.service.submit(inserted.request);
  if (outcome.kind !== "retrying") jobs.service.store.markAcknowledged(id);
  await jobs.service.publish(id, { comment: false }).catch(() => void 0);
  await deps.refreshComment(call.issueNumber);
  const url = jobs.pageUrl(id);
  const link2 = url === null ? `Job request ${codeSpan(id)}` : `[Job request ${codeSpan(id)}](${url})`;
  switch (outcome.kind) {
    case "accepted":
      return { outcome: "submitted", reaction: "rocket", reply: null, jobRequests: [id] };
    case "nothing-to-do":
      return {
        outcome: "nothing-to-do",
        reaction: "rocket",
        reply: `${link2}: nothing to do. ${outcome.request.statusMessage ?? ""}`.trim(),
        jobRequests: [id]
      };
    case "rejected":
      return {
        outcome: "rejected",
        reaction: "confused",
        reply: `${link2} was not run: ${outcome.request.statusMessage ?? "the backend refused it"}`,
        jobRequests: [id]
      };
    case "retrying":
      return {
        outcome: "backend-unreachable",
        reaction: null,
        reply: `${link2} is saved, but ${outcome.problem}. Trestle keeps submitting it until the backend takes it, and adds \u{1F680} to your comment when it does; nothing is lost.`,
        jobRequests: [id]
      };
  }
}

// src/app/commands/handle-comment.ts
var DEFAULT_WORD = "opensafely";
async function handleComment(deps, event, readSettings2) {
  const settings = await readSettings2();
  if (settings.ok && !settings.settings.commands.enabled) return { outcome: "commands-off" };
  const word = settings.ok ? settings.settings.commands.word : DEFAULT_WORD;
  const found = findCommand(event.body, word);
  if (found.kind === "none") return { outcome: "no-command" };
  const store = deps.jobs?.service.store ?? null;
  const sourceKey = `comment:${repoKey(deps.repo)}:${event.commentId}`;
  if (store !== null && !store.claimCommand(sourceKey)) return { outcome: "already-handled" };
  try {
    await react(deps.octokit, deps.repo, event.commentId, "eyes");
    const lines = event.body.replace(/\r\n?/g, "\n").split("\n");
    const line = "line" in found ? lines[found.line - 1] ?? null : null;
    const result = settings.ok ? await decide(deps, event, settings.settings, found) : refused(
      "settings-invalid",
      `commands cannot run until the repository's settings (${code(SETTINGS_PATH)} on the default branch) are fixed:

` + settings.problems.map((p) => `- ${p}`).join("\n")
    );
    if (result.reaction !== null) await react(deps.octokit, deps.repo, event.commentId, result.reaction);
    if (result.reply !== null) {
      const shown = found.kind === "too-long" && line !== null ? `${line.slice(0, 200)}\u2026` : line;
      await postReply(
        deps.octokit,
        deps.repo,
        event.issueNumber,
        replyBody(shown, event.login, result.reply)
      );
    }
    return {
      outcome: result.outcome,
      ...found.kind === "command" ? { command: found.args.split(/\s/, 1)[0].toLowerCase() || "help" } : {},
      ...result.jobRequests === void 0 ? {} : { jobRequests: result.jobRequests.join(",") }
    };
  } catch (error) {
    store?.releaseCommand(sourceKey);
    throw error;
  }
}
async function decide(deps, event, settings, found) {
  const call = {
    login: event.login,
    commentId: event.commentId,
    issueNumber: event.issueNumber,
    settings
  };
  const help = `

${helpText(deps, call)}`;
  const word = `/${settings.commands.word}`;
  switch (found.kind) {
    case "several":
      return refused(
        "several-commands",
        `write one command per comment; this one has ${found.lines.length} (on lines ${found.lines.join(", ")}), so nothing was done.${help}`
      );
    case "too-long":
      return refused(
        "too-long",
        `this command is longer than ${MAX_COMMAND_CHARS} characters, so nothing was done.`
      );
    case "near-miss":
      return refused(
        "near-miss",
        `${code(`/${found.typed}`)} is not a command. Did you mean ${code(word)}?${help}`
      );
    case "command":
      break;
  }
  if (!event.isPullRequest) {
    return refused("not-a-pull-request", `commands work in pull-request comments only; nothing was done.`);
  }
  const parsed = parseCommand(found.args);
  if (!parsed.ok) return refused("bad-command", `${parsed.problem}${help}`);
  switch (parsed.command.kind) {
    case "run":
      return runCommand(deps, call, parsed.command);
    case "cancel":
      return cancelCommand(deps, call, parsed.command);
    case "status":
      return statusCommand(deps, call);
    case "graph":
      return graphCommand(deps, call);
    case "help":
      return helpCommand(deps, call);
  }
}

// src/app/commands/payloads.ts
import { z as z4 } from "zod";
var login3 = z4.string().min(1).max(100);
var repository2 = z4.object({
  name: z4.string().min(1).max(100),
  owner: z4.object({ login: login3 }),
  html_url: z4.string().url().max(2e3).optional()
});
var installation2 = z4.object({ id: z4.number().int().positive() });
var sender = z4.object({ login: login3, type: z4.string() });
var commandCommentPayload = z4.object({
  comment: z4.object({
    id: z4.number().int().positive(),
    body: z4.string().nullable(),
    user: z4.object({ login: login3, type: z4.string() }).nullable(),
    performed_via_github_app: z4.object({ id: z4.number().int() }).nullable().optional()
  }),
  issue: z4.object({ number: z4.number().int().positive(), pull_request: z4.unknown().optional() }),
  repository: repository2,
  installation: installation2,
  sender
});
var checkRunButtonPayload = z4.object({
  action: z4.string(),
  check_run: z4.object({
    id: z4.number().int().positive(),
    head_sha: z4.string(),
    external_id: z4.string().nullable(),
    app: z4.object({ id: z4.number().int() }).nullable()
  }),
  requested_action: z4.object({ identifier: z4.string().max(100) }).nullish(),
  repository: repository2,
  installation: installation2,
  sender
});
function htmlUrlOf(payload) {
  return payload.repository.html_url ?? `https://github.com/${payload.repository.owner.login}/${payload.repository.name}`;
}

// src/app/events/issue-comment.ts
function commentSource(payload, senderIsBot) {
  const byApp = payload.comment.performed_via_github_app !== void 0 && payload.comment.performed_via_github_app !== null;
  return senderIsBot || byApp || payload.comment.user?.type === "Bot" ? "bot" : "person";
}
function onIssueComment(_deps) {
  return async (context) => {
    const payload = parsePayload(issueCommentPayload, "issue_comment", context.payload);
    const source = commentSource(payload, context.isBot);
    context.log.debug(
      { delivery: context.id, event: context.name, comment: payload.comment.id, source, outcome: "ignored" },
      source === "bot" ? "comment by a bot ignored" : "comment has no command"
    );
  };
}

// src/app/events/command-comment.ts
var MAYBE_COMMAND = /^ {0,3}\//m;
function onCommandComment(deps, jobs, now) {
  return async (context) => {
    const payload = parsePayload(commandCommentPayload, "issue_comment", context.payload);
    if (commentSource(payload, context.isBot) === "bot") return;
    const body = payload.comment.body ?? "";
    if (!MAYBE_COMMAND.test(body)) return;
    const repo = { owner: payload.repository.owner.login, repo: payload.repository.name };
    const number = payload.issue.number;
    const about = {
      key: `${repo.owner}/${repo.repo}#${number}`,
      repo: `${repo.owner}/${repo.repo}`,
      pr: number,
      comment: payload.comment.id
    };
    await handleDelivery(context, deps, about, () => {
      const handler = handlerDeps(context, deps, repo);
      const commandDeps = commandDepsFor(handler, deps, jobs, {
        installationId: payload.installation.id,
        repoHtmlUrl: htmlUrlOf(payload),
        now
      });
      return handleComment(
        commandDeps,
        {
          commentId: payload.comment.id,
          body,
          login: payload.comment.user?.login ?? payload.sender.login,
          issueNumber: number,
          isPullRequest: payload.issue.pull_request !== void 0 && payload.issue.pull_request !== null
        },
        () => commandSettings(handler)
      );
    });
  };
}
async function commandSettings(handler) {
  const result = await handler.readSettings();
  if (!result.ok) return result;
  return {
    ok: true,
    settings: { commands: result.settings.commands, jobRequests: result.settings.job_requests }
  };
}
function commandDepsFor(handler, deps, jobs, extra) {
  return {
    octokit: handler.octokit,
    repo: handler.repo,
    installationId: extra.installationId,
    repoHtmlUrl: extra.repoHtmlUrl,
    cache: deps.cache,
    files: deps.files,
    jobs,
    now: extra.now,
    refreshComment: async (number) => {
      if (jobs === null) return;
      const refreshed = await refreshJobRequestsComment(
        {
          octokit: handler.octokit,
          repo: handler.repo,
          appId: deps.appId,
          store: deps.store,
          jobRequests: jobs.service.store,
          pageUrl: jobs.pageUrl
        },
        number
      );
      if (refreshed !== "no-comment") return;
      const pull = await readPullInfo(handler.octokit, handler.repo, number);
      if (pull.kind !== "open") return;
      await reportPullRequest(handler, {
        number,
        headSha: pull.headSha,
        baseSha: pull.baseSha,
        updatedAt: null
      });
    }
  };
}

// src/app/commands/check-run-actions.ts
async function rerunFromCheck(deps, original, press) {
  const jobs = deps.jobs;
  const call = {
    login: press.login,
    commentId: 0,
    issueNumber: original.pullNumber ?? 0,
    settings: press.settings
  };
  const refusal = await checkAccess(deps, call, original.backend);
  if (refusal !== null) {
    await tell(
      deps,
      original,
      press.login,
      `could not run ${name(jobs.pageUrl(original.id), original.id)} again: ${refusal.reply}`
    );
    return { outcome: refusal.outcome };
  }
  const inserted = jobs.service.store.insert({
    ...original,
    id: newJobRequestId(),
    sourceKey: press.sourceKey,
    commentId: null,
    requestedBy: press.login,
    createdAt: deps.now()
  });
  const id = inserted.request.id;
  if (!inserted.created) return { outcome: "duplicate", jobRequests: id };
  const outcome = await jobs.service.submit(inserted.request);
  if (outcome.kind !== "retrying") jobs.service.store.markAcknowledged(id);
  await jobs.service.publish(id, { comment: false }).catch(() => void 0);
  if (original.pullNumber !== null) await deps.refreshComment(original.pullNumber);
  const link2 = name(jobs.pageUrl(id), id);
  if (outcome.kind === "rejected") {
    await tell(
      deps,
      original,
      press.login,
      `${link2} was not run: ${outcome.request.statusMessage ?? "the backend refused it"}`
    );
  } else if (outcome.kind === "retrying") {
    await tell(
      deps,
      original,
      press.login,
      `${link2} is saved, but ${outcome.problem}. Trestle keeps submitting it until the backend takes it.`
    );
  }
  return { outcome: outcome.kind === "accepted" ? "submitted" : outcome.kind, jobRequests: id };
}
async function cancelFromCheck(deps, request, press) {
  const jobs = deps.jobs;
  const call = {
    login: press.login,
    commentId: 0,
    issueNumber: request.pullNumber ?? 0,
    settings: press.settings
  };
  const refusal = await checkAccess(deps, call, null, "Nothing was cancelled.");
  if (refusal !== null) {
    await tell(
      deps,
      request,
      press.login,
      `could not cancel ${name(jobs.pageUrl(request.id), request.id)}: ${refusal.reply}`
    );
    return { outcome: refusal.outcome };
  }
  const outcome = await jobs.service.cancel(request, null);
  await jobs.service.publish(request.id, { comment: false }).catch(() => void 0);
  if (request.pullNumber !== null) await deps.refreshComment(request.pullNumber);
  if (outcome.kind === "unreachable" || outcome.kind === "no-jobs-yet") {
    const why = outcome.kind === "unreachable" ? outcome.problem : "the backend has not reported its jobs yet";
    await tell(
      deps,
      request,
      press.login,
      `could not cancel ${name(jobs.pageUrl(request.id), request.id)} (${why}); try again.`
    );
  }
  return { outcome: outcome.kind, jobRequests: request.id };
}
function name(url, id) {
  return url === null ? `job request ${codeSpan(id)}` : `[job request ${codeSpan(id)}](${url})`;
}
async function tell(deps, request, login4, text) {
  if (request.pullNumber === null) return;
  await postReply(deps.octokit, deps.repo, request.pullNumber, replyBody(null, login4, text));
}

// src/app/job-requests/job-request-check.ts
var JOB_REQUEST_EXTERNAL_PREFIX = "trestle:job-request:";
var CANCEL_ACTION = "cancel";
var RERUN_ACTION = "rerun";
var TEXT_BUDGET = 6e4;
function jobRequestCheckName(request) {
  return `Job request ${request.id} (${request.backend})`;
}
function jobRequestIdFromExternal(externalId) {
  if (externalId === null || !externalId.startsWith(JOB_REQUEST_EXTERNAL_PREFIX)) return null;
  const id = externalId.slice(JOB_REQUEST_EXTERNAL_PREFIX.length);
  return /^[a-z0-9]{16}$/.test(id) ? id : null;
}
function renderJobRequestCheck(request, jobs, pageUrl) {
  const active = isActive(request);
  const done = jobs.filter((j) => j.status === "succeeded" || j.status === "failed").length;
  let status = "completed";
  let conclusion = null;
  let title;
  if (request.submission === "waiting") {
    status = "queued";
    title = `Waiting for the backend ${request.backend}`;
  } else if (active) {
    status = request.status === "running" ? "in_progress" : "queued";
    title = jobs.length === 0 ? "Submitted; waiting for the backend's first report" : `${REQUEST_STATUS_LABELS[request.status]}: ${done} of ${jobs.length} jobs finished`;
  } else if (request.submission === "withdrawn") {
    conclusion = "cancelled";
    title = "Cancelled before it was submitted";
  } else if (request.status === "succeeded") {
    conclusion = "success";
    title = `Succeeded: ${jobs.length} job${jobs.length === 1 ? "" : "s"}`;
  } else if (request.status === "nothing_to_do") {
    conclusion = "neutral";
    title = "Nothing to do";
  } else {
    conclusion = "failure";
    const failed = jobs.filter((j) => j.status === "failed").length;
    title = jobs.length === 0 ? "Failed" : `Failed: ${failed} of ${jobs.length} jobs failed`;
  }
  const actions = request.requestedActions.map((a) => mdName(a)).join(", ");
  let summary = `Requested by @${request.requestedBy}: ${actions} on the ${codeSpan(request.backend)} backend, in the workspace ${codeSpan(request.workspace)}${request.forceRunDependencies ? ", forcing dependencies to run again" : ""}.`;
  if (pageUrl !== null) summary += `

[Job request ${request.id}](${pageUrl})`;
  if (request.statusMessage) summary += `

${shorten(visible(request.statusMessage), 4e3)}`;
  if (request.submission === "waiting" && request.lastSubmitError) {
    summary += `

${shorten(visible(request.lastSubmitError), 1e3)}; ${request.submitAttempts} attempt${request.submitAttempts === 1 ? "" : "s"} so far. Trestle keeps trying.`;
  }
  return {
    name: jobRequestCheckName(request),
    status,
    conclusion,
    title: shorten(title, 200),
    summary,
    text: jobsTable(jobs),
    detailsUrl: pageUrl,
    externalId: `${JOB_REQUEST_EXTERNAL_PREFIX}${request.id}`,
    actions: active ? [{ label: "Cancel", description: "Cancel this job request's jobs", identifier: CANCEL_ACTION }] : [{ label: "Run again", description: "Request the same actions again", identifier: RERUN_ACTION }]
  };
}
function jobsTable(jobs) {
  if (jobs.length === 0) return "No updates received from the backend yet.";
  const head = "| Action | Status | Status code | Message | Job |\n|---|---|---|---|---|\n";
  let text = head;
  for (const [index, job] of jobs.entries()) {
    const message = shorten(visible(job.statusMessage), 300).replaceAll("|", "\\|");
    const row2 = `| ${mdName(job.action, true)} | ${job.status} | ${codeSpan(job.statusCode, true)} | ${message} | ${codeSpan(job.identifier, true)} |
`;
    if (text.length + row2.length > TEXT_BUDGET) return `${text}
\u2026and ${jobs.length - index} more jobs.
`;
    text += row2;
  }
  return text;
}
async function publishJobRequestCheck(octokit, request, check) {
  const body = {
    owner: request.repo.owner,
    repo: request.repo.repo,
    name: check.name,
    status: check.status,
    ...check.conclusion === null ? {} : { conclusion: check.conclusion },
    ...check.detailsUrl === null ? {} : { details_url: check.detailsUrl },
    external_id: check.externalId,
    output: { title: check.title, summary: check.summary, text: check.text },
    actions: [...check.actions]
  };
  if (request.checkRunId === null) {
    try {
      const { data } = await octokit.rest.checks.create({ ...body, head_sha: request.commit });
      return data.id;
    } catch (error) {
      throw new GitHubApiError(`create the check run of job request ${request.id}`, error);
    }
  }
  try {
    await octokit.rest.checks.update({ ...body, check_run_id: request.checkRunId });
  } catch (error) {
    throw new GitHubApiError(`update the check run of job request ${request.id}`, error);
  }
  return request.checkRunId;
}

// src/app/events/job-request-buttons.ts
function onJobRequestButton(deps, jobs, now) {
  return async (context) => {
    const payload = parsePayload(checkRunButtonPayload, "check_run", context.payload);
    const run = payload.check_run;
    const id = jobRequestIdFromExternal(run.external_id);
    if (jobs === null || run.app?.id !== deps.appId || id === null) return;
    const request = jobs.service.store.get(id);
    const repo = { owner: payload.repository.owner.login, repo: payload.repository.name };
    if (request === void 0 || repoKey(request.repo) !== repoKey(repo)) return;
    const button = payload.action === "rerequested" ? RERUN_ACTION : payload.requested_action?.identifier ?? "";
    if (button !== RERUN_ACTION && button !== CANCEL_ACTION) return;
    const about = {
      key: request.pullNumber === null ? `${repo.owner}/${repo.repo}@${request.commit}` : `${repo.owner}/${repo.repo}#${request.pullNumber}`,
      repo: `${repo.owner}/${repo.repo}`,
      jobRequest: id,
      button
    };
    await handleDelivery(context, deps, about, async () => {
      const handler = handlerDeps(context, deps, repo);
      const settings = await commandSettings(handler);
      if (!settings.ok) return { outcome: "settings-invalid" };
      const commandDeps = commandDepsFor(handler, deps, jobs, {
        installationId: payload.installation.id,
        repoHtmlUrl: htmlUrlOf(payload),
        now
      });
      const press = {
        login: payload.sender.login,
        sourceKey: `check-run:${repoKey(repo)}:${run.id}:${context.id}`,
        settings: settings.settings
      };
      return button === RERUN_ACTION ? rerunFromCheck(commandDeps, request, press) : cancelFromCheck(commandDeps, jobs.service.store.get(id), press);
    });
  };
}

// src/app/events/pull-request.ts
var PULL_REQUEST_EVENTS = [
  "pull_request.opened",
  "pull_request.synchronize",
  "pull_request.reopened"
];
function onPullRequest(deps) {
  return async (context) => {
    const payload = parsePayload(pullRequestPayload, "pull_request", context.payload);
    const repo = repoOf(payload);
    const pr = {
      number: payload.pull_request.number,
      headSha: payload.pull_request.head.sha,
      baseSha: payload.pull_request.base.sha,
      updatedAt: payload.pull_request.updated_at
    };
    const key = `${repo.owner}/${repo.repo}#${pr.number}`;
    const about = {
      key,
      repo: `${repo.owner}/${repo.repo}`,
      pr: pr.number,
      sha: pr.headSha,
      action: payload.action
    };
    await handleDelivery(context, deps, about, () => reportPullRequest(handlerDeps(context, deps, repo), pr));
  };
}

// src/app/events/push.ts
var NO_COMMIT = /^0+$/;
function onPush(deps) {
  return async (context) => {
    const payload = parsePayload(pushPayload, "push", context.payload);
    if (payload.deleted || NO_COMMIT.test(payload.after)) return;
    if (payload.ref !== `refs/heads/${payload.repository.default_branch}`) return;
    const repo = repoOf(payload);
    deps.settings.forget(repo);
    const commit = { sha: payload.after, baseSha: NO_COMMIT.test(payload.before) ? null : payload.before };
    const key = `${repo.owner}/${repo.repo}@${commit.sha}`;
    const about = { key, repo: `${repo.owner}/${repo.repo}`, sha: commit.sha, ref: payload.ref };
    await handleDelivery(context, deps, about, () => reportCommit(handlerDeps(context, deps, repo), commit));
  };
}

// src/app/job-requests/github-publisher.ts
function githubPublisher(options) {
  return {
    async publish(request, jobs) {
      const octokit = await options.auth(request.installationId);
      const check = renderJobRequestCheck(request, jobs, options.pageUrl(request.id));
      const id = await publishJobRequestCheck(octokit, request, check);
      if (request.checkRunId !== id) options.store.setCheckRun(request.id, id);
      if (!request.acknowledged && request.submission !== "waiting") {
        await acknowledge(octokit, request, options.pageUrl(request.id));
        options.store.markAcknowledged(request.id);
      }
    },
    async refreshComment(request) {
      if (request.pullNumber === null) return;
      await options.refreshComment(await options.auth(request.installationId), request);
    }
  };
}
async function acknowledge(octokit, request, pageUrl) {
  if (request.commentId === null || request.pullNumber === null) return;
  if (request.submission === "accepted") {
    await react(octokit, request.repo, request.commentId, "rocket");
    return;
  }
  if (request.submission !== "rejected") return;
  await react(octokit, request.repo, request.commentId, "confused");
  const link2 = pageUrl === null ? `Job request \`${request.id}\`` : `[Job request \`${request.id}\`](${pageUrl})`;
  await postReply(
    octokit,
    request.repo,
    request.pullNumber,
    replyBody(
      null,
      request.requestedBy,
      `${link2} was not run: ${request.statusMessage ?? "the backend refused it"}`
    )
  );
}

// src/app/keyed-queue.ts
var KeyedQueue = class {
  #tails = /* @__PURE__ */ new Map();
  run(key, task) {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => void 0,
      () => void 0
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
  get pending() {
    return this.#tails.size;
  }
};

// src/app/settings/settings-cache.ts
var SettingsCache = class {
  constructor(now, ttlMs = 5 * 60 * 1e3, capacity = 1e4) {
    this.now = now;
    this.ttlMs = ttlMs;
    this.capacity = capacity;
  }
  now;
  ttlMs;
  capacity;
  #entries = /* @__PURE__ */ new Map();
  async get(repo, read2) {
    const key = keyOf(repo);
    const hit = this.#entries.get(key);
    if (hit !== void 0 && this.now() - hit.at < this.ttlMs) return hit.result;
    const result = await read2();
    this.#entries.delete(key);
    this.#entries.set(key, { result, at: this.now() });
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    return result;
  }
  /** The default branch of `repo` moved: its settings (or, for `.github`, its owner's) may have changed. */
  forget(repo) {
    if (repo.repo.toLowerCase() !== ".github") {
      this.#entries.delete(keyOf(repo));
      return;
    }
    const prefix = `${repo.owner.toLowerCase()}/`;
    for (const key of [...this.#entries.keys()]) if (key.startsWith(prefix)) this.#entries.delete(key);
  }
};
function keyOf(repo) {
  return `${repo.owner}/${repo.repo}`.toLowerCase();
}

// src/app/store/store.ts
function pullKeyString(key) {
  return `${key.repo.owner}/${key.repo.repo}#${key.number}`.toLowerCase();
}
function checkRunKeyString(key) {
  const repo = `${key.repo.owner}/${key.repo.repo}`.toLowerCase();
  return `${repo}@${key.sha}:${key.name}`;
}

// src/app/store/memory-store.ts
var MemoryStore = class {
  #deliveries;
  #comments;
  #checkRuns;
  #heads;
  constructor(options = {}) {
    this.#deliveries = new BoundedMap(options.deliveries ?? 5e4);
    this.#comments = new BoundedMap(options.comments ?? 5e4);
    this.#checkRuns = new BoundedMap(options.checkRuns ?? 5e4);
    this.#heads = new BoundedMap(options.comments ?? 5e4);
  }
  async claimDelivery(id) {
    if (this.#deliveries.has(id)) return false;
    this.#deliveries.set(id, true);
    return true;
  }
  async releaseDelivery(id) {
    this.#deliveries.delete(id);
  }
  async getStickyComment(key) {
    return this.#comments.get(pullKeyString(key)) ?? null;
  }
  async setStickyComment(key, comment) {
    this.#comments.set(pullKeyString(key), comment);
  }
  async getPullHead(key) {
    return this.#heads.get(pullKeyString(key)) ?? null;
  }
  async setPullHead(key, head) {
    this.#heads.set(pullKeyString(key), head);
  }
  async getCheckRun(key) {
    return this.#checkRuns.get(checkRunKeyString(key)) ?? null;
  }
  async setCheckRun(key, run) {
    this.#checkRuns.set(checkRunKeyString(key), run);
  }
};
var BoundedMap = class {
  constructor(capacity) {
    this.capacity = capacity;
  }
  capacity;
  #map = /* @__PURE__ */ new Map();
  has(key) {
    return this.#map.has(key);
  }
  get(key) {
    return this.#map.get(key);
  }
  delete(key) {
    this.#map.delete(key);
  }
  set(key, value) {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > this.capacity) {
      const oldest = this.#map.keys().next();
      if (!oldest.done) this.#map.delete(oldest.value);
    }
  }
};

// src/app/index.ts
function trestleApp(options) {
  const deps = {
    appId: options.appId,
    store: options.store ?? new MemoryStore(),
    cache: options.cache ?? new LoadCache(),
    files: new FileCache(),
    queue: new KeyedQueue(),
    settings: new SettingsCache(options.now ?? Date.now),
    jobs: options.jobs ?? null
  };
  const now = options.now ?? Date.now;
  return (app) => {
    app.on([...PULL_REQUEST_EVENTS], onPullRequest(deps));
    app.on("push", onPush(deps));
    app.on("check_run.rerequested", onCheckRunRerequested(deps));
    app.on(["check_run.rerequested", "check_run.requested_action"], onJobRequestButton(deps, deps.jobs, now));
    app.on("issue_comment.created", onCommandComment(deps, deps.jobs, now));
    app.on("issue_comment.edited", onIssueComment(deps));
    if (deps.jobs !== null) deps.jobs.service.setPublisher(publisherFor(app, deps, deps.jobs));
  };
}
function publisherFor(app, deps, jobs) {
  return githubPublisher({
    auth: async (installationId) => await app.auth(installationId),
    store: jobs.service.store,
    pageUrl: jobs.pageUrl,
    refreshComment: async (octokit, request) => {
      const { owner, repo } = request.repo;
      await deps.queue.run(
        `${owner}/${repo}#${request.pullNumber}`,
        () => refreshJobRequestsComment(
          {
            octokit,
            repo: request.repo,
            appId: deps.appId,
            store: deps.store,
            jobRequests: jobs.service.store,
            pageUrl: jobs.pageUrl
          },
          request.pullNumber
        )
      );
    }
  });
}

// src/app/job-requests/migrations.ts
var MIGRATIONS = [
  // 1: deliveries, commands acted on, the App's memory of GitHub, job requests and jobs.
  `
  CREATE TABLE deliveries (
    id TEXT PRIMARY KEY,
    claimed_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX deliveries_by_age ON deliveries(claimed_at);

  -- One row per comment (or check-run request) acted on, so a second delivery of it does nothing.
  CREATE TABLE commands (
    source_key TEXT PRIMARY KEY,
    claimed_at INTEGER NOT NULL
  ) STRICT;

  -- What the App remembers about GitHub (where its comments are, what its check runs say), by kind
  -- and key, as JSON.
  CREATE TABLE memory (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
  ) STRICT;

  CREATE TABLE job_requests (
    id TEXT PRIMARY KEY,
    source_key TEXT NOT NULL UNIQUE,
    installation_id INTEGER NOT NULL,
    repo_owner TEXT NOT NULL,
    repo_name TEXT NOT NULL,
    repo_key TEXT NOT NULL,
    repo_html_url TEXT NOT NULL,
    repo_url TEXT NOT NULL,
    pull_number INTEGER,
    comment_id INTEGER,
    backend TEXT NOT NULL,
    workspace TEXT NOT NULL,
    branch TEXT NOT NULL,
    commit_sha TEXT NOT NULL,
    requested_actions TEXT NOT NULL,
    force_run_dependencies INTEGER NOT NULL,
    requested_by TEXT NOT NULL,
    organisation TEXT NOT NULL,
    project TEXT NOT NULL,
    project_definition TEXT NOT NULL,
    status TEXT NOT NULL,
    status_message TEXT,
    submission TEXT NOT NULL,
    submit_attempts INTEGER NOT NULL DEFAULT 0,
    next_submit_at INTEGER,
    last_submit_error TEXT,
    cancelled_actions TEXT NOT NULL DEFAULT '[]',
    check_run_id INTEGER,
    -- The reaction (and, for a refusal, the reply) that ends the conversation with the requester.
    acknowledged INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    published_version INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX job_requests_by_pull ON job_requests(repo_key, pull_number, created_at);
  CREATE INDEX job_requests_by_commit ON job_requests(repo_key, commit_sha);
  CREATE INDEX job_requests_waiting ON job_requests(next_submit_at) WHERE submission = 'waiting';
  CREATE INDEX job_requests_unpublished ON job_requests(id) WHERE published_version < version;

  CREATE TABLE jobs (
    identifier TEXT PRIMARY KEY,
    job_request_id TEXT NOT NULL REFERENCES job_requests(id),
    seq INTEGER NOT NULL,
    action TEXT NOT NULL,
    run_command TEXT NOT NULL,
    status TEXT NOT NULL,
    status_code TEXT NOT NULL,
    status_message TEXT NOT NULL,
    created_at TEXT,
    updated_at TEXT,
    started_at TEXT,
    completed_at TEXT
  ) STRICT;
  CREATE INDEX jobs_by_request ON jobs(job_request_id, seq);
  `
];

// src/app/job-requests/database.ts
var AppDatabaseError = class extends AppError {
  name = "AppDatabaseError";
};
function openAppDatabase(path) {
  return openSqlite(path, MIGRATIONS, AppDatabaseError);
}

// src/app/pages/html.ts
var ENTITIES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}
function link(href, text) {
  return isWebUrl(href) ? `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}
function isWebUrl(text) {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}
function utc(value) {
  if (value === null) return "-";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return "-";
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

// src/app/pages/job-request-page.ts
var PIPELINE_SHOWN_CHARS = 2e5;
var MISSING_UPDATES_MS = 30 * 60 * 1e3;
function renderJobRequestPage(request, jobs, options) {
  const active = isActive(request);
  const status = REQUEST_STATUS_LABELS[request.status];
  const title = `Job request ${request.id} \xB7 ${status}`;
  const refresh = active ? `<meta http-equiv="refresh" content="${options.refreshSeconds}">
` : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${refresh}<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Job request <code>${escapeHtml(request.id)}</code></h1>
${statusBanner(request, jobs, options.now)}
${details(request)}
${jobsSection(request, jobs)}
${timeline(request, jobs)}
${pipeline(request)}
<footer><p>${active ? `This page reloads every ${options.refreshSeconds} seconds while the job request is active. ` : ""}Times are in UTC; job times are as the backend reports them.</p></footer>
</main>
</body>
</html>
`;
}
function statusBanner(request, jobs, now) {
  const label = REQUEST_STATUS_LABELS[request.status];
  let text = `<p class="status status-${escapeHtml(request.status)}" id="status"><strong>${escapeHtml(label)}</strong>`;
  if (request.statusMessage) text += `: ${escapeHtml(request.statusMessage)}`;
  if (request.submission === "waiting" && request.lastSubmitError) {
    text += ` (${escapeHtml(request.lastSubmitError)}; ${request.submitAttempts} attempt${request.submitAttempts === 1 ? "" : "s"} so far, next at ${utc(request.nextSubmitAt)})`;
  }
  text += "</p>";
  const newest = jobs.map((j) => Date.parse(j.updatedAt ?? "")).filter((t) => !Number.isNaN(t));
  if (isActive(request) && newest.length > 0 && now - Math.max(...newest) > MISSING_UPDATES_MS) {
    text += '\n<p class="attention" role="alert"><strong>Attention needed:</strong> the backend has not sent an update for more than 30 minutes.</p>';
  }
  return text;
}
function details(r) {
  const site = isWebUrl(r.repoHtmlUrl) ? new URL(r.repoHtmlUrl).origin : "https://github.com";
  const commit = `${r.repoHtmlUrl}/tree/${r.commit}`;
  const actions = r.requestedActions.map((a) => `<li><code>${escapeHtml(a)}</code></li>`).join("");
  const pull = r.pullNumber === null ? "-" : link(`${r.repoHtmlUrl}/pull/${r.pullNumber}`, `#${r.pullNumber}`);
  const rows = [
    ["organisation", "Organisation", escapeHtml(r.organisation)],
    ["workspace", "Workspace", escapeHtml(r.workspace)],
    ["id", "ID", `<code>${escapeHtml(r.id)}</code>`],
    ["requested-by", "Requested by", link(`${site}/${encodeURIComponent(r.requestedBy)}`, r.requestedBy)],
    ["backend", "Backend", escapeHtml(r.backend)],
    ["branch", "Branch", escapeHtml(r.branch)],
    ["force", "Force run dependencies", r.forceRunDependencies ? "Yes" : "No"],
    [
      "commit",
      "Git commit",
      `${link(commit, r.commit.slice(0, 7))} <span class="muted">(${escapeHtml(r.commit)})</span>`
    ],
    ["actions", "Requested actions", `<ul>${actions}</ul>`],
    ["repository", "Repository", link(r.repoHtmlUrl, `${r.repo.owner}/${r.repo.repo}`)],
    ["pull-request", "Pull request", pull],
    ["project", "Project", escapeHtml(r.project)]
  ];
  if (r.cancelledActions.length > 0) {
    rows.push([
      "cancelled",
      "Cancelled actions",
      r.cancelledActions.map((a) => `<code>${escapeHtml(a)}</code>`).join(", ")
    ]);
  }
  const items = rows.map(([id, name2, value]) => `<dt>${name2}</dt><dd id="field-${id}">${value}</dd>`).join("\n");
  return `<section aria-labelledby="details-title">
<h2 id="details-title">Details</h2>
<dl>
${items}
</dl>
</section>`;
}
function jobsSection(request, jobs) {
  const head = '<section aria-labelledby="jobs-title">\n<h2 id="jobs-title">Jobs</h2>\n';
  if (jobs.length === 0) {
    const why = request.submission === "accepted" || request.submission === "waiting" ? "No updates received from backend yet." : "This job request has no jobs.";
    return `${head}<p id="no-jobs">${why}</p>
</section>`;
  }
  const count2 = (s) => jobs.filter((j) => j.status.toLowerCase() === s).length;
  const complete = count2("succeeded") + count2("failed");
  const stats = ["pending", "running", "succeeded", "failed"].map((s) => `${jobStatusLabel(s)}: ${count2(s)}`).join(" \xB7 ");
  const rows = jobs.map((j) => {
    const runtime = j.startedAt !== null && j.completedAt !== null ? formatRuntime((Date.parse(j.completedAt) - Date.parse(j.startedAt)) / 1e3) : "-";
    return `<tr class="job job-${escapeHtml(j.status.toLowerCase())}"><td><code>${escapeHtml(j.action)}</code></td><td>${escapeHtml(jobStatusLabel(j.status))}</td><td><code>${escapeHtml(j.statusCode)}</code></td><td>${escapeHtml(j.statusMessage)}</td><td><code>${escapeHtml(j.identifier)}</code></td><td>${utc(j.startedAt)}</td><td>${runtime}</td></tr>`;
  }).join("\n");
  return `${head}<p id="job-stats">${complete} / ${jobs.length} complete \xB7 ${stats}</p>
<table id="jobs">
<thead><tr><th scope="col">Action</th><th scope="col">Status</th><th scope="col">Status code</th><th scope="col">Status message</th><th scope="col">Identifier</th><th scope="col">Started</th><th scope="col">Runtime</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}
function timeline(request, jobs) {
  const t = timelineOf(request, jobs);
  const rows = [
    ["created", "Created", utc(t.createdAt)],
    ["started", "Started", utc(t.startedAt)],
    ["finished", "Finished", utc(t.finishedAt)],
    ["runtime", "Runtime", formatRuntime(t.runtimeSeconds)]
  ].map(([id, name2, value]) => `<dt>${name2}</dt><dd id="timeline-${id}">${value}</dd>`).join("\n");
  return `<section aria-labelledby="timeline-title">
<h2 id="timeline-title">Timeline</h2>
<dl>
${rows}
</dl>
</section>`;
}
function pipeline(request) {
  const file = `${request.repoHtmlUrl}/blob/${request.commit}/project.yaml`;
  const text = request.projectDefinition;
  const shown = text.length > PIPELINE_SHOWN_CHARS ? text.slice(0, PIPELINE_SHOWN_CHARS) : text;
  const cut = shown.length < text.length ? `<p>The file is ${thousands(text.length)} characters long; the first ${thousands(PIPELINE_SHOWN_CHARS)} are shown.</p>
` : "";
  return `<section aria-labelledby="pipeline-title">
<h2 id="pipeline-title">Pipeline</h2>
<p>${link(file, "View project.yaml at this commit")}</p>
${cut}<pre id="pipeline"><code>${escapeHtml(shown)}</code></pre>
</section>`;
}
var STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
main{max-width:72rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
section{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:0 1rem 1rem;margin-bottom:1rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1.5rem;margin:0}dt{font-weight:600}dd{margin:0}
dd ul{margin:0;padding-left:1.2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
pre{overflow:auto;background:#f6f8fa;padding:.75rem;border-radius:6px;max-height:40rem}
.status{font-size:1.1rem;padding:.6rem 1rem;border-radius:6px;background:#ddf4ff}
.status-succeeded{background:#dafbe1}.status-failed{background:#ffebe9}.status-nothing_to_do{background:#eaeef2}
.attention{padding:.6rem 1rem;border-radius:6px;background:#fff8c5}
.job-failed td:nth-child(2){color:#cf222e;font-weight:600}.job-succeeded td:nth-child(2){color:#1a7f37}
.muted{color:#59636e;font-size:.85rem}footer{color:#59636e;font-size:.85rem}
`;

// src/app/pages/page-route.ts
var PAGE_PREFIX = "/job-requests/";
var PAGE_PATH = /^\/job-requests\/([^/]*)\/?$/;
var ID = /^[a-z0-9]{16}$/;
var HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-robots-tag": "noindex"
};
function jobRequestUrl(publicUrl, id) {
  return `${publicUrl.replace(/\/+$/, "")}${PAGE_PREFIX}${id}`;
}
function servePage(options, req, res) {
  const path = (req.url ?? "/").split("?")[0];
  if (!path.startsWith(PAGE_PREFIX)) return false;
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { ...HEADERS, allow: "GET, HEAD" });
    res.end(req.method === "HEAD" ? void 0 : errorPage("Method not allowed", "Pages can only be read."));
    return true;
  }
  const id = PAGE_PATH.exec(path)?.[1];
  const request = id !== void 0 && ID.test(id) ? options.store.get(id) : void 0;
  if (request === void 0) {
    res.writeHead(404, HEADERS);
    res.end(
      req.method === "HEAD" ? void 0 : errorPage("No such job request", "There is no job request with this ID on this App.")
    );
    return true;
  }
  const html = renderJobRequestPage(request, options.store.jobs(request.id), {
    refreshSeconds: options.refreshSeconds ?? 10,
    now: (options.now ?? Date.now)()
  });
  res.writeHead(200, HEADERS);
  res.end(req.method === "HEAD" ? void 0 : html);
  return true;
}
function errorPage(title, text) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main></body></html>
`;
}

// src/app/job-requests/backend-clients.ts
var BackendClients = class {
  #clients = /* @__PURE__ */ new Map();
  constructor(backends, tuning = {}) {
    for (const backend of backends) {
      this.#clients.set(
        backend.slug,
        new RapClient({ baseUrl: backend.apiUrl, token: backend.token, ...tuning })
      );
    }
  }
  get(slug) {
    return this.#clients.get(slug);
  }
  get slugs() {
    return [...this.#clients.keys()];
  }
};

// src/app/job-requests/poll.ts
var IDS_PER_CALL = 500;
async function pollJobRequests(store, clients, requests = store.polled()) {
  const byBackend = /* @__PURE__ */ new Map();
  for (const request of requests) {
    const list = byBackend.get(request.backend) ?? [];
    list.push(request);
    byBackend.set(request.backend, list);
  }
  const changed = [];
  const unreachable = /* @__PURE__ */ new Map();
  await Promise.all(
    [...byBackend].map(async ([backend, list]) => {
      const client = clients.get(backend);
      if (client === void 0) {
        unreachable.set(backend, "not configured");
        return;
      }
      for (let i = 0; i < list.length; i += IDS_PER_CALL) {
        const chunk = list.slice(i, i + IDS_PER_CALL);
        let result;
        try {
          result = await client.status(chunk.map((r) => r.id));
        } catch (error) {
          if (!(error instanceof RapClientError)) throw error;
          unreachable.set(backend, error.message);
          return;
        }
        if (!result.ok) {
          unreachable.set(backend, `${result.body.error}: ${result.body.details}`);
          return;
        }
        const unrecognised = new Set(result.body.unrecognised_rap_ids);
        for (const request of chunk) {
          if (unrecognised.has(request.id)) {
            store.settleSubmission(
              request.id,
              "accepted",
              "failed",
              `The backend ${backend} no longer knows this job request.`
            );
            changed.push(request.id);
            continue;
          }
          const jobs = result.body.jobs.filter((j) => j.rap_id === request.id);
          if (store.applyStatus(request.id, jobs).changed) changed.push(request.id);
        }
      }
    })
  );
  return { changed, unreachable };
}

// src/app/job-requests/cancel.ts
var CANCELLABLE = /* @__PURE__ */ new Set(["pending", "running"]);
async function cancelJobRequest(store, clients, request, actions) {
  if (request.submission === "waiting") {
    const withdrawn = store.settleSubmission(
      request.id,
      "withdrawn",
      "failed",
      "Cancelled before the backend accepted it."
    );
    return { kind: "withdrawn", request: withdrawn };
  }
  if (!isActive(request)) return { kind: "not-active", request };
  const client = clients.get(request.backend);
  if (client === void 0) {
    return { kind: "unreachable", request, problem: `the backend ${request.backend} is not configured` };
  }
  const refreshed = await pollJobRequests(store, clients, [request]);
  const current = store.get(request.id);
  if (refreshed.unreachable.has(request.backend)) {
    return { kind: "unreachable", request: current, problem: refreshed.unreachable.get(request.backend) };
  }
  if (!isActive(current)) return { kind: "not-active", request: current };
  const jobs = store.jobs(request.id);
  if (jobs.length === 0) return { kind: "no-jobs-yet", request: current };
  const running = jobs.filter(
    (j) => CANCELLABLE.has(j.status) && !current.cancelledActions.includes(j.action)
  );
  const wanted = actions === null ? running : running.filter((j) => actions.includes(j.action));
  const notFound = actions === null ? [] : actions.filter((a) => !running.some((j) => j.action === a));
  if (wanted.length === 0) return { kind: "nothing-to-cancel", request: current, notFound };
  const names = wanted.map((j) => j.action);
  try {
    const result = await client.cancel({ rap_id: request.id, actions: names });
    if (!result.ok) {
      if (result.status === 404) return { kind: "nothing-to-cancel", request: current, notFound: names };
      return {
        kind: "unreachable",
        request: current,
        problem: `${result.body.error}: ${result.body.details}`
      };
    }
  } catch (error) {
    if (!(error instanceof RapClientError)) throw error;
    return { kind: "unreachable", request: current, problem: error.message };
  }
  return { kind: "cancelled", request: store.addCancelled(request.id, names), actions: names };
}

// src/app/job-requests/submit.ts
var SUBMIT_GIVE_UP_MS = 24 * 60 * 60 * 1e3;
var MAX_RETRY_DELAY_MS = 10 * 60 * 1e3;
function createBody(request) {
  return {
    rap_id: request.id,
    backend: request.backend,
    workspace: request.workspace,
    repo_url: request.repoUrl,
    branch: request.branch,
    commit: request.commit,
    database_name: "default",
    requested_actions: [...request.requestedActions],
    // The App does not check codelists against OpenCodelists; the backend repeats its own checks.
    codelists_ok: true,
    force_run_dependencies: request.forceRunDependencies,
    created_by: request.requestedBy,
    project: request.project,
    orgs: [request.organisation]
  };
}
async function submitJobRequest(context, request) {
  const { store } = context;
  if (context.client === void 0) {
    const message = `The backend ${request.backend} is not configured for this App.`;
    return { kind: "rejected", request: store.settleSubmission(request.id, "rejected", "failed", message) };
  }
  let problem;
  try {
    const result = await context.client.create(createBody(request));
    if (result.ok) {
      const { body } = result;
      if (body.result === "Nothing to do") {
        return {
          kind: "nothing-to-do",
          request: store.settleSubmission(request.id, "accepted", "nothing_to_do", body.details)
        };
      }
      return {
        kind: "accepted",
        request: store.settleSubmission(request.id, "accepted", "pending", null),
        jobs: body.count
      };
    }
    if (result.status !== 401) {
      const message = `${result.body.error}: ${result.body.details}`;
      return { kind: "rejected", request: store.settleSubmission(request.id, "rejected", "failed", message) };
    }
    problem = `the backend ${request.backend} did not accept the App's token`;
  } catch (error) {
    if (!(error instanceof RapClientError)) throw error;
    problem = `the backend ${request.backend} could not be reached (${error.message})`;
  }
  const now = context.now();
  if (now - request.createdAt >= SUBMIT_GIVE_UP_MS) {
    const message = `Not submitted: ${problem} for 24 hours.`;
    return { kind: "rejected", request: store.settleSubmission(request.id, "rejected", "failed", message) };
  }
  const delay = Math.min(MAX_RETRY_DELAY_MS, context.retryBaseMs * 2 ** request.submitAttempts);
  return { kind: "retrying", request: store.retrySubmission(request.id, problem, now + delay), problem };
}

// src/app/job-requests/service.ts
var JobRequestService = class {
  store;
  clients;
  #interval;
  #now;
  #log;
  #publishing = new KeyedQueue();
  #publisher = null;
  #timer = null;
  #round = null;
  #again = false;
  #running = false;
  constructor(options) {
    this.store = options.store;
    this.clients = options.clients;
    this.#interval = options.pollIntervalMs;
    this.#now = options.now ?? Date.now;
    this.#log = options.log ?? (() => void 0);
  }
  /** The App sets this once it can reach GitHub; until then nothing is published. */
  setPublisher(publisher) {
    this.#publisher = publisher;
  }
  submit(request) {
    return submitJobRequest(
      {
        store: this.store,
        client: this.clients.get(request.backend),
        now: this.#now,
        retryBaseMs: this.#interval
      },
      request
    );
  }
  async cancel(request, actions) {
    const outcome = await cancelJobRequest(this.store, this.clients, request, actions);
    if (outcome.kind === "cancelled") this.kick();
    return outcome;
  }
  /**
   * Shows one request's latest state on GitHub now, if GitHub does not show it yet. The comment is
   * refreshed after the request's own turn ends: waiting for the pull request's turn while holding
   * the request's could deadlock with a command that holds the first and publishes the request.
   */
  async publish(id, options = { comment: true }) {
    const publisher = this.#publisher;
    if (publisher === null) return;
    const published = await this.#publishing.run(id, async () => {
      const request = this.store.get(id);
      if (request === void 0 || request.publishedVersion >= request.version) return null;
      await publisher.publish(request, this.store.jobs(id));
      this.store.markPublished(id, request.version);
      return request;
    });
    if (published !== null && options.comment && published.pullNumber !== null) {
      await publisher.refreshComment(published);
    }
  }
  /** One round: submit what is due, poll what is active, publish what changed. */
  async runOnce() {
    for (const request of this.store.dueForSubmission()) {
      const outcome = await this.submit(request);
      this.#log(
        outcome.kind === "retrying" ? "warn" : "info",
        { jobRequest: request.id, backend: request.backend, outcome: outcome.kind },
        "job request submitted again"
      );
    }
    const polled = await pollJobRequests(this.store, this.clients);
    for (const [backend, problem] of polled.unreachable) {
      this.#log("warn", { backend, problem }, "backend could not be polled; it is asked again next round");
    }
    for (const request of this.store.unpublished()) {
      try {
        await this.publish(request.id);
      } catch (error) {
        this.#log(
          "warn",
          { jobRequest: request.id, error: error instanceof Error ? error.message : String(error) },
          "job request could not be shown on GitHub; it is tried again next round"
        );
      }
    }
  }
  start() {
    if (this.#running) return;
    this.#running = true;
    this.#schedule(0);
  }
  /** Runs a round as soon as the current one (if any) ends. */
  kick() {
    if (!this.#running) return;
    if (this.#round !== null) {
      this.#again = true;
      return;
    }
    this.#schedule(0);
  }
  async stop() {
    this.#running = false;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#round;
  }
  #schedule(delay) {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#round = this.runOnce().catch((error) => {
        this.#log(
          "error",
          { error: error instanceof Error ? error.message : String(error) },
          "poll round failed"
        );
      }).finally(() => {
        this.#round = null;
        if (!this.#running) return;
        const again = this.#again;
        this.#again = false;
        this.#schedule(again ? 0 : this.#interval);
      });
    }, delay);
    this.#timer.unref();
  }
};

// src/app/job-requests/runtime.ts
function createJobsRuntime(options) {
  const now = options.now ?? Date.now;
  const store = new JobRequestStore(options.db, now);
  const service = new JobRequestService({
    store,
    clients: new BackendClients(options.config.backends, options.clientTuning),
    pollIntervalMs: options.config.pollIntervalMs,
    now,
    ...options.log === void 0 ? {} : { log: options.log }
  });
  return {
    service,
    config: options.config,
    pageUrl: (id) => {
      const base = options.config.publicUrl ?? options.fallbackUrl?.() ?? null;
      return base === null ? null : jobRequestUrl(base, id);
    }
  };
}

// src/app/store/sqlite-store.ts
var DELIVERY_MEMORY_MS = 30 * 24 * 60 * 60 * 1e3;
var SqliteStore = class {
  #db;
  #now;
  #claims = 0;
  constructor(db, now = Date.now) {
    this.#db = db;
    this.#now = now;
  }
  async claimDelivery(id) {
    if (++this.#claims % 1e3 === 1) {
      this.#db.prepare("DELETE FROM deliveries WHERE claimed_at < ?").run(this.#now() - DELIVERY_MEMORY_MS);
    }
    const result = this.#db.prepare("INSERT OR IGNORE INTO deliveries (id, claimed_at) VALUES (?, ?)").run(id, this.#now());
    return result.changes === 1;
  }
  async releaseDelivery(id) {
    this.#db.prepare("DELETE FROM deliveries WHERE id = ?").run(id);
  }
  async getStickyComment(key) {
    return this.#get("comment", pullKeyString(key));
  }
  async setStickyComment(key, comment) {
    this.#set("comment", pullKeyString(key), comment);
  }
  async getPullHead(key) {
    return this.#get("head", pullKeyString(key));
  }
  async setPullHead(key, head) {
    this.#set("head", pullKeyString(key), head);
  }
  async getCheckRun(key) {
    return this.#get("check", checkRunKeyString(key));
  }
  async setCheckRun(key, run) {
    this.#set("check", checkRunKeyString(key), run);
  }
  #get(kind, key) {
    const row2 = this.#db.prepare("SELECT value FROM memory WHERE kind = ? AND key = ?").get(kind, key);
    return row2 === void 0 ? null : JSON.parse(row2.value);
  }
  #set(kind, key, value) {
    this.#db.prepare(
      `INSERT INTO memory (kind, key, value, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(kind, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`
    ).run(kind, key, JSON.stringify(value), this.#now());
  }
};

// src/cli/commands/app-serve.ts
async function runApp(flags, env) {
  const merged = {
    ...env,
    ...flags.port === void 0 ? {} : { PORT: flags.port },
    ...flags.host === void 0 ? {} : { HOST: flags.host }
  };
  const configured = await appConfigFromEnv(merged);
  if (!configured.ok) {
    writeStderr(`trestle app: cannot start:
${configured.problems.map((p) => `  - ${p}
`).join("")}`);
    return EXIT_USAGE;
  }
  const { config } = configured;
  const jobsConfig = jobsConfigFromEnv(merged);
  if (!jobsConfig.ok) {
    writeStderr(`trestle app: cannot start:
${jobsConfig.problems.map((p) => `  - ${p}
`).join("")}`);
    return EXIT_USAGE;
  }
  const jobs = openJobs(jobsConfig.config, config.probot);
  if (!jobs.ok) {
    writeStderr(`trestle app: cannot start: ${jobs.problem}
`);
    return EXIT_USAGE;
  }
  let server;
  try {
    server = await startAppServer({
      probot: config.probot,
      app: trestleApp({
        appId: config.appId,
        ...jobs.db === null ? {} : { store: new SqliteStore(jobs.db) },
        ...jobs.runtime === null ? {} : { jobs: jobs.runtime }
      }),
      port: config.port,
      host: config.host,
      webhookPath: config.webhookPath,
      ...jobs.runtime === null ? {} : { routes: (req, res) => servePage({ store: jobs.runtime.service.store }, req, res) }
    });
  } catch (error) {
    jobs.db?.close();
    writeStderr(`trestle app: cannot start: ${error instanceof Error ? error.message : String(error)}
`);
    return EXIT_USAGE;
  }
  jobs.serverUrl = server.url;
  jobs.runtime?.service.start();
  writeStderr(`trestle app: listening on ${server.url} (webhooks: ${server.webhookUrl})
`);
  if (jobs.runtime !== null) {
    const slugs = jobsConfig.config.backends.map((b) => b.slug).join(", ") || "none";
    writeStderr(`trestle app: job requests kept in ${jobsConfig.config.databasePath}; backends: ${slugs}
`);
    if (jobsConfig.config.publicUrl === null) {
      writeStderr(
        `trestle app: TRESTLE_PUBLIC_URL is not set; job request pages are linked at ${server.url}
`
      );
    }
  }
  const signal = await untilStopSignal();
  writeStderr(`trestle app: ${signal} received, finishing deliveries in progress
`);
  await jobs.runtime?.service.stop();
  await server.close();
  jobs.db?.close();
  return EXIT_OK;
}
function openJobs(config, probot) {
  if (config.databasePath === null) return { ok: true, db: null, runtime: null, serverUrl: null };
  let db;
  try {
    db = openAppDatabase(config.databasePath);
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
  const holder = { serverUrl: null };
  const runtime = createJobsRuntime({
    config,
    db,
    fallbackUrl: () => holder.serverUrl,
    log: (level, fields, message) => probot.log[level](fields, message)
  });
  return {
    ok: true,
    db,
    runtime,
    get serverUrl() {
      return holder.serverUrl;
    },
    set serverUrl(url) {
      holder.serverUrl = url;
    }
  };
}
export {
  runApp
};
