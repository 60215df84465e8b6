#!/usr/bin/env node
import {
  DEFAULT_MAX_WORKERS,
  EXECUTORS,
  LOG_LEVELS
} from "./chunk-WVMR5CH2.js";
import {
  processAlive,
  selectExecutor,
  startRun
} from "./chunk-6BBD7AXQ.js";
import {
  RAP_BASE_PATH,
  RESET_STATUS_CODES,
  cancelRequestSchema,
  createRequestSchema,
  isCompletedState,
  jobIdentifier,
  openApiDocument,
  openSqlite,
  parseBody,
  stateOfStatusCode,
  statusRequestSchema,
  untilStopSignal
} from "./chunk-XQ7QCEBR.js";
import {
  RUN_ALL,
  loadPipeline,
  textIssue,
  writeStderr
} from "./chunk-RPOEXDFF.js";
import {
  EXIT_OK,
  EXIT_USAGE
} from "./chunk-LRK5QGZ7.js";

// src/backend/backend.ts
import { mkdirSync as mkdirSync2 } from "node:fs";
import { join as join4, resolve } from "node:path";

// src/backend/data-lock.ts
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
var held = /* @__PURE__ */ new Set();
function lockDataDir(dataDir) {
  const path = join(dataDir, "backend.lock");
  if (held.has(path)) return { ok: false, message: `another backend in this process is using ${dataDir}` };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(path);
      return {
        ok: true,
        release: () => {
          held.delete(path);
          try {
            if (readFileSync(path, "utf8").trim() === String(process.pid)) rmSync(path);
          } catch {
          }
        }
      };
    } catch (error) {
      if (error.code !== "EEXIST") {
        return { ok: false, message: `cannot lock ${dataDir}: ${error.message}` };
      }
      let owner = Number.NaN;
      try {
        owner = Number.parseInt(readFileSync(path, "utf8").trim(), 10);
      } catch {
      }
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processAlive(owner)) {
        return { ok: false, message: `another backend (pid ${owner}) is using ${dataDir}` };
      }
      rmSync(path, { force: true });
    }
  }
  return { ok: false, message: `cannot lock ${dataDir}` };
}

// src/backend/http/server.ts
import Fastify from "fastify";

// src/backend/create.ts
import { randomBytes } from "node:crypto";

// src/backend/planner.ts
var ALL_COMPLETED = "All actions have already completed successfully";
var ALL_SCHEDULED = "All requested actions were already scheduled to run";
function shouldRerun(job, action, input) {
  if (job.state === "pending" || job.state === "running") return false;
  if (input.requestedActions.includes(action)) return true;
  if (input.forceRunDependencies) return true;
  return job.state === "failed";
}
function planJobs(input) {
  const { pipeline } = input;
  const toRun = input.requestedActions.includes(RUN_ALL) ? pipeline.allActions : input.requestedActions;
  const known = /* @__PURE__ */ new Map();
  for (const [action, job] of input.workspaceState) {
    if (pipeline.actions.has(action)) known.set(action, { id: job.id, state: job.state, isNew: false });
  }
  const created = [];
  for (const root of toRun) {
    const stack = [];
    const enter = (action) => {
      if (!pipeline.actions.has(action)) return `Action '${action}' not found in project.yaml`;
      const existing = known.get(action);
      if (existing && (existing.isNew || !shouldRerun(existing, action, input))) return null;
      if (stack.some((f) => f.action === action)) return null;
      stack.push({ action, next: 0 });
      return null;
    };
    const error = enter(root);
    if (error) return { kind: "error", message: error };
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const spec = pipeline.actions.get(frame.action);
      if (frame.next < spec.needs.length) {
        const needError = enter(spec.needs[frame.next++]);
        if (needError) return { kind: "error", message: needError };
        continue;
      }
      stack.pop();
      const waitFor = [];
      for (const need of new Set(spec.needs)) {
        const dep = known.get(need);
        if (dep && (dep.state === "pending" || dep.state === "running")) waitFor.push(dep.id);
      }
      const id = jobIdentifier(input.rapId, frame.action);
      known.set(frame.action, { id, state: "pending", isNew: true });
      created.push({
        id,
        action: frame.action,
        runCommand: spec.jobCommand,
        requiresDb: spec.run.isDatabaseAction,
        waitFor
      });
    }
  }
  if (created.length === 0) {
    if (input.requestedActions.includes(RUN_ALL)) return { kind: "nothing_to_do", message: ALL_COMPLETED };
    return { kind: "nothing_to_do", message: ALL_SCHEDULED };
  }
  if (!input.codelistsOk) {
    const db = created.find((j) => j.requiresDb);
    if (db) return { kind: "error", message: `Codelists are out of date (required by action ${db.action})` };
  }
  return { kind: "jobs", jobs: created };
}

// src/backend/create.ts
function newTraceContext() {
  const id = randomBytes(24).toString("hex");
  return { traceparent: `00-${id.slice(0, 32)}-${id.slice(32)}-01` };
}
var creatingError = (details) => ({
  status: 400,
  body: { error: "Error creating jobs", details }
});
function repeated(existing, request, store) {
  const same = existing.backend === request.backend && existing.workspace === request.workspace && existing.repo_url === request.repo_url && existing.commit_sha === request.commit;
  if (!same) {
    return {
      status: 400,
      body: {
        error: "Inconsistent request data",
        details: `rap_id '${request.rap_id}' already exists with a different backend, workspace, repository or commit`,
        rap_id: request.rap_id
      }
    };
  }
  return {
    status: 200,
    body: {
      result: "No change",
      details: `Jobs already created for rap_id '${request.rap_id}'`,
      rap_id: request.rap_id,
      count: store.countJobs(request.rap_id)
    }
  };
}
async function createJobRequest(deps, request, tokenBackends) {
  try {
    if (!tokenBackends.includes(request.backend)) return creatingError("Unknown error");
    const before = deps.store.jobRequest(request.rap_id);
    if (before !== void 0) return repeated(before, request, deps.store);
    const project = await deps.projects.load({
      repoUrl: request.repo_url,
      branch: request.branch,
      commit: request.commit
    });
    if (!project.ok) return creatingError(project.message);
    const reply = deps.store.transaction(() => {
      const existing = deps.store.jobRequest(request.rap_id);
      if (existing !== void 0) return repeated(existing, request, deps.store);
      const plan = planJobs({
        rapId: request.rap_id,
        pipeline: project.pipeline,
        requestedActions: request.requested_actions,
        forceRunDependencies: request.force_run_dependencies,
        codelistsOk: request.codelists_ok,
        workspaceState: deps.store.workspaceState(request.backend, request.workspace)
      });
      if (plan.kind === "error") return creatingError(plan.message);
      if (plan.kind === "nothing_to_do") {
        return {
          status: 200,
          body: { result: "Nothing to do", details: plan.message, rap_id: request.rap_id, count: 0 }
        };
      }
      deps.store.insertJobRequest(
        {
          rapId: request.rap_id,
          backend: request.backend,
          workspace: request.workspace,
          repoUrl: request.repo_url,
          branch: request.branch,
          commit: request.commit,
          requestedActions: request.requested_actions,
          forceRunDependencies: request.force_run_dependencies,
          codelistsOk: request.codelists_ok,
          createdBy: request.created_by,
          project: request.project,
          original: request
        },
        plan.jobs.map((job) => ({ ...job, traceContext: newTraceContext() })),
        deps.now()
      );
      return {
        status: 201,
        body: {
          result: "Success",
          details: `Jobs created for rap_id '${request.rap_id}'`,
          rap_id: request.rap_id,
          count: plan.jobs.length
        }
      };
    });
    if (reply.status === 201) deps.onJobsCreated();
    return reply;
  } catch (error) {
    deps.logError("create failed unexpectedly", error);
    return creatingError("Unknown error");
  }
}

// src/backend/http/api-format.ts
var iso = (ms) => new Date(ms).toISOString();
var isoOrNull = (ms) => ms === null ? null : iso(ms);
var flagTime = (ms) => ms === null ? null : iso(ms).replace(/Z$/, "000Z");
function jobToApi(row) {
  return {
    identifier: row.id,
    rap_id: row.rap_id,
    backend: row.backend,
    action: row.action,
    run_command: row.run_command,
    status: row.state,
    status_code: row.status_code,
    status_message: row.status_message,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    started_at: isoOrNull(row.started_at),
    completed_at: isoOrNull(row.completed_at),
    trace_context: row.trace_context === null ? null : JSON.parse(row.trace_context),
    metrics: JSON.parse(row.metrics),
    requires_db: row.requires_db !== 0
  };
}
function backendToApi(slug, row) {
  return {
    slug,
    name: slug,
    last_seen: flagTime(row?.last_seen ?? null),
    paused: { status: row?.paused ? "on" : "off", since: flagTime(row?.paused_since ?? null) },
    // The reference backend has no database, so it is never in database maintenance.
    db_maintenance: { status: "off", since: null, type: null }
  };
}

// src/backend/http/rap-routes.ts
function fail(reply, status, body) {
  return reply.code(status).send(body);
}
function authenticate(deps, request, reply) {
  const token = request.headers.authorization;
  if (token === void 0 || token === "") {
    fail(reply, 401, { error: "Unauthorized", details: "No token provided" });
    return null;
  }
  const backends = deps.tokens.backendsFor(token);
  if (backends === null) {
    fail(reply, 401, { error: "Unauthorized", details: "Invalid token" });
    return null;
  }
  return backends;
}
function decode(schema, request, reply) {
  let data;
  try {
    data = JSON.parse(typeof request.body === "string" ? request.body : "");
  } catch {
    fail(reply, 400, { error: "Validation error", details: "could not parse JSON from request body" });
    return null;
  }
  const parsed = parseBody(schema, data);
  if (!parsed.ok) {
    fail(reply, 400, { error: "Validation error", details: parsed.details });
    return null;
  }
  return parsed.value;
}
var ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
function onlyMethod(app, url, allowed) {
  const others = ALL_METHODS.filter((m) => m !== allowed && !(allowed === "GET" && m === "HEAD"));
  app.route({
    method: [...others],
    url,
    handler: (_request, reply) => reply.code(405).header("Allow", allowed).send({ error: "Method not allowed", details: `Use ${allowed} for this endpoint` })
  });
}
function registerRapRoutes(app, deps) {
  const base = RAP_BASE_PATH;
  app.post(`${base}rap/create/`, async (request, reply) => {
    const backends = authenticate(deps, request, reply);
    if (backends === null) return reply;
    const body = decode(createRequestSchema, request, reply);
    if (body === null) return reply;
    const result = await createJobRequest(deps, body, backends);
    request.log.info({ rap_id: body.rap_id, status: result.status }, "create");
    return reply.code(result.status).send(result.body);
  });
  onlyMethod(app, `${base}rap/create/`, "POST");
  app.post(`${base}rap/cancel/`, async (request, reply) => {
    const backends = authenticate(deps, request, reply);
    if (backends === null) return reply;
    const body = decode(cancelRequestSchema, request, reply);
    if (body === null) return reply;
    const outcome = deps.store.cancel(body.rap_id, body.actions, backends);
    if (outcome.kind === "no_jobs") {
      return fail(reply, 404, {
        error: "jobs not found",
        details: `No jobs found for rap_id ${body.rap_id}`,
        rap_id: body.rap_id
      });
    }
    if (outcome.kind === "not_found") {
      return fail(reply, 404, {
        error: "jobs not found",
        details: `Jobs matching requested cancelled actions could not be found: ${outcome.notFound.join(",")}`,
        rap_id: body.rap_id,
        not_found: [...outcome.notFound]
      });
    }
    request.log.info({ rap_id: body.rap_id, actions: body.actions }, "cancel");
    deps.onCancelled();
    const answer = {
      result: "Success",
      details: `${outcome.count} actions cancelled`,
      count: outcome.count
    };
    return reply.code(200).send(answer);
  });
  onlyMethod(app, `${base}rap/cancel/`, "POST");
  app.post(`${base}rap/status/`, async (request, reply) => {
    const backends = authenticate(deps, request, reply);
    if (backends === null) return reply;
    const body = decode(statusRequestSchema, request, reply);
    if (body === null) return reply;
    const jobs = deps.store.jobsFor(body.rap_ids, backends);
    const seen = new Set(jobs.map((j) => j.rap_id));
    const unrecognised = [...new Set(body.rap_ids.filter((id) => !seen.has(id)))];
    return reply.code(200).send({ jobs: jobs.map(jobToApi), unrecognised_rap_ids: unrecognised });
  });
  onlyMethod(app, `${base}rap/status/`, "POST");
  app.get(`${base}backend/status/`, async (request, reply) => {
    const backends = authenticate(deps, request, reply);
    if (backends === null) return reply;
    return reply.code(200).send({ backends: backends.map((slug) => backendToApi(slug, deps.store.backend(slug))) });
  });
  onlyMethod(app, `${base}backend/status/`, "GET");
}

// src/backend/http/server.ts
var BODY_LIMIT = 1024 * 1024;
var DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>RAP API</title></head>
<body><h1>RAP API</h1>
<p>The OpenAPI document of this backend is at <a href="${RAP_BASE_PATH}spec.json">${RAP_BASE_PATH}spec.json</a>.</p>
<p>Send the token in the <code>Authorization</code> header, without a <code>Bearer</code> prefix.</p>
</body></html>
`;
function buildServer(options, deps) {
  const app = Fastify({
    logger: options.logger,
    bodyLimit: BODY_LIMIT,
    routerOptions: { ignoreTrailingSlash: true },
    forceCloseConnections: true,
    return503OnClosing: true
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return reply.code(413).send({ error: "Request too large", details: `The body is larger than ${BODY_LIMIT} bytes` });
    }
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ error: "Bad request", details: error.message });
    }
    request.log.error({ err: error }, "request failed");
    return reply.code(500).send({ error: "Internal error", details: "Unknown error" });
  });
  app.setNotFoundHandler(
    (request, reply) => reply.code(404).send({ error: "Not found", details: `No endpoint at ${request.method} ${request.url.slice(0, 200)}` })
  );
  app.get("/healthz", async (_request, reply) => {
    try {
      return reply.code(200).send({ status: "ok", ...options.health() });
    } catch (error) {
      app.log.error({ err: error }, "health check failed");
      return reply.code(503).send({ status: "unavailable" });
    }
  });
  app.get(`${RAP_BASE_PATH}spec.json`, async (_request, reply) => reply.send(openApiDocument()));
  app.get(`${RAP_BASE_PATH}docs/`, async (_request, reply) => reply.type("text/html").send(DOCS_PAGE));
  registerRapRoutes(app, deps);
  return app;
}

// src/backend/repos.ts
import { createHash } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join as join2 } from "node:path";

// src/backend/git-process.ts
import { spawn } from "node:child_process";
var PROTOCOL_CONFIG = [
  "-c",
  "protocol.allow=never",
  "-c",
  "protocol.file.allow=always",
  "-c",
  "protocol.https.allow=always",
  "-c",
  "protocol.http.allow=always",
  // Symlinks from a repository become plain files, so a checkout cannot point outside its folder.
  "-c",
  "core.symlinks=false"
];
var BASE_ENV = {
  GIT_TERMINAL_PROMPT: "0",
  GIT_ASKPASS: "true",
  SSH_ASKPASS: "true",
  GCM_INTERACTIVE: "never",
  LC_ALL: "C"
};
function runGit(args, options) {
  const maxOutput = options.maxOutputBytes ?? 64 * 1024 * 1024;
  return new Promise((resolve2) => {
    const child = spawn("git", [...PROTOCOL_CONFIG, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...BASE_ENV, ...options.env },
      stdio: ["ignore", "pipe", "pipe"]
    });
    const chunks = [];
    let size = 0;
    let stderr = "";
    let timedOut = false;
    let overflow = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs);
    child.stdout.on("data", (chunk) => {
      size += chunk.length;
      if (size > maxOutput) {
        overflow = true;
        child.kill("SIGKILL");
      } else chunks.push(chunk);
    });
    child.stderr.on("data", (chunk) => {
      if (stderr.length < 64 * 1024) stderr += chunk.toString("utf8");
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve2({ code: -1, stdout: Buffer.alloc(0), stderr: error.message, timedOut: false });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const tail = overflow ? `${stderr}
output larger than ${maxOutput} bytes` : stderr;
      resolve2({ code: overflow ? -1 : code ?? -1, stdout: Buffer.concat(chunks), stderr: tail, timedOut });
    });
  });
}
function lastLine(stderr) {
  const lines = stderr.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  return lines[lines.length - 1] ?? "git failed";
}

// src/backend/repos.ts
var SCHEMES = /* @__PURE__ */ new Set(["https:", "http:", "file:"]);
function checkRepoUrl(url, policy) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return `Repository URL ${url} is not a valid URL`;
  }
  if (!SCHEMES.has(parsed.protocol))
    return `Repository URL ${url} must start with https://, http:// or file://`;
  if (parsed.username !== "" || parsed.password !== "") return "Repository URLs must not contain credentials";
  if ([...url].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)) {
    return "Repository URL contains control characters";
  }
  if (policy.allowedPrefixes.length > 0 && !policy.allowedPrefixes.some((p) => url.startsWith(p))) {
    return `Repository ${url} is not allowed on this backend`;
  }
  return null;
}
var RepoCache = class {
  #root;
  #timeoutMs;
  /** One git operation at a time per repository: fetches into the same clone would race on refs. */
  #queues = /* @__PURE__ */ new Map();
  constructor(root, timeoutMs) {
    this.#root = root;
    this.#timeoutMs = timeoutMs;
    mkdirSync(root, { recursive: true });
  }
  gitDir(url) {
    const key = createHash("sha256").update(url, "utf8").digest("hex").slice(0, 32);
    return join2(this.#root, `${key}.git`);
  }
  #git(url, args, maxOutputBytes) {
    return runGit(["--git-dir", this.gitDir(url), ...args], {
      timeoutMs: this.#timeoutMs,
      ...maxOutputBytes === void 0 ? {} : { maxOutputBytes }
    });
  }
  #serial(url, work) {
    const key = this.gitDir(url);
    const previous = this.#queues.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.then(
      () => void 0,
      () => void 0
    );
    this.#queues.set(key, settled);
    void settled.then(() => {
      if (this.#queues.get(key) === settled) this.#queues.delete(key);
    });
    return next;
  }
  async #ensure(url) {
    const dir = this.gitDir(url);
    if (existsSync(join2(dir, "HEAD"))) return { ok: true, value: null };
    const init = await runGit(["init", "--quiet", "--bare", dir], { timeoutMs: this.#timeoutMs });
    if (init.code !== 0) return { ok: false, message: `Could not prepare a clone: ${lastLine(init.stderr)}` };
    return { ok: true, value: null };
  }
  async #hasCommit(url, commit) {
    return (await this.#git(url, ["cat-file", "-e", `${commit}^{commit}`])).code === 0;
  }
  async #fetch(url, refspecs) {
    const run = await this.#git(url, ["fetch", "--quiet", "--no-tags", "--force", "--", url, ...refspecs]);
    const stderr = run.timedOut ? "git fetch timed out" : run.stderr;
    return { ok: run.code === 0, stderr };
  }
  /**
   * Makes `commit` available locally and, unless `branch` is null, checks that it is reachable from
   * `refs/heads/<branch>` on the remote (job-runner's `validate_branch_and_commit`).
   */
  fetchCommit(url, commit, branch) {
    return this.#serial(url, async () => {
      const ready = await this.#ensure(url);
      if (!ready.ok) return ready;
      if (branch !== null) return this.#fetchOnBranch(url, commit, branch);
      if (await this.#hasCommit(url, commit)) return { ok: true, value: null };
      const direct = await this.#fetch(url, [commit]);
      if (!direct.ok || !await this.#hasCommit(url, commit)) {
        const all = await this.#fetch(url, [
          "+refs/heads/*:refs/heads/*",
          "+refs/pull/*/head:refs/pull/*/head"
        ]);
        if (!all.ok && !direct.ok)
          return { ok: false, message: `Could not fetch ${url}: ${lastLine(all.stderr)}` };
      }
      if (await this.#hasCommit(url, commit)) return { ok: true, value: null };
      return { ok: false, message: `Could not find commit ${commit} in ${url}` };
    });
  }
  async #fetchOnBranch(url, commit, branch) {
    const format = await runGit(["check-ref-format", `refs/heads/${branch}`], { timeoutMs: this.#timeoutMs });
    if (format.code !== 0) return { ok: false, message: `Could not find branch '${branch}'` };
    const ref = `refs/heads/${branch}`;
    const fetched = await this.#fetch(url, [`+${ref}:${ref}`]);
    if (!fetched.ok) {
      if (/couldn't find remote ref/i.test(fetched.stderr)) {
        return { ok: false, message: `Could not find branch '${branch}'` };
      }
      return { ok: false, message: `Could not fetch ${url}: ${lastLine(fetched.stderr)}` };
    }
    const reachable = await this.#git(url, ["merge-base", "--is-ancestor", commit, ref]);
    if (reachable.code === 0) return { ok: true, value: null };
    return { ok: false, message: `Could not find commit on branch '${branch}': ${commit}` };
  }
  /** A file's bytes at a commit already in the cache, or null when there is no such file. */
  readFile(url, commit, path, maxBytes) {
    return this.#serial(url, async () => {
      const run = await this.#git(url, ["cat-file", "blob", `${commit}:${path}`], maxBytes);
      if (run.code === 0) return { ok: true, value: run.stdout };
      if (/larger than/.test(run.stderr))
        return { ok: false, message: `${path} is larger than ${maxBytes} bytes` };
      return { ok: true, value: null };
    });
  }
  /**
   * Makes `workTree` hold exactly the files of `commit`: files of the previous checkout that the commit
   * does not have are removed; files git never wrote (outputs, metadata) are left alone. `indexFile`
   * remembers what the previous checkout wrote.
   */
  checkout(url, commit, workTree, indexFile) {
    return this.#serial(url, async () => {
      mkdirSync(workTree, { recursive: true });
      mkdirSync(dirname(indexFile), { recursive: true });
      const run = await runGit(
        ["--git-dir", this.gitDir(url), "--work-tree", workTree, "read-tree", "-u", "--reset", commit],
        { timeoutMs: this.#timeoutMs, env: { GIT_INDEX_FILE: indexFile } }
      );
      if (run.code === 0) return { ok: true, value: null };
      return { ok: false, message: `Could not check out ${commit}: ${lastLine(run.stderr)}` };
    });
  }
};

// src/backend/project-source.ts
var MAX_PROJECT_BYTES = 16 * 1024 * 1024;
var PIPELINE_CACHE_SIZE = 64;
function formatValidationErrors(errors) {
  return errors.map((e) => textIssue(e, "project.yaml")).join("\n");
}
var ProjectSource = class {
  #repos;
  #store;
  #policy;
  #now;
  #pipelines = /* @__PURE__ */ new Map();
  constructor(repos, store, policy, now) {
    this.#repos = repos;
    this.#store = store;
    this.#policy = policy;
    this.#now = now;
  }
  async load(request) {
    const urlProblem = checkRepoUrl(request.repoUrl, this.#policy);
    if (urlProblem !== null) return { ok: false, message: urlProblem };
    const checkBranch = !this.#policy.allowAnyCommit;
    if (checkBranch && request.branch === "") return { ok: false, message: "A branch name must be supplied" };
    const branchKey = checkBranch ? request.branch : "";
    const cacheKey = `${request.repoUrl}
${request.commit}
${branchKey}`;
    const cached = this.#pipelines.get(cacheKey);
    if (cached !== void 0) {
      this.#pipelines.delete(cacheKey);
      this.#pipelines.set(cacheKey, cached);
      return cached;
    }
    let bytes = this.#store.checkedCommit(request.repoUrl, request.commit, branchKey);
    if (bytes === void 0) {
      const fetched = await this.#repos.fetchCommit(
        request.repoUrl,
        request.commit,
        checkBranch ? request.branch : null
      );
      if (!fetched.ok) return fetched;
      const file = await this.#repos.readFile(
        request.repoUrl,
        request.commit,
        "project.yaml",
        MAX_PROJECT_BYTES
      );
      if (!file.ok) return file;
      if (file.value === null)
        return { ok: false, message: `No project.yaml file found in ${request.repoUrl}` };
      bytes = file.value;
      this.#store.rememberCheckedCommit(request.repoUrl, request.commit, branchKey, bytes, this.#now());
    }
    const loaded = loadPipeline(bytes);
    const result = loaded.valid && loaded.pipeline !== null ? { ok: true, pipeline: loaded.pipeline } : { ok: false, message: formatValidationErrors(loaded.errors) || "project.yaml is not valid" };
    this.#pipelines.set(cacheKey, result);
    if (this.#pipelines.size > PIPELINE_CACHE_SIZE) {
      this.#pipelines.delete(this.#pipelines.keys().next().value);
    }
    return result;
  }
};

// src/backend/scheduler.ts
var MESSAGES = {
  initiated: "Job is starting on the backend",
  waitingOnDependencies: "Waiting on dependencies",
  dependencyFailed: "Not starting as dependency failed",
  waitingOnWorkers: "Waiting on available workers",
  waitingOnWorkspace: "Waiting for another job in this workspace to finish",
  cancelled: "Cancelled by user",
  restarted: "The backend restarted while this job was running; it will run again"
};
var MIN_PASS_GAP_MS = 20;
var RETRY_DELAY_MS = 5e3;
var workspaceKey = (job) => `${job.backend}/${job.workspace}`;
var Scheduler = class {
  #o;
  #running = /* @__PURE__ */ new Map();
  #timer;
  #kicked = false;
  #started = false;
  #stopping = false;
  #lastSeenAt = 0;
  #lastPassAt = 0;
  /** Jobs the agent handed back (their workspace was busy), and when they may start again. */
  #retryAt = /* @__PURE__ */ new Map();
  constructor(options) {
    this.#o = options;
  }
  /** Re-queues (or fails) jobs a previous process left running, then starts the loop. */
  start() {
    this.#started = true;
    this.recover();
    this.#timer = setInterval(() => this.tick(), this.#o.intervalMs ?? 1e3);
    this.#timer.unref();
    this.kick();
  }
  /**
   * Runs a pass soon: once, however many times it is called before then, and not within
   * `MIN_PASS_GAP_MS` of the previous pass, so a burst of creates costs a few passes, not one each.
   */
  kick() {
    if (this.#kicked || this.#stopping || !this.#started) return;
    this.#kicked = true;
    const wait = Math.max(0, this.#lastPassAt + MIN_PASS_GAP_MS - Date.now());
    setTimeout(() => {
      this.#kicked = false;
      this.tick();
    }, wait).unref();
  }
  /** Jobs the agent is running now. */
  get runningCount() {
    return this.#running.size;
  }
  /**
   * A job that was running when the process died has no process any more. It runs again, up to
   * `maxAttempts` starts; after that it fails with `internal_error`, never silently lost.
   */
  recover() {
    const now = this.#o.now();
    const maxAttempts = this.#o.maxAttempts ?? 3;
    this.#o.store.transaction(() => {
      for (const job of this.#o.store.activeJobs()) {
        if (job.state !== "running") continue;
        if (job.attempts >= maxAttempts) {
          const message = `Internal error: the backend restarted during each of the ${job.attempts} attempts to run this job`;
          this.#o.store.setCode(job.id, "internal_error", message, now);
          this.#o.log("error", "job failed after repeated restarts", { job: job.id, action: job.action });
        } else {
          this.#o.store.setCode(job.id, "waiting_on_reboot", MESSAGES.restarted, now);
          this.#o.log("info", "job re-queued after a restart", { job: job.id, action: job.action });
        }
      }
    });
  }
  tick() {
    if (this.#stopping || !this.#started) return;
    this.#lastPassAt = Date.now();
    try {
      this.#pass();
    } catch (error) {
      this.#o.log("error", "scheduler pass failed", { error: error.message });
    }
  }
  #pass() {
    const { store } = this.#o;
    const now = this.#o.now();
    if (now - this.#lastSeenAt >= 1e3) {
      this.#lastSeenAt = now;
      store.transaction(() => {
        for (const backend of this.#o.backends) store.touchBackend(backend, now);
      });
    }
    const active = store.activeJobs();
    const states = new Map(active.map((j) => [j.id, j.state]));
    const stateOf = (id) => {
      if (!states.has(id)) {
        const row = store.job(id);
        if (row) states.set(id, row.state);
      }
      return states.get(id);
    };
    const set = (job, code, message) => {
      if (store.setCode(job.id, code, message, now)) {
        this.#o.log("info", "job status", { job: job.id, action: job.action, rap_id: job.rap_id, code });
      }
    };
    for (const job of active) {
      if (job.state !== "running" || job.cancelled === 0) continue;
      const running = this.#running.get(job.id);
      if (running && !running.controller.signal.aborted) running.controller.abort("cancelled");
    }
    const ready = [];
    for (const job of active) {
      if (job.state !== "pending") continue;
      if (job.cancelled !== 0) {
        set(job, "cancelled_by_user", MESSAGES.cancelled);
        states.set(job.id, "failed");
        continue;
      }
      const deps = JSON.parse(job.wait_for).map(stateOf);
      if (deps.some((s) => s === "failed")) {
        set(job, "dependency_failed", MESSAGES.dependencyFailed);
        states.set(job.id, "failed");
      } else if (deps.some((s) => s !== "succeeded")) {
        set(job, "waiting_on_dependencies", MESSAGES.waitingOnDependencies);
      } else ready.push(job);
    }
    const perWorkspace = /* @__PURE__ */ new Map();
    const perBackend = /* @__PURE__ */ new Map();
    for (const r of this.#running.values()) {
      perWorkspace.set(r.workspaceKey, (perWorkspace.get(r.workspaceKey) ?? 0) + 1);
      perBackend.set(r.backend, (perBackend.get(r.backend) ?? 0) + 1);
    }
    ready.sort(
      (a, b) => (perWorkspace.get(workspaceKey(a)) ?? 0) - (perWorkspace.get(workspaceKey(b)) ?? 0) || b.requires_db - a.requires_db || a.seq - b.seq
    );
    for (const job of ready) {
      if ((this.#retryAt.get(job.id) ?? 0) > now) continue;
      this.#retryAt.delete(job.id);
      if ((perBackend.get(job.backend) ?? 0) >= this.#o.maxWorkers(job.backend)) {
        set(job, "waiting_on_workers", MESSAGES.waitingOnWorkers);
      } else if ((perWorkspace.get(workspaceKey(job)) ?? 0) > 0) {
        set(job, "waiting_on_workers", MESSAGES.waitingOnWorkspace);
      } else {
        perBackend.set(job.backend, (perBackend.get(job.backend) ?? 0) + 1);
        perWorkspace.set(workspaceKey(job), 1);
        this.#start(job, now);
      }
    }
  }
  #start(job, now) {
    const { store } = this.#o;
    store.transaction(() => {
      store.countAttempt(job.id);
      store.setCode(job.id, "initiated", MESSAGES.initiated, now);
    });
    this.#o.log("info", "job started", { job: job.id, action: job.action, rap_id: job.rap_id });
    const controller = new AbortController();
    const onStatus = (code, message) => {
      if (!this.#stopping && store.setCode(job.id, code, message, this.#o.now())) {
        this.#o.log("info", "job status", { job: job.id, action: job.action, rap_id: job.rap_id, code });
      }
    };
    const target = {
      jobId: job.id,
      action: job.action,
      backend: job.backend,
      workspace: job.workspace,
      repoUrl: job.repo_url,
      commit: job.commit_sha
    };
    const done = this.#execute(target, controller.signal, onStatus).then((end) => {
      this.#running.delete(job.id);
      if (this.#stopping) return;
      const cancelled = controller.signal.aborted && !isCompletedState(stateOfStatusCode(end.code));
      const finalCode = cancelled ? "cancelled_by_user" : end.code;
      const message = cancelled ? MESSAGES.cancelled : end.message;
      if (store.setCode(job.id, finalCode, message, this.#o.now())) {
        this.#o.log("info", "job finished", {
          job: job.id,
          action: job.action,
          rap_id: job.rap_id,
          code: finalCode
        });
      }
      if (!isCompletedState(stateOfStatusCode(finalCode)))
        this.#retryAt.set(job.id, this.#o.now() + RETRY_DELAY_MS);
      this.kick();
    });
    this.#running.set(job.id, { controller, backend: job.backend, workspaceKey: workspaceKey(job), done });
  }
  async #execute(job, signal, onStatus) {
    try {
      return await this.#o.executor.run(job, signal, onStatus);
    } catch (error) {
      this.#o.log("error", "job run failed unexpectedly", {
        job: job.jobId,
        error: error.message
      });
      return { code: "internal_error", message: `Internal error: ${error.message}` };
    }
  }
  /** Stops the loop and the running jobs, leaving them `running` in the store for the next start. */
  async stop() {
    this.#stopping = true;
    if (this.#timer) clearInterval(this.#timer);
    const running = [...this.#running.values()];
    for (const r of running) r.controller.abort("shutdown");
    await Promise.all(running.map((r) => r.done));
  }
};

// src/backend/store/checkpointer.ts
import { Worker } from "node:worker_threads";
var WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("node:module").createRequire(workerData.from)("better-sqlite3");
const db = new Database(workerData.path);
db.pragma("busy_timeout = 5000");
const checkpoint = () => db.pragma("wal_checkpoint(PASSIVE)");
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on("message", () => {
  clearInterval(timer);
  try { checkpoint(); } finally { db.close(); parentPort.close(); }
});
parentPort.postMessage("ready");
`;
var AUTO_CHECKPOINT_PAGES = 1e3;
async function startCheckpointer(db, path, intervalMs = 1e3) {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path, intervalMs, from: import.meta.url }
  });
  const fallBack = () => db.open && db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
  const exited = new Promise((resolve2) => worker.once("exit", () => resolve2()));
  worker.on("error", fallBack);
  await new Promise((resolve2, reject) => {
    worker.once("message", () => resolve2());
    worker.once("error", reject);
  });
  db.pragma("wal_autocheckpoint = 0");
  let stopping;
  return {
    stop: () => {
      stopping ??= (async () => {
        fallBack();
        worker.postMessage("stop");
        await exited;
      })();
      return stopping;
    }
  };
}

// src/backend/store/migrations.ts
var MIGRATIONS = [
  // 1: job requests, jobs, backend flags, and checked commits.
  `
  CREATE TABLE job_requests (
    rap_id TEXT PRIMARY KEY,
    backend TEXT NOT NULL,
    workspace TEXT NOT NULL,
    repo_url TEXT NOT NULL,
    branch TEXT NOT NULL,
    commit_sha TEXT NOT NULL,
    requested_actions TEXT NOT NULL,
    force_run_dependencies INTEGER NOT NULL,
    codelists_ok INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    project TEXT NOT NULL,
    original TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE jobs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    rap_id TEXT NOT NULL REFERENCES job_requests(rap_id),
    backend TEXT NOT NULL,
    workspace TEXT NOT NULL,
    action TEXT NOT NULL,
    repo_url TEXT NOT NULL,
    commit_sha TEXT NOT NULL,
    run_command TEXT NOT NULL,
    requires_db INTEGER NOT NULL,
    wait_for TEXT NOT NULL,
    state TEXT NOT NULL,
    status_code TEXT NOT NULL,
    status_message TEXT NOT NULL,
    cancelled INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    trace_context TEXT,
    metrics TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    started_at INTEGER,
    completed_at INTEGER
  ) STRICT;
  CREATE INDEX jobs_by_rap ON jobs(rap_id);
  CREATE INDEX jobs_by_workspace_action ON jobs(backend, workspace, action, cancelled);
  CREATE INDEX jobs_active ON jobs(state) WHERE state IN ('pending', 'running');

  CREATE TABLE backends (
    slug TEXT PRIMARY KEY,
    last_seen INTEGER,
    paused INTEGER NOT NULL DEFAULT 0,
    paused_since INTEGER
  ) STRICT;

  CREATE TABLE checked_commits (
    repo_url TEXT NOT NULL,
    commit_sha TEXT NOT NULL,
    branch TEXT NOT NULL,
    project_yaml BLOB NOT NULL,
    checked_at INTEGER NOT NULL,
    PRIMARY KEY (repo_url, commit_sha, branch)
  ) STRICT;
  `
];

// src/backend/store/database.ts
var StoreError = class extends Error {
  name = "StoreError";
};
function openDatabase(path) {
  return openSqlite(path, MIGRATIONS, StoreError);
}

// src/backend/store/store.ts
var STARTING_CODES = /* @__PURE__ */ new Set(["initiated", "preparing", "prepared", "executing"]);
var TOUCH_INTERVAL_MS = 6e4;
var Store = class {
  #stmts;
  /** Made once: better-sqlite3 prepares BEGIN/COMMIT for each transaction function it makes. */
  #transaction;
  constructor(db) {
    this.#transaction = db.transaction((work) => work());
    this.#stmts = {
      request: db.prepare("SELECT * FROM job_requests WHERE rap_id = ?"),
      countJobs: db.prepare("SELECT count(*) AS n FROM jobs WHERE rap_id = ?"),
      insertRequest: db.prepare(
        `INSERT INTO job_requests (rap_id, backend, workspace, repo_url, branch, commit_sha, requested_actions,
           force_run_dependencies, codelists_ok, created_by, project, original, created_at)
         VALUES (@rapId, @backend, @workspace, @repoUrl, @branch, @commit, @requestedActions,
           @force, @codelistsOk, @createdBy, @project, @original, @now)`
      ),
      insertJob: db.prepare(
        `INSERT INTO jobs (id, rap_id, backend, workspace, action, repo_url, commit_sha, run_command, requires_db,
           wait_for, state, status_code, status_message, trace_context, created_at, updated_at)
         VALUES (@id, @rapId, @backend, @workspace, @action, @repoUrl, @commit, @runCommand, @requiresDb,
           @waitFor, 'pending', 'created', 'Created', @traceContext, @now, @now)`
      ),
      // SQLite returns the other columns of the row holding max(seq) for each group.
      workspaceState: db.prepare(
        `SELECT id, action, state, max(seq) AS seq FROM jobs
         WHERE backend = ? AND workspace = ? AND cancelled = 0 GROUP BY action`
      ),
      jobsForRaps: db.prepare(
        `SELECT * FROM jobs WHERE rap_id IN (SELECT value FROM json_each(?))
           AND backend IN (SELECT value FROM json_each(?)) ORDER BY seq`
      ),
      jobsOfRap: db.prepare("SELECT * FROM jobs WHERE rap_id = ? ORDER BY seq"),
      job: db.prepare("SELECT * FROM jobs WHERE id = ?"),
      countActive: db.prepare(
        "SELECT state, count(*) AS n FROM jobs WHERE state IN ('pending', 'running') GROUP BY state"
      ),
      active: db.prepare("SELECT * FROM jobs WHERE state IN ('pending', 'running') ORDER BY seq"),
      cancelJob: db.prepare("UPDATE jobs SET cancelled = 1 WHERE id = ?"),
      update: db.prepare(
        `UPDATE jobs SET state = @state, status_code = @code, status_message = @message, updated_at = @now,
           started_at = @startedAt, completed_at = @completedAt WHERE id = @id`
      ),
      touch: db.prepare("UPDATE jobs SET updated_at = ? WHERE id = ?"),
      attempt: db.prepare("UPDATE jobs SET attempts = attempts + 1 WHERE id = ?"),
      metrics: db.prepare("UPDATE jobs SET metrics = ? WHERE id = ?"),
      upsertBackend: db.prepare(
        `INSERT INTO backends (slug, last_seen) VALUES (?, ?)
         ON CONFLICT (slug) DO UPDATE SET last_seen = excluded.last_seen`
      ),
      backend: db.prepare("SELECT * FROM backends WHERE slug = ?"),
      checked: db.prepare(
        "SELECT project_yaml FROM checked_commits WHERE repo_url = ? AND commit_sha = ? AND branch = ?"
      ),
      putChecked: db.prepare(
        `INSERT OR REPLACE INTO checked_commits (repo_url, commit_sha, branch, project_yaml, checked_at)
         VALUES (?, ?, ?, ?, ?)`
      )
    };
  }
  jobRequest(rapId) {
    return this.#stmts.request.get(rapId);
  }
  countJobs(rapId) {
    return this.#stmts.countJobs.get(rapId).n;
  }
  /** The latest job of each action in a workspace on a backend, leaving out cancelled jobs. */
  workspaceState(backend, workspace) {
    const state = /* @__PURE__ */ new Map();
    for (const row of this.#stmts.workspaceState.all(backend, workspace)) {
      state.set(row.action, { id: row.id, action: row.action, state: row.state });
    }
    return state;
  }
  /**
   * Runs `decide` and, when it returns jobs, inserts the request and its jobs, all in one
   * transaction: planning sees exactly the workspace state the insert lands on.
   */
  transaction(work) {
    return this.#transaction(work);
  }
  insertJobRequest(request, jobs, now) {
    this.#stmts.insertRequest.run({
      rapId: request.rapId,
      backend: request.backend,
      workspace: request.workspace,
      repoUrl: request.repoUrl,
      branch: request.branch,
      commit: request.commit,
      requestedActions: JSON.stringify(request.requestedActions),
      force: request.forceRunDependencies ? 1 : 0,
      codelistsOk: request.codelistsOk ? 1 : 0,
      createdBy: request.createdBy,
      project: request.project,
      original: JSON.stringify(request.original),
      now
    });
    for (const job of jobs) {
      this.#stmts.insertJob.run({
        id: job.id,
        rapId: request.rapId,
        backend: request.backend,
        workspace: request.workspace,
        action: job.action,
        repoUrl: request.repoUrl,
        commit: request.commit,
        runCommand: job.runCommand,
        requiresDb: job.requiresDb ? 1 : 0,
        waitFor: JSON.stringify(job.waitFor),
        traceContext: JSON.stringify(job.traceContext),
        now
      });
    }
  }
  /** Jobs of the given requests on the given backends, oldest first. */
  jobsFor(rapIds, backends) {
    return this.#stmts.jobsForRaps.all(JSON.stringify(rapIds), JSON.stringify(backends));
  }
  jobsOf(rapId) {
    return this.#stmts.jobsOfRap.all(rapId);
  }
  job(id) {
    return this.#stmts.job.get(id);
  }
  /** Pending and running jobs, oldest first. */
  activeJobs() {
    return this.#stmts.active.all();
  }
  /** How many jobs are pending and running (also proves the database answers). */
  activeCounts() {
    const counts = { pending: 0, running: 0 };
    for (const row of this.#stmts.countActive.all()) {
      if (row.state === "pending" || row.state === "running") counts[row.state] = row.n;
    }
    return counts;
  }
  /**
   * Marks the named actions of a request cancelled (RAP cancel). The scheduler does the rest. Jobs on
   * backends the caller cannot see count as absent.
   */
  cancel(rapId, actions, backends) {
    return this.transaction(() => {
      const jobs = this.jobsFor([rapId], backends);
      if (jobs.length === 0) return { kind: "no_jobs" };
      const byAction = new Map(jobs.map((j) => [j.action, j]));
      const notFound = [...new Set(actions.filter((a) => !byAction.has(a)))].sort();
      if (notFound.length > 0) return { kind: "not_found", notFound };
      const jobIds = [...new Set(actions)].map((a) => byAction.get(a).id);
      for (const id of jobIds) this.#stmts.cancelJob.run(id);
      return { kind: "cancelled", count: actions.length, jobIds };
    });
  }
  /**
   * Moves a job to `code` as job-runner's `set_code` does: the state follows the code, starting codes
   * set `started_at` once, reset codes clear it, final codes set `completed_at`. A job that has ended
   * never moves again. Returns whether anything changed.
   */
  setCode(id, code, message, now) {
    const job = this.job(id);
    if (job === void 0 || isCompletedState(job.state)) return false;
    if (job.status_code === code && job.status_message === message) {
      if (now - job.updated_at >= TOUCH_INTERVAL_MS) this.#stmts.touch.run(now, id);
      return false;
    }
    const state = stateOfStatusCode(code);
    let startedAt = job.started_at;
    if (RESET_STATUS_CODES.has(code)) startedAt = null;
    else if (startedAt === null && (STARTING_CODES.has(code) || state === "running")) startedAt = now;
    const completedAt = isCompletedState(state) ? now : null;
    this.#stmts.update.run({ id, state, code, message, now, startedAt, completedAt });
    return true;
  }
  /** Counts a start of the job (for the restart limit) and returns the new count. */
  countAttempt(id) {
    this.#stmts.attempt.run(id);
    return this.job(id)?.attempts ?? 0;
  }
  setMetrics(id, metrics) {
    this.#stmts.metrics.run(JSON.stringify(metrics), id);
  }
  touchBackend(slug, now) {
    this.#stmts.upsertBackend.run(slug, now);
  }
  backend(slug) {
    return this.#stmts.backend.get(slug);
  }
  checkedCommit(repoUrl, commit, branch) {
    return this.#stmts.checked.get(repoUrl, commit, branch)?.project_yaml;
  }
  rememberCheckedCommit(repoUrl, commit, branch, projectYaml, now) {
    this.#stmts.putChecked.run(repoUrl, commit, branch, projectYaml, now);
  }
};

// src/backend/workspace-runner.ts
import { join as join3 } from "node:path";
var INTERNAL = "Internal error";
function workspaceDir(dataDir, backend, workspace) {
  return join3(dataDir, "workspaces", backend, workspace);
}
function endFromOutcome(outcome, action) {
  if (outcome.kind === "cannot_start") {
    const { problem } = outcome;
    if (problem.code === "project_busy") return { code: "waiting_on_new_task", message: problem.message };
    return { code: "internal_error", message: `${INTERNAL}: ${problem.message}` };
  }
  if (outcome.kind === "nothing_to_do") {
    return { code: "internal_error", message: `${INTERNAL}: the runner found nothing to do for ${action}` };
  }
  const result = outcome.result.jobs.find((j) => j.action === action);
  if (result === void 0) {
    return { code: "internal_error", message: `${INTERNAL}: the runner did not run ${action}` };
  }
  return { code: result.statusCode, message: result.statusMessage };
}
var WorkspaceRunner = class {
  #options;
  constructor(options) {
    this.#options = options;
  }
  async run(job, signal, onStatus) {
    const { dataDir, repos } = this.#options;
    const dir = workspaceDir(dataDir, job.backend, job.workspace);
    const fetched = await repos.fetchCommit(job.repoUrl, job.commit, null);
    if (!fetched.ok) return { code: "internal_error", message: `${INTERNAL}: ${fetched.message}` };
    const index = join3(dataDir, "checkouts", job.backend, `${job.workspace}.index`);
    const checkout = await repos.checkout(job.repoUrl, job.commit, dir, index);
    if (!checkout.ok) return { code: "internal_error", message: `${INTERNAL}: ${checkout.message}` };
    if (signal.aborted) return { code: "cancelled_by_user", message: "Cancelled by user" };
    const handle = startRun({
      projectDir: dir,
      actions: [job.action],
      workspaceName: job.workspace,
      commit: job.commit,
      repo: job.repoUrl,
      executor: this.#options.executor,
      concurrency: 1,
      signal,
      onEvent: (event) => {
        if (event.type !== "job_status" || event.job.action !== job.action) return;
        if (event.job.state === "running") onStatus(event.job.statusCode, event.job.statusMessage);
      }
    });
    return endFromOutcome(await handle.done, job.action);
  }
};

// src/backend/backend.ts
var BackendStartError = class extends Error {
  name = "BackendStartError";
};
async function startBackend(options) {
  const dataDir = resolve(options.dataDir);
  mkdirSync2(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir);
  if (!lock.ok) throw new BackendStartError(lock.message);
  const cleanups = [lock.release];
  try {
    const now = options.now ?? Date.now;
    const dbPath = join4(dataDir, "trestle.db");
    const db = openDatabase(dbPath);
    cleanups.unshift(() => db.close());
    const checkpointer = await startCheckpointer(db, dbPath);
    cleanups.unshift(() => checkpointer.stop());
    const store = new Store(db);
    const gitTimeoutMs = options.gitTimeoutMs ?? 10 * 6e4;
    const repos = new RepoCache(join4(dataDir, "repos"), gitTimeoutMs);
    const projects = new ProjectSource(
      repos,
      store,
      {
        allowedPrefixes: options.allowedRepoPrefixes ?? [],
        allowAnyCommit: options.allowAnyCommit ?? false,
        timeoutMs: gitTimeoutMs
      },
      now
    );
    const workers = options.maxWorkers ?? DEFAULT_MAX_WORKERS;
    const maxWorkers = (backend) => typeof workers === "number" ? workers : workers[backend] ?? DEFAULT_MAX_WORKERS;
    let executor;
    if (options.jobExecutor === void 0 && options.runJobs !== false) {
      const choice = options.executor ?? "local";
      if (typeof choice === "string") {
        const selected = await selectExecutor(choice);
        if ("problem" in selected) throw new BackendStartError(selected.problem);
        executor = selected.executor;
      } else executor = choice;
    }
    let scheduler;
    const app = buildServer(
      {
        logger: options.logger ?? { level: "info" },
        store,
        health: () => ({ jobs: store.activeCounts(), agent: options.runJobs !== false ? "on" : "off" })
      },
      {
        store,
        projects,
        tokens: options.tokens,
        now,
        onJobsCreated: () => scheduler?.kick(),
        onCancelled: () => scheduler?.kick(),
        logError: (message, error) => app.log.error({ err: error }, message)
      }
    );
    scheduler = new Scheduler({
      store,
      executor: options.jobExecutor ?? new WorkspaceRunner({ dataDir, repos, executor: executor ?? "local" }),
      backends: options.tokens.allBackends,
      maxWorkers,
      now,
      log: (level, message, fields) => app.log[level](fields ?? {}, message)
    });
    if (options.runJobs !== false) scheduler.start();
    else scheduler.recover();
    const activeScheduler = scheduler;
    cleanups.unshift(() => activeScheduler.stop());
    await app.listen({ port: options.port, host: options.host ?? "127.0.0.1" });
    cleanups.unshift(() => app.close());
    const address = app.server.address();
    const port = typeof address === "object" && address !== null ? address.port : options.port;
    const host = options.host ?? "127.0.0.1";
    const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
    let closing;
    return {
      url,
      apiUrl: `${url}${RAP_BASE_PATH}`,
      app,
      store,
      scheduler,
      close: () => {
        closing ??= runCleanups(cleanups);
        return closing;
      }
    };
  } catch (error) {
    await runCleanups(cleanups);
    if (error instanceof BackendStartError) throw error;
    throw new BackendStartError(`cannot start the backend: ${error.message}`, { cause: error });
  }
}
async function runCleanups(cleanups) {
  for (const cleanup of cleanups) {
    try {
      await cleanup();
    } catch {
    }
  }
}

// src/backend/tokens.ts
import { createHash as createHash2 } from "node:crypto";
var BACKEND_SLUG = /^[A-Za-z0-9_-]+$/;
var MIN_TOKEN_LENGTH = 16;
function digest(token) {
  return createHash2("sha256").update(token, "utf8").digest("hex");
}
var TokenTable = class {
  #backends = /* @__PURE__ */ new Map();
  /** Every backend some token may act on, sorted. */
  allBackends;
  constructor(entries) {
    const all = /* @__PURE__ */ new Set();
    for (const [token, backends] of entries) {
      this.#backends.set(digest(token), [...backends]);
      for (const b of backends) all.add(b);
    }
    this.allBackends = [...all].sort();
  }
  /** The backends a presented token may act on, or null when the token is unknown. */
  backendsFor(token) {
    return this.#backends.get(digest(token)) ?? null;
  }
  get size() {
    return this.#backends.size;
  }
};
function parseTokens(value) {
  if (value === void 0 || value.trim() === "") {
    return { ok: false, message: "TRESTLE_RAP_TOKENS is not set: give at least one TOKEN:backend entry" };
  }
  const entries = /* @__PURE__ */ new Map();
  const parts = value.split(";").map((p) => p.trim());
  for (const [index, part] of parts.entries()) {
    if (part === "") continue;
    const where = `TRESTLE_RAP_TOKENS entry ${index + 1}`;
    const colon = part.lastIndexOf(":");
    if (colon <= 0) return { ok: false, message: `${where} is not TOKEN:backend[,backend\u2026]` };
    const token = part.slice(0, colon).trim();
    const backends = part.slice(colon + 1).split(",").map((b) => b.trim()).filter((b) => b !== "");
    if (token.length < MIN_TOKEN_LENGTH) {
      return { ok: false, message: `${where} has a token shorter than ${MIN_TOKEN_LENGTH} characters` };
    }
    if (/\s/.test(token)) return { ok: false, message: `${where} has a token containing white space` };
    if (backends.length === 0) return { ok: false, message: `${where} names no backend` };
    const bad = backends.find((b) => !BACKEND_SLUG.test(b));
    if (bad !== void 0) return { ok: false, message: `${where} names an invalid backend slug '${bad}'` };
    if (entries.has(token)) return { ok: false, message: `${where} repeats a token given earlier` };
    entries.set(token, backends);
  }
  if (entries.size === 0) return { ok: false, message: "TRESTLE_RAP_TOKENS holds no TOKEN:backend entry" };
  return { ok: true, tokens: new TokenTable(entries) };
}

// src/cli/commands/backend-serve.ts
function positiveInt(text) {
  return /^\d+$/.test(text) && Number(text) > 0 && Number(text) <= 1e3 ? Number(text) : null;
}
async function serveBackend(flags, env) {
  const problem = (message) => {
    writeStderr(`trestle backend serve: ${message}
`);
    return EXIT_USAGE;
  };
  const tokens = parseTokens(env.TRESTLE_RAP_TOKENS);
  if (!tokens.ok) return problem(tokens.message);
  const port = /^\d+$/.test(flags.port ?? "") ? Number(flags.port) : Number.NaN;
  if (!(port >= 0 && port <= 65535))
    return problem(`--port must be a number from 0 to 65535, not '${flags.port}'`);
  let maxWorkers = DEFAULT_MAX_WORKERS;
  if (flags.maxWorkers !== void 0) {
    const n = positiveInt(flags.maxWorkers);
    if (n === null)
      return problem(`--max-workers must be a number from 1 to 1000, not '${flags.maxWorkers}'`);
    maxWorkers = n;
  }
  if (flags.workers !== void 0 && flags.workers.length > 0) {
    const perBackend = {};
    for (const entry of flags.workers) {
      const [slug, count] = entry.split("=");
      const n = positiveInt(count ?? "");
      if (!slug || n === null)
        return problem(`--workers takes backend=N with N from 1 to 1000, not '${entry}'`);
      perBackend[slug] = n;
    }
    const fallback = typeof maxWorkers === "number" ? maxWorkers : DEFAULT_MAX_WORKERS;
    maxWorkers = Object.fromEntries(tokens.tokens.allBackends.map((b) => [b, perBackend[b] ?? fallback]));
    Object.assign(maxWorkers, perBackend);
  }
  const executor = flags.executor ?? "local";
  if (!EXECUTORS.includes(executor)) {
    return problem(`--executor must be one of ${EXECUTORS.join(", ")}, not '${executor}'`);
  }
  const level = flags.logLevel ?? "info";
  if (!LOG_LEVELS.includes(level)) return problem(`--log-level must be one of ${LOG_LEVELS.join(", ")}`);
  let backend;
  try {
    backend = await startBackend({
      dataDir: flags.data ?? ".",
      port,
      host: flags.host ?? "127.0.0.1",
      tokens: tokens.tokens,
      maxWorkers,
      allowAnyCommit: flags.allowAnyCommit === true,
      allowedRepoPrefixes: flags.allowRepo ?? [],
      executor,
      logger: { level }
    });
  } catch (error) {
    const message = error instanceof BackendStartError ? error.message : String(error);
    return problem(message);
  }
  writeStderr(`trestle backend: serving the RAP API at ${backend.apiUrl}
`);
  const signal = await untilStopSignal();
  writeStderr(
    `trestle backend: ${signal} received, stopping; running jobs will run again on the next start
`
  );
  await backend.close();
  return EXIT_OK;
}
export {
  serveBackend
};
