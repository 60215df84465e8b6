// How the platform's loader (ruamel, YAML 1.2 rules) reads plain scalars. Both parsers below resolve
// plain scalars through these functions, so they can never disagree about what a value is.
import { PyFloat, YDate } from "./values.ts";

export type ScalarKind = "null" | "bool" | "int" | "float" | "timestamp";

export interface ScalarRule {
  readonly kind: ScalarKind;
  readonly tag: string;
  readonly firstChars: readonly string[];
  readonly pattern: RegExp;
  readonly construct: (text: string) => unknown;
}

const DIGITS = "0123456789".split("");

function constructInt(text: string): number | bigint {
  let s = text.replaceAll("_", "");
  let sign = 1n;
  if (s.startsWith("-")) {
    sign = -1n;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  let n: bigint;
  if (s.startsWith("0b")) n = BigInt(s);
  else if (s.startsWith("0x")) n = BigInt(s);
  else if (s.startsWith("0o")) n = BigInt(s);
  else n = s === "" ? 0n : BigInt(s); // YAML 1.2: leading zeros are decimal (010 is 10)
  n *= sign;
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

function constructFloat(text: string): PyFloat {
  const s = text.replaceAll("_", "").toLowerCase();
  if (s.endsWith(".inf")) return new PyFloat(s.startsWith("-") ? -Infinity : Infinity);
  if (s.endsWith(".nan")) return new PyFloat(Number.NaN);
  return new PyFloat(Number(s));
}

/** In the order the platform's resolver tries them. */
export const SCALAR_RULES: readonly ScalarRule[] = [
  {
    kind: "bool",
    tag: "tag:yaml.org,2002:bool",
    firstChars: ["t", "T", "f", "F"],
    pattern: /^(?:true|True|TRUE|false|False|FALSE)$/,
    construct: (t) => t.toLowerCase() === "true",
  },
  {
    kind: "float",
    tag: "tag:yaml.org,2002:float",
    firstChars: ["-", "+", ".", ...DIGITS],
    pattern:
      /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
    construct: constructFloat,
  },
  {
    kind: "int",
    tag: "tag:yaml.org,2002:int",
    firstChars: ["-", "+", ...DIGITS],
    pattern: /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/,
    construct: constructInt,
  },
  {
    kind: "null",
    tag: "tag:yaml.org,2002:null",
    firstChars: ["~", "n", "N", ""],
    pattern: /^(?:~|null|Null|NULL|)$/,
    construct: () => null,
  },
  {
    kind: "timestamp",
    tag: "tag:yaml.org,2002:timestamp",
    firstChars: DIGITS,
    pattern:
      /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/,
    construct: (t) => new YDate(t),
  },
];

const FIRST_CHARS = new Map(SCALAR_RULES.map((rule) => [rule, new Set(rule.firstChars)]));

/** Whether a plain scalar's text is of the rule's type: its first character picks the rules that may apply (`_` is no int). */
export function fits(rule: (typeof SCALAR_RULES)[number], text: string): boolean {
  return FIRST_CHARS.get(rule)!.has(text.charAt(0)) && rule.pattern.test(text);
}

/** Resolves a plain scalar's text as the platform does. */
export function resolvePlain(text: string): unknown {
  for (const rule of SCALAR_RULES) if (fits(rule, text)) return rule.construct(text);
  return text;
}

/** Resolves a scalar with an explicit standard tag (`!!int "5"`), or undefined when it does not fit. */
export function resolveExplicit(tag: string, text: string): unknown {
  const rule = SCALAR_RULES.find((r) => r.tag === tag);
  if (rule === undefined) return undefined;
  if (rule.kind === "null") return null;
  return rule.pattern.test(text) ? rule.construct(text) : undefined;
}
