// The fast path: js-yaml with a schema that resolves scalars exactly as the positioned parser does.
// It has no positions and no error detail, so any failure here simply hands over to the positioned
// parse, which is the authority on errors.
import {
  defineMappingTag,
  defineScalarTag,
  FAILSAFE_SCHEMA,
  load,
  mergeTag,
  NOT_RESOLVED,
  type Schema,
} from "js-yaml";
import { MAX_DEPTH } from "./bounds.ts";
import { SCALAR_RULES } from "./scalars.ts";
import { keyString, type YValue } from "./values.ts";

const scalarTags = SCALAR_RULES.map((rule) =>
  defineScalarTag(rule.tag, {
    implicit: true,
    implicitFirstChars: rule.firstChars,
    resolve: (source, isExplicit) => {
      if (rule.kind === "null" && isExplicit) return null;
      return rule.pattern.test(source) ? rule.construct(source) : NOT_RESOLVED;
    },
    identify: () => false,
  }),
);

const mapTag = defineMappingTag<Map<string, unknown>>("tag:yaml.org,2002:map", {
  create: () => new Map(),
  addPair: (map, key, value) => {
    map.set(keyString(key), value);
    return "";
  },
  has: (map, key) => map.has(keyString(key)),
  keys: (map) => map.keys(),
  get: (map, key) => map.get(keyString(key)),
  identify: (data) => data instanceof Map,
});

// Well under the positioned parse's limit, so whatever this parser accepts is within bounds.
const FAST_MAX_DEPTH = MAX_DEPTH - 50;

const schema: Schema = FAILSAFE_SCHEMA.withTags(...scalarTags, mergeTag, mapTag);

/** The parsed document, or undefined when the fast parser cannot take this text. */
export function fastParse(text: string): YValue | undefined {
  try {
    // maxAliases bounds the work js-yaml does; the measured size of the result is checked later.
    return load(text, { schema, maxAliases: 10_000, maxDepth: FAST_MAX_DEPTH }) as YValue;
  } catch {
    return undefined;
  }
}
