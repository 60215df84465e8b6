// Loading entry points: text or file in, one LoadResult out, never an exception for any content.
//
// Speed by design: most files are valid, so they are read by the fast parser and validated without
// positions. Only when there is something to report is the file parsed again by the positioned
// parser, which is also the authority on syntax errors. Both resolve every scalar through the same
// rules (load/scalars.ts), so they always agree on what the file says.
import { readFile } from "node:fs/promises";
import { checkBounds, MAX_BYTES, MAX_EXPANDED_VALUES } from "./load/bounds.ts";
import { fastParse } from "./load/fast-parse.ts";
import { type PositionedParse, positionedParse } from "./load/positioned-parse.ts";
import { positionOf, topLevelKeyLine } from "./load/positions.ts";
import type { YValue } from "./load/values.ts";
import { preloadYamlLibrary, yamlLibrary, yamlLibraryLoaded } from "./load/yaml-library.ts";
import type { Issue, LoadResult } from "./model.ts";
import type { RawIssue } from "./report.ts";
import { validateDocument } from "./validate.ts";

const TAB_IN_INDENT = /^[ \t]*\t/m;

export interface LoadOptions {
  /** Skip the fast parser (used by tests that check both paths agree). */
  readonly positioned?: boolean;
}

function decode(input: string | Uint8Array): string {
  const text = typeof input === "string" ? input : new TextDecoder("utf-8", { fatal: false }).decode(input);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // A lone CR is a line break in YAML (and to the platform's parser), but not to every parser:
  // normalise line breaks once so both parsers see the same lines. Line numbers do not change.
  const lines = body.includes("\r") ? body.replace(/\r\n?/g, "\n") : body;
  return LEADING_DOCUMENT_END.test(lines) ? blankLeadingDocumentEnds(lines) : lines;
}

const LEADING_DOCUMENT_END = /^(?:[ \t]*(?:#.*)?\n)*\.\.\.(?:[ \t]|$)/m;

/**
 * The platform's parser skips document-end markers (`...`) before the first document; blanking them
 * (keeping line numbers) makes every parser read such a file the same way.
 */
function blankLeadingDocumentEnds(text: string): string {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\.\.\.(?:[ \t]|$)/.test(line)) lines[i] = "";
    else if (!/^[ \t]*(?:#.*)?$/.test(line)) break;
  }
  return lines.join("\n");
}

function failed(errors: readonly Issue[]): LoadResult {
  return Object.freeze({
    valid: false,
    errors: Object.freeze(errors),
    warnings: Object.freeze([]),
    pipeline: null,
  });
}

function safePositionedParse(text: string): PositionedParse {
  yamlLibrary(); // outside the try: a missing library is a broken installation, not a YAML problem
  try {
    return positionedParse(text);
  } catch (error) {
    // A stack overflow on absurdly nested input is the only way here; it is still an answer.
    const message =
      error instanceof RangeError
        ? "the file is nested too deeply to read"
        : `the file could not be read as YAML (${String(error)})`;
    return { ok: false, problems: [{ code: "yaml-unreadable", message, line: null, column: null }] };
  }
}

function withPositions(
  issues: readonly RawIssue[],
  locate: (path: RawIssue["path"]) => { line: number; column: number } | null,
): Issue[] {
  return issues.map((i) => {
    const pos = locate(i.path);
    return Object.freeze({
      ...i,
      path: Object.freeze([...i.path]),
      line: pos?.line ?? null,
      column: pos?.column ?? null,
    });
  });
}

/** Loads and validates project.yaml text (or UTF-8 bytes). Never throws for any content. */
export function loadPipeline(input: string | Uint8Array, options: LoadOptions = {}): LoadResult {
  return load(input, options, true)!;
}

/**
 * As loadPipeline, for hosts without node_modules (the Action's bundle): the positioned parser's
 * library is loaded, asynchronously, only when the file needs it.
 */
export async function loadPipelineAsync(input: string | Uint8Array): Promise<LoadResult> {
  if (!yamlLibraryLoaded()) {
    const quick = load(input, {}, false);
    if (quick !== null) return quick;
    await preloadYamlLibrary();
  }
  return load(input, {}, true)!;
}

/** The result, or null when it needs the positioned parse and `mayParse` is false. */
function load(input: string | Uint8Array, options: LoadOptions, mayParse: boolean): LoadResult | null {
  const size = typeof input === "string" ? input.length : input.byteLength;
  if (size > MAX_BYTES) {
    return failed([
      {
        severity: "error",
        code: "file-too-large",
        message: `The project file is ${(size / 1024 / 1024).toFixed(1)} MiB; Trestle reads project files up to ${MAX_BYTES / 1024 / 1024} MiB`,
        path: [],
        line: null,
        column: null,
      },
    ]);
  }
  const text = decode(input);
  // A byte-order mark inside the text, or tabs in indentation, are read differently by different
  // parsers: leave those files to the positioned parser, the authority.
  const fastOk = !options.positioned && !text.includes("\uFEFF") && !TAB_IN_INDENT.test(text);
  let value: YValue | undefined = fastOk ? fastParse(text) : undefined;
  let positioned: PositionedParse | undefined;
  if (value === undefined) {
    if (!mayParse) return null;
    positioned = safePositionedParse(text);
    if (!positioned.ok) {
      return failed(positioned.problems.map((p) => ({ severity: "error", path: [], ...p })));
    }
    value = positioned.value;
  }
  // Without anchors there are no aliases, so a tree the fast parser accepted (depth bounded by it)
  // has fewer values than the text has characters: the bounds cannot be exceeded.
  const unbounded = positioned !== undefined || text.includes("&") || text.length >= MAX_EXPANDED_VALUES;
  const bounds = unbounded ? checkBounds(value) : null;
  if (bounds !== null) return failed([{ severity: "error", path: [], line: null, column: null, ...bounds }]);

  const { report, pipeline } = validateDocument(value);
  let issues: Issue[] = [];
  if (report.issues.length > 0) {
    const cheap = report.issues.every((i) => i.path.length === 1 && typeof i.path[0] === "string");
    if (cheap && positioned === undefined) {
      issues = withPositions(report.issues, (path) => topLevelKeyLine(text, path[0] as string));
    }
    if (issues.length === 0 || issues.some((i) => i.line === null)) {
      if (positioned === undefined && !mayParse) return null;
      positioned ??= safePositionedParse(text);
      if (!positioned.ok) {
        // The positioned parser is the authority: what it cannot read is a syntax error, whatever
        // the fast parser made of it.
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
    pipeline: errors.length === 0 ? pipeline : null,
  });
}

/** Reads and loads a file. Throws only when the file cannot be read (missing, a directory, no permission). */
export async function loadPipelineFile(path: string): Promise<LoadResult> {
  return loadPipelineAsync(await readFile(path));
}
