// Python's `json.dumps(value)` with its defaults (", " and ": " separators, ASCII-only output,
// key order kept), which the platform uses to pass `config` to a job.
import { PyFloat, YDate, YTagged, type YValue } from "../load/values.ts";
import { pyFloatRepr } from "./numbers.ts";

/** Values json.dumps cannot serialise, found while dumping (dates, unknown tags). */
export interface DumpResult {
  readonly json: string;
  readonly unserialisable: readonly string[];
}

function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (code >= 0x20 && code <= 0x7e) out += ch;
    else if (code > 0xffff) {
      const v = code - 0x10000;
      out += `\\u${(0xd800 | (v >> 10)).toString(16).padStart(4, "0")}\\u${(0xdc00 | (v & 0x3ff)).toString(16).padStart(4, "0")}`;
    } else out += `\\u${code.toString(16).padStart(4, "0")}`;
  }
  return `${out}"`;
}

function floatText(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  return pyFloatRepr(x);
}

export function pyJsonDumps(value: YValue): DumpResult {
  const unserialisable: string[] = [];
  const dump = (v: YValue): string => {
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
    const items: string[] = [];
    for (const [k, child] of v) items.push(`${quote(k)}: ${dump(child)}`);
    return `{${items.join(", ")}}`;
  };
  return { json: dump(value), unserialisable };
}
