#!/usr/bin/env node
import {
  LEVEL4_FILE_TYPES,
  RUN_ALL,
  buildGraph,
  closure,
  loadPipelineFile
} from "./chunk-RPOEXDFF.js";

// src/runner/limits.ts
var GIB = 1024 ** 3;
var DEFAULT_LIMITS = Object.freeze({
  timeoutMs: 60 * 60 * 1e3,
  memoryBytes: 4 * GIB,
  cpus: 2
});
var DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/;
var DURATION_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
function parseDuration(text) {
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  const ms = Math.round(Number(match[1]) * DURATION_MS[match[2] ?? "s"]);
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}
var MEMORY = /^(\d+(?:\.\d+)?)([bkmg])?$/i;
var MEMORY_BYTES = { b: 1, k: 1024, m: 1024 ** 2, g: GIB };
function parseMemory(text) {
  const match = MEMORY.exec(text.trim());
  if (!match) return null;
  const bytes = Math.floor(Number(match[1]) * MEMORY_BYTES[(match[2] ?? "b").toLowerCase()]);
  return Number.isFinite(bytes) && bytes >= 6 * 1024 ** 2 ? bytes : null;
}
function formatMemory(bytes) {
  if (bytes % GIB === 0) return `${bytes / GIB}G`;
  if (bytes % 1024 ** 2 === 0) return `${bytes / 1024 ** 2}M`;
  return `${bytes}b`;
}
function formatGigabytes(bytes) {
  return `${(bytes / GIB).toFixed(2)}GB`;
}
function formatDuration(ms) {
  if (ms % 36e5 === 0) return `${ms / 36e5}h`;
  if (ms % 6e4 === 0) return `${ms / 6e4}m`;
  if (ms % 1e3 === 0) return `${ms / 1e3}s`;
  return `${ms}ms`;
}

// src/runner/run.ts
import { availableParallelism } from "node:os";
import { basename as basename2, join as join16, resolve } from "node:path";

// src/runner/executors/builtin/cohortextractor.ts
import { copyFile, mkdir as mkdir2, readdir as readdir2, readFile } from "node:fs/promises";
import { dirname as dirname3, extname, join as join3 } from "node:path";

// src/runner/patterns.ts
function outputSpec(outputs) {
  const byPattern = /* @__PURE__ */ new Map();
  for (const privacy of ["highly_sensitive", "moderately_sensitive", "minimally_sensitive"]) {
    for (const pattern of Object.values(outputs[privacy] ?? {})) byPattern.set(pattern, privacy);
  }
  return [...byPattern].map(([pattern, privacy]) => ({ pattern, privacy }));
}
function unsafePattern(pattern) {
  if (pattern === "") return "the pattern is empty";
  if (pattern.includes("\0")) return "the pattern contains a NUL character";
  if (pattern.includes("\\")) return "the pattern contains a backslash";
  if (pattern.startsWith("/") || /^[A-Za-z]:/.test(pattern)) return "the pattern is an absolute path";
  const parts = pattern.split("/");
  if (parts.some((p) => p === ".." || p === "." || p === ""))
    return "the pattern is not a normalised path inside the workspace";
  if (parts[0] === "metadata") return "the pattern points into metadata/";
  return null;
}
var cache = /* @__PURE__ */ new Map();
function compile(pattern) {
  let compiled = cache.get(pattern);
  if (compiled === void 0) {
    compiled = pattern.includes("*") ? new RegExp(`^${pattern.split("*").map(escapeRegExp).join("[^/]*")}$`) : pattern;
    if (cache.size > 1e4) cache.clear();
    cache.set(pattern, compiled);
  }
  return compiled;
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function matchesPattern(pattern, path) {
  const compiled = compile(pattern);
  return typeof compiled === "string" ? compiled === path : compiled.test(path);
}
function patternMatcher(patterns) {
  const literals = /* @__PURE__ */ new Set();
  const wildcards = [];
  for (const p of patterns) {
    const compiled = compile(p);
    if (typeof compiled === "string") literals.add(compiled);
    else wildcards.push(compiled);
  }
  return (path) => literals.has(path) || wildcards.some((re) => re.test(path));
}
function allOutputPatterns(actions) {
  const patterns = /* @__PURE__ */ new Set();
  for (const action of actions) for (const spec of outputSpec(action.outputs)) patterns.add(spec.pattern);
  return [...patterns];
}

// src/runner/executors/builtin/args.ts
import { realpath as realpath2 } from "node:fs/promises";
import { dirname as dirname2, isAbsolute as isAbsolute2, join as join2, normalize } from "node:path";

// src/runner/fs-util.ts
import { randomBytes } from "node:crypto";
import { lstat, mkdir, readdir, realpath, rename, rm, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, sep } from "node:path";
async function writeFileAtomic(path, content) {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    try {
      await writeFile(temp, content);
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
      await mkdir(dirname(path), { recursive: true });
      await writeFile(temp, content);
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
function isInside(root, child) {
  const rel = relative(root, child);
  return rel === "" || !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
}
async function walk(root, skip = () => false) {
  const entries = [];
  const stack = [""];
  while (stack.length > 0) {
    const dir = stack.pop();
    let children;
    try {
      children = await readdir(join(root, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const child of children) {
      const path = dir === "" ? child.name : `${dir}/${child.name}`;
      const kind = child.isSymbolicLink() ? "symlink" : child.isDirectory() ? "dir" : child.isFile() ? "file" : "other";
      if (skip(path, kind)) continue;
      entries.push({ path, kind });
      if (kind === "dir") stack.push(path);
    }
  }
  return entries;
}
async function safeTarget(root, rel) {
  const target = join(root, rel);
  if (!isInside(root, target)) return null;
  await mkdir(dirname(target), { recursive: true });
  const realRoot = await realpath(root);
  const realParent = await realpath(dirname(target));
  if (!isInside(realRoot, realParent)) return null;
  try {
    if ((await lstat(target)).isSymbolicLink()) return null;
  } catch {
  }
  return target;
}

// src/runner/executors/builtin/args.ts
var ToolError = class extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
  exitCode;
};
function parseArgs(words, valueOptions) {
  const positional = [];
  const options = /* @__PURE__ */ new Map();
  const flags = /* @__PURE__ */ new Set();
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === "--") return { positional, options, flags, rest: words.slice(i + 1) };
    if (word.startsWith("--")) {
      const eq = word.indexOf("=");
      const name = eq >= 0 ? word.slice(0, eq) : word;
      if (valueOptions.includes(name)) {
        const value = eq >= 0 ? word.slice(eq + 1) : words[++i];
        if (value === void 0) throw new ToolError(`error: argument ${name}: expected one argument`, 2);
        options.set(name, value);
      } else flags.add(name);
    } else positional.push(word);
  }
  return { positional, options, flags, rest: [] };
}
async function workspacePath(workDir, path) {
  const inner = path.startsWith("/workspace/") ? path.slice("/workspace/".length) : path;
  if (isAbsolute2(inner)) throw new ToolError(`${path}: paths must be inside the workspace`);
  const target = normalize(join2(workDir, inner));
  if (!isInside(workDir, target)) throw new ToolError(`${path}: paths must be inside the workspace`);
  const root = await realpath2(workDir);
  const parent = await realpath2(dirname2(target)).catch(() => null);
  if (parent !== null && !isInside(root, parent))
    throw new ToolError(`${path}: paths must be inside the workspace`);
  return target;
}
function suffixes(path) {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (name.endsWith(".")) return [];
  return name.replace(/^\.+/, "").split(".").slice(1).map((s) => `.${s}`);
}

// src/runner/executors/builtin/cohortextractor.ts
function cohortextractorWords(action, populationSize) {
  const words = action.jobArgs.slice(1);
  if (words[0] !== "generate_cohort") return words;
  if (action.dummyDataFile !== null)
    words.push(`--dummy-data-file=${action.dummyDataFile.replace(/\\/g, "/")}`);
  else words.push(`--expectations-population=${populationSize ?? 1e3}`);
  const dirs = new Set(outputSpec(action.outputs).map((o) => dirname3(o.pattern)));
  if (dirs.size === 1) words.push(`--output-dir=${[...dirs][0]}`);
  return words;
}
function cohortextractorUnsupported(action) {
  if (action.jobArgs[1] !== "generate_cohort")
    return `cohortextractor ${action.jobArgs[1] ?? ""} runs only in the cohortextractor image`;
  if (action.dummyDataFile === null) {
    return "cohortextractor without dummy_data_file generates dummy data from expectations, which only the cohortextractor image can do";
  }
  return null;
}
var FORMATS = {
  csv: ".csv",
  "csv.gz": ".csv.gz",
  feather: ".feather",
  dta: ".dta",
  "dta.gz": ".dta.gz"
};
async function runCohortextractor(words, workDir) {
  const args = parseArgs(words.slice(1), [
    "--dummy-data-file",
    "--output-dir",
    "--output-format",
    "--study-definition",
    "--index-date-range",
    "--expectations-population"
  ]);
  const dummy = args.options.get("--dummy-data-file");
  if (dummy === void 0) throw new ToolError("cohortextractor needs a dummy data file here");
  const ext = FORMATS[args.options.get("--output-format") ?? "csv"];
  if (ext === void 0)
    throw new ToolError(`unknown --output-format ${args.options.get("--output-format")}`, 2);
  const dummyExt = dummy.endsWith(".gz") ? `${extname(dummy.slice(0, -3))}.gz` : extname(dummy);
  if (dummyExt !== ext)
    throw new ToolError(
      `Dummy data file does not have the same file extension as the output format: ${dummy} (${ext})`
    );
  const analysis = await workspacePath(workDir, "analysis");
  const studies = args.options.has("--study-definition") ? [args.options.get("--study-definition")] : (await readdir2(analysis).catch(() => [])).filter((n) => /^study_definition.*\.py$/.test(n)).map((n) => n.slice(0, -3)).sort();
  if (studies.length === 0) throw new ToolError("No study definitions found");
  const outDir = await workspacePath(workDir, args.options.get("--output-dir") ?? "output");
  const source = await workspacePath(workDir, dummy);
  for (const study of studies) {
    await readFile(join3(analysis, `${study}.py`)).catch(() => {
      throw new ToolError(`No study definition found at analysis/${study}.py`);
    });
    await mkdir2(outDir, { recursive: true });
    await copyFile(source, join3(outDir, `${study.replace("study_definition", "input")}${ext}`)).catch(
      (error) => {
        throw new ToolError(`could not copy ${dummy}: ${error.message}`);
      }
    );
  }
}

// src/runner/executors/docker-cli.ts
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
function spawnDocker(binary = "docker") {
  return (args, options = {}) => new Promise((resolve2) => {
    const child = spawn(binary, [...args], {
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
      signal: options.signal,
      timeout: options.timeoutMs
    });
    let stdout = "";
    let stderr = "";
    const onLine = options.onLine;
    if (onLine) {
      createInterface({ input: child.stdout }).on("line", (l) => onLine(l, "stdout"));
      createInterface({ input: child.stderr }).on("line", (l) => onLine(l, "stderr"));
    } else {
      child.stdout.on("data", (d) => {
        if (stdout.length < 1e6) stdout += d.toString();
      });
      child.stderr.on("data", (d) => {
        if (stderr.length < 1e6) stderr += d.toString();
      });
    }
    child.on("error", (error) => {
      stderr += error.message;
    });
    child.on("close", (code) => resolve2({ exitCode: code ?? 1, stdout, stderr }));
  });
}

// src/runner/executors/docker.ts
var DEFAULT_REGISTRY = "ghcr.io/opensafely-core";
var ALLOWED_IMAGES = [
  "cohortextractor",
  "databuilder",
  "ehrql",
  "stata-mp",
  "r",
  "jupyter",
  "python",
  "sqlrunner"
];
var LABEL = "jobrunner-local";
function dockerImage(image, tag, registry = DEFAULT_REGISTRY) {
  return `${registry}/${image}:${tag}`;
}
function defaultUser() {
  if (process.platform !== "linux" || !process.getuid || !process.getgid) return null;
  return `${process.getuid()}:${process.getgid()}`;
}
function createDockerExecutor(options = {}) {
  const docker = options.docker ?? spawnDocker();
  const hostEnv = options.hostEnv ?? process.env;
  const registry = options.registry ?? hostEnv.DOCKER_REGISTRY ?? DEFAULT_REGISTRY;
  const runLabel = options.runLabel ?? `job-runner-local-${Math.random().toString(16).slice(2, 10).padEnd(8, "0")}`;
  const user = options.user === void 0 ? defaultUser() : options.user;
  const imageOf = (action) => dockerImage(action.run.image, action.run.tag, registry);
  return {
    name: "docker",
    runLabel,
    unsupported(action, _pipeline) {
      const image = action.run.image;
      if (!ALLOWED_IMAGES.includes(image)) {
        return `${image} is a reusable action (opensafely-actions/${image}); Trestle runs only the platform's own images, so run it with \`opensafely run\``;
      }
      if (image === "stata-mp" && !hostEnv.STATA_LICENSE) {
        return "stata-mp actions need a Stata licence: set the STATA_LICENSE environment variable";
      }
      return null;
    },
    async prepare(actions, signal) {
      for (const image of new Set(actions.filter((a) => ALLOWED_IMAGES.includes(a.run.image)).map(imageOf))) {
        const inspect = await docker(["image", "inspect", "--format", "ok", image], { signal });
        if (inspect.exitCode === 0) continue;
        const pull = await docker(["pull", "--quiet", image], { signal });
        if (pull.exitCode !== 0)
          return `Failed with error: docker pull ${image}: ${pull.stderr.trim() || `exit code ${pull.exitCode}`}`;
      }
      return null;
    },
    async run(job, io) {
      const name = `os-job-${job.jobId}`;
      const env = { ...job.env };
      if (job.action.run.image === "stata-mp" && hostEnv.STATA_LICENSE)
        env.STATA_LICENSE = hostEnv.STATA_LICENSE;
      const words = job.action.run.image === "cohortextractor" ? cohortextractorWords(job.action, job.populationSize) : job.action.jobArgs.slice(1);
      const args = [
        "run",
        "--init",
        "--detach",
        "--label",
        runLabel,
        "--name",
        name,
        "--network",
        "none",
        "--mount",
        `type=bind,source=${job.workDir},target=/workspace`,
        "--label",
        LABEL,
        "--label",
        `workspace=${job.workspaceName}`,
        "--label",
        `action=${job.action.id}`,
        "--cpus",
        String(job.limits.cpus),
        "--memory",
        formatMemory(job.limits.memoryBytes),
        ...user ? ["--user", user, "--env", "HOME=/tmp"] : [],
        // Values come from the client's environment, so they never appear on a command line.
        ...Object.keys(env).flatMap((key) => ["--env", key]),
        imageOf(job.action),
        ...words
      ];
      try {
        const started = await docker(args, { env });
        if (started.exitCode !== 0)
          throw new Error(`Failed to start docker container: ${started.stderr.trim()}`);
        const kill = () => void docker(["kill", name]);
        io.signal.addEventListener("abort", kill, { once: true });
        if (io.signal.aborted) kill();
        try {
          const [waited] = await Promise.all([
            docker(["wait", name]),
            docker(["logs", "--follow", name], { onLine: io.onLine })
          ]);
          const inspect = await docker([
            "container",
            "inspect",
            "--format",
            "{{.State.OOMKilled}} {{.Image}}",
            name
          ]);
          const [oom, imageId] = inspect.stdout.trim().split(" ");
          const exitCode = Number.parseInt(waited.stdout.trim(), 10);
          if (!Number.isInteger(exitCode))
            throw new Error(`docker wait ${name} failed: ${waited.stderr.trim()}`);
          const outOfMemory = exitCode === 137 && oom === "true";
          const detail = exitCode === 137 && !io.signal.aborted ? outOfMemory ? `Job ran out of memory (limit was ${formatGigabytes(job.limits.memoryBytes)})` : "Job killed by OpenSAFELY admin or memory limits" : null;
          return {
            exitCode,
            killed: outOfMemory ? "memory" : null,
            detail,
            imageId: imageId ?? null
          };
        } finally {
          io.signal.removeEventListener("abort", kill);
        }
      } finally {
        await docker(["container", "rm", "--force", name]);
      }
    }
  };
}

// src/runner/executors/local.ts
import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { join as join4 } from "node:path";

// src/runner/executors/builtin/ehrql.ts
import { access, readFile as readFile3 } from "node:fs/promises";

// src/runner/executors/builtin/csv-files.ts
import { mkdir as mkdir3, readFile as readFile2, writeFile as writeFile2 } from "node:fs/promises";
import { dirname as dirname4 } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";

// src/runner/csv.ts
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = "";
  let quoted = false;
  let fieldStarted = false;
  const endRecord = () => {
    if (fieldStarted || record.length > 0) {
      record.push(field);
      records.push(record);
    }
    record = [];
    field = "";
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      fieldStarted = true;
    } else if (c === ",") {
      record.push(field);
      field = "";
      fieldStarted = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  endRecord();
  return records;
}
function csvField(value) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
function formatCsv(records) {
  return records.map((r) => `${r.length === 1 && r[0] === "" ? '""' : r.map(csvField).join(",")}\r
`).join("");
}

// src/runner/executors/builtin/csv-files.ts
function isGzipCsv(path) {
  const s = suffixes(path);
  return s.length === 2 && s[0] === ".csv" && s[1] === ".gz";
}
async function readCsvFile(path) {
  const bytes = await readFile2(path);
  return parseCsv((isGzipCsv(path) ? gunzipSync(bytes) : bytes).toString("utf8"));
}
async function writeCsvFile(path, records) {
  await mkdir3(dirname4(path), { recursive: true });
  const bytes = Buffer.from(formatCsv(records), "utf8");
  await writeFile2(path, isGzipCsv(path) ? gzipSync(bytes, { level: 6 }) : bytes);
}
function rectangular(records) {
  const [header, ...rows] = records;
  if (!header || rows.length === 0) return [];
  return [header.slice(), ...rows.map((row) => header.map((_, i) => row[i] ?? ""))];
}

// src/runner/executors/builtin/ehrql.ts
var COMMANDS = /* @__PURE__ */ new Set(["generate-dataset", "generate_dataset", "generate-measures", "generate_measures"]);
var VALUE_OPTIONS = [
  "--output",
  "--dummy-data-file",
  "--dummy-tables",
  "--test-data-file",
  "--dsn",
  "--query-engine",
  "--backend"
];
var isCsv = (path) => path.endsWith(".csv") || isGzipCsv(path);
function ehrqlUnsupported(words) {
  const [command, ...rest] = words;
  if (command === void 0 || !COMMANDS.has(command)) {
    return `ehrql ${command ?? ""} runs only in the ehrql image`.replace("  ", " ");
  }
  let args;
  try {
    args = parseArgs(rest, VALUE_OPTIONS);
  } catch (error) {
    return error.message;
  }
  const dummy = args.options.get("--dummy-data-file");
  const output = args.options.get("--output");
  if (dummy === void 0)
    return "ehrql without --dummy-data-file generates dummy data, which only the ehrql image can do";
  if (args.options.has("--dummy-tables"))
    return "ehrql --dummy-tables queries dummy tables, which only the ehrql image can do";
  if (args.options.has("--test-data-file"))
    return "ehrql --test-data-file runs assurance tests, which only the ehrql image can do";
  if (output === void 0) return null;
  if (!isCsv(dummy) || !isCsv(output) || output.includes(":")) {
    return "ehrql dummy-data conversion to or from formats other than .csv and .csv.gz needs the ehrql image";
  }
  return null;
}
async function runEhrql(words, workDir) {
  const args = parseArgs(words.slice(1), VALUE_OPTIONS);
  const definition = args.positional[0];
  const output = args.options.get("--output");
  const dummy = args.options.get("--dummy-data-file");
  if (definition === void 0)
    throw new ToolError("error: the following arguments are required: definition_file", 2);
  if (output === void 0) throw new ToolError("error: the following arguments are required: --output", 2);
  await readFile3(await workspacePath(workDir, definition)).catch(() => {
    throw new ToolError(`FileNotFoundError: ${definition} does not exist`);
  });
  const source = await workspacePath(workDir, dummy);
  await access(source).catch(() => {
    throw new ToolError(`FileNotFoundError: ${dummy} does not exist`);
  });
  const all = await readCsvFile(source);
  await writeCsvFile(
    await workspacePath(workDir, output),
    all.length > 1 ? rectangular(all) : all.slice(0, 1)
  );
}

// src/runner/executors/builtin/sqlrunner.ts
import { readFile as readFile4 } from "node:fs/promises";

// src/runner/executors/builtin/sql-columns.ts
var STOP_WORDS = /* @__PURE__ */ new Set([
  "from",
  "into",
  "where",
  "group",
  "order",
  "having",
  "union",
  "except",
  "intersect",
  "option",
  "window"
]);
var NOT_ALIASES = /* @__PURE__ */ new Set([
  "end",
  "and",
  "or",
  "not",
  "null",
  "then",
  "else",
  "when",
  "case",
  "as",
  "is",
  "in",
  "like",
  "between"
]);
function stripComments(sql) {
  let out = "";
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"' || c === "[") {
      const close = c === "[" ? "]" : c;
      let j = i + 1;
      while (j < sql.length && !(sql[j] === close && sql[j + 1] !== close)) j += sql[j] === close ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j;
    } else if (c === "-" && sql[i + 1] === "-") {
      while (i < sql.length && sql[i] !== "\n") i++;
      out += "\n";
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end < 0 ? sql.length : end + 1;
      out += " ";
    } else out += c;
  }
  return out;
}
function tokenize(sql) {
  const tokens = [];
  let depth = 0;
  const re = /\s+|'(?:[^']|'')*'|"(?:[^"]|"")*"|\[(?:[^\]]|\]\])*\]|[A-Za-z_@#][\w@#$]*|\d+(?:\.\d+)?|<>|!=|>=|<=|[(),;.*=+\-/%<>]|\S/gy;
  let match = re.exec(sql);
  while (match !== null) {
    const text = match[0];
    if (!/^\s+$/.test(text)) {
      if (text === ")") depth--;
      tokens.push({ text, depth, start: match.index });
      if (text === "(") depth++;
    }
    match = re.exec(sql);
  }
  return tokens;
}
function unquote(name) {
  if (name.startsWith("[") && name.endsWith("]")) return name.slice(1, -1).replace(/\]\]/g, "]");
  if ((name.startsWith('"') || name.startsWith("'")) && name.endsWith(name[0])) return name.slice(1, -1);
  return name;
}
var isName = (t) => /^[A-Za-z_@#]/.test(t) || t.startsWith("[") || t.startsWith('"');
function columnName(item, position) {
  const words = item.map((t) => t.text);
  if (words.length === 0) throw new ToolError("the query has an empty select item");
  if (words.length > 2 && isName(words[0]) && words[1] === "=") return unquote(words[0]);
  const last = words[words.length - 1];
  const before = words[words.length - 2];
  if (before !== void 0 && before.toLowerCase() === "as") return unquote(last);
  if (last === "*")
    throw new ToolError("Headers can only be generated for queries with explicit column names");
  if (words.every((w, i) => i % 2 === 0 ? isName(w) : w === ".")) return unquote(last);
  if (before !== void 0 && (isName(last) || last.startsWith("'")) && !NOT_ALIASES.has(last.toLowerCase())) {
    if (before === ")" || isName(before) || /^\d/.test(before) || before.startsWith("'"))
      return unquote(last);
  }
  return `_col_${position}`;
}
function queryColumns(sql) {
  const tokens = tokenize(stripComments(sql));
  const statements = [[]];
  for (const t of tokens) {
    if (t.text === ";" && t.depth === 0) statements.push([]);
    else statements[statements.length - 1].push(t);
  }
  const last = statements.filter((s) => s.length > 0).pop();
  if (!last) throw new ToolError("the query has no statements");
  const base = last[0].depth;
  const select = last.findIndex((t) => t.depth === base && t.text.toLowerCase() === "select");
  if (select < 0) throw new ToolError("Headers can only be generated for queries with explicit column names");
  let i = select + 1;
  const modifier = () => last[i]?.text.toLowerCase();
  if (modifier() === "distinct" || modifier() === "all") i++;
  if (modifier() === "top") {
    i++;
    if (last[i]?.text === "(") {
      while (i < last.length && !(last[i].text === ")" && last[i].depth === base)) i++;
    }
    i++;
    if (modifier() === "percent") i++;
    if (modifier() === "with" && last[i + 1]?.text.toLowerCase() === "ties") i += 2;
  }
  const items = [[]];
  for (; i < last.length; i++) {
    const t = last[i];
    if (t.depth === base && STOP_WORDS.has(t.text.toLowerCase())) break;
    if (t.depth === base && t.text === ",") items.push([]);
    else items[items.length - 1].push(t);
  }
  return items.map((item, index) => columnName(item, index));
}

// src/runner/executors/builtin/sqlrunner.ts
var T1OOS_TABLE = "PatientsWithTypeOneDissent";
var OLD_T1OOS_TABLE = "AllowedPatientsWithTypeOneDissent";
function t1oosHandled(sql) {
  return new RegExp(`\\b${T1OOS_TABLE}`).test(sql) || new RegExp(`--.*${OLD_T1OOS_TABLE}`).test(sql);
}
async function runSqlrunner(words, workDir, print) {
  const args = parseArgs(words, ["--output", "--dummy-data-file", "--dsn"]);
  const [input, ...extra] = args.positional;
  if (input === void 0) throw new ToolError("error: the following arguments are required: input", 2);
  if (extra.length > 0 || args.flags.size > 0) {
    throw new ToolError(`error: unrecognized arguments: ${[...extra, ...args.flags].join(" ")}`, 2);
  }
  const sql = await readFile4(await workspacePath(workDir, input), "utf8").catch(
    (error) => {
      throw new ToolError(
        `FileNotFoundError: [Errno 2] No such file or directory: '${input}' (${error.code})`
      );
    }
  );
  if (!t1oosHandled(sql)) throw new ToolError("RuntimeError: T1OOs are not handled correctly");
  const output = args.options.get("--output");
  const dummy = args.options.get("--dummy-data-file");
  let records;
  if (dummy === void 0) {
    const columns = queryColumns(sql);
    records = [columns, columns.map(() => "")];
  } else {
    const path = await workspacePath(workDir, dummy);
    records = rectangular(
      await readCsvFile(path).catch((error) => {
        if (error instanceof ToolError) throw error;
        throw new ToolError(
          `FileNotFoundError: [Errno 2] No such file or directory: '${dummy}' (${error.code ?? error.message})`
        );
      })
    );
  }
  if (output === void 0) {
    for (const record of records) print(record.join(","), "stdout");
    return;
  }
  await writeCsvFile(await workspacePath(workDir, output), records);
}

// src/runner/executors/process.ts
import { spawn as spawn2 } from "node:child_process";
import { createInterface as createInterface2 } from "node:readline";

// src/runner/executors/memory-watch.ts
import { readdirSync } from "node:fs";

// src/runner/proc-stat.ts
import { readFileSync } from "node:fs";
function procStatFields(pid) {
  let stat4;
  try {
    stat4 = readFileSync(`/proc/${pid}/stat`, "latin1");
  } catch {
    return null;
  }
  return stat4.slice(stat4.lastIndexOf(")") + 2).split(" ");
}

// src/runner/executors/memory-watch.ts
var INTERVAL_MS = 500;
var PAGE_SIZE = 4096;
var watched = /* @__PURE__ */ new Map();
var timer = null;
function residentByGroup(groups) {
  let names;
  try {
    names = readdirSync("/proc");
  } catch {
    return null;
  }
  const totals = /* @__PURE__ */ new Map();
  for (const name of names) {
    if (name.charCodeAt(0) < 48 || name.charCodeAt(0) > 57) continue;
    const fields = procStatFields(name);
    if (fields === null) continue;
    const group = Number(fields[2]);
    if (groups.has(group)) totals.set(group, (totals.get(group) ?? 0) + Number(fields[21]) * PAGE_SIZE);
  }
  return totals;
}
function tick() {
  timer = null;
  if (watched.size === 0) return;
  const totals = residentByGroup(new Set(watched.keys()));
  if (totals === null) return;
  for (const [group, bytes] of totals) {
    const watch = watched.get(group);
    if (watch && bytes > watch.limit) {
      watched.delete(group);
      watch.onOver(bytes);
    }
  }
  schedule();
}
function schedule() {
  if (timer === null && watched.size > 0) {
    timer = setTimeout(tick, INTERVAL_MS);
    timer.unref();
  }
}
function watchMemory(group, limit, onOver) {
  if (process.platform !== "linux") return () => void 0;
  watched.set(group, { limit, onOver });
  schedule();
  return () => {
    watched.delete(group);
  };
}

// src/runner/executors/process.ts
var GRACE_MS = 2e3;
var SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGSEGV: 11, SIGTERM: 15 };
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
  }
}
function runProcess(spec, io) {
  return new Promise((resolve2) => {
    let killed = null;
    let settled = false;
    let graceTimer;
    const child = spawn2(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: { ...spec.env },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"]
    });
    if (child.pid !== void 0) io.onStarted?.(child.pid);
    const stop = (reason) => {
      if (killed || child.pid === void 0) return;
      killed = reason;
      killGroup(child.pid, "SIGTERM");
      graceTimer = setTimeout(() => killGroup(child.pid, "SIGKILL"), GRACE_MS);
    };
    const onAbort = () => stop(io.signal.reason ?? "cancelled");
    io.signal.addEventListener("abort", onAbort, { once: true });
    if (io.signal.aborted) onAbort();
    for (const [stream, name] of [
      [child.stdout, "stdout"],
      [child.stderr, "stderr"]
    ]) {
      createInterface2({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on(
        "line",
        (line) => io.onLine(line, name)
      );
    }
    const unwatch = child.pid === void 0 ? () => void 0 : watchMemory(child.pid, spec.memoryBytes, (bytes) => {
      io.onLine(
        `trestle: stopping the job: it used ${bytes} bytes of memory, over its limit of ${spec.memoryBytes}`,
        "stderr"
      );
      killed ??= "memory";
      killGroup(child.pid, "SIGKILL");
    });
    let exit = null;
    child.on("error", (error) => {
      io.onLine(`trestle: could not start ${spec.command}: ${error.message}`, "stderr");
      exit = { exitCode: 127, killed };
      if (child.pid === void 0) finish();
    });
    child.on("exit", (code, signal) => {
      if (child.pid !== void 0) killGroup(child.pid, "SIGKILL");
      exit = { exitCode: code ?? 128 + (SIGNAL_NUMBERS[signal ?? "SIGKILL"] ?? 9), killed };
    });
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(graceTimer);
      unwatch();
      io.signal.removeEventListener("abort", onAbort);
      resolve2({ exitCode: exit?.exitCode ?? 1, killed });
    };
    child.on("close", finish);
  });
}

// src/runner/executors/local.ts
var USE_DOCKER = "use the docker executor (--executor docker)";
function findExecutable(name, path) {
  if (name.includes("/")) return canRun(name) ? name : null;
  for (const dir of path.split(":")) {
    if (dir && canRun(join4(dir, name))) return join4(dir, name);
  }
  return null;
}
function canRun(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function scriptWords(action, interpreters) {
  const words = action.jobArgs.slice(1);
  return interpreters.includes(words[0] ?? "") ? words.slice(1) : words;
}
function createLocalExecutor(options = {}) {
  const path = options.path ?? process.env.PATH ?? "/usr/bin:/bin";
  const found = /* @__PURE__ */ new Map();
  const locate = (name) => {
    if (!found.has(name)) found.set(name, findExecutable(name, path));
    return found.get(name);
  };
  let resolvedPython = null;
  const python = () => resolvedPython ?? locate(options.python ?? "python3");
  const rscript = () => locate(options.rscript ?? "Rscript");
  const why = (action) => {
    const image = action.run.image;
    switch (image) {
      case "python":
        return python() ? null : "python actions need python3, which is not installed here";
      case "r":
        return rscript() ? null : "r actions need Rscript, which is not installed here";
      case "sqlrunner":
        return null;
      case "ehrql":
        return ehrqlUnsupported(action.jobArgs.slice(1));
      case "cohortextractor":
        return cohortextractorUnsupported(action);
      case "databuilder":
        return "databuilder actions run only in the databuilder image";
      case "stata-mp":
        return "stata-mp actions run only in the stata-mp image (with a STATA_LICENSE)";
      case "jupyter":
        return "jupyter actions run only in the jupyter image";
      default:
        return `${image} is a reusable action (opensafely-actions/${image}); Trestle runs only the platform's own images, so run it with \`opensafely run\``;
    }
  };
  const unsupported = (action) => {
    const reason = why(action);
    if (reason === null) return null;
    const reusable = reason.includes("reusable action");
    return `The local executor cannot run ${action.run.image}:${action.run.tag}: ${reason}${reusable ? "" : `; ${USE_DOCKER}`}`;
  };
  return {
    name: "local",
    unsupported,
    async prepare(actions) {
      const shim = python();
      if (shim && actions.some((a) => a.run.image === "python")) {
        resolvedPython = await realInterpreter(shim, path);
      }
      return null;
    },
    async run(job, io) {
      const { action } = job;
      const env = {
        PATH: path,
        HOME: job.homeDir,
        TMPDIR: join4(job.homeDir, "tmp"),
        LANG: "C.UTF-8",
        PYTHONUNBUFFERED: "1",
        PYTHONDONTWRITEBYTECODE: "1",
        ...job.env
      };
      const processJob = async (command, args) => {
        const outcome = await runProcess(
          { command, args, cwd: job.workDir, env, memoryBytes: job.limits.memoryBytes },
          io
        );
        return { exitCode: outcome.exitCode, killed: outcome.killed, detail: null, imageId: null };
      };
      const builtin = async (tool) => {
        try {
          await tool();
          return { exitCode: 0, killed: null, detail: null, imageId: null };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          io.onLine(message, "stderr");
          return {
            exitCode: error instanceof ToolError ? error.exitCode : 1,
            killed: null,
            detail: null,
            imageId: null
          };
        }
      };
      switch (action.run.image) {
        case "python":
          return processJob(python(), scriptWords(action, ["python", "python3"]));
        case "r":
          return processJob(rscript(), scriptWords(action, ["Rscript"]));
        case "sqlrunner":
          return builtin(() => runSqlrunner(action.jobArgs.slice(1), job.workDir, io.onLine));
        case "ehrql":
          return builtin(() => runEhrql(action.jobArgs.slice(1), job.workDir));
        case "cohortextractor":
          return builtin(
            () => runCohortextractor(cohortextractorWords(action, job.populationSize), job.workDir)
          );
        default:
          io.onLine(unsupported(action) ?? "unsupported", "stderr");
          return { exitCode: 1, killed: null, detail: null, imageId: null };
      }
    }
  };
}
function realInterpreter(python, path) {
  return new Promise((resolve2) => {
    execFile(
      python,
      ["-c", "import sys; print(sys.executable)"],
      { env: { PATH: path, HOME: process.env.HOME ?? "/" }, timeout: 3e4 },
      (error, stdout) => {
        const executable = stdout.trim();
        resolve2(!error && executable.startsWith("/") && canRun(executable) ? executable : null);
      }
    );
  });
}

// src/runner/executors/select.ts
async function detectDocker(docker = spawnDocker()) {
  const result = await docker(["info", "--format", "{{.ServerVersion}}"], { timeoutMs: 1e4 });
  if (result.exitCode === 0 && result.stdout.trim() !== "") {
    return { available: true, detail: `docker daemon ${result.stdout.trim()} answered` };
  }
  const reason = result.stderr.includes("ENOENT") ? "docker is not installed" : result.stderr.trim().split("\n").pop() ?? `docker info exited with ${result.exitCode}`;
  return { available: false, detail: reason };
}
async function selectExecutor(choice, options = {}) {
  if (choice === "local") {
    return {
      executor: createLocalExecutor(),
      info: { name: "local", reason: "the local executor was requested" }
    };
  }
  const status = await detectDocker(options.docker);
  const docker = () => createDockerExecutor({ docker: options.docker, hostEnv: options.hostEnv });
  if (choice === "docker") {
    if (!status.available)
      return { problem: `the docker executor needs a running docker daemon: ${status.detail}` };
    return { executor: docker(), info: { name: "docker", reason: "the docker executor was requested" } };
  }
  if (status.available)
    return {
      executor: docker(),
      info: { name: "docker", reason: `${status.detail}: using the docker executor` }
    };
  return {
    executor: createLocalExecutor(),
    info: { name: "local", reason: `no docker daemon (${status.detail}): using the local executor` }
  };
}

// src/runner/job.ts
import { mkdir as mkdir5, rm as rm5 } from "node:fs/promises";
import { join as join11 } from "node:path";

// src/runner/state/job-processes.ts
import { mkdirSync, readFileSync as readFileSync2, rmSync, writeFileSync } from "node:fs";
import { readdir as readdir3, readFile as readFile5, rm as rm2 } from "node:fs/promises";
import { join as join5 } from "node:path";

// src/runner/state/paths.ts
var STATE_DIR = "metadata/.trestle";
var JOBS_DIR = `${STATE_DIR}/jobs`;
var WORK_DIR = `${STATE_DIR}/work`;
var LOCK_FILE = `${STATE_DIR}/lock`;
var MANIFEST_FILE = "metadata/manifest.json";
function actionFileName(action) {
  if (action === "") return "%";
  const encoded = action.replace(
    /[%/\\\0:*?"<>|\n\r\t]/g,
    (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`
  );
  if (encoded === "." || encoded === "..") return encoded.replace(/\./g, "%2e");
  return encoded;
}

// src/runner/state/job-processes.ts
var PROCESSES_DIR = `${STATE_DIR}/processes`;
function processIdentity(pid) {
  const started = procStatFields(pid)?.[19];
  const boot2 = bootId();
  return started === void 0 || boot2 === null ? null : `${boot2} ${started}`;
}
var boot;
function bootId() {
  if (boot === void 0) {
    try {
      boot = readFileSync2("/proc/sys/kernel/random/boot_id", "latin1").trim();
    } catch {
      boot = null;
    }
  }
  return boot;
}
function noteJobProcess(projectDir, pid) {
  const identity = processIdentity(pid);
  if (identity === null) return;
  const dir = join5(projectDir, PROCESSES_DIR);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join5(dir, String(pid)), `${identity}
`);
}
function forgetJobProcess(projectDir, pid) {
  rmSync(join5(projectDir, PROCESSES_DIR, String(pid)), { force: true });
}
async function stopLeftoverJobs(projectDir) {
  const dir = join5(projectDir, PROCESSES_DIR);
  const names = await readdir3(dir).catch(() => []);
  for (const name of names) {
    const pid = Number(name);
    const noted = (await readFile5(join5(dir, name), "utf8").catch(() => "")).trim();
    if (Number.isInteger(pid) && pid > 1 && noted !== "" && processIdentity(pid) === noted) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
      }
    }
    await rm2(join5(dir, name), { force: true });
  }
}

// src/runner/job-execute.ts
async function execute(ctx, workDir, homeDir, log) {
  const controller = new AbortController();
  const stop = (reason) => {
    if (!controller.signal.aborted) controller.abort(reason);
  };
  const onCancel = () => stop("cancelled");
  if (ctx.signal.aborted) stop("cancelled");
  ctx.signal.addEventListener("abort", onCancel, { once: true });
  const timer2 = setTimeout(() => stop("timeout"), ctx.limits.timeoutMs);
  const start = performance.now();
  let pid = null;
  try {
    const result = await ctx.executor.run(
      {
        jobId: ctx.jobId,
        requestId: ctx.requestId,
        workspaceName: ctx.workspaceName,
        action: ctx.action,
        workDir,
        homeDir,
        env: { OPENSAFELY_BACKEND: "expectations" },
        limits: ctx.limits,
        populationSize: ctx.pipeline.expectations?.populationSize ?? null
      },
      {
        signal: controller.signal,
        onLine: (line, stream) => {
          log.add(line);
          ctx.onLine(line, stream);
        },
        onStarted: (started) => {
          pid = started;
          noteJobProcess(ctx.projectDir, started);
        }
      }
    );
    const killed = result.killed ?? (controller.signal.aborted ? controller.signal.reason : null);
    return { result: { ...result, killed }, ms: performance.now() - start };
  } finally {
    if (pid !== null) forgetJobProcess(ctx.projectDir, pid);
    clearTimeout(timer2);
    ctx.signal.removeEventListener("abort", onCancel);
  }
}

// src/runner/job-log.ts
var MAX_LOG_LINES = 1e5;
var MAX_LINE_CHARS = 64 * 1024;
var TAIL_LINES = 32;
function rfc3339Nano(epochMs) {
  const whole = Math.floor(epochMs);
  const iso = new Date(whole).toISOString();
  const subMs = Math.floor((epochMs - whole) * 1e6).toString().padStart(6, "0");
  return `${iso.slice(0, 23)}${subMs}Z`;
}
var JobLog = class {
  #lines = [];
  #dropped = 0;
  #clock;
  constructor(clock = () => performance.timeOrigin + performance.now()) {
    this.#clock = clock;
  }
  add(line) {
    const text = line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)} [line truncated]` : line;
    this.#lines.push(`${rfc3339Nano(this.#clock())} ${text}`);
    if (this.#lines.length > MAX_LOG_LINES * 1.1) {
      const excess = this.#lines.length - MAX_LOG_LINES;
      this.#lines.splice(0, excess);
      this.#dropped += excess;
    }
  }
  /** The stamped lines, at most MAX_LOG_LINES. */
  lines() {
    return this.#lines.length > MAX_LOG_LINES ? this.#lines.slice(-MAX_LOG_LINES) : [...this.#lines];
  }
  /** The last lines without their timestamps, as the reference's summary shows them. */
  tail(count = TAIL_LINES) {
    const all = this.#lines;
    const start = Math.max(all.length - count, 0);
    return { lines: all.slice(start).map((l) => l.slice(31)), truncated: start > 0 || this.#dropped > 0 };
  }
};
function tabulate(rows, indent2, empty = "") {
  const pad = " ".repeat(indent2);
  if (rows.length === 0) return `${pad}${empty}`;
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  return rows.map(([a, b]) => `${pad}${a.padEnd(w0)}  - ${b.padEnd(w1)}`).join("\n");
}
function formatLogFile(lines, summary, outputs, invalid) {
  let text = lines.map((l) => `${l}
`).join("");
  text += "\n\n";
  for (const [key, value] of Object.entries(summary)) {
    if (value === null || value === "") continue;
    text += `${key}: ${value}
`;
  }
  text += "\noutputs:\n";
  text += tabulate(
    [...outputs].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0),
    2,
    "(no outputs)"
  );
  if (invalid.length > 0) {
    text += "\n\nInvalid moderately_sensitive outputs:\n";
    text += tabulate(invalid, 2);
  }
  return `${text}
`;
}

// src/runner/job-log-file.ts
import { join as join6 } from "node:path";
async function writeJobLog(ctx, log, verdict, info, outputs, invalid) {
  const rel = `metadata/${actionFileName(ctx.action.id)}.log`;
  const text = formatLogFile(
    log.lines(),
    {
      job_definition_id: ctx.jobId,
      job_definition_request_id: ctx.requestId,
      commit: ctx.commit,
      docker_image_id: info.imageId,
      exit_code: info.exitCode === null ? null : String(info.exitCode),
      created_at: Math.floor(info.startedAtMs / 1e3),
      completed_at: Math.floor(ctx.now().getTime() / 1e3),
      database_name: null,
      status_message: verdict.message,
      hint: info.hint
    },
    outputs,
    invalid
  );
  await writeFileAtomic(join6(ctx.projectDir, rel), text);
  return rel;
}

// src/runner/status.ts
var PENDING_CODES = ["created", "waiting_on_dependencies", "waiting_on_workers"];
var RUNNING_CODES = [
  "preparing",
  "prepared",
  "executing",
  "executed",
  "finalizing",
  "finalized"
];
var pending = new Set(PENDING_CODES);
var running = new Set(RUNNING_CODES);
function stateOf(code) {
  if (pending.has(code)) return "pending";
  if (running.has(code)) return "running";
  return code === "succeeded" ? "succeeded" : "failed";
}
var STATUS_MESSAGES = {
  created: "Created",
  waiting_on_dependencies: "Waiting on dependencies",
  waiting_on_workers: "Waiting on available workers",
  preparing: "Preparing your code and workspace files",
  prepared: "Prepared and ready to run",
  executing: "Executing job on the backend",
  executed: "Job has finished executing and is waiting to be finalized",
  finalizing: "Recording job results",
  finalized: "Finished recording results"
};
var MESSAGE_SUCCEEDED = "Completed successfully";
var MESSAGE_DEPENDENCY_FAILED = "Not starting as dependency failed";
var MESSAGE_NONZERO_EXIT = "Job exited with an error";
var MESSAGE_CANCELLED = "Cancelled by user";
var MESSAGE_INTERNAL_ERROR = "Internal error: this usually means a platform issue rather than a problem for users to fix.";

// src/runner/job-verdict.ts
function classify(exec, limits, refused, unmatched, level4Count) {
  if (exec.killed === "timeout") {
    return {
      code: "nonzero_exit",
      message: `${MESSAGE_NONZERO_EXIT}: Job was stopped after running longer than its time limit (${formatDuration(limits.timeoutMs)})`
    };
  }
  if (exec.killed === "memory") {
    return {
      code: "nonzero_exit",
      message: `${MESSAGE_NONZERO_EXIT}: Job ran out of memory (limit was ${formatGigabytes(limits.memoryBytes)})`
    };
  }
  if (exec.exitCode !== 0) {
    return {
      code: "nonzero_exit",
      message: exec.detail ? `${MESSAGE_NONZERO_EXIT}: ${exec.detail}` : MESSAGE_NONZERO_EXIT
    };
  }
  if (refused.length > 0) {
    return {
      code: "job_error",
      message: `Outputs refused:${refused.map((r) => `
 - ${r.path}: ${r.reason}`).join("")}`
    };
  }
  if (unmatched.length > 0) {
    return {
      code: "unmatched_patterns",
      message: `No outputs found matching patterns:${unmatched.map((p) => `
 - ${p}`).join("")}`
    };
  }
  if (level4Count > 0) {
    return {
      code: "succeeded",
      message: `${MESSAGE_SUCCEEDED}, but ${level4Count} file(s) marked as moderately_sensitive were excluded. See job log for details.`
    };
  }
  return { code: "succeeded", message: MESSAGE_SUCCEEDED };
}

// src/runner/level4.ts
import { readFile as readFile6 } from "node:fs/promises";
import { extname as extname2 } from "node:path";
var LEVEL4_MAX_FILESIZE = 16 * 1024 * 1024;
var LEVEL4_MAX_CSV_ROWS = 5e3;
var LEVEL4_FILE_TYPES2 = LEVEL4_FILE_TYPES;
function megabytes(bytes) {
  const value = Math.round(bytes / (1024 * 1024) * 100) / 100;
  return Number.isInteger(value) ? `${value}.0` : String(value);
}
async function checkLevel4(absPath, relPath, size) {
  const suffix = extname2(relPath);
  if (size > LEVEL4_MAX_FILESIZE) {
    return {
      message: `File size of ${megabytes(size)}Mb is larger that limit of ${megabytes(LEVEL4_MAX_FILESIZE)}Mb.`,
      rows: null,
      cols: null
    };
  }
  if (!LEVEL4_FILE_TYPES2.includes(suffix)) {
    return { message: `File type of ${suffix} is not valid level 4 file`, rows: null, cols: null };
  }
  if (suffix !== ".csv") return { message: null, rows: null, cols: null };
  let records;
  try {
    records = parseCsv(await readFile6(absPath, "utf8"));
  } catch {
    return { message: null, rows: null, cols: null };
  }
  const headers = records[0] ?? [];
  const rows = Math.max(records.length - 1, 0);
  const cols = rows > 0 ? headers.length : 0;
  const messages = [];
  if (headers.includes("patient_id")) messages.push("File has patient_id column");
  if (rows > LEVEL4_MAX_CSV_ROWS) {
    messages.push(`File row count (${rows}) exceeds maximum allowed rows (${LEVEL4_MAX_CSV_ROWS})`);
  }
  return { message: messages.length > 0 ? messages.join(",") : null, rows, cols };
}

// src/runner/outputs.ts
import { copyFile as copyFile2, lstat as lstat2, realpath as realpath3, rename as rename2, rm as rm3 } from "node:fs/promises";
import { join as join7 } from "node:path";

// src/runner/hash.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile as readFile7, stat } from "node:fs/promises";
var SMALL = 1024 * 1024;
async function hashFile(path) {
  const info = await stat(path);
  if (info.size <= SMALL)
    return createHash("sha256").update(await readFile7(path)).digest("hex");
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest("hex");
}
function hashText(text) {
  return createHash("sha256").update(text).digest("hex");
}
var HashCache = class {
  #hashes = /* @__PURE__ */ new Map();
  get(path) {
    let hash = this.#hashes.get(path);
    if (!hash) {
      hash = hashFile(path).catch(() => null);
      this.#hashes.set(path, hash);
    }
    return hash;
  }
};

// src/runner/outputs.ts
async function scanOutputs(ws, spec) {
  const entries = await walk(ws.workDir);
  const candidates = [];
  for (const entry of entries) {
    if (entry.kind === "dir") continue;
    if (ws.code.has(entry.path)) continue;
    const input = ws.inputs.get(entry.path);
    if (input) {
      const info = await lstat2(join7(ws.workDir, entry.path)).catch(() => null);
      if (info && info.mtimeMs === input.mtimeMs) continue;
    }
    candidates.push(entry);
  }
  const matched = /* @__PURE__ */ new Map();
  const refused = [];
  const unmatchedPatterns = [];
  const matchedAny = /* @__PURE__ */ new Set();
  for (const { pattern, privacy } of spec) {
    const unsafe = unsafePattern(pattern);
    if (unsafe) {
      refused.push({ path: pattern, reason: `pattern refused: ${unsafe}` });
      continue;
    }
    let found = false;
    for (const candidate of candidates) {
      if (!matchesPattern(pattern, candidate.path)) continue;
      matchedAny.add(candidate.path);
      if (candidate.kind === "file") {
        matched.set(candidate.path, privacy);
        found = true;
      } else if (candidate.kind === "symlink") {
        refused.push({ path: candidate.path, reason: await describeLink(ws.workDir, candidate.path) });
      } else {
        refused.push({ path: candidate.path, reason: "not a regular file" });
      }
    }
    if (!found) unmatchedPatterns.push(pattern);
  }
  const unmatchedFiles = candidates.filter((c) => !matchedAny.has(c.path)).map((c) => c.path).sort();
  return { matched, unmatchedPatterns, unmatchedFiles, refused: dedupe(refused) };
}
async function describeLink(workDir, path) {
  const target = await realpath3(join7(workDir, path)).catch(() => null);
  const root = await realpath3(workDir);
  if (target === null || !isInside(root, target)) return "a symbolic link to a place outside the workspace";
  return "a symbolic link (outputs must be regular files)";
}
function dedupe(refusals) {
  const seen = /* @__PURE__ */ new Set();
  return refusals.filter((r) => {
    if (seen.has(r.path)) return false;
    seen.add(r.path);
    return true;
  });
}
async function persistOutputs(ws, projectDir, matched, onFile) {
  const persisted = [];
  const refused = [];
  for (const [path, privacy] of [...matched].sort(([a], [b]) => a < b ? -1 : 1)) {
    onFile?.(path);
    const target = await safeTarget(projectDir, path);
    if (target === null) {
      refused.push({ path, reason: "its place in the project folder leads outside it" });
      continue;
    }
    const source = join7(ws.workDir, path);
    const temp = `${target}.trestle-${process.pid}.tmp`;
    await copyFile2(source, temp);
    await rename2(temp, target);
    const info = await lstat2(target);
    persisted.push({
      path,
      privacy,
      size: info.size,
      sha256: await hashFile(target),
      mtime: info.mtimeMs / 1e3,
      mtimeMs: info.mtimeMs,
      ino: info.ino
    });
  }
  return { persisted, refused };
}
async function removeObsolete(projectDir, previous, current) {
  const keep = new Set(current.map((p) => p.toLowerCase()));
  const removed = [];
  const root = await realpath3(projectDir);
  for (const path of previous) {
    if (keep.has(path.toLowerCase()) || unsafePattern(path)) continue;
    const abs = join7(root, path);
    const info = await lstat2(abs).catch(() => null);
    if (!info || !(info.isFile() || info.isSymbolicLink())) continue;
    const parent = await realpath3(join7(abs, "..")).catch(() => null);
    if (parent === null || !isInside(root, parent)) continue;
    await rm3(abs, { force: true });
    removed.push(path);
  }
  return removed;
}

// src/runner/state/records.ts
import { readFile as readFile8 } from "node:fs/promises";
import { join as join8 } from "node:path";
var RECORD_VERSION = 1;
function recordPath(projectDir, action) {
  return join8(projectDir, JOBS_DIR, `${actionFileName(action)}.json`);
}
async function readRecord(projectDir, action) {
  let text;
  try {
    text = await readFile8(recordPath(projectDir, action), "utf8");
  } catch {
    return null;
  }
  try {
    const data = JSON.parse(text);
    if (data.version !== RECORD_VERSION || data.action !== action) return null;
    return { version: RECORD_VERSION, action, last: data.last ?? null, running: data.running ?? null };
  } catch {
    return null;
  }
}
async function writeRecord(projectDir, record) {
  await writeFileAtomic(recordPath(projectDir, record.action), `${JSON.stringify(record, null, 1)}
`);
}

// src/runner/workspace.ts
import { constants as constants2 } from "node:fs";
import { copyFile as copyFile3, lstat as lstat3, mkdir as mkdir4, readdir as readdir4, readFile as readFile9, rm as rm4, stat as stat3, utimes, writeFile as writeFile3 } from "node:fs/promises";
import { join as join10 } from "node:path";

// src/runner/code-tree.ts
import { realpath as realpath4, stat as stat2 } from "node:fs/promises";
import { join as join9 } from "node:path";
var EXCLUDED_TOP = /* @__PURE__ */ new Set([".git", "metadata"]);
async function scanCodeTree(projectDir, pipeline) {
  const root = await realpath4(projectDir);
  const isOutput = patternMatcher(allOutputPatterns(pipeline.actions.values()));
  const entries = await walk(root, (path) => EXCLUDED_TOP.has(path) || isOutput(path));
  const files = /* @__PURE__ */ new Map();
  const mtimes = /* @__PURE__ */ new Map();
  const skipped = [];
  await Promise.all(
    entries.map(async (entry) => {
      if (entry.kind !== "file" && entry.kind !== "symlink") return;
      const abs = join9(root, entry.path);
      const target = entry.kind === "file" ? abs : await realpath4(abs).catch(() => null);
      const info = target ? await stat2(target).catch(() => null) : null;
      if (target && info?.isFile() && isInside(root, target)) {
        files.set(entry.path, target);
        mtimes.set(entry.path, info.mtimeMs);
      } else if (entry.kind === "symlink") skipped.push(entry.path);
    })
  );
  const sorted = new Map([...files].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
  return { root, files: sorted, mtimes, skipped: skipped.sort() };
}
function listings(paths) {
  const sets = /* @__PURE__ */ new Map();
  const add = (dir, name) => {
    const names = sets.get(dir);
    if (names) names.add(name);
    else sets.set(dir, /* @__PURE__ */ new Set([name]));
  };
  for (const path of paths) {
    const parts = path.split("/");
    for (let i = 0; i < parts.length; i++) add(parts.slice(0, i).join("/"), parts[i]);
  }
  const result = /* @__PURE__ */ new Map();
  for (const [dir, names] of sets) result.set(dir, [...names].sort());
  if (!result.has("")) result.set("", []);
  return result;
}

// src/runner/fingerprint.ts
var FINGERPRINT_VERSION = 1;
function definitionHash(action, pipeline) {
  const isCohortExtractor = action.run.image === "cohortextractor";
  return hashText(
    JSON.stringify({
      v: FINGERPRINT_VERSION,
      run: action.jobCommand,
      outputs: outputSpec(action.outputs).sort((a, b) => a.pattern < b.pattern ? -1 : 1),
      needs: [...action.needs].sort(),
      dummyDataFile: action.dummyDataFile,
      populationSize: isCohortExtractor ? pipeline.expectations?.populationSize ?? null : null
    })
  );
}
function listingHash(names) {
  return hashText(names.join("\0"));
}
async function staleBecause(fp, now) {
  if (fp.definition !== now.definition) return "its definition in project.yaml changed";
  const before = Object.keys(fp.inputs);
  const after = Object.keys(now.inputs);
  if (before.length !== after.length || after.some((p) => !(p in fp.inputs)))
    return "its set of input files changed";
  for (const path of after) if (fp.inputs[path] !== now.inputs[path]) return `input ${path} changed`;
  for (const [path, sha] of Object.entries(fp.reads)) {
    const abs = now.tree.files.get(path);
    if (abs === void 0) return `${path} was removed`;
    if (await now.hashes.get(abs) !== sha) return `${path} changed`;
  }
  const dirs = Object.keys(fp.listings);
  if (dirs.length > 0) {
    const current = listings([...now.tree.files.keys(), ...after]);
    for (const dir of dirs) {
      if (listingHash(current.get(dir) ?? []) !== fp.listings[dir]) {
        return `files were added to or removed from ${dir === "" ? "the project folder" : `${dir}/`}`;
      }
    }
  }
  return null;
}

// src/runner/workspace.ts
var MARK_S = 1e9;
var MARK_MS = MARK_S * 1e3;
var MissingInputError = class extends Error {
  constructor(path, options) {
    super(`The file ${path} doesn't exist in the project folder as recorded for this job's needs`, options);
    this.path = path;
  }
  path;
};
async function copy(src, dst) {
  await copyFile3(src, dst, constants2.COPYFILE_FICLONE);
}
async function makeFolders(root, paths) {
  const dirs = /* @__PURE__ */ new Set();
  for (const path of paths) {
    for (let at = path.indexOf("/"); at >= 0; at = path.indexOf("/", at + 1)) dirs.add(path.slice(0, at));
  }
  for (const dir of [...dirs].sort())
    await mkdir4(join10(root, dir)).catch((error) => {
      if (error.code !== "EEXIST") throw error;
    });
}
async function inBatches(items, size, each) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(each));
}
async function probeReadTracking(dir) {
  const probeDir = join10(dir, `.probe-${process.pid}-${Date.now()}`);
  try {
    await mkdir4(probeDir, { recursive: true });
    const file = join10(probeDir, "probe");
    await writeFile3(file, "probe");
    await utimes(file, MARK_S, MARK_S + 1);
    await utimes(probeDir, MARK_S, MARK_S + 1);
    await readFile9(file);
    await readdir4(probeDir);
    const [f, d] = await Promise.all([lstat3(file), lstat3(probeDir)]);
    return f.atimeMs !== MARK_MS && d.atimeMs !== MARK_MS ? "atime" : "all";
  } catch {
    return "all";
  } finally {
    await rm4(probeDir, { recursive: true, force: true });
  }
}
async function prepareWorkspace(options) {
  const { workDir, tree } = options;
  await mkdir4(workDir, { recursive: true });
  const code = /* @__PURE__ */ new Map();
  const inputSet = new Set(options.inputs);
  const codePaths = [...tree.files.keys()].filter((p) => !inputSet.has(p));
  await makeFolders(workDir, [...codePaths, ...options.inputs]);
  await inBatches(codePaths, 32, async (path) => {
    const src = tree.files.get(path);
    const dst = join10(workDir, path);
    await copy(src, dst);
    const mtimeMs = tree.mtimes.get(path) ?? (await stat3(src)).mtimeMs;
    await utimes(dst, MARK_S, mtimeMs / 1e3);
    code.set(path, mtimeMs);
  });
  const inputs = /* @__PURE__ */ new Map();
  for (const path of options.inputs) {
    options.onInput?.(path);
    const dst = join10(workDir, path);
    try {
      await copy(join10(options.projectDir, path), dst);
    } catch (error) {
      throw new MissingInputError(path, { cause: error });
    }
    inputs.set(path, { sha256: await hashFile(dst), mtimeMs: (await lstat3(dst)).mtimeMs });
  }
  const dirListings = listings([...code.keys(), ...inputs.keys()]);
  const dirs = [...dirListings.keys()].sort((a, b) => b.split("/").length - a.split("/").length);
  for (const dir of dirs) await utimes(join10(workDir, dir), MARK_S, MARK_S);
  return { workDir, code, inputs, listings: dirListings, tracking: options.tracking };
}
async function observeReads(ws) {
  const readFiles = [];
  const changed = [];
  const listed = [];
  await inBatches([...ws.code], 64, async ([path, mtimeMs]) => {
    const info = await lstat3(join10(ws.workDir, path)).catch(() => null);
    if (!info || Math.abs(info.mtimeMs - mtimeMs) > 1 || !info.isFile()) changed.push(path);
    else if (ws.tracking === "all" || info.atimeMs !== MARK_MS) readFiles.push(path);
  });
  const all = ws.tracking === "all" || readFiles.length === 0 && changed.length === 0 && ws.code.size > 0;
  if (all) readFiles.splice(0, readFiles.length, ...[...ws.code.keys()].filter((p) => !changed.includes(p)));
  for (const dir of ws.listings.keys()) {
    const info = await lstat3(join10(ws.workDir, dir)).catch(() => null);
    if (all || !info || info.atimeMs !== MARK_MS) listed.push(dir);
  }
  const reads = {};
  await inBatches(readFiles.sort(), 32, async (path) => {
    reads[path] = await hashFile(join10(ws.workDir, path));
  });
  for (const path of changed) reads[path] = "changed-by-the-job";
  const listingHashes = {};
  for (const dir of listed.sort()) listingHashes[dir] = listingHash(ws.listings.get(dir) ?? []);
  return { reads: sortKeys(reads), listings: listingHashes };
}
function sortKeys(record) {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}

// src/runner/job.ts
async function runJob(ctx) {
  const started = ctx.now();
  const startedAt = started.toISOString();
  const log = new JobLog();
  const workDir = join11(ctx.projectDir, WORK_DIR, ctx.jobId);
  const homeDir = join11(ctx.projectDir, WORK_DIR, `${ctx.jobId}.home`);
  let recorded = false;
  const base = {
    action: ctx.action.id,
    jobId: ctx.jobId,
    reason: ctx.reason,
    startedAt,
    exitCode: null,
    processMs: 0,
    outputs: [],
    unmatchedPatterns: [],
    unmatchedFiles: [],
    hint: null,
    level4Warnings: [],
    obsoleteRemoved: [],
    logFile: null
  };
  const finish = (verdict, extra = {}) => {
    const completed = ctx.now();
    const tail = log.tail();
    return {
      ...base,
      ...extra,
      statusCode: verdict.code,
      statusMessage: verdict.message,
      state: verdict.code === "succeeded" ? "succeeded" : "failed",
      completedAt: completed.toISOString(),
      durationMs: completed.getTime() - started.getTime(),
      logTail: tail.lines,
      logTailTruncated: tail.truncated
    };
  };
  let markerError = null;
  const marker = writeRecord(ctx.projectDir, {
    version: 1,
    action: ctx.action.id,
    last: ctx.previous?.last ?? null,
    running: { jobId: ctx.jobId, requestId: ctx.requestId, startedAt, pid: process.pid }
  }).catch((error) => {
    markerError = error;
  });
  const markerWritten = async () => {
    await marker;
    if (markerError) throw markerError;
  };
  const record = async (last) => {
    await markerWritten();
    await writeRecord(ctx.projectDir, { version: 1, action: ctx.action.id, last, running: null });
    recorded = true;
  };
  try {
    ctx.setStatus("preparing", startedAt);
    const unsupported = ctx.executor.unsupported(ctx.action, ctx.pipeline);
    if (unsupported) {
      const verdict2 = { code: "job_error", message: unsupported };
      const logFile2 = await writeJobLog(
        ctx,
        log,
        verdict2,
        { exitCode: null, imageId: null, hint: null, startedAtMs: started.getTime() },
        [],
        []
      );
      await record(failedRecord(ctx, verdict2, startedAt, {}));
      return finish(verdict2, { logFile: logFile2 });
    }
    if (ctx.signal.aborted) {
      await record(ctx.previous?.last ?? null);
      return finish({ code: "cancelled_by_user", message: MESSAGE_CANCELLED });
    }
    const [ws] = await Promise.all([
      prepareWorkspace({
        projectDir: ctx.projectDir,
        workDir,
        tree: ctx.tree,
        inputs: ctx.inputs,
        tracking: ctx.tracking
      }),
      mkdir5(join11(homeDir, "tmp"), { recursive: true })
    ]);
    ctx.setStatus("prepared", startedAt);
    ctx.setStatus("executing", startedAt);
    const exec = await execute(ctx, workDir, homeDir, log);
    base.exitCode = exec.result.exitCode;
    base.processMs = exec.ms;
    ctx.setStatus("executed", startedAt);
    if (exec.result.exitCode === 0 && exec.result.killed === null) ctx.releaseWorker();
    if (exec.result.killed === "cancelled") {
      await record(ctx.previous?.last ?? null);
      return finish({ code: "cancelled_by_user", message: MESSAGE_CANCELLED });
    }
    ctx.setStatus("finalizing", startedAt);
    await markerWritten();
    const reads = await observeReads(ws);
    const scan = await scanOutputs(ws, outputSpec(ctx.action.outputs));
    const { persisted, refused: refusedInProject } = await persistOutputs(ws, ctx.projectDir, scan.matched);
    const refused = [...scan.refused, ...refusedInProject];
    const previousOutputs = Object.keys(ctx.previous?.last?.outputs ?? {});
    const obsolete = await removeObsolete(
      ctx.projectDir,
      previousOutputs,
      persisted.map((p) => p.path)
    );
    const level4 = [];
    const manifestEntries = {};
    for (const file of persisted) {
      const check = file.privacy === "moderately_sensitive" ? await checkLevel4(join11(ctx.projectDir, file.path), file.path, file.size) : { message: null, rows: null, cols: null };
      if (check.message) level4.push({ path: file.path, message: check.message });
      manifestEntries[file.path] = {
        level: file.privacy,
        job_id: ctx.jobId,
        job_request: ctx.requestId,
        action: ctx.action.id,
        user: null,
        repo: ctx.manifest.repo,
        commit: ctx.commit,
        size: file.size,
        timestamp: file.mtime,
        content_hash: file.sha256,
        excluded: check.message !== null,
        message: check.message,
        row_count: check.rows,
        col_count: check.cols
      };
    }
    const verdict = classify(exec.result, ctx.limits, refused, scan.unmatchedPatterns, level4.length);
    const hint = scan.unmatchedPatterns.length > 0 && scan.unmatchedFiles.length > 0 ? `Did you mean to match one of these files instead?${scan.unmatchedFiles.map((f) => `
 - ${f}`).join("")}` : null;
    ctx.setStatus("finalized", startedAt);
    const removedFromManifest = [...obsolete, ...previousOutputs.filter((p) => !(p in manifestEntries))];
    const [logFile] = await Promise.all([
      writeJobLog(
        ctx,
        log,
        verdict,
        {
          exitCode: exec.result.exitCode,
          imageId: exec.result.imageId,
          hint,
          startedAtMs: started.getTime()
        },
        persisted.map((p) => [p.path, p.privacy]),
        level4.map((w) => [w.path, w.message])
      ),
      ctx.manifest.update(removedFromManifest, manifestEntries)
    ]);
    const outputs = {};
    for (const p of persisted) {
      outputs[p.path] = {
        privacy: p.privacy,
        sha256: p.sha256,
        size: p.size,
        mtimeMs: p.mtimeMs,
        ino: p.ino
      };
    }
    const fingerprint = verdict.code === "succeeded" ? {
      definition: ctx.definition,
      inputs: Object.fromEntries([...ws.inputs].map(([path, info]) => [path, info.sha256])),
      reads: reads.reads,
      listings: reads.listings,
      tracking: ws.tracking
    } : null;
    await record({
      jobId: ctx.jobId,
      requestId: ctx.requestId,
      statusCode: verdict.code,
      statusMessage: verdict.message,
      startedAt,
      completedAt: ctx.now().toISOString(),
      fingerprint,
      outputs
    });
    return finish(verdict, {
      outputs: persisted.map(({ path, privacy, size, sha256 }) => ({ path, privacy, size, sha256 })),
      unmatchedPatterns: [...scan.unmatchedPatterns],
      unmatchedFiles: [...scan.unmatchedFiles],
      hint,
      level4Warnings: level4,
      obsoleteRemoved: obsolete,
      logFile
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const verdict = { code: "internal_error", message: `${MESSAGE_INTERNAL_ERROR} (${detail})` };
    log.add(`trestle: ${detail}`);
    let logFile = null;
    try {
      logFile = await writeJobLog(
        ctx,
        log,
        verdict,
        { exitCode: base.exitCode, imageId: null, hint: null, startedAtMs: started.getTime() },
        [],
        []
      );
      if (!recorded) await record(failedRecord(ctx, verdict, startedAt, {}));
    } catch {
    }
    return finish(verdict, { logFile });
  } finally {
    if (!ctx.keepWorkspace) {
      ctx.defer(
        Promise.all([
          rm5(workDir, { recursive: true, force: true }).catch(() => void 0),
          rm5(homeDir, { recursive: true, force: true }).catch(() => void 0)
        ]).then(() => void 0)
      );
    }
  }
}
function failedRecord(ctx, verdict, startedAt, outputs) {
  return {
    jobId: ctx.jobId,
    requestId: ctx.requestId,
    statusCode: verdict.code,
    statusMessage: verdict.message,
    startedAt,
    completedAt: ctx.now().toISOString(),
    fingerprint: null,
    outputs
  };
}

// src/runner/job-id.ts
import { createHash as createHash2, randomBytes as randomBytes2 } from "node:crypto";
var BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
function newRequestId() {
  return randomBytes2(5).toString("hex");
}
function jobIdFor(requestId, action) {
  const bytes = createHash2("sha1").update(`${requestId}
${action}`).digest().subarray(0, 10);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = value << 8 | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[value >>> bits - 5 & 31];
      bits -= 5;
    }
  }
  return out;
}

// src/runner/manifest.ts
import { readFile as readFile10 } from "node:fs/promises";
import { join as join12 } from "node:path";
var ManifestWriter = class {
  constructor(projectDir, workspace, repo, actions) {
    this.projectDir = projectDir;
    this.workspace = workspace;
    this.repo = repo;
    this.actions = actions;
  }
  projectDir;
  workspace;
  repo;
  actions;
  #queue = Promise.resolve();
  // Read once per run: during a run only this writer changes the file.
  #current = null;
  /** Replaces an action's entries: drops `removed`, sets `outputs`. */
  update(removed, outputs) {
    const next = this.#queue.then(async () => {
      this.#current ??= await this.read();
      const manifest = this.#current;
      for (const path of removed) delete manifest.outputs[path];
      Object.assign(manifest.outputs, outputs);
      for (const [path, entry] of Object.entries(manifest.outputs)) {
        const { out_of_date_action: _, ...rest } = entry;
        manifest.outputs[path] = this.actions.has(entry.action) ? rest : { ...rest, out_of_date_action: true };
      }
      await writeFileAtomic(join12(this.projectDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}
`);
    });
    this.#queue = next.catch(() => void 0);
    return next;
  }
  async read() {
    try {
      const data = JSON.parse(
        await readFile10(join12(this.projectDir, MANIFEST_FILE), "utf8")
      );
      if (data && typeof data.outputs === "object" && data.outputs !== null) {
        return { workspace: this.workspace, repo: this.repo, outputs: { ...data.outputs } };
      }
    } catch {
    }
    return { workspace: this.workspace, repo: this.repo, outputs: {} };
  }
};

// src/runner/plan.ts
import { lstat as lstat4 } from "node:fs/promises";

// src/runner/project.ts
import { access as access2 } from "node:fs/promises";
import { join as join13 } from "node:path";
async function loadProject(projectDir) {
  const file = join13(projectDir, "project.yaml");
  try {
    await access2(file);
  } catch {
    return { problem: { code: "no_project", message: `No project.yaml file found in ${projectDir}` } };
  }
  try {
    const result = await loadPipelineFile(file);
    if (result.valid && result.pipeline) return { pipeline: result.pipeline };
    const first = result.errors[0];
    return {
      problem: {
        code: "invalid_project",
        message: first ? `${file}${first.line ? `:${first.line}:${first.column ?? 1}` : ""}: ${first.message}${result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : ""}` : `${file} is not valid`,
        errors: result.errors
      }
    };
  } catch (error) {
    return {
      problem: {
        code: "invalid_project",
        message: `${file} could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        errors: []
      }
    };
  }
}

// src/runner/plan.ts
function checkRequest(pipeline, actions) {
  if (actions.length === 0) return { code: "no_actions", message: "At least one action must be supplied" };
  const unknown = [...new Set(actions.filter((a) => a !== RUN_ALL && !pipeline.actions.has(a)))];
  if (unknown.length === 0) return null;
  return {
    code: "unknown_actions",
    message: unknown.map((a) => `Action '${a}' not found in project.yaml`).join("\n"),
    unknown,
    valid: [RUN_ALL, ...pipeline.allActions]
  };
}
async function planDetails(request) {
  let pipeline = request.pipeline;
  if (!pipeline) {
    const loaded = await loadProject(request.projectDir);
    if ("problem" in loaded) return loaded;
    pipeline = loaded.pipeline;
  }
  const problem = checkRequest(pipeline, request.actions);
  if (problem) return { problem };
  const graph = buildGraph(pipeline);
  const explicit = new Set(request.actions.filter((a) => a !== RUN_ALL));
  const targets = request.actions.includes(RUN_ALL) ? [...pipeline.allActions, ...explicit] : [...explicit];
  const order = closure(graph, targets);
  const [tree, recordList] = await Promise.all([
    scanCodeTree(request.projectDir, pipeline),
    Promise.all(order.map((name) => readRecord(request.projectDir, name)))
  ]);
  const records = new Map(order.map((name, i) => [name, recordList[i] ?? null]));
  const definitions = /* @__PURE__ */ new Map();
  const hashes = new HashCache();
  const toRun = /* @__PURE__ */ new Set();
  const jobs = [];
  const reused = [];
  for (const name of order) {
    const action = pipeline.actions.get(name);
    const definition = definitionHash(action, pipeline);
    definitions.set(name, definition);
    const needs = graph.needs.get(name) ?? [];
    const waitsFor = needs.filter((n) => toRun.has(n));
    const decision = await decide({
      action,
      record: records.get(name) ?? null,
      explicit: explicit.has(name),
      force: request.forceRunDependencies === true,
      waitsFor,
      definition,
      inputs: () => inputsFrom(needs, records),
      tree,
      hashes,
      projectDir: request.projectDir
    });
    if (decision.run) {
      toRun.add(name);
      jobs.push({ action: name, reason: decision.reason, detail: decision.detail, waitsFor });
    } else {
      const last = records.get(name).last;
      reused.push({ action: name, reason: "up_to_date", jobId: last.jobId, completedAt: last.completedAt });
    }
  }
  return { pipeline, plan: { jobs, reused }, tree, records, definitions };
}
function inputsFrom(needs, records) {
  const inputs = {};
  for (const need of needs) {
    for (const [path, output] of Object.entries(records.get(need)?.last?.outputs ?? {}))
      inputs[path] = output.sha256;
  }
  return inputs;
}
async function decide(input) {
  const { record } = input;
  if (input.explicit) return { run: true, reason: "requested", detail: "requested" };
  if (input.force)
    return { run: true, reason: "force_run_dependencies", detail: "dependencies are forced to re-run" };
  if (record?.running) {
    return {
      run: true,
      reason: "interrupted",
      detail: `its job started at ${record.running.startedAt} was interrupted before it finished`
    };
  }
  const last = record?.last;
  if (!last) return { run: true, reason: "never_run", detail: "it has not run before" };
  if (last.statusCode !== "succeeded") {
    return { run: true, reason: "failed_before", detail: `its last job ended ${last.statusCode}` };
  }
  if (input.waitsFor.length > 0) {
    return {
      run: true,
      reason: "dependency_will_run",
      detail: `${input.waitsFor.join(", ")} will run first`
    };
  }
  for (const [path, output] of Object.entries(last.outputs)) {
    const abs = `${input.projectDir}/${path}`;
    const info = await lstat4(abs).catch(() => null);
    const same = info?.isFile() && info.size === output.size && info.mtimeMs === output.mtimeMs && info.ino === output.ino;
    const sha = same ? output.sha256 : await input.hashes.get(abs);
    if (sha === null)
      return { run: true, reason: "outputs_changed", detail: `its output ${path} is missing` };
    if (sha !== output.sha256)
      return { run: true, reason: "outputs_changed", detail: `its output ${path} was changed` };
  }
  if (!last.fingerprint) return { run: true, reason: "stale", detail: "its last run left no fingerprint" };
  const stale = await staleBecause(last.fingerprint, {
    definition: input.definition,
    inputs: input.inputs(),
    tree: input.tree,
    hashes: input.hashes
  });
  if (stale) return { run: true, reason: "stale", detail: stale };
  return { run: false };
}

// src/runner/scheduler.ts
var Scheduler = class {
  #options;
  #index = /* @__PURE__ */ new Map();
  #remaining = /* @__PURE__ */ new Map();
  #dependents = /* @__PURE__ */ new Map();
  #ready = [];
  #running = /* @__PURE__ */ new Map();
  /** Running jobs that still hold a worker (their process has not ended). */
  #holding = /* @__PURE__ */ new Set();
  #finished = /* @__PURE__ */ new Map();
  #results = [];
  #stopped = false;
  #settle = null;
  constructor(options) {
    this.#options = options;
    options.jobs.forEach((job, i) => {
      this.#index.set(job.action, i);
      this.#dependents.set(job.action, []);
    });
    for (const job of options.jobs) {
      const waits = job.waitsFor.filter((w) => this.#index.has(w));
      this.#remaining.set(job.action, waits.length);
      for (const w of waits) this.#dependents.get(w).push(job.action);
    }
  }
  run() {
    const finished = new Promise((resolve2) => {
      this.#settle = resolve2;
    });
    for (const job of this.#options.jobs)
      this.#options.onPending(job.action, "created", STATUS_MESSAGES.created);
    for (const job of this.#options.jobs) {
      if (this.#remaining.get(job.action) > 0) {
        this.#options.onPending(
          job.action,
          "waiting_on_dependencies",
          STATUS_MESSAGES.waiting_on_dependencies
        );
      } else this.#ready.push(job.action);
    }
    this.#pump();
    return finished.then(() => ({
      results: this.#results,
      notStarted: this.#options.jobs.map((j) => j.action).filter((a) => !this.#finished.has(a))
    }));
  }
  /** Cancels the named jobs (every job when omitted). */
  cancel(actions) {
    const all = actions === void 0;
    if (all) this.#stopped = true;
    const targets = all ? this.#options.jobs.map((j) => j.action) : actions.filter((a) => this.#index.has(a));
    for (const action of targets) {
      if (this.#finished.has(action)) continue;
      const running2 = this.#running.get(action);
      if (running2) {
        if (!running2.signal.aborted) running2.abort("cancelled");
        continue;
      }
      const at = this.#ready.indexOf(action);
      if (at >= 0) this.#ready.splice(at, 1);
      this.#end(this.#options.endWithout(action, "cancelled_by_user", MESSAGE_CANCELLED));
    }
    this.#pump();
  }
  #pump() {
    while (!this.#stopped && this.#ready.length > 0 && this.#holding.size < this.#options.concurrency) {
      const action = this.#ready.shift();
      const controller = new AbortController();
      this.#running.set(action, controller);
      this.#holding.add(action);
      const release = () => {
        if (this.#holding.delete(action)) this.#pump();
      };
      void this.#options.start(action, controller.signal, release).then((result) => {
        this.#running.delete(action);
        this.#holding.delete(action);
        this.#end(result);
        this.#pump();
      });
    }
    if (!this.#stopped) {
      for (const action of this.#ready) {
        this.#options.onPending(action, "waiting_on_workers", STATUS_MESSAGES.waiting_on_workers);
      }
    }
    if (this.#running.size === 0 && (this.#stopped || this.#ready.length === 0)) this.#settle?.();
  }
  #end(result) {
    if (this.#finished.has(result.action)) return;
    this.#finished.set(result.action, result);
    this.#results.push(result);
    this.#options.onFinished(result);
    if (result.state === "succeeded") {
      for (const dependent of this.#dependents.get(result.action) ?? []) {
        const left = this.#remaining.get(dependent) - 1;
        this.#remaining.set(dependent, left);
        if (left === 0 && !this.#finished.has(dependent)) this.#insertReady(dependent);
      }
      return;
    }
    if (result.statusCode === "internal_error") this.#stopped = true;
    if (!this.#options.continueOnError && result.statusCode !== "cancelled_by_user" && result.statusCode !== "dependency_failed") {
      this.#stopped = true;
    }
    for (const dependent of this.#dependents.get(result.action) ?? []) {
      if (!this.#finished.has(dependent) && !this.#running.has(dependent)) {
        this.#end(this.#options.endWithout(dependent, "dependency_failed", MESSAGE_DEPENDENCY_FAILED));
      }
    }
  }
  #insertReady(action) {
    const index = this.#index.get(action);
    let at = this.#ready.length;
    while (at > 0 && this.#index.get(this.#ready[at - 1]) > index) at--;
    this.#ready.splice(at, 0, action);
  }
};

// src/runner/state/lock.ts
import { mkdir as mkdir6, open, readFile as readFile11, rm as rm6 } from "node:fs/promises";
import { join as join14 } from "node:path";

// src/runner/state/process-alive.ts
function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

// src/runner/state/lock.ts
var heldHere = /* @__PURE__ */ new Set();
async function acquireLock(projectDir) {
  const path = join14(projectDir, LOCK_FILE);
  if (heldHere.has(path)) return { ok: false, pid: process.pid };
  await mkdir6(join14(projectDir, STATE_DIR), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(`${process.pid}
`);
      await handle.close();
      heldHere.add(path);
      return {
        ok: true,
        release: async () => {
          heldHere.delete(path);
          await rm6(path, { force: true });
        }
      };
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    const pid = Number.parseInt(await readFile11(path, "utf8").catch(() => ""), 10);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid))
      return { ok: false, pid };
    await rm6(path, { force: true });
  }
  return { ok: false, pid: 0 };
}

// src/runner/state/stale-work.ts
import { readdir as readdir5, rename as rename3, rm as rm7 } from "node:fs/promises";
import { basename, dirname as dirname5, join as join15 } from "node:path";
var STALE_SUFFIX = ".stale-";
async function discardStaleWork(workDir) {
  const parent = dirname5(workDir);
  const stale = `${basename(workDir)}${STALE_SUFFIX}`;
  try {
    await rename3(workDir, join15(parent, `${stale}${process.pid}-${Date.now()}`));
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
  }
  const entries = await readdir5(parent).catch(() => []);
  await Promise.all(
    entries.filter((name) => name.startsWith(stale)).map(
      (name) => (
        // A process still writing there can make this fail; the next run tries again.
        rm7(join15(parent, name), { recursive: true, force: true, maxRetries: 2, retryDelay: 50 }).catch(
          () => void 0
        )
      )
    )
  );
}

// src/runner/run.ts
var REQUEST_ID = /^[0-9a-f]{10}$/;
function startRun(options) {
  const requestId = options.requestId ?? newRequestId();
  const snapshots = /* @__PURE__ */ new Map();
  let scheduler = null;
  let cancelAll = false;
  const earlyCancels = /* @__PURE__ */ new Set();
  const emit = (event) => {
    try {
      options.onEvent?.(event);
    } catch {
    }
  };
  const cancel = (actions) => {
    if (actions === void 0) cancelAll = true;
    else for (const a of actions) earlyCancels.add(a);
    scheduler?.cancel(actions);
  };
  options.signal?.addEventListener("abort", () => cancel(), { once: true });
  if (options.signal?.aborted) cancelAll = true;
  const done = execute2(options, requestId, snapshots, emit, (s) => {
    scheduler = s;
    if (cancelAll) s.cancel();
    else if (earlyCancels.size > 0) s.cancel([...earlyCancels]);
  }).catch(
    (error) => ({
      kind: "cannot_start",
      problem: {
        code: "start_failed",
        message: `the run could not start: ${error instanceof Error ? error.message : String(error)}`
      }
    })
  );
  return { requestId, done, cancel, jobs: () => [...snapshots.values()] };
}
function exitCodeFor(outcome) {
  if (outcome.kind === "cannot_start") return 2;
  if (outcome.kind === "nothing_to_do") return 0;
  return outcome.result.ok ? 0 : 1;
}
function checkOptions(options, requestId) {
  const bad = (message) => ({ code: "bad_option", message });
  if (!REQUEST_ID.test(requestId)) return bad("the request id must be 10 lower-case hex characters");
  const concurrency = options.concurrency ?? availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1024) {
    return bad("concurrency must be a whole number from 1 to 1024");
  }
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (!(limits.timeoutMs > 0 && limits.timeoutMs <= 2 ** 31 - 1))
    return bad("the time limit must be between 1 ms and 24 days");
  if (!(limits.memoryBytes >= 6 * 1024 ** 2)) return bad("the memory limit must be at least 6M");
  if (!(limits.cpus > 0 && limits.cpus <= 1024)) return bad("cpus must be more than 0");
  return { limits, concurrency };
}
async function execute2(options, requestId, snapshots, emit, onScheduler) {
  const checked = checkOptions(options, requestId);
  if ("code" in checked) return { kind: "cannot_start", problem: checked };
  const projectDir = resolve(options.projectDir);
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const runStart = now();
  let pipeline = options.pipeline;
  if (!pipeline) {
    const loaded = await loadProject(projectDir);
    if ("problem" in loaded) return { kind: "cannot_start", problem: loaded.problem };
    pipeline = loaded.pipeline;
  }
  const requestProblem = checkRequest(pipeline, options.actions);
  if (requestProblem) return { kind: "cannot_start", problem: requestProblem };
  const lock = await acquireLock(projectDir).catch((error) => ({
    ok: false,
    pid: 0,
    error
  }));
  if (!lock.ok && "error" in lock) {
    const cause = lock.error instanceof Error ? lock.error.message : String(lock.error);
    return {
      kind: "cannot_start",
      problem: { code: "start_failed", message: `cannot use ${projectDir}: ${cause}` }
    };
  }
  if (!lock.ok) {
    const message = `another run (pid ${lock.pid}) is using ${projectDir}; wait for it to end, or delete ${join16(projectDir, "metadata/.trestle/lock")} if that process is gone`;
    return { kind: "cannot_start", problem: { code: "project_busy", message, pid: lock.pid } };
  }
  try {
    await stopLeftoverJobs(projectDir);
    await discardStaleWork(join16(projectDir, WORK_DIR));
    const details = await planDetails({ ...options, projectDir, pipeline });
    if ("problem" in details) return { kind: "cannot_start", problem: details.problem };
    const { plan, tree, records, definitions } = details;
    if (plan.jobs.length === 0) {
      return {
        kind: "nothing_to_do",
        message: "All actions have already completed successfully",
        reused: plan.reused
      };
    }
    const chosen = await chooseExecutor(options);
    if ("problem" in chosen)
      return { kind: "cannot_start", problem: { code: "executor_unavailable", message: chosen.problem } };
    const { executor, info } = chosen;
    const prepareSignal = options.signal ?? new AbortController().signal;
    const actions = plan.jobs.map((j) => pipeline.actions.get(j.action));
    const prepareProblem = await executor.prepare(actions, prepareSignal);
    if (prepareProblem)
      return { kind: "cannot_start", problem: { code: "executor_unavailable", message: prepareProblem } };
    const remoteFiles = executor.name === "docker" && process.platform !== "linux";
    const tracking = remoteFiles ? "all" : await probeReadTracking(join16(projectDir, WORK_DIR));
    const manifest = new ManifestWriter(
      projectDir,
      options.workspaceName ?? basename2(projectDir),
      options.repo ?? null,
      new Set(pipeline.actions.keys())
    );
    const jobIds = new Map(plan.jobs.map((j) => [j.action, jobIdFor(requestId, j.action)]));
    const reasons = new Map(plan.jobs.map((j) => [j.action, j.reason]));
    const setSnapshot = (action, code, message, startedAt, completedAt) => {
      const before = snapshots.get(action);
      if (before && before.statusCode === code && before.statusMessage === message) return;
      const snapshot = {
        action,
        jobId: jobIds.get(action),
        state: stateOf(code),
        statusCode: code,
        statusMessage: message,
        startedAt,
        completedAt
      };
      snapshots.set(action, snapshot);
      emit({ type: "job_status", job: snapshot });
    };
    emit({ type: "run_started", requestId, executor: info, plan });
    const latestRecords = new Map(records);
    const deferred = [];
    const scheduler = new Scheduler({
      jobs: plan.jobs,
      concurrency: checked.concurrency,
      continueOnError: options.continueOnError === true,
      onPending: (action, code, message) => setSnapshot(action, code, message, null, null),
      onFinished: (result2) => {
        setSnapshot(
          result2.action,
          result2.statusCode,
          result2.statusMessage,
          result2.startedAt,
          result2.completedAt
        );
        emit({ type: "job_finished", result: result2 });
      },
      endWithout: (action, code, message) => endWithout(action, jobIds.get(action), reasons.get(action), code, message, now),
      start: (action, signal, release) => {
        const pipelineAction = pipeline.actions.get(action);
        const jobId = jobIds.get(action);
        return runJob({
          projectDir,
          pipeline,
          action: pipelineAction,
          jobId,
          requestId,
          workspaceName: options.workspaceName ?? basename2(projectDir),
          reason: reasons.get(action),
          definition: definitions.get(action),
          tree,
          tracking,
          executor,
          limits: checked.limits,
          commit: options.commit ?? null,
          // Records may have changed since planning: a need that ran in this run wrote a new one.
          previous: records.get(action) ?? null,
          inputs: Object.keys(inputsFrom(pipelineAction.needs, latestRecords)),
          manifest,
          signal,
          keepWorkspace: options.keepWorkspaces === true,
          now,
          setStatus: (code, startedAt) => setSnapshot(action, code, STATUS_MESSAGES[code], startedAt, null),
          onLine: (line, stream) => emit({ type: "job_output", action, jobId, line, stream }),
          defer: (work) => deferred.push(work),
          releaseWorker: release
        }).then((result2) => {
          latestRecords.set(action, recordFromResult(result2, records.get(action) ?? null));
          return result2;
        });
      }
    });
    onScheduler(scheduler);
    const { results, notStarted } = await scheduler.run();
    await Promise.all(deferred);
    const end = now();
    const cancelled = results.some((r) => r.statusCode === "cancelled_by_user");
    const result = {
      requestId,
      executor: info,
      ok: results.every((r) => r.state === "succeeded") && notStarted.length === 0,
      jobs: results,
      reused: plan.reused,
      notStarted,
      cancelled,
      startedAt: runStart.toISOString(),
      completedAt: end.toISOString(),
      durationMs: end.getTime() - runStart.getTime()
    };
    emit({ type: "run_finished", result });
    return { kind: "completed", result };
  } finally {
    await lock.release();
  }
}
async function chooseExecutor(options) {
  const choice = options.executor ?? "auto";
  if (typeof choice === "object")
    return { executor: choice, info: { name: choice.name, reason: "given by the caller" } };
  return selectExecutor(choice, { hostEnv: options.hostEnv ?? process.env });
}
function recordFromResult(result, previous) {
  if (result.statusCode === "cancelled_by_user") return previous;
  return {
    version: 1,
    action: result.action,
    running: null,
    last: {
      jobId: result.jobId,
      requestId: "",
      statusCode: result.statusCode,
      statusMessage: result.statusMessage,
      startedAt: result.startedAt,
      completedAt: result.completedAt ?? "",
      fingerprint: null,
      outputs: Object.fromEntries(
        result.outputs.map((o) => [o.path, { privacy: o.privacy, sha256: o.sha256, size: o.size }])
      )
    }
  };
}
function endWithout(action, jobId, reason, code, message, now) {
  return {
    action,
    jobId,
    state: "failed",
    statusCode: code,
    statusMessage: message,
    startedAt: null,
    completedAt: now().toISOString(),
    reason,
    exitCode: null,
    durationMs: 0,
    processMs: 0,
    outputs: [],
    unmatchedPatterns: [],
    unmatchedFiles: [],
    hint: null,
    level4Warnings: [],
    obsoleteRemoved: [],
    logFile: null,
    logTail: [],
    logTailTruncated: false
  };
}

// src/runner/summary.ts
function summaryOrder(jobs) {
  const byStart = (a, b) => (a.startedAt ?? "").localeCompare(b.startedAt ?? "");
  const shown = jobs.filter((j) => j.statusCode !== "dependency_failed");
  return [
    ...shown.filter((j) => j.state === "succeeded").sort(byStart),
    ...shown.filter((j) => j.state !== "succeeded").sort(byStart)
  ];
}
function indent(text, by) {
  return text.split("\n").map((line) => `${by}${line}`).join("\n");
}
function formatJobBlock(job, options = {}) {
  const heading = options.heading ?? ((t) => t);
  const lines = [heading(`=> ${job.action}`), indent(job.statusMessage, "   ")];
  if (job.hint) lines.push(indent(job.hint, "   "));
  if (job.logFile) lines.push("", `   log file: ${job.logFile}`);
  lines.push("   outputs:");
  lines.push(
    tabulate(
      job.outputs.map((o) => [o.path, o.privacy]),
      5,
      "(no outputs)"
    )
  );
  if (job.level4Warnings.length > 0) {
    lines.push("   invalid moderately_sensitive outputs:");
    lines.push(
      tabulate(
        job.level4Warnings.map((w) => [w.path, w.message]),
        5
      )
    );
  }
  if (job.statusCode === "nonzero_exit" && job.logTail.length > 0) {
    lines.push("", job.logTailTruncated ? "   logs (truncated):" : "   logs:");
    lines.push(...job.logTail.map((l) => `     ${l}`));
  }
  return lines.join("\n");
}
function formatTally(result) {
  const count = (n, what) => `${n} ${what}`;
  const succeeded = result.jobs.filter((j) => j.state === "succeeded").length;
  const depFailed = result.jobs.filter((j) => j.statusCode === "dependency_failed").length;
  const cancelled = result.jobs.filter((j) => j.statusCode === "cancelled_by_user").length;
  const failed = result.jobs.length - succeeded - depFailed - cancelled;
  const parts = [count(succeeded, "succeeded"), count(failed, "failed")];
  if (depFailed > 0) parts.push(count(depFailed, "not run (dependency failed)"));
  if (cancelled > 0) parts.push(count(cancelled, "cancelled"));
  if (result.notStarted.length > 0) parts.push(count(result.notStarted.length, "not started"));
  if (result.reused.length > 0) parts.push(count(result.reused.length, "up to date"));
  return `=> ${parts.join(", ")} in ${(result.durationMs / 1e3).toFixed(1)}s`;
}
var HEADERS = {
  no_actions: "JobRequestError",
  no_project: "ProjectValidationError",
  invalid_project: "ProjectValidationError",
  unknown_actions: "UnknownActionError",
  executor_unavailable: "ExecutorError",
  project_busy: "ProjectBusyError",
  bad_option: "UsageError",
  start_failed: "RunnerError"
};
function formatProblem(problem) {
  const lines = [`=> ${HEADERS[problem.code]}`, indent(problem.message, "   ")];
  if (problem.code === "unknown_actions") {
    lines.push("", "   Valid action names are:");
    for (const name of problem.valid)
      lines.push(`     ${name === RUN_ALL ? `${RUN_ALL} (runs all actions in project)` : name}`);
  }
  if (problem.code === "invalid_project") {
    for (const issue of problem.errors.slice(1, 20)) {
      lines.push(`   ${issue.line ? `line ${issue.line}: ` : ""}${issue.message}`);
    }
  }
  return lines.join("\n");
}
function formatSummary(outcome, options = {}) {
  if (outcome.kind === "cannot_start") return formatProblem(outcome.problem);
  if (outcome.kind === "nothing_to_do") {
    return "=> All actions already completed successfully\n   Use -f option to force everything to re-run";
  }
  const { result } = outcome;
  const blocks = summaryOrder(result.jobs).map((j) => formatJobBlock(j, options));
  if (result.notStarted.length > 0) {
    blocks.push(
      `=> not started after a failure (use --continue-on-error to run them):
${result.notStarted.map((a) => `   ${a}`).join("\n")}`
    );
  }
  const depFailed = result.jobs.filter((j) => j.statusCode === "dependency_failed");
  if (depFailed.length > 0) {
    blocks.push(
      `=> not run because a dependency failed:
${depFailed.map((j) => `   ${j.action}`).join("\n")}`
    );
  }
  if (result.reused.length > 0) {
    blocks.push(`=> up to date (reused):
${result.reused.map((r) => `   ${r.action}`).join("\n")}`);
  }
  blocks.push(formatTally(result));
  return blocks.join("\n\n");
}

export {
  parseDuration,
  parseMemory,
  selectExecutor,
  processAlive,
  startRun,
  exitCodeFor,
  formatSummary
};
