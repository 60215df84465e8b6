// Parsing codelists/codelists.txt: one `project/codelist/version` or `user/name/codelist/version`
// per line, with the reference's messages for malformed, duplicate and conflicting lines.
import { rstrip, splitLines, strip } from "./python-text.ts";

export const OPENCODELISTS_BASE_URL = "https://www.opencodelists.org";
export const CODELISTS_DIR = "codelists";
export const CODELISTS_FILE = "codelists.txt";
export const MANIFEST_FILE = "codelists.json";

export interface CodelistLine {
  /** The line as written minus surrounding whitespace and trailing slashes, e.g. `opensafely/asthma/2020-04-15`. */
  readonly id: string;
  /** The id without its version. */
  readonly codelist: string;
  readonly version: string;
  /** The codelist's page on OpenCodelists. */
  readonly url: string;
  readonly downloadUrl: string;
  /** The CSV file name inside `codelists/`. */
  readonly filename: string;
}

export type ParsedCodelists =
  | { readonly ok: true; readonly codelists: readonly CodelistLine[] }
  | { readonly ok: false; readonly message: string };

/** One line, or null for blank and comment lines; a string is the error message. */
export function parseCodelistLine(
  raw: string,
  baseUrl = OPENCODELISTS_BASE_URL,
): CodelistLine | null | string {
  const line = rstrip(strip(raw), "/");
  if (line === "" || line.startsWith("#")) return null;
  const tokens = line.split("/");
  if (tokens.length !== 3 && tokens.length !== 4) {
    return `${line} does not match [project]/[codelist]/[version] or user/[username]/[codelist]/[version]`;
  }
  const url = `${baseUrl}/codelist/${line}/`;
  return {
    id: line,
    codelist: tokens.slice(0, -1).join("/"),
    version: tokens[tokens.length - 1]!,
    url,
    downloadUrl: `${url}download.csv`,
    filename: `${tokens.slice(0, -1).join("-")}.csv`,
  };
}

/** The whole file. Stops at the first bad line, as the reference does. */
export function parseCodelistsFile(text: string, baseUrl = OPENCODELISTS_BASE_URL): ParsedCodelists {
  const codelists: CodelistLine[] = [];
  const versions = new Map<string, string>();
  for (const line of splitLines(text)) {
    const parsed = parseCodelistLine(line, baseUrl);
    if (parsed === null) continue;
    if (typeof parsed === "string") return { ok: false, message: parsed };
    const existing = versions.get(parsed.codelist);
    // The reference quotes the line as written (unstripped) in these two messages.
    if (existing === parsed.version)
      return { ok: false, message: `${line} is a duplicate of a previous line` };
    if (existing !== undefined) {
      return {
        ok: false,
        message: `${line} conflicts with a different version of the same codelist: ${existing}`,
      };
    }
    versions.set(parsed.codelist, parsed.version);
    codelists.push(parsed);
  }
  return { ok: true, codelists };
}
