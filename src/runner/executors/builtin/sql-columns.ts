// The column names of a query's last statement, for sqlrunner's header-only dummy output. sqlrunner
// uses sqlglot; this reads the common T-SQL shapes (aliases with AS, `alias = expr`, implicit
// aliases, qualified and bracketed names, DISTINCT/TOP, CTEs) and, like sqlrunner, refuses `*`.
import { ToolError } from "./args.ts";

const STOP_WORDS = new Set([
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
  "window",
]);
const NOT_ALIASES = new Set([
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
  "between",
]);

interface Token {
  readonly text: string;
  readonly depth: number;
  readonly start: number;
}

function stripComments(sql: string): string {
  let out = "";
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
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

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  const re =
    /\s+|'(?:[^']|'')*'|"(?:[^"]|"")*"|\[(?:[^\]]|\]\])*\]|[A-Za-z_@#][\w@#$]*|\d+(?:\.\d+)?|<>|!=|>=|<=|[(),;.*=+\-/%<>]|\S/gy;
  let match: RegExpExecArray | null = re.exec(sql);
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

function unquote(name: string): string {
  if (name.startsWith("[") && name.endsWith("]")) return name.slice(1, -1).replace(/\]\]/g, "]");
  if ((name.startsWith('"') || name.startsWith("'")) && name.endsWith(name[0]!)) return name.slice(1, -1);
  return name;
}

const isName = (t: string) => /^[A-Za-z_@#]/.test(t) || t.startsWith("[") || t.startsWith('"');

function columnName(item: Token[], position: number): string {
  const words = item.map((t) => t.text);
  if (words.length === 0) throw new ToolError("the query has an empty select item");
  // `alias = expression`
  if (words.length > 2 && isName(words[0]!) && words[1] === "=") return unquote(words[0]!);
  const last = words[words.length - 1]!;
  const before = words[words.length - 2];
  if (before !== undefined && before.toLowerCase() === "as") return unquote(last);
  if (last === "*")
    throw new ToolError("Headers can only be generated for queries with explicit column names");
  // `schema.table.column` or `column`
  if (words.every((w, i) => (i % 2 === 0 ? isName(w) : w === "."))) return unquote(last);
  // An implicit alias: `expression alias`.
  if (
    before !== undefined &&
    (isName(last) || last.startsWith("'")) &&
    !NOT_ALIASES.has(last.toLowerCase())
  ) {
    if (before === ")" || isName(before) || /^\d/.test(before) || before.startsWith("'"))
      return unquote(last);
  }
  return `_col_${position}`;
}

export function queryColumns(sql: string): string[] {
  const tokens = tokenize(stripComments(sql));
  const statements: Token[][] = [[]];
  for (const t of tokens) {
    if (t.text === ";" && t.depth === 0) statements.push([]);
    else statements[statements.length - 1]!.push(t);
  }
  const last = statements.filter((s) => s.length > 0).pop();
  if (!last) throw new ToolError("the query has no statements");
  const base = last[0]!.depth;
  const select = last.findIndex((t) => t.depth === base && t.text.toLowerCase() === "select");
  if (select < 0) throw new ToolError("Headers can only be generated for queries with explicit column names");
  let i = select + 1;
  const modifier = () => last[i]?.text.toLowerCase();
  if (modifier() === "distinct" || modifier() === "all") i++;
  if (modifier() === "top") {
    i++;
    if (last[i]?.text === "(") {
      while (i < last.length && !(last[i]!.text === ")" && last[i]!.depth === base)) i++;
    }
    i++;
    if (modifier() === "percent") i++;
    if (modifier() === "with" && last[i + 1]?.text.toLowerCase() === "ties") i += 2;
  }
  const items: Token[][] = [[]];
  for (; i < last.length; i++) {
    const t = last[i]!;
    if (t.depth === base && STOP_WORDS.has(t.text.toLowerCase())) break;
    if (t.depth === base && t.text === ",") items.push([]);
    else items[items.length - 1]!.push(t);
  }
  return items.map((item, index) => columnName(item, index));
}
