#!/usr/bin/env node

// src/pipeline/counting.ts
function thousands(n) {
  if (!Number.isFinite(n)) return String(n);
  const [whole = "", fraction] = String(Math.abs(n)).split(".");
  const grouped = whole.length > 3 && !whole.includes("e") ? whole.replace(/\B(?=(\d{3})+$)/g, ",") : whole;
  return `${n < 0 ? "-" : ""}${grouped}${fraction === void 0 ? "" : `.${fraction}`}`;
}
function count(n, one, many = `${one}s`) {
  return `${thousands(n)} ${n === 1 ? one : many}`;
}

// src/pipeline/render/visible-name.ts
var INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/gu;
function picture(ch) {
  const code = ch.codePointAt(0);
  if (code < 32) return String.fromCodePoint(9216 + code);
  if (code === 127) return "\u2421";
  return `<U+${code.toString(16).toUpperCase().padStart(4, "0")}>`;
}
function visibleName(name) {
  if (name === "") return '""';
  return name.replace(INVISIBLE, picture);
}
function truncate(text, max) {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, Math.max(0, max - 1)).join("")}\u2026`;
}
function showInvisible(text) {
  return text.replace(INVISIBLE, (ch) => ch === "\n" ? ch : picture(ch));
}

// src/pipeline/format.ts
var ISSUE_FORMATS = ["text", "json", "github"];
function formatIssues(result, options) {
  if (options.format === "json") return `${JSON.stringify(resultJson(result), null, 2)}
`;
  const line = options.format === "github" ? githubIssue : textIssue;
  return sortedIssues(result).map((issue) => `${line(issue, options.file)}
`).join("");
}
function sortedIssues(result) {
  const at = (n) => n ?? 0;
  return [...result.errors, ...result.warnings].sort(
    (a, b) => at(a.line) - at(b.line) || at(a.column) - at(b.column)
  );
}
function textIssue(issue, file) {
  let where = file;
  if (issue.line !== null) where += `:${issue.line}`;
  if (issue.line !== null && issue.column !== null) where += `:${issue.column}`;
  const [first, ...rest] = messageLines(issue.message);
  return [`${where}: ${issue.severity}: ${first}`, ...rest.map((l) => `    ${l}`)].join("\n");
}
function githubIssue(issue, file) {
  const props = [`file=${escapeProperty(file)}`];
  if (issue.line !== null) props.push(`line=${issue.line}`);
  if (issue.line !== null && issue.column !== null) props.push(`col=${issue.column}`);
  return `::${issue.severity} ${props.join(",")}::${escapeData(messageLines(issue.message).join("\n"))}`;
}
function resultJson(result) {
  const issue = (i) => ({
    message: i.message,
    line: i.line,
    column: i.column,
    path: i.path
  });
  return {
    valid: result.valid,
    errors: result.errors.map(issue),
    warnings: result.warnings.map(issue),
    actions: result.pipeline === null ? [] : [...result.pipeline.actions.keys()]
  };
}
function formatVerdict(result, file) {
  const parts = [];
  if (result.pipeline !== null) parts.push(count(result.pipeline.actions.size, "action"));
  if (result.errors.length > 0) parts.push(count(result.errors.length, "error"));
  if (result.warnings.length > 0) parts.push(count(result.warnings.length, "warning"));
  const detail = parts.length === 0 ? "" : ` (${parts.join(", ")})`;
  return `${file}: ${result.valid ? "valid" : "invalid"}${detail}`;
}
function messageLines(message) {
  const lines = showInvisible(message.replace(/\r\n?/g, "\n")).split("\n");
  while (lines.length > 1 && lines[lines.length - 1].trim() === "") lines.pop();
  return lines;
}
function escapeData(text) {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

// src/pipeline/model.ts
var PRIVACY_LEVELS = ["highly_sensitive", "moderately_sensitive", "minimally_sensitive"];
var RUN_ALL = "run_all";

// src/pipeline/graph.ts
function buildGraph(pipeline) {
  const nodes = [...pipeline.actions.keys()];
  const needs = /* @__PURE__ */ new Map();
  const dependents = /* @__PURE__ */ new Map();
  for (const name of nodes) dependents.set(name, []);
  for (const [name, action] of pipeline.actions) {
    const unique = [...new Set(action.needs)];
    needs.set(name, unique);
    for (const dep of unique) dependents.get(dep)?.push(name);
  }
  return { nodes, needs, dependents, order: topologicalOrder(nodes, needs) };
}
function topologicalOrder(nodes, needs) {
  const index = new Map(nodes.map((n, i) => [n, i]));
  const remaining = /* @__PURE__ */ new Map();
  const dependents = /* @__PURE__ */ new Map();
  for (const n of nodes) dependents.set(n, []);
  for (const n of nodes) {
    const deps = (needs.get(n) ?? []).filter((d) => index.has(d) && d !== n);
    remaining.set(n, new Set(deps).size);
    for (const d of new Set(deps)) dependents.get(d).push(n);
  }
  const heap = [];
  const push = (i) => {
    heap.push(i);
    let c = heap.length - 1;
    while (c > 0) {
      const p = c - 1 >> 1;
      if (heap[p] <= heap[c]) break;
      [heap[p], heap[c]] = [heap[c], heap[p]];
      c = p;
    }
  };
  const pop = () => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0) {
      heap[0] = last;
      let p = 0;
      for (; ; ) {
        const l = 2 * p + 1;
        const r = l + 1;
        let m = p;
        if (l < heap.length && heap[l] < heap[m]) m = l;
        if (r < heap.length && heap[r] < heap[m]) m = r;
        if (m === p) break;
        [heap[p], heap[m]] = [heap[m], heap[p]];
        p = m;
      }
    }
    return top;
  };
  nodes.forEach((n, i) => {
    if (remaining.get(n) === 0) push(i);
  });
  const order = [];
  const placed = /* @__PURE__ */ new Set();
  while (heap.length > 0) {
    const n = nodes[pop()];
    order.push(n);
    placed.add(n);
    for (const d of dependents.get(n)) {
      const left = remaining.get(d) - 1;
      remaining.set(d, left);
      if (left === 0) push(index.get(d));
    }
  }
  for (const n of nodes) if (!placed.has(n)) order.push(n);
  return order;
}
function findCycle(nodes, needs) {
  const state = /* @__PURE__ */ new Map();
  for (const start of nodes) {
    if (state.has(start)) continue;
    const path = [];
    const stack = [{ node: start, next: 0 }];
    state.set(start, 1);
    path.push(start);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const deps = needs.get(frame.node) ?? [];
      if (frame.next < deps.length) {
        const dep = deps[frame.next++];
        if (!needs.has(dep)) continue;
        const s = state.get(dep);
        if (s === 1) return [...path.slice(path.indexOf(dep)), dep];
        if (s === void 0) {
          state.set(dep, 1);
          path.push(dep);
          stack.push({ node: dep, next: 0 });
        }
      } else {
        state.set(frame.node, 2);
        path.pop();
        stack.pop();
      }
    }
  }
  return null;
}
function closure(graph, requested) {
  const wanted = /* @__PURE__ */ new Set();
  const stack = [...requested];
  while (stack.length > 0) {
    const name = stack.pop();
    if (wanted.has(name)) continue;
    wanted.add(name);
    for (const dep of graph.needs.get(name) ?? []) stack.push(dep);
  }
  return graph.order.filter((n) => wanted.has(n));
}
function downstream(graph, changed) {
  const start = new Set(changed);
  const seen = /* @__PURE__ */ new Set();
  const stack = [...start];
  while (stack.length > 0) {
    const name = stack.pop();
    for (const dep of graph.dependents.get(name) ?? []) {
      if (!seen.has(dep)) {
        seen.add(dep);
        stack.push(dep);
      }
    }
  }
  return graph.order.filter((n) => seen.has(n) && !start.has(n));
}

// src/pipeline/load-pipeline.ts
import { readFile } from "node:fs/promises";

// src/pipeline/load/bounds.ts
var MAX_EXPANDED_VALUES = 2e6;
var MAX_DEPTH = 200;
var MAX_BYTES = 8 * 1024 * 1024;
function checkBounds(root) {
  const sizes = /* @__PURE__ */ new Map();
  let tooDeep = false;
  const size = (value, depth) => {
    if (value === null || typeof value !== "object" || !(value instanceof Map || Array.isArray(value)))
      return 1;
    if (depth > MAX_DEPTH) {
      tooDeep = true;
      return 1;
    }
    const known = sizes.get(value);
    if (known !== void 0) return known;
    let total2 = 1;
    for (const child of value instanceof Map ? value.values() : value) {
      total2 += size(child, depth + 1);
      if (total2 > MAX_EXPANDED_VALUES || tooDeep) break;
    }
    sizes.set(value, total2);
    return total2;
  };
  const total = size(root, 0);
  if (tooDeep) {
    return { code: "yaml-too-deep", message: `the file nests values more than ${MAX_DEPTH} levels deep` };
  }
  if (total > MAX_EXPANDED_VALUES) {
    return {
      code: "yaml-too-large",
      message: `the file expands to more than ${thousands(MAX_EXPANDED_VALUES)} values (through aliases); this looks like a resource exhaustion attack`
    };
  }
  return null;
}

// src/pipeline/load/fast-parse.ts
import * as jsYaml from "js-yaml";

// src/pipeline/load/flow-indentation.ts
var LINE_CONTENT = /^ *(?:-[ \t]+)*/;
var PROPERTIES = /[ \t\r\n]*(?:&[^\s]*[ \t]+)*/y;
var FlowIndentationGuard = class {
  open = [];
  doubtful = false;
  listener = (event, state) => {
    if (event === "open") {
      this.open.push({ position: state.position, line: state.line });
      return;
    }
    const start = this.open.pop();
    if (start === void 0 || this.doubtful) return;
    PROPERTIES.lastIndex = start.position;
    PROPERTIES.test(state.input);
    const first = PROPERTIES.lastIndex;
    const char = state.input[first];
    if (char === "!") this.doubtful = true;
    else if (state.line !== start.line && (char === '"' || char === "'" || char === "[" || char === "{")) {
      if (!laterLinesIndented(state.input, first, state.position)) this.doubtful = true;
    }
  };
};
function laterLinesIndented(text, from, to) {
  const lineStart = text.lastIndexOf("\n", from - 1) + 1;
  const column = LINE_CONTENT.exec(text.slice(lineStart, from))[0].length;
  for (let nl = text.indexOf("\n", from); nl !== -1 && nl < to; nl = text.indexOf("\n", nl + 1)) {
    let i = nl + 1;
    while (text[i] === " ") i++;
    const blank = i >= text.length || text[i] === "\n" || text[i] === "\r";
    if (!blank && i - (nl + 1) <= column) return false;
  }
  return true;
}

// src/pipeline/load/values.ts
var PyFloat = class {
  constructor(value) {
    this.value = value;
  }
  value;
  toString() {
    return String(this.value);
  }
};
var YDate = class {
  constructor(text) {
    this.text = text;
  }
  text;
  toString() {
    return this.text;
  }
};
var YTagged = class {
  constructor(tag, text) {
    this.tag = tag;
    this.text = text;
  }
  tag;
  text;
  toString() {
    return `${this.tag} ${this.text}`;
  }
};
var isYMap = (v) => v instanceof Map;
var isYList = (v) => Array.isArray(v);
var isYDate = (v) => v instanceof YDate;
var isYTagged = (v) => v instanceof YTagged;
function keyString(key) {
  if (key === null || key === void 0) return "null";
  if (key instanceof PyFloat) return String(key.value);
  return String(key);
}

// src/pipeline/load/scalars.ts
var DIGITS = "0123456789".split("");
function constructInt(text) {
  let s = text.replaceAll("_", "");
  let sign = 1n;
  if (s.startsWith("-")) {
    sign = -1n;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  let n;
  if (s.startsWith("0b")) n = BigInt(s);
  else if (s.startsWith("0x")) n = BigInt(s);
  else if (s.startsWith("0o")) n = BigInt(s);
  else n = s === "" ? 0n : BigInt(s);
  n *= sign;
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}
function constructFloat(text) {
  const s = text.replaceAll("_", "").toLowerCase();
  if (s.endsWith(".inf")) return new PyFloat(s.startsWith("-") ? -Infinity : Infinity);
  if (s.endsWith(".nan")) return new PyFloat(Number.NaN);
  return new PyFloat(Number(s));
}
var SCALAR_RULES = [
  {
    kind: "bool",
    tag: "tag:yaml.org,2002:bool",
    firstChars: ["t", "T", "f", "F"],
    pattern: /^(?:true|True|TRUE|false|False|FALSE)$/,
    construct: (t) => t.toLowerCase() === "true"
  },
  {
    kind: "float",
    tag: "tag:yaml.org,2002:float",
    firstChars: ["-", "+", ".", ...DIGITS],
    pattern: /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
    construct: constructFloat
  },
  {
    kind: "int",
    tag: "tag:yaml.org,2002:int",
    firstChars: ["-", "+", ...DIGITS],
    pattern: /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/,
    construct: constructInt
  },
  {
    kind: "null",
    tag: "tag:yaml.org,2002:null",
    firstChars: ["~", "n", "N", ""],
    pattern: /^(?:~|null|Null|NULL|)$/,
    construct: () => null
  },
  {
    kind: "timestamp",
    tag: "tag:yaml.org,2002:timestamp",
    firstChars: DIGITS,
    pattern: /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/,
    construct: (t) => new YDate(t)
  }
];
var FIRST_CHARS = new Map(SCALAR_RULES.map((rule) => [rule, new Set(rule.firstChars)]));
function fits(rule, text) {
  return FIRST_CHARS.get(rule).has(text.charAt(0)) && rule.pattern.test(text);
}
function resolvePlain(text) {
  for (const rule of SCALAR_RULES) if (fits(rule, text)) return rule.construct(text);
  return text;
}
function resolveExplicit(tag, text) {
  const rule = SCALAR_RULES.find((r) => r.tag === tag);
  if (rule === void 0) return void 0;
  if (rule.kind === "null") return null;
  return rule.pattern.test(text) ? rule.construct(text) : void 0;
}

// src/pipeline/load/fast-parse.ts
var { FAILSAFE_SCHEMA, load, Type, types } = jsYaml;
var scalarTypes = SCALAR_RULES.map(
  (rule) => new Type(rule.tag, {
    kind: "scalar",
    // Also asked of explicitly tagged text (`!!int 5`). The platform's loader reads `!!null x` as
    // null whatever x is; that is refused here and left to the positioned parse.
    resolve: (text) => fits(rule, text ?? ""),
    construct: (text) => rule.construct(text ?? "")
  })
);
var schema = FAILSAFE_SCHEMA.extend({ implicit: [...scalarTypes, types.merge] });
var FAST_MAX_DEPTH = MAX_DEPTH - 50;
var ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;
var GLUED_DOCUMENT_START = /^(?:[ \t\r]*(?:#[^\n]*)?\n|%[^\n]*\n)*---[^\s]/;
var REFUSED = /* @__PURE__ */ Symbol("refused");
function fastParse(text) {
  if (GLUED_DOCUMENT_START.test(text)) return void 0;
  const guard = new FlowIndentationGuard();
  const options = { schema, maxDepth: FAST_MAX_DEPTH, listener: guard.listener };
  let parsed;
  try {
    parsed = load(text, options);
  } catch {
    return void 0;
  }
  if (guard.doubtful) return void 0;
  const value = convert(parsed, text.includes("&") ? /* @__PURE__ */ new Map() : null);
  return value === REFUSED ? void 0 : value;
}
function convert(value, shared) {
  if (value === null || typeof value !== "object") {
    return value === void 0 ? null : value;
  }
  if (value instanceof PyFloat || value instanceof YDate) return value;
  const known = shared?.get(value);
  if (known !== void 0) return known;
  if (Array.isArray(value)) {
    const list = [];
    shared?.set(value, list);
    for (const item of value) {
      const converted = convert(item, shared);
      if (converted === REFUSED) return REFUSED;
      list.push(converted);
    }
    return list;
  }
  const map = /* @__PURE__ */ new Map();
  shared?.set(value, map);
  for (const key of Object.keys(value)) {
    const first = key.charCodeAt(0);
    if (first >= 48 && first <= 57 && ARRAY_INDEX.test(key)) return REFUSED;
    if (key.length >= 15 && key.includes("[object Object]")) return REFUSED;
    const converted = convert(value[key], shared);
    if (converted === REFUSED) return REFUSED;
    map.set(key, converted);
  }
  return map;
}

// src/pipeline/load/yaml-library.ts
import { createRequire } from "node:module";
var library;
async function preloadYamlLibrary() {
  const loaded = await import("yaml");
  library ??= typeof loaded.LineCounter === "function" ? loaded : loaded.default;
  if (library === void 0) throw new Error("the yaml library did not load");
}
function yamlLibraryLoaded() {
  return library !== void 0;
}
function yamlLibrary() {
  library ??= createRequire(import.meta.url)("yaml");
  return library;
}

// src/pipeline/load/positioned-parse.ts
var MAX_SYNTAX_PROBLEMS = 20;
var STANDARD_TAG_PREFIX = "tag:yaml.org,2002:";
var Converter = class {
  constructor(yaml, lines, doc) {
    this.yaml = yaml;
    this.lines = lines;
    this.doc = doc;
  }
  yaml;
  lines;
  doc;
  maps = /* @__PURE__ */ new WeakMap();
  lists = /* @__PURE__ */ new WeakMap();
  problems = [];
  done = /* @__PURE__ */ new Map();
  active = /* @__PURE__ */ new Set();
  pos(node) {
    const range = node?.range;
    const { line, col } = this.lines.linePos(range ? range[0] : 0);
    return { line, column: col };
  }
  convert(node) {
    if (node === null || node === void 0) return null;
    if (this.yaml.isAlias(node)) {
      const target = node.resolve(this.doc);
      if (target === void 0) return null;
      if (this.active.has(target)) {
        this.problem("yaml-recursive-alias", "an alias refers to a node that contains it", node);
        return null;
      }
      return this.convert(target);
    }
    const known = this.done.get(node);
    if (known !== void 0) return known;
    this.active.add(node);
    const value = this.convertNode(node);
    this.active.delete(node);
    this.done.set(node, value);
    return value;
  }
  convertNode(node) {
    if (this.yaml.isScalar(node)) return this.scalar(node);
    const tag = node.tag;
    if (tag !== void 0 && !tag.startsWith(STANDARD_TAG_PREFIX)) {
      return new YTagged(tag, this.yaml.isMap(node) ? "{\u2026}" : "[\u2026]");
    }
    if (this.yaml.isSeq(node)) {
      const list = [];
      const positions = [];
      this.lists.set(list, positions);
      for (const item of node.items) {
        list.push(this.convert(item));
        positions.push(this.pos(item));
      }
      return list;
    }
    if (this.yaml.isMap(node)) return this.mapping(node);
    return null;
  }
  scalar(node) {
    const text = String(node.value ?? "");
    const tag = node.tag;
    if (tag !== void 0) {
      if (tag === "!" || tag === `${STANDARD_TAG_PREFIX}str`) return text;
      const value = resolveExplicit(tag, text);
      if (value !== void 0) return value;
      if (tag.startsWith(STANDARD_TAG_PREFIX)) {
        this.problem("yaml-bad-tag", `could not read ${JSON.stringify(text)} as ${tag.slice(18)}`, node);
      }
      return new YTagged(tag, text);
    }
    if (node.type === "PLAIN") return resolvePlain(text);
    return text;
  }
  mapping(node) {
    const map = /* @__PURE__ */ new Map();
    const where = /* @__PURE__ */ new Map();
    this.maps.set(map, where);
    const merged = /* @__PURE__ */ new Set();
    const firstSeen = /* @__PURE__ */ new Map();
    for (const pair of node.items) {
      const keyNode = pair.key;
      if (this.yaml.isScalar(keyNode) && keyNode.type === "PLAIN" && keyNode.value === "<<" && !keyNode.tag) {
        this.merge(map, where, merged, pair.value);
        continue;
      }
      const key = keyString(this.convert(keyNode));
      if (map.has(key) && !merged.has(key)) {
        this.duplicate(key, firstSeen.get(key), pair, node);
        continue;
      }
      merged.delete(key);
      firstSeen.set(key, pair.value);
      map.set(key, this.convert(pair.value));
      where.set(key, { key: this.pos(keyNode), value: this.pos(pair.value ?? keyNode) });
    }
    return map;
  }
  merge(map, where, merged, valueNode) {
    const sources = this.yaml.isSeq(valueNode) ? valueNode.items : [valueNode];
    for (const source of sources) {
      const value = this.convert(source);
      if (!(value instanceof Map)) {
        this.problem(
          "yaml-bad-merge",
          "a merge key (<<) must refer to a mapping or a list of mappings",
          source
        );
        continue;
      }
      const sourceWhere = this.maps.get(value);
      for (const [k, v] of value) {
        if (map.has(k)) continue;
        map.set(k, v);
        merged.add(k);
        const at = sourceWhere?.get(k);
        if (at) where.set(k, at);
      }
    }
  }
  duplicate(key, original, pair, parent) {
    const show = (v) => this.yaml.isScalar(v) ? String(v.value ?? "") : v ? String(v) : "";
    const message = `found duplicate key "${key}" with value "${show(pair.value)}" (original value: "${show(original)}") in the mapping that starts at line ${this.pos(parent).line}`;
    this.problem("yaml-duplicate-key", message, pair.key);
  }
  problem(code, message, node) {
    const { line, column } = this.pos(node);
    this.problems.push({ code, message, line, column });
  }
};
var MESSAGE_FOR = {
  MULTIPLE_DOCS: "expected a single document in the stream, but found another document",
  TAB_AS_INDENT: "found character '\\t' that cannot start any token (tabs are not allowed in indentation)"
};
function syntaxProblem(error) {
  const pos = error.linePos?.[0];
  const firstLine = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  return {
    code: `yaml-${error.code.toLowerCase().replaceAll("_", "-")}`,
    message: MESSAGE_FOR[error.code] ?? firstLine,
    line: pos?.line ?? null,
    column: pos?.col ?? null
  };
}
function isUnspacedComment(error) {
  return error.code === "MISSING_CHAR" && error.message.startsWith("Comments must be separated");
}
function positionedParse(text) {
  const yaml = yamlLibrary();
  const lines = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, {
    lineCounter: lines,
    schema: "failsafe",
    uniqueKeys: false,
    strict: true,
    keepSourceTokens: false,
    merge: false
  });
  const errors = doc.errors.filter((e) => !isUnspacedComment(e));
  if (errors.length > 0) {
    const overflow = errors.find((e) => e.code === "RESOURCE_EXHAUSTION" && /call stack/.test(e.message));
    if (overflow) {
      const { line, column } = { ...syntaxProblem(overflow) };
      return {
        ok: false,
        problems: [
          { code: "yaml-too-deep", message: "the file nests values too deeply to read", line, column }
        ]
      };
    }
    return { ok: false, problems: errors.slice(0, MAX_SYNTAX_PROBLEMS).map(syntaxProblem) };
  }
  const converter = new Converter(yaml, lines, doc);
  const value = converter.convert(doc.contents);
  if (converter.problems.length > 0) return { ok: false, problems: converter.problems };
  return {
    ok: true,
    value,
    positions: {
      maps: converter.maps,
      lists: converter.lists,
      root: doc.contents ? converter.pos(doc.contents) : null
    }
  };
}

// src/pipeline/load/positions.ts
function positionOf(root, index, path) {
  let node = root;
  let at = index.root;
  for (const segment of path) {
    if (isYMap(node) && typeof segment === "string") {
      const where = index.maps.get(node)?.get(segment);
      if (where === void 0) return at;
      at = where.key;
      node = node.get(segment);
    } else if (isYList(node) && typeof segment === "number") {
      const where = index.lists.get(node)?.[segment];
      if (where === void 0) return at;
      at = where;
      node = node[segment];
    } else return at;
  }
  return at;
}
function topLevelKeyLine(text, key) {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`^(?:${escaped}|"${escaped}"|'${escaped}')[ \\t]*:(?:[ \\t]|$)`, "m").exec(text);
  if (match === null) return null;
  let line = 1;
  for (let i = 0; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
  return { line, column: 1 };
}

// src/pipeline/python/numbers.ts
var FLOAT_TEXT = /^[+-]?(?:(?:\d(?:_?\d)*)(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
var SPECIAL_FLOAT = /^[+-]?(?:inf|infinity|nan)$/i;
var INT_TEXT = /^[+-]?\d(?:_?\d)*$/;
function pyFloat(value) {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof PyFloat) return value.value;
  if (typeof value === "string") {
    const text = value.trim();
    if (SPECIAL_FLOAT.test(text)) {
      const negative = text.startsWith("-");
      if (/nan/i.test(text)) return Number.NaN;
      return negative ? -Infinity : Infinity;
    }
    if (!FLOAT_TEXT.test(text)) return null;
    return Number(text.replaceAll("_", ""));
  }
  return null;
}
function pyInt(value) {
  if (typeof value === "boolean") return value ? 1n : 0n;
  if (typeof value === "number") return BigInt(value);
  if (typeof value === "bigint") return value;
  if (value instanceof PyFloat) {
    return Number.isFinite(value.value) ? BigInt(Math.trunc(value.value)) : null;
  }
  if (typeof value === "string") {
    const text = value.trim();
    if (!INT_TEXT.test(text)) return null;
    return BigInt(text.replaceAll("_", ""));
  }
  return null;
}
function pyFloatRepr(x) {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa, expText] = x.toExponential().split("e");
  const exp = Number(expText);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  const sign = negative ? "-" : "";
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp).toString().padStart(2, "0");
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${e}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${"0".repeat(exp + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}
function pyStr(value) {
  if (value === null) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  if (isYDate(value)) return value.text;
  if (isYTagged(value)) return value.text;
  if (isYMap(value)) return "{\u2026}";
  return "[\u2026]";
}

// src/pipeline/python/json.ts
function quote(s) {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "	") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (code >= 32 && code <= 126) out += ch;
    else if (code > 65535) {
      const v = code - 65536;
      out += `\\u${(55296 | v >> 10).toString(16).padStart(4, "0")}\\u${(56320 | v & 1023).toString(16).padStart(4, "0")}`;
    } else out += `\\u${code.toString(16).padStart(4, "0")}`;
  }
  return `${out}"`;
}
function floatText(x) {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  return pyFloatRepr(x);
}
function pyJsonDumps(value) {
  const unserialisable = [];
  const dump = (v) => {
    if (v === null) return "null";
    if (typeof v === "string") return quote(v);
    if (typeof v === "boolean") return v ? "true" : "false";
    if (typeof v === "number" || typeof v === "bigint") return String(v);
    if (v instanceof PyFloat) return floatText(v.value);
    if (v instanceof YDate || v instanceof YTagged) {
      unserialisable.push(v.toString());
      return quote(v.toString());
    }
    if (Array.isArray(v)) return `[${v.map(dump).join(", ")}]`;
    const items = [];
    for (const [k, child] of v) items.push(`${quote(k)}: ${dump(child)}`);
    return `{${items.join(", ")}}`;
  };
  return { json: dump(value), unserialisable };
}

// src/pipeline/python/shlex.ts
var ShlexError = class extends Error {
  name = "ShlexError";
};
var WHITESPACE = " 	\r\n";
var QUOTES = `'"`;
var PLAIN_NEEDS_LEXER = /['"\\]/;
var WHITESPACE_RUN = /[ \t\r\n]+/;
function shlexSplit(s) {
  if (!PLAIN_NEEDS_LEXER.test(s)) return s.split(WHITESPACE_RUN).filter((w) => w !== "");
  const words = [];
  let i = 0;
  for (; ; ) {
    let state = " ";
    let token = "";
    let quoted = false;
    let escapedState = "a";
    for (; ; ) {
      const ch = i < s.length ? s[i++] : "";
      if (state === " ") {
        if (ch === "") {
          state = null;
          break;
        } else if (WHITESPACE.includes(ch)) {
          if (token || quoted) break;
        } else if (ch === "\\") {
          escapedState = "a";
          state = ch;
        } else if (QUOTES.includes(ch)) {
          state = ch;
        } else {
          token = ch;
          state = "a";
        }
      } else if (state === "'" || state === '"') {
        quoted = true;
        if (ch === "") throw new ShlexError("No closing quotation");
        if (ch === state) state = "a";
        else if (ch === "\\" && state === '"') {
          escapedState = state;
          state = ch;
        } else token += ch;
      } else if (state === "\\") {
        if (ch === "") throw new ShlexError("No escaped character");
        if (QUOTES.includes(escapedState) && ch !== state && ch !== escapedState) token += state;
        token += ch;
        state = escapedState;
      } else {
        if (ch === "") {
          state = null;
          break;
        } else if (WHITESPACE.includes(ch)) {
          state = " ";
          if (token || quoted) break;
        } else if (QUOTES.includes(ch)) {
          state = ch;
        } else if (ch === "\\") {
          escapedState = "a";
          state = ch;
        } else token += ch;
      }
    }
    if (!quoted && token === "") {
      if (state === null) return words;
      continue;
    }
    words.push(token);
    if (state === null) return words;
  }
}
var UNSAFE = /[^\w@%+=:,./-]/;
function shlexQuote(s) {
  if (s === "") return "''";
  if (!UNSAFE.test(s)) return s;
  return `'${s.replaceAll("'", `'"'"'`)}'`;
}
function shlexJoin(words) {
  return words.map(shlexQuote).join(" ");
}

// src/pipeline/build-model.ts
function toPlain(value) {
  if (value instanceof Map) {
    const out = {};
    for (const [k, v] of value) Object.defineProperty(out, k, { value: toPlain(v), enumerable: true });
    return Object.freeze(out);
  }
  if (Array.isArray(value)) return Object.freeze(value.map(toPlain));
  if (value instanceof PyFloat) return value.value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof YDate || value instanceof YTagged) return value.toString();
  return value;
}
function jobArgs(action, config, report) {
  const words = [...action.run.parts];
  if (config !== null && config.size > 0) {
    const { json, unserialisable } = pyJsonDumps(config);
    if (unserialisable.length > 0) {
      report.warning(
        "config-unserialisable",
        `\`config\` for action ${action.id} contains ${unserialisable.map((v) => `\`${v}\``).join(", ")}, which the platform cannot pass to the job (quote it to make it a string)`,
        ["actions", action.id, "config"]
      );
    }
    words.push("--config", json.replaceAll("'", "\\u0027"));
  }
  return words;
}
function buildModel(version, parsed, expectations, report) {
  const actions = /* @__PURE__ */ new Map();
  for (const p of parsed) {
    const args = jobArgs(p, p.config, report);
    actions.set(
      p.id,
      Object.freeze({
        id: p.id,
        run: p.run,
        outputs: p.outputs,
        needs: Object.freeze([...p.needs]),
        config: p.config === null ? null : toPlain(p.config),
        dummyDataFile: p.dummyDataFile,
        jobArgs: Object.freeze(args),
        jobCommand: shlexJoin(args)
      })
    );
  }
  return Object.freeze({
    version,
    actions,
    allActions: Object.freeze([...actions.keys()].filter((n) => n !== RUN_ALL)),
    expectations: expectations === null ? null : Object.freeze({ ...expectations })
  });
}

// src/pipeline/features.ts
var LATEST_VERSION = 5;
var on = (version, introduced, last) => introduced <= version && (last === void 0 || version <= last);
function featuresFor(version) {
  return {
    uniqueOutputPath: on(version, 2),
    expectationsPopulation: on(version, 3, 3),
    removeCohortExtractor: on(version, 4),
    removeRunAllAction: on(version, 5),
    removeLatestTag: on(version, 5)
  };
}

// src/pipeline/report.ts
var Report = class {
  issues = [];
  errors = 0;
  error(code, message, path) {
    this.errors++;
    this.issues.push({ severity: "error", code, message, path });
  }
  warning(code, message, path) {
    this.issues.push({ severity: "warning", code, message, path });
  }
  get errorCount() {
    return this.errors;
  }
};

// src/pipeline/rules/cycles.ts
function findCycles(actions) {
  const nodes = actions.map((a) => a.id);
  const needs = new Map(actions.map((a) => [a.id, a.needs]));
  const cycles = [];
  const remaining = new Map(needs);
  for (; ; ) {
    const cycle = findCycle(
      nodes.filter((n) => remaining.has(n)),
      remaining
    );
    if (cycle === null) return cycles;
    cycles.push(cycle);
    for (const name of cycle) remaining.delete(name);
  }
}

// src/pipeline/rules/across-actions.ts
function checkAcrossActions(actions, allNames, features, report) {
  if (features.removeCohortExtractor) {
    for (const a of actions) {
      if (a.run?.parts[0]?.startsWith("cohortextractor")) {
        report.error(
          "cohortextractor-removed",
          `Action ${a.id} uses cohortextractor actions, which are not supported in this version.`,
          ["actions", a.id, "run"]
        );
      }
    }
  }
  if (features.removeLatestTag) {
    for (const a of actions) {
      const first = a.run?.parts[0];
      if (first?.endsWith(":latest")) {
        report.error(
          "latest-tag",
          `Action ${a.id} uses \`${first}\`, which is not supported. Provide a version e.g. \`:v2\` instead`,
          ["actions", a.id, "run"]
        );
      }
    }
  }
  const firstWithRun = /* @__PURE__ */ new Map();
  for (const a of actions) {
    if (a.run === null) continue;
    const earlier = firstWithRun.get(a.run.raw);
    if (earlier !== void 0) {
      report.error(
        "duplicate-run",
        `Action ${a.id} has the same 'run' command as other actions: ${earlier}`,
        ["actions", a.id, "run"]
      );
    } else firstWithRun.set(a.run.raw, a.id);
  }
  if (features.uniqueOutputPath) {
    const seen = /* @__PURE__ */ new Set();
    for (const a of actions) {
      for (const level of PRIVACY_LEVELS) {
        for (const [name, pattern] of Object.entries(a.outputs?.[level] ?? {})) {
          if (seen.has(pattern)) {
            report.error("duplicate-output", `Output path ${pattern} is not unique`, [
              "actions",
              a.id,
              "outputs",
              level,
              name
            ]);
          }
          seen.add(pattern);
        }
      }
    }
  }
  for (const a of actions) {
    for (const [i, need] of a.needs.entries()) {
      if (!allNames.has(need)) {
        report.error(
          "unknown-needs",
          `Action \`${a.id}\` references an unknown action in its \`needs\` list: ${need}`,
          ["actions", a.id, "needs", i]
        );
      }
    }
  }
  for (const cycle of findCycles(actions)) {
    const [first] = cycle;
    const message = cycle.length === 2 ? `Action \`${first}\` needs itself: ${cycle.join(" -> ")}` : `Actions form a cycle through their \`needs\`: ${cycle.join(" -> ")}`;
    report.error("needs-cycle", message, ["actions", first, "needs"]);
  }
}

// src/pipeline/python/paths.ts
function normpath(path) {
  if (path === "") return ".";
  let initialSlashes = path.startsWith("/") ? 1 : 0;
  if (path.startsWith("//") && !path.startsWith("///")) initialSlashes = 2;
  const out = [];
  for (const comp of path.split("/")) {
    if (comp === "" || comp === ".") continue;
    if (comp !== ".." || !initialSlashes && out.length === 0 || out.length > 0 && out[out.length - 1] === "..") {
      out.push(comp);
    } else if (out.length > 0) out.pop();
  }
  const joined = out.join("/");
  return "/".repeat(initialSlashes) + joined || ".";
}
function pureParts(path) {
  let root = "";
  if (path.startsWith("/")) root = path.startsWith("//") && !path.startsWith("///") ? "//" : "/";
  const parts = path.split("/").filter((p) => p !== "" && p !== ".");
  return { root, parts };
}
function purePath(path) {
  const { root, parts } = pureParts(path);
  return root + parts.join("/") || ".";
}
function pureSuffix(path) {
  const { parts } = pureParts(path);
  const name = parts[parts.length - 1] ?? "";
  const i = name.lastIndexOf(".");
  return i > 0 && i < name.length - 1 ? name.slice(i) : "";
}
function pureParent(path) {
  const { root, parts } = pureParts(path);
  if (parts.length <= 1) return root || ".";
  return root + parts.slice(0, -1).join("/");
}
function fnmatchCase(name, pattern) {
  return fnmatchRegExp(pattern).test(name);
}
function fnmatchRegExp(pattern) {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") re += "[\\s\\S]*";
    else if (c === "?") re += "[\\s\\S]";
    else if (c === "[") {
      let j = i + 1;
      if (pattern[j] === "!") j++;
      if (pattern[j] === "]") j++;
      while (j < pattern.length && pattern[j] !== "]") j++;
      if (j >= pattern.length) re += "\\[";
      else {
        let body = pattern.slice(i + 1, j).replaceAll("\\", "\\\\");
        if (body.startsWith("!")) body = `^${body.slice(1)}`;
        else if (body.startsWith("^")) body = `\\${body}`;
        re += `[${body}]`;
        i = j;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`^(?:${re})$`, "u");
}

// src/pipeline/rules/command-outputs.ts
var GENERATE_COHORT = /^cohortextractor:\S+ generate_cohort/u;
var GENERATE_DATASET = /^(?:ehrql|databuilder):\S+ generate[-_]dataset/u;
function checkCommandOutputs(id, run, outputs, report, path) {
  if (GENERATE_COHORT.test(run.raw)) checkGenerateCohort(id, run, outputs, report, path);
  if (GENERATE_DATASET.test(run.raw)) checkGenerateDataset(id, run, outputs, report, path);
}
function allPatterns(outputs) {
  return Object.values(outputs).flatMap((level) => Object.values(level ?? {}));
}
function checkGenerateCohort(id, run, outputs, report, path) {
  const levels = Object.keys(outputs).length;
  if (levels !== 1) {
    report.error(
      "generate-cohort-outputs",
      `A \`generate_cohort\` action must have exactly one output; ${id} had ${levels}`,
      [...path, "outputs"]
    );
    return;
  }
  const dirs = [...new Set(allPatterns(outputs).map(pureParent))].sort();
  const outputDir = run.parts.some((w) => w === "--output-dir" || w.startsWith("--output-dir="));
  if (dirs.length !== 1 && !outputDir) {
    const lines = dirs.map((d) => `
 - ${d}/`).join("");
    report.error(
      "generate-cohort-directories",
      `generate_cohort command should produce output in only one directory, found ${dirs.length}:${lines}`,
      [...path, "outputs"]
    );
  }
}
function outputArgument(parts) {
  for (let i = 0; i < parts.length; i++) {
    const word = parts[i];
    if (word === "--output") return parts[i + 1] ?? "";
    if (word.startsWith("--output=")) return word.slice("--output=".length);
  }
  return "";
}
function checkGenerateDataset(id, run, outputs, report, path) {
  const nonEmpty = (level) => Object.keys(outputs[level] ?? {}).length > 0;
  if (nonEmpty("moderately_sensitive") || nonEmpty("minimally_sensitive")) {
    report.error(
      "generate-dataset-level",
      `\`${id}\` action uses \`generate-dataset\` and so all outputs must be labelled \`highly_sensitive\``,
      [...path, "outputs"]
    );
    return;
  }
  const spec = outputArgument(run.parts);
  if (spec === "") {
    report.error(
      "generate-dataset-no-output",
      `\`${id}\` action does not provide an \`--output\` argument specifying where the results of \`generate-dataset\` should be stored`,
      [...path, "run"]
    );
    return;
  }
  const highly = Object.values(outputs.highly_sensitive ?? {});
  const { matches, expected } = matchOutputSpec(spec, highly);
  if (!matches) {
    report.error(
      "generate-dataset-mismatch",
      `output specification must match the \`--output\` argument in the \`run\` command
              got: ${highly.join(`${" ".repeat(19)}
`)}
but was expecting: ${expected}`,
      [...path, "outputs", "highly_sensitive"]
    );
  }
}
function matchOutputSpec(spec, highly) {
  const slash = spec.lastIndexOf("/");
  const last = spec.slice(slash + 1);
  if (!last.includes(":")) return { matches: highly.includes(spec), expected: spec };
  const colon = last.lastIndexOf(":");
  const dirName = last.slice(0, colon);
  const extension = `.${last.slice(colon + 1)}`;
  const parent = slash === -1 ? "" : spec.slice(0, slash);
  const directory = normpath(dirName === "" ? parent || "." : parent ? `${parent}/${dirName}` : dirName);
  return {
    matches: highly.every((p) => fnmatchCase(p, `${directory}/*${extension}`)),
    expected: `${directory}/:${extension.slice(1)}`
  };
}

// src/pipeline/rules/output-pattern.ts
var LEVEL4_FILE_TYPES = [
  ".csv",
  ".jpg",
  ".jpeg",
  ".png",
  ".svg",
  ".svgz",
  ".html",
  ".txt",
  ".log",
  ".json",
  ".md"
];
var SIMPLE = /^(?:[\w*-]+\/)*[\w*-]+\.\w+$/;
function isAbsolute(pattern) {
  return pattern.startsWith("/") || pattern.length >= 3 && pattern[1] === ":" && pattern[2] === "/";
}
function patternProblem(pattern, moderatelySensitive) {
  if (SIMPLE.test(pattern) && !pattern.includes("**") && !pattern.startsWith("metadata/")) {
    const suffix2 = pattern.slice(pattern.lastIndexOf("."));
    if (!moderatelySensitive || LEVEL4_FILE_TYPES.includes(suffix2)) return null;
  }
  if (pattern.includes("\\")) return "contains back slashes (use forward slashes only)";
  for (const token of ["**", "?", "["]) {
    if (pattern.includes(token)) return `contains '${token}' (only the * wildcard character is supported)`;
  }
  const suffix = pureSuffix(pattern);
  if (suffix === "" || suffix.endsWith("*")) return "output paths must have a file type extension at the end";
  if (moderatelySensitive && !LEVEL4_FILE_TYPES.includes(suffix)) {
    return `${purePath(pattern)} is not an allowed file type for moderately_sensitive outputs`;
  }
  if (pattern !== normpath(pattern))
    return "is not in standard form (contains double slashes or '..' elements)";
  if (pureParts(pattern).parts[0] === "..") return "leaves the workspace (starts with '..')";
  if (pattern === "metadata" || pattern.startsWith("metadata/"))
    return "should not include the metadata directory";
  if (isAbsolute(pattern)) return "is an absolute path";
  return null;
}

// src/pipeline/rules/outputs.ts
function checkOutputs(id, outputs, report, path) {
  const present = PRIVACY_LEVELS.filter(
    (level) => outputs.get(level) !== void 0 && outputs.get(level) !== null
  );
  if (present.length === 0) {
    report.error(
      "outputs-none",
      "must specify at least one output of: highly_sensitive, moderately_sensitive, minimally_sensitive",
      path
    );
    return null;
  }
  const unknown = [...outputs.keys()].filter((k) => !PRIVACY_LEVELS.includes(k));
  if (unknown.length > 0) {
    report.error(
      "outputs-unexpected",
      `Unexpected parameters (${unknown.join(", ")}) in \`outputs\` section for action ${id}`,
      [...path, unknown[0]]
    );
  }
  let ok = unknown.length === 0;
  const result = {};
  for (const level of present) {
    const entries = outputs.get(level);
    if (!isYMap(entries)) {
      report.error(
        "outputs-level-type",
        `\`${level}\` section for action ${id} must be a dictionary of key/value pairs`,
        [...path, level]
      );
      ok = false;
      continue;
    }
    const parsed = [];
    for (const [name, pattern] of entries) {
      const at = [...path, level, name];
      if (typeof pattern !== "string") {
        report.error("output-type", `\`${name}\` output for action ${id} must be a string`, at);
        ok = false;
        continue;
      }
      const problem = patternProblem(pattern, level === "moderately_sensitive");
      if (problem !== null) {
        report.error("output-pattern", `Output path ${pattern} is invalid: ${problem}`, at);
        ok = false;
        continue;
      }
      parsed.push([name, pattern]);
    }
    result[level] = Object.freeze(Object.fromEntries(parsed));
  }
  return ok ? Object.freeze(result) : null;
}

// src/pipeline/database.ts
var DATABASE_COMMANDS = {
  ehrql: ["generate-dataset", "generate-measures"],
  sqlrunner: "any",
  cohortextractor: ["generate_cohort", "generate_codelist_report"],
  databuilder: ["generate-dataset"]
};
function isDatabaseAction(parts) {
  const first = parts[0];
  if (first === void 0) return false;
  const image = first.split(":")[0];
  const commands = Object.hasOwn(DATABASE_COMMANDS, image) ? DATABASE_COMMANDS[image] : void 0;
  if (commands === void 0) return false;
  if (commands === "any") return true;
  return parts.length > 1 && commands.includes(parts[1]);
}

// src/pipeline/rules/run-command.ts
var TAG = /^(?:v[\p{Nd}.]+(?:-pre)?|dev|latest)$/u;
var ASCII_TAG = /^(?:v[0-9.]+(?:-pre)?|dev|latest)$/;
function parseRun(id, raw, report, path) {
  if (raw === "") {
    report.error("run-empty", `run must have a value, ${id} has an empty run key`, path);
    return null;
  }
  let parts;
  try {
    parts = shlexSplit(raw);
  } catch (error) {
    const detail = error instanceof ShlexError ? error.message : String(error);
    const what = detail === "No closing quotation" ? "has a quote that is never closed" : "ends with a backslash that escapes nothing";
    report.error("run-unsplittable", `\`run\` section for action ${id} ${what} (${detail})`, path);
    return null;
  }
  if (parts.length === 0) {
    report.error("run-empty", `run must have a value, ${id} has an empty run key`, path);
    return null;
  }
  const first = parts[0];
  const colon = first.indexOf(":");
  const image = colon === -1 ? first : first.slice(0, colon);
  const tag = colon === -1 ? "" : first.slice(colon + 1);
  if (colon === -1 || !(ASCII_TAG.test(tag) || TAG.test(tag))) {
    report.error(
      "run-version",
      `Action command ${image} must have a version specified in the form :vN (e.g. ${image}:v2)`,
      path
    );
    return null;
  }
  return Object.freeze({
    raw,
    parts: Object.freeze(parts),
    image,
    tag,
    args: parts.slice(1).join(" "),
    isDatabaseAction: isDatabaseAction(parts)
  });
}

// src/pipeline/rules/action.ts
var ACTION_KEYS = ["run", "outputs", "needs", "config", "dummy_data_file"];
function checkAction(id, body, features, report) {
  const path = ["actions", id];
  const before = report.errorCount;
  if (id === RUN_ALL) {
    if (features.removeRunAllAction) {
      report.error(
        "run-all-reserved",
        "`run_all` is a reserved action name and is not allowed for user-defined actions.",
        path
      );
    } else {
      report.warning(
        "run-all-reserved",
        "`run_all` is a reserved action name; user-defined actions with this name are ignored and will raise an error in later versions.",
        path
      );
    }
  }
  if (!isYMap(body)) {
    report.error(
      "action-type",
      `Configuration for action ${id} must be a dictionary of key/value pairs`,
      path
    );
    return null;
  }
  for (const key of ["run", "outputs"]) {
    if (!body.has(key))
      report.error("action-missing", `Action ${id} must contain a configuration for '${key}'`, path);
  }
  const unknown = [...body.keys()].filter((k) => !ACTION_KEYS.includes(k));
  if (unknown.length > 0) {
    report.error("action-unexpected", `Unexpected parameters (${unknown.join(", ")}) in action ${id}`, [
      ...path,
      unknown[0]
    ]);
  }
  const outputs = body.get("outputs");
  const run = body.get("run");
  const needs = body.get("needs") ?? null;
  const config = body.get("config") ?? null;
  const dummy = body.get("dummy_data_file") ?? null;
  const typeError = (key, what) => report.error("action-field-type", `\`${key}\` section for action ${id} must be ${what}`, [...path, key]);
  if (body.has("outputs") && !isYMap(outputs)) typeError("outputs", "a dictionary of key/value pairs");
  if (body.has("run") && typeof run !== "string") typeError("run", "a string");
  if (needs !== null && !isYList(needs)) typeError("needs", "a list");
  if (config !== null && !isYMap(config)) typeError("config", "a dictionary of key/value pairs");
  if (dummy !== null && typeof dummy !== "string") typeError("dummy_data_file", "a string");
  const parsedOutputs = isYMap(outputs) ? checkOutputs(id, outputs, report, [...path, "outputs"]) : null;
  const command = typeof run === "string" ? parseRun(id, run, report, [...path, "run"]) : null;
  const needNames = [];
  if (isYList(needs)) {
    needs.forEach((entry, i) => {
      if (typeof entry !== "string") {
        report.error(
          "needs-entry-type",
          `\`needs\` entries for action ${id} must be action names (strings), but it needs \`${pyStr(entry)}\`${typeof entry === "number" || typeof entry === "boolean" ? ` (quote it: '${pyStr(entry)}')` : ""}`,
          [...path, "needs", i]
        );
      } else if (entry.includes(" ")) {
        report.error(
          "needs-space",
          `\`needs\` actions should be separated with commas, but ${id} needs \`${entry}\``,
          [...path, "needs", i]
        );
      } else needNames.push(entry);
    });
  }
  if (command !== null && parsedOutputs !== null)
    checkCommandOutputs(id, command, parsedOutputs, report, path);
  return {
    id,
    run: command,
    outputs: parsedOutputs,
    needs: needNames,
    config: isYMap(config) ? config : null,
    dummyDataFile: typeof dummy === "string" ? dummy : null,
    ok: report.errorCount === before
  };
}

// src/pipeline/rules/expectations.ts
function checkExpectations(present, value, features, report) {
  const path = ["expectations"];
  if (features.removeCohortExtractor) {
    if (present && value !== null) {
      report.error(
        "expectations-removed",
        "Project includes `expectations` section, which is not supported in this version. This section is only applicable to deprecated cohortextractor actions; you can safely remove it.",
        path
      );
    }
    return null;
  }
  if (!features.expectationsPopulation) return { populationSize: 1e3 };
  if (!present || value === null) {
    report.error("expectations-missing", "Project must include `expectations` section", path);
    return null;
  }
  if (!isYMap(value)) {
    report.error(
      "expectations-type",
      "Project `expectations` section must be a dictionary of key/value pairs",
      path
    );
    return null;
  }
  if (!value.has("population_size")) {
    report.error(
      "expectations-population",
      "Project `expectations` section must include `population_size` section",
      path
    );
    return null;
  }
  const unknown = [...value.keys()].filter((k) => k !== "population_size");
  if (unknown.length > 0) {
    report.error(
      "expectations-unexpected",
      `Unexpected parameters (${unknown.join(", ")}) in project \`expectations\` section`,
      [...path, unknown[0]]
    );
  }
  const size = pyInt(value.get("population_size"));
  if (size === null) {
    report.error("expectations-population-type", "Project expectations population size must be a number", [
      ...path,
      "population_size"
    ]);
    return null;
  }
  return unknown.length > 0 ? null : { populationSize: Number(size) };
}

// src/pipeline/rules/top-level.ts
var TOP_LEVEL_KEYS = ["version", "actions", "expectations"];
function checkTopLevel(root, report) {
  const unknown = [...root.keys()].filter((k) => !TOP_LEVEL_KEYS.includes(k));
  if (unknown.length > 0) {
    report.error("project-unexpected", `Unexpected parameters (${unknown.join(", ")}) in project`, [
      unknown[0]
    ]);
  }
  const raw = root.get("version");
  if (raw === void 0 || raw === null) {
    report.error(
      "version-missing",
      `Project file must have a \`version\` attribute specifying which version of the project configuration format it uses (current latest version is ${LATEST_VERSION})`,
      root.has("version") ? ["version"] : []
    );
    return null;
  }
  const version = pyFloat(raw);
  if (version === null) {
    report.error("version-type", `\`version\` must be a number between 1 and ${LATEST_VERSION}`, ["version"]);
    return null;
  }
  if (version > LATEST_VERSION) {
    report.error(
      "version-too-new",
      `The latest version is v${LATEST_VERSION}, but got v${pyFloatRepr(version)}`,
      ["version"]
    );
    return null;
  }
  if (version !== LATEST_VERSION) {
    report.warning(
      "version-old",
      `Your project file is using an old version (${pyFloatRepr(version)}); consider updating to version ${LATEST_VERSION}`,
      ["version"]
    );
  }
  return version;
}

// src/pipeline/validate.ts
function validateDocument(root) {
  const report = new Report();
  if (!isYMap(root)) {
    const message = root === null ? "The project file is empty: it must be a mapping with `version` and `actions`" : `The project file must be a mapping with \`version\` and \`actions\`, not ${isYList(root) ? "a list" : "a single value"}`;
    report.error("project-type", message, []);
    return { report, pipeline: null };
  }
  const version = checkTopLevel(root, report);
  if (version === null) return { report, pipeline: null };
  const features = featuresFor(version);
  const actionsValue = root.get("actions");
  const parsed = [];
  if (!isYMap(actionsValue)) {
    report.error(
      "actions-type",
      "Project `actions` section must be a dictionary of key/value pairs",
      root.has("actions") ? ["actions"] : []
    );
  } else {
    for (const [id, body] of actionsValue) {
      const action = checkAction(id, body, features, report);
      if (action !== null) parsed.push(action);
    }
    checkAcrossActions(parsed, new Set(actionsValue.keys()), features, report);
  }
  const expectations = checkExpectations(
    root.has("expectations"),
    root.get("expectations") ?? null,
    features,
    report
  );
  if (report.errorCount > 0 || !isYMap(actionsValue)) return { report, pipeline: null };
  return { report, pipeline: buildModel(version, parsed, expectations, report) };
}

// src/pipeline/load-pipeline.ts
var TAB_IN_INDENT = /^[ \t]*\t/m;
function decode(input) {
  const text = typeof input === "string" ? input : new TextDecoder("utf-8", { fatal: false }).decode(input);
  const body = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  const lines = body.includes("\r") ? body.replace(/\r\n?/g, "\n") : body;
  return LEADING_DOCUMENT_END.test(lines) ? blankLeadingDocumentEnds(lines) : lines;
}
var LEADING_DOCUMENT_END = /^(?:[ \t]*(?:#.*)?\n)*\.\.\.(?:[ \t]|$)/m;
function blankLeadingDocumentEnds(text) {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\.\.\.(?:[ \t]|$)/.test(line)) lines[i] = "";
    else if (!/^[ \t]*(?:#.*)?$/.test(line)) break;
  }
  return lines.join("\n");
}
function failed(errors) {
  return Object.freeze({
    valid: false,
    errors: Object.freeze(errors),
    warnings: Object.freeze([]),
    pipeline: null
  });
}
function safePositionedParse(text) {
  yamlLibrary();
  try {
    return positionedParse(text);
  } catch (error) {
    const message = error instanceof RangeError ? "the file is nested too deeply to read" : `the file could not be read as YAML (${String(error)})`;
    return { ok: false, problems: [{ code: "yaml-unreadable", message, line: null, column: null }] };
  }
}
function withPositions(issues, locate) {
  return issues.map((i) => {
    const pos = locate(i.path);
    return Object.freeze({
      ...i,
      path: Object.freeze([...i.path]),
      line: pos?.line ?? null,
      column: pos?.column ?? null
    });
  });
}
function loadPipeline(input, options = {}) {
  return load2(input, options, true);
}
async function loadPipelineAsync(input) {
  if (!yamlLibraryLoaded()) {
    const quick = load2(input, {}, false);
    if (quick !== null) return quick;
    await preloadYamlLibrary();
  }
  return load2(input, {}, true);
}
function load2(input, options, mayParse) {
  const size = typeof input === "string" ? input.length : input.byteLength;
  if (size > MAX_BYTES) {
    return failed([
      {
        severity: "error",
        code: "file-too-large",
        message: `The project file is ${(size / 1024 / 1024).toFixed(1)} MiB; Trestle reads project files up to ${MAX_BYTES / 1024 / 1024} MiB`,
        path: [],
        line: null,
        column: null
      }
    ]);
  }
  const text = decode(input);
  const fastOk = !options.positioned && !text.includes("\uFEFF") && !TAB_IN_INDENT.test(text);
  let value = fastOk ? fastParse(text) : void 0;
  let positioned;
  if (value === void 0) {
    if (!mayParse) return null;
    positioned = safePositionedParse(text);
    if (!positioned.ok) {
      return failed(positioned.problems.map((p) => ({ severity: "error", path: [], ...p })));
    }
    value = positioned.value;
  }
  const unbounded = positioned !== void 0 || text.includes("&") || text.length >= MAX_EXPANDED_VALUES;
  const bounds = unbounded ? checkBounds(value) : null;
  if (bounds !== null) return failed([{ severity: "error", path: [], line: null, column: null, ...bounds }]);
  const { report, pipeline } = validateDocument(value);
  let issues = [];
  if (report.issues.length > 0) {
    const cheap = report.issues.every((i) => i.path.length === 1 && typeof i.path[0] === "string");
    if (cheap && positioned === void 0) {
      issues = withPositions(report.issues, (path) => topLevelKeyLine(text, path[0]));
    }
    if (issues.length === 0 || issues.some((i) => i.line === null)) {
      if (positioned === void 0 && !mayParse) return null;
      positioned ??= safePositionedParse(text);
      if (!positioned.ok) {
        return failed(positioned.problems.map((p) => ({ severity: "error", path: [], ...p })));
      }
      const index = positioned;
      issues = withPositions(report.issues, (path) => positionOf(index.value, index.positions, path));
    }
  }
  const errors = issues.filter((i) => i.severity === "error");
  return Object.freeze({
    valid: errors.length === 0,
    errors: Object.freeze(errors),
    warnings: Object.freeze(issues.filter((i) => i.severity === "warning")),
    pipeline: errors.length === 0 ? pipeline : null
  });
}
async function loadPipelineFile(path) {
  return loadPipelineAsync(await readFile(path));
}

// src/pipeline/render/view.ts
function buildView(graph, options = {}) {
  const only = options.only === void 0 ? null : new Set(options.only);
  const classes = options.classes ?? /* @__PURE__ */ new Map();
  const shown = graph.nodes.filter((name) => only === null || only.has(name));
  const inGraph = new Set(graph.nodes);
  const detached = [...classes.keys()].filter((name) => !inGraph.has(name));
  const names = [...shown, ...detached];
  const index = new Map(names.map((name, i) => [name, i]));
  const needs = names.map(() => []);
  const dependents = names.map(() => []);
  const edges = [];
  shown.forEach((name, i) => {
    for (const need of graph.needs.get(name) ?? []) {
      const j = index.get(need);
      if (j === void 0 || j >= shown.length || j === i) continue;
      needs[i].push(j);
      dependents[j].push(i);
      edges.push([j, i]);
    }
  });
  const nodes = names.map(
    (name, i) => ({
      id: `n${i}`,
      name,
      class: classes.get(name) ?? null,
      inGraph: i < shown.length,
      needs: needs[i],
      dependents: dependents[i]
    })
  );
  const order = graph.order.flatMap((name) => {
    const i = index.get(name);
    return i !== void 0 && i < shown.length ? [i] : [];
  });
  return { nodes, edges, order };
}

// src/pipeline/render/action-list.ts
function renderActionList(view, options = {}) {
  const shown = view.order.length;
  const why = options.reason === void 0 ? "" : ` and ${options.reason}`;
  const intro = `The job graph has ${count(shown, "action", "actions")}${why}; here it is as a list, in run order.`;
  const head = `${intro}

<details>
<summary>${count(shown, "action", "actions")}</summary>

`;
  const tail = "\n</details>\n";
  const items = [...view.order, ...view.nodes.flatMap((n, i) => n.inGraph ? [] : [i])];
  const lines = items.map((i) => {
    const node = view.nodes[i];
    const cls = node.class === null ? "" : ` (${node.class.replaceAll("_", " ")})`;
    const needs = node.needs.length === 0 ? "" : `: needs ${node.needs.map((j) => md(view.nodes[j].name)).join(", ")}`;
    return `- **${md(node.name)}**${cls}${needs}`;
  });
  const max = options.maxChars;
  const full = `${head}${lines.join("\n")}${tail}`;
  if (max === void 0 || full.length <= max) return full;
  let body = "";
  let kept = 0;
  const room = max - head.length - tail.length;
  for (const line of lines) {
    const more = `- \u2026 and ${count(lines.length - kept - 1, "more action", "more actions")}`;
    if (body.length + line.length + 1 + more.length + 1 > room) break;
    body += `${line}
`;
    kept++;
  }
  const result = `${head}${body}- \u2026 and ${count(lines.length - kept, "more action", "more actions")}${tail}`;
  if (result.length <= max) return result;
  return Array.from(`The job graph has ${count(shown, "action", "actions")}; too many to list here.`).slice(0, Math.max(0, max)).join("");
}
function md(name) {
  return visibleName(name).replace(/[&<>]|[!-/:-@[-`{-~]/g, (ch) => {
    if (ch === "&") return "&amp;";
    if (ch === "<") return "&lt;";
    if (ch === ">") return "&gt;";
    return `\\${ch}`;
  });
}

// src/pipeline/render/node-classes.ts
var NODE_CLASSES = [
  // Job results, as the runner and the backend report them.
  "pending",
  "running",
  "succeeded",
  "failed",
  "dependency_failed",
  "skipped",
  "not_requested",
  // What a change did to an action, as the App reports it.
  "added",
  "changed",
  "affected",
  "removed"
];
var TEXT = "#1f2328";
var NODE_STYLES = {
  pending: { fill: "#fff8c5", stroke: "#bf8700", text: TEXT, dashed: false },
  running: { fill: "#ddf4ff", stroke: "#0969da", text: TEXT, dashed: false },
  succeeded: { fill: "#dafbe1", stroke: "#1a7f37", text: TEXT, dashed: false },
  failed: { fill: "#ffebe9", stroke: "#cf222e", text: TEXT, dashed: false },
  dependency_failed: { fill: "#fff1e5", stroke: "#bc4c00", text: TEXT, dashed: true },
  skipped: { fill: "#f6f8fa", stroke: "#8c959f", text: TEXT, dashed: true },
  not_requested: { fill: "#ffffff", stroke: "#d0d7de", text: "#59636e", dashed: true },
  added: { fill: "#dafbe1", stroke: "#1a7f37", text: TEXT, dashed: false },
  changed: { fill: "#fff8c5", stroke: "#9a6700", text: TEXT, dashed: false },
  affected: { fill: "#ddf4ff", stroke: "#0969da", text: TEXT, dashed: true },
  removed: { fill: "#ffebe9", stroke: "#cf222e", text: "#59636e", dashed: true }
};

// src/pipeline/render/dot.ts
function renderDot(pipeline, graph, options = {}) {
  const view = buildView(graph, options);
  const lines = [
    "digraph pipeline {",
    `  rankdir=${options.direction ?? "LR"};`,
    '  node [shape=box, style="rounded", fontname="Helvetica"];'
  ];
  for (const node of view.nodes) {
    const attrs = [`label=${dotString(visibleName(node.name))}`];
    const run = pipeline.actions.get(node.name)?.run.raw;
    if (node.inGraph && run !== void 0) attrs.push(`tooltip=${dotString(visibleName(run))}`);
    if (node.class !== null) {
      const s = NODE_STYLES[node.class];
      attrs.push(
        `class=${dotString(node.class)}`,
        `style=${dotString(s.dashed ? "rounded,filled,dashed" : "rounded,filled")}`,
        `fillcolor=${dotString(s.fill)}`,
        `color=${dotString(s.stroke)}`,
        `fontcolor=${dotString(s.text)}`
      );
    }
    lines.push(`  ${node.id} [${attrs.join(", ")}];`);
  }
  for (const [from, to] of view.edges) lines.push(`  ${view.nodes[from].id} -> ${view.nodes[to].id};`);
  lines.push("}");
  return `${lines.join("\n")}
`;
}
function dotString(text) {
  return `"${text.replace(/["\\]/g, (ch) => `\\${ch}`)}"`;
}

// src/pipeline/render/json.ts
function graphJson(pipeline, graph, options = {}) {
  const view = buildView(graph, options);
  const name = (i) => view.nodes[i].name;
  return {
    actions: view.nodes.map((node) => ({
      name: node.name,
      run: node.inGraph ? pipeline.actions.get(node.name)?.run.raw ?? null : null,
      needs: node.needs.map(name),
      ...node.class === null ? {} : { class: node.class }
    })),
    edges: view.edges.map(([from, to]) => ({ from: name(from), to: name(to) })),
    order: view.order.map(name)
  };
}
function renderJson(pipeline, graph, options = {}) {
  return `${JSON.stringify(graphJson(pipeline, graph, options), null, 2)}
`;
}

// src/pipeline/render/mermaid.ts
var MERMAID_MAX_EDGES = 500;
var MERMAID_MAX_TEXT_SIZE = 5e4;
function renderMermaid(_pipeline, graph, options = {}) {
  const view = buildView(graph, options);
  const maxEdges = options.maxEdges ?? MERMAID_MAX_EDGES;
  if (view.edges.length > maxEdges) {
    const reason = `${count(view.edges.length, "dependency", "dependencies")}, more than GitHub draws in a diagram (${maxEdges})`;
    return renderActionList(view, { reason, maxChars: options.maxChars });
  }
  const diagram = mermaidDiagram(view, options);
  const maxTextSize = options.maxTextSize ?? MERMAID_MAX_TEXT_SIZE;
  if (diagram.length > maxTextSize) {
    const reason = `a diagram of ${diagram.length} characters, more than GitHub draws (${maxTextSize})`;
    return renderActionList(view, { reason, maxChars: options.maxChars });
  }
  const fenced = `\`\`\`mermaid
${diagram}\`\`\`
`;
  if (options.maxChars !== void 0 && fenced.length > options.maxChars) {
    const reason = `a diagram longer than the ${options.maxChars} characters there is room for`;
    return renderActionList(view, { reason, maxChars: options.maxChars });
  }
  return fenced;
}
function mermaidDiagram(view, options = {}) {
  const maxLabel = options.maxLabelLength ?? 80;
  const lines = [`flowchart ${options.direction ?? "LR"}`];
  for (const node of view.nodes) lines.push(`  ${node.id}["${mermaidLabel(node.name, maxLabel)}"]`);
  for (const [from, to] of view.edges) lines.push(`  ${view.nodes[from].id} --> ${view.nodes[to].id}`);
  const byClass = /* @__PURE__ */ new Map();
  for (const node of view.nodes) {
    if (node.class === null) continue;
    const ids = byClass.get(node.class) ?? [];
    ids.push(node.id);
    byClass.set(node.class, ids);
  }
  for (const cls of NODE_CLASSES) {
    const ids = byClass.get(cls);
    if (ids === void 0) continue;
    const s = NODE_STYLES[cls];
    const dash = s.dashed ? ",stroke-dasharray:4 3" : "";
    lines.push(`  classDef ${cls} fill:${s.fill},stroke:${s.stroke},color:${s.text}${dash}`);
    lines.push(`  class ${ids.join(",")} ${cls}`);
  }
  return `${lines.join("\n")}
`;
}
var LABEL_SAFE = /^[\p{L}\p{M}\p{N} _.,/+=!?()'…-]$/u;
function mermaidLabel(name, maxLength = 80) {
  let out = "";
  for (const ch of truncate(visibleName(name), maxLength)) {
    out += LABEL_SAFE.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  }
  return out;
}

// src/pipeline/render/text.ts
var MAX_INDENT = 32;
function renderText(_pipeline, graph, options = {}) {
  const view = buildView(graph, options);
  const lines = [];
  const written = /* @__PURE__ */ new Set();
  const label = (i) => {
    const node = view.nodes[i];
    return node.class === null ? textName(node.name) : `${textName(node.name)} [${node.class}]`;
  };
  const ready = (i) => view.nodes[i].needs.every((j) => written.has(j));
  const writeTree = (root) => {
    written.add(root);
    lines.push(label(root));
    const stack = [{ node: root, prefix: "", depth: 0, next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const children = view.nodes[frame.node].dependents;
      if (frame.next >= children.length) {
        stack.pop();
        continue;
      }
      const child = children[frame.next++];
      const last = frame.next === children.length;
      const depth = frame.depth + 1;
      const branch = `${frame.prefix}${last ? "\u2514\u2500\u2500 " : "\u251C\u2500\u2500 "}${depth > MAX_INDENT ? `(depth ${depth}) ` : ""}`;
      if (written.has(child)) {
        lines.push(`${branch}${label(child)} (see above)`);
      } else if (!ready(child)) {
        lines.push(`${branch}${label(child)} (see below)`);
      } else {
        written.add(child);
        lines.push(`${branch}${label(child)}`);
        const prefix = depth < MAX_INDENT ? `${frame.prefix}${last ? "    " : "\u2502   "}` : frame.prefix;
        stack.push({ node: child, prefix, depth, next: 0 });
      }
    }
  };
  for (const i of rootsFirst(view)) if (!written.has(i)) writeTree(i);
  return lines.length === 0 ? "" : `${lines.join("\n")}
`;
}
function rootsFirst(view) {
  const roots = [];
  const rest = [];
  view.nodes.forEach((node, i) => {
    (node.needs.length === 0 ? roots : rest).push(i);
  });
  return [...roots, ...rest];
}
var INVISIBLE2 = /[\p{C}\p{Zl}\p{Zp}]/gu;
var MARKER = /^\(depth \d|\(see (above|below)\)|\[[^\]]*\]$/;
var PLAIN = /^(?!["\s])[^\p{C}\p{Zl}\p{Zp}\u2500-\u257f]+(?<!\s)$/u;
function textName(name) {
  if (PLAIN.test(name) && !MARKER.test(name)) return name;
  return JSON.stringify(name).replace(
    INVISIBLE2,
    (ch) => ch.split("").map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")
  );
}

// src/pipeline/render/index.ts
var GRAPH_FORMATS = ["mermaid", "dot", "json", "text"];
var RENDERERS = { mermaid: renderMermaid, dot: renderDot, json: renderJson, text: renderText };

// src/cli/write-output.ts
var quiet = false;
function writeStdout(text) {
  if (quiet || text === "") return;
  if (process.stdout.listenerCount("error") === 0) {
    process.stdout.on("error", (error) => {
      if (error.code !== "EPIPE") throw error;
      quiet = true;
    });
  }
  process.stdout.write(text);
}
function writeStderr(text) {
  if (text !== "") process.stderr.write(text);
}

export {
  thousands,
  count,
  ISSUE_FORMATS,
  formatIssues,
  sortedIssues,
  textIssue,
  formatVerdict,
  RUN_ALL,
  buildGraph,
  closure,
  downstream,
  LEVEL4_FILE_TYPES,
  loadPipeline,
  loadPipelineFile,
  renderMermaid,
  GRAPH_FORMATS,
  RENDERERS,
  writeStdout,
  writeStderr
};
