// The fast path: js-yaml 4, with a schema that resolves plain scalars exactly as the positioned
// parser does (load/scalars.ts). It has no positions and no error detail, so anything it cannot
// take, or might read differently, hands over to the positioned parse, the authority on errors.
//
// js-yaml 4 builds plain objects, which lose two things Trestle needs: the file order of keys that
// look like array indexes ("1", "2021", which objects put first), and keys that are not strings or
// numbers (a mapping or a float as a key becomes "[object Object]"). Files with such keys are left to
// the positioned parse; they are rare, and it gives them the same answer, only more slowly. So are
// files whose quoted or flow nodes js-yaml 4 reads more leniently than YAML allows
// (flow-indentation.ts), and those that begin with `---` glued to what follows.
import * as jsYaml from "js-yaml";
import { MAX_DEPTH } from "./bounds.ts";
import { FlowIndentationGuard } from "./flow-indentation.ts";
import { fits, SCALAR_RULES } from "./scalars.ts";
import { PyFloat, YDate, type YList, type YMap, type YValue } from "./values.ts";

// `types` is in js-yaml 4's exports, but not in its published types.
const { FAILSAFE_SCHEMA, load, Type, types } = jsYaml as typeof jsYaml & {
  readonly types: { readonly merge: jsYaml.Type };
};

const scalarTypes = SCALAR_RULES.map(
  (rule) =>
    new Type(rule.tag, {
      kind: "scalar",
      // Also asked of explicitly tagged text (`!!int 5`). The platform's loader reads `!!null x` as
      // null whatever x is; that is refused here and left to the positioned parse.
      resolve: (text: string | null) => fits(rule, text ?? ""),
      construct: (text: string | null) => rule.construct(text ?? ""),
    }),
);

const schema = FAILSAFE_SCHEMA.extend({ implicit: [...scalarTypes, types.merge] });

// Well under the positioned parse's limit, so whatever this parser accepts is within bounds.
const FAST_MAX_DEPTH = MAX_DEPTH - 50;

const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;
// js-yaml 4 takes `---` at the start of a document for the document marker even with no space
// after it, so `---version: 1` reads as `version: 1`; YAML, and the platform, read a key
// `---version`. Blank, comment and directive lines may come first.
const GLUED_DOCUMENT_START = /^(?:[ \t\r]*(?:#[^\n]*)?\n|%[^\n]*\n)*---[^\s]/;
const REFUSED = Symbol("refused");

/** The parsed document, or undefined when the fast parser cannot take this text. */
export function fastParse(text: string): YValue | undefined {
  if (GLUED_DOCUMENT_START.test(text)) return undefined;
  const guard = new FlowIndentationGuard();
  // maxDepth is in js-yaml 4.3; its published types predate it.
  const options = { schema, maxDepth: FAST_MAX_DEPTH, listener: guard.listener } as jsYaml.LoadOptions;
  let parsed: unknown;
  try {
    parsed = load(text, options);
  } catch {
    return undefined;
  }
  if (guard.doubtful) return undefined;
  // Aliases (which need anchors) make shared nodes; converting each once keeps an alias-heavy file
  // linear.
  const value = convert(parsed, text.includes("&") ? new Map() : null);
  return value === REFUSED ? undefined : value;
}

function convert(value: unknown, shared: Map<object, YValue> | null): YValue | typeof REFUSED {
  if (value === null || typeof value !== "object") {
    return value === undefined ? null : (value as YValue);
  }
  if (value instanceof PyFloat || value instanceof YDate) return value;
  const known = shared?.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const list: YList = [];
    shared?.set(value, list);
    for (const item of value) {
      const converted = convert(item, shared);
      if (converted === REFUSED) return REFUSED;
      list.push(converted);
    }
    return list;
  }
  const map: YMap = new Map();
  shared?.set(value, map);
  for (const key of Object.keys(value)) {
    const first = key.charCodeAt(0);
    if (first >= 48 && first <= 57 && ARRAY_INDEX.test(key)) return REFUSED;
    if (key.length >= 15 && key.includes("[object Object]")) return REFUSED;
    const converted = convert((value as Record<string, unknown>)[key], shared);
    if (converted === REFUSED) return REFUSED;
    map.set(key, converted);
  }
  return map;
}
