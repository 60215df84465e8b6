// `opensafely codelists check`, host-free: the local consistency checks in the reference's order,
// then the advisory upstream check. Reads files under the project folder and changes nothing.
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import {
  CODELISTS_DIR,
  CODELISTS_FILE,
  MANIFEST_FILE,
  OPENCODELISTS_BASE_URL,
  parseCodelistsFile,
} from "./codelists-file.ts";
import { codelistSha } from "./hash.ts";
import { INVALID_MANIFEST_MESSAGE, type Manifest, parseManifest } from "./manifest.ts";
import { type CodelistsMessage, type CodelistsReport, formatDiff, withUpdatePrompt } from "./messages.ts";
import { buildTemporaryManifest } from "./temporary-manifest.ts";
import { checkUpstream } from "./upstream.ts";

export interface CodelistsCheckOptions {
  /** True on GitHub Actions (`GITHUB_WORKFLOW` set): changes two behaviours, as in the reference. */
  readonly inCi?: boolean;
  /** Ask OpenCodelists whether the codelists are current (default true). Never fails on no answer. */
  readonly upstream?: boolean;
  readonly fetch?: typeof fetch;
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
  readonly userAgent?: string;
}

const TXT = `${CODELISTS_DIR}/${CODELISTS_FILE}`;
const JSON_FILE = `${CODELISTS_DIR}/${MANIFEST_FILE}`;
const CI_WORKAROUND =
  "==> WARNING\n    Using temporary workaround for Github Actions tests.\n    You should run: opensafely codelists update\n";

export async function checkCodelists(
  projectDir: string,
  options: CodelistsCheckOptions = {},
): Promise<CodelistsReport> {
  const baseUrl = options.baseUrl ?? OPENCODELISTS_BASE_URL;
  const net = {
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 10_000,
    userAgent: options.userAgent ?? `Trestle${options.inCi ? " (GitHub CI)" : ""}`,
  };
  const messages: CodelistsMessage[] = [];
  const fail = (text: string, file?: string): CodelistsReport => ({
    outcome: "failed",
    messages: [...messages, file === undefined ? { level: "error", text } : { level: "error", text, file }],
  });

  const dir = join(projectDir, CODELISTS_DIR);
  const dirKind = await kindOf(dir);
  if (dirKind === "missing") {
    return {
      outcome: "no-codelists",
      messages: [{ level: "info", text: `No '${CODELISTS_DIR}' directory present so nothing to check` }],
    };
  }
  if (dirKind !== "dir") return fail(`No '${CODELISTS_DIR}' folder found`, CODELISTS_DIR);

  const codelistsText = await readText(join(dir, CODELISTS_FILE));
  if (codelistsText === null) return fail(`No file found at '${TXT}'`, TXT);
  const parsed = parseCodelistsFile(codelistsText, baseUrl);
  if (!parsed.ok) return fail(parsed.message, TXT);

  let manifest: Manifest;
  const manifestText = await readText(join(dir, MANIFEST_FILE));
  if (manifestText === null) {
    if (!options.inCi) return fail(withUpdatePrompt(`No file found at '${JSON_FILE}'.`), JSON_FILE);
    messages.push({ level: "warning", text: CI_WORKAROUND, file: JSON_FILE });
    const temporary = await buildTemporaryManifest(parsed.codelists, net);
    messages.push(...temporary.messages);
    if (!temporary.ok) return { outcome: "failed", messages };
    manifest = temporary.manifest;
  } else {
    const loaded = parseManifest(manifestText);
    if (loaded === null) return fail(withUpdatePrompt(INVALID_MANIFEST_MESSAGE), JSON_FILE);
    manifest = loaded;
  }

  const listed = new Set(parsed.codelists.map((c) => c.id));
  const inManifest = new Set([...manifest.values()].map((e) => e.id));
  if (!sameSet(listed, inManifest)) {
    const diff = formatDiff(listed, inManifest);
    return fail(
      withUpdatePrompt(
        `It looks like '${CODELISTS_FILE}' has been edited but 'update' hasn't been run.\n${diff}\n`,
      ),
      TXT,
    );
  }

  const onDisk = new Set((await readdir(dir)).filter((name) => name.endsWith(".csv")));
  const manifestFiles = new Set(manifest.keys());
  if (!sameSet(onDisk, manifestFiles)) {
    const diff = formatDiff(onDisk, manifestFiles);
    return fail(
      withUpdatePrompt(
        `It looks like CSV files have been added or deleted in the '${CODELISTS_DIR}' folder.\n${diff}\n`,
      ),
      CODELISTS_DIR,
    );
  }

  const modified: string[] = [];
  for (const [filename, entry] of manifest) {
    // Names come from readdir (step 5 made the sets equal), so none holds a path separator.
    const content = await readFile(join(dir, filename)).catch(() => null);
    if (content === null || codelistSha(content) !== entry.sha)
      modified.push(`  ${CODELISTS_DIR}/${filename}`);
  }
  if (modified.length > 0) {
    return fail(
      withUpdatePrompt(
        `A CSV file seems to have been modified since it was downloaded:\n${modified.join("\n")}\n`,
      ),
      `${CODELISTS_DIR}/${modified[0]!.trim().slice(CODELISTS_DIR.length + 1)}`,
    );
  }

  if (options.upstream === false || manifestText === null) {
    messages.push({ level: "info", text: "Local codelists OK" });
    return { outcome: "ok", messages };
  }
  const upstream = await checkUpstream(codelistsText, manifestText, {
    ...net,
    baseUrl,
    inCi: options.inCi ?? false,
  });
  messages.push(upstream.message);
  return { outcome: upstream.failed ? "failed" : "ok", messages };
}

async function kindOf(path: string): Promise<"missing" | "dir" | "other"> {
  try {
    return (await stat(path)).isDirectory() ? "dir" : "other";
  } catch {
    return "missing";
  }
}

/** The file as UTF-8 text, or null when it is missing or is not a readable file. */
async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return null;
  }
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
