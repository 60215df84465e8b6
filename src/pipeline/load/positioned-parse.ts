// The positioned parse: the `yaml` package's document model, converted to the same values as the
// fast path, with every key and item's line and column kept aside. It is the authority on syntax
// errors and produces them with the platform's wording where the platform's is clearer.
import type { Alias, Document, LineCounter, Node, ParsedNode, Scalar, YAMLError } from "yaml";
import { resolveExplicit, resolvePlain } from "./scalars.ts";
import { keyString, type YList, type YMap, YTagged, type YValue } from "./values.ts";
import { type YamlLibrary, yamlLibrary } from "./yaml-library.ts";

export interface Pos {
  readonly line: number;
  readonly column: number;
}

/** Where each key (of a mapping) and each item (of a list) was written. */
export interface PositionIndex {
  readonly maps: WeakMap<YMap, Map<string, { key: Pos; value: Pos }>>;
  readonly lists: WeakMap<YList, Pos[]>;
  readonly root: Pos | null;
}

export interface SyntaxProblem {
  readonly code: string;
  readonly message: string;
  readonly line: number | null;
  readonly column: number | null;
}

export type PositionedParse =
  | { readonly ok: true; readonly value: YValue; readonly positions: PositionIndex }
  | { readonly ok: false; readonly problems: readonly SyntaxProblem[] };

const MAX_SYNTAX_PROBLEMS = 20;
const STANDARD_TAG_PREFIX = "tag:yaml.org,2002:";

class Converter {
  readonly maps = new WeakMap<YMap, Map<string, { key: Pos; value: Pos }>>();
  readonly lists = new WeakMap<YList, Pos[]>();
  readonly problems: SyntaxProblem[] = [];
  private readonly done = new Map<Node, YValue>();
  private readonly active = new Set<Node>();

  constructor(
    private readonly yaml: YamlLibrary,
    private readonly lines: LineCounter,
    private readonly doc: Document.Parsed,
  ) {}

  pos(node: unknown): Pos {
    const range = (node as ParsedNode | undefined)?.range;
    const { line, col } = this.lines.linePos(range ? range[0] : 0);
    return { line, column: col };
  }

  convert(node: unknown): YValue {
    if (node === null || node === undefined) return null;
    if (this.yaml.isAlias(node)) {
      const target = (node as Alias).resolve(this.doc);
      if (target === undefined) return null; // the parser already reported the unknown anchor
      if (this.active.has(target)) {
        this.problem("yaml-recursive-alias", "an alias refers to a node that contains it", node);
        return null;
      }
      return this.convert(target);
    }
    const known = this.done.get(node as Node);
    if (known !== undefined) return known;
    this.active.add(node as Node);
    const value = this.convertNode(node as Node);
    this.active.delete(node as Node);
    this.done.set(node as Node, value);
    return value;
  }

  private convertNode(node: Node): YValue {
    if (this.yaml.isScalar(node)) return this.scalar(node);
    const tag = node.tag;
    if (tag !== undefined && !tag.startsWith(STANDARD_TAG_PREFIX)) {
      return new YTagged(tag, this.yaml.isMap(node) ? "{…}" : "[…]");
    }
    if (this.yaml.isSeq(node)) {
      const list: YList = [];
      const positions: Pos[] = [];
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

  private scalar(node: Scalar): YValue {
    const text = String(node.value ?? "");
    const tag = node.tag;
    if (tag !== undefined) {
      // `!` is the non-specific tag: the scalar is a string, whatever it looks like.
      if (tag === "!" || tag === `${STANDARD_TAG_PREFIX}str`) return text;
      const value = resolveExplicit(tag, text);
      if (value !== undefined) return value as YValue;
      if (tag.startsWith(STANDARD_TAG_PREFIX)) {
        this.problem("yaml-bad-tag", `could not read ${JSON.stringify(text)} as ${tag.slice(18)}`, node);
      }
      return new YTagged(tag, text);
    }
    if (node.type === "PLAIN") return resolvePlain(text) as YValue;
    return text;
  }

  private mapping(node: Node & { items: { key: unknown; value: unknown }[] }): YMap {
    const map: YMap = new Map();
    const where = new Map<string, { key: Pos; value: Pos }>();
    this.maps.set(map, where);
    const merged = new Set<string>();
    const firstSeen = new Map<string, unknown>();
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

  private merge(
    map: YMap,
    where: Map<string, { key: Pos; value: Pos }>,
    merged: Set<string>,
    valueNode: unknown,
  ): void {
    const sources = this.yaml.isSeq(valueNode) ? valueNode.items : [valueNode];
    for (const source of sources) {
      const value = this.convert(source);
      if (!(value instanceof Map)) {
        this.problem(
          "yaml-bad-merge",
          "a merge key (<<) must refer to a mapping or a list of mappings",
          source,
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

  private duplicate(
    key: string,
    original: unknown,
    pair: { key: unknown; value: unknown },
    parent: Node,
  ): void {
    const show = (v: unknown) => (this.yaml.isScalar(v) ? String(v.value ?? "") : v ? String(v) : "");
    const message =
      `found duplicate key "${key}" with value "${show(pair.value)}" (original value: "${show(original)}")` +
      ` in the mapping that starts at line ${this.pos(parent).line}`;
    this.problem("yaml-duplicate-key", message, pair.key);
  }

  problem(code: string, message: string, node: unknown): void {
    const { line, column } = this.pos(node);
    this.problems.push({ code, message, line, column });
  }
}

const MESSAGE_FOR: Partial<Record<string, string>> = {
  MULTIPLE_DOCS: "expected a single document in the stream, but found another document",
  TAB_AS_INDENT: "found character '\\t' that cannot start any token (tabs are not allowed in indentation)",
};

function syntaxProblem(error: YAMLError): SyntaxProblem {
  const pos = error.linePos?.[0];
  const firstLine = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  return {
    code: `yaml-${error.code.toLowerCase().replaceAll("_", "-")}`,
    message: MESSAGE_FOR[error.code] ?? firstLine,
    line: pos?.line ?? null,
    column: pos?.col ?? null,
  };
}

// YAML wants white space before a comment, and `yaml` (strict or not) says so after a quoted
// scalar, a flow collection, a flow indicator or a block scalar header (`[a]#note`, `|#note`). The
// platform's parsers (libyaml under ruamel, and ruyaml) start a comment at any `#` met between
// tokens, so those files are valid there, and are here.
function isUnspacedComment(error: YAMLError): boolean {
  return error.code === "MISSING_CHAR" && error.message.startsWith("Comments must be separated");
}

/** Throws only when the `yaml` library cannot be loaded, which is a broken installation, not bad input. */
export function positionedParse(text: string): PositionedParse {
  const yaml = yamlLibrary();
  const lines = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, {
    lineCounter: lines,
    schema: "failsafe",
    uniqueKeys: false,
    strict: true,
    keepSourceTokens: false,
    merge: false,
  });
  const errors = doc.errors.filter((e) => !isUnspacedComment(e));
  if (errors.length > 0) {
    const overflow = errors.find((e) => e.code === "RESOURCE_EXHAUSTION" && /call stack/.test(e.message));
    if (overflow) {
      const { line, column } = { ...syntaxProblem(overflow) };
      return {
        ok: false,
        problems: [
          { code: "yaml-too-deep", message: "the file nests values too deeply to read", line, column },
        ],
      };
    }
    // After the first few, syntax errors are mostly echoes of the first: keep the report readable.
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
      root: doc.contents ? converter.pos(doc.contents) : null,
    },
  };
}
