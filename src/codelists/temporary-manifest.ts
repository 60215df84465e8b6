// On CI, a project with codelists.txt but no manifest is checked against a manifest built by
// downloading every codelist, as the reference does so that older repositories keep passing.
import type { CodelistLine } from "./codelists-file.ts";
import { codelistSha } from "./hash.ts";
import type { Manifest, ManifestEntry } from "./manifest.ts";
import type { CodelistsMessage } from "./messages.ts";

export interface DownloadOptions {
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly userAgent: string;
}

export type TemporaryManifest =
  | { readonly ok: true; readonly manifest: Manifest; readonly messages: readonly CodelistsMessage[] }
  | { readonly ok: false; readonly messages: readonly CodelistsMessage[] };

export async function buildTemporaryManifest(
  codelists: readonly CodelistLine[],
  options: DownloadOptions,
): Promise<TemporaryManifest> {
  const messages: CodelistsMessage[] = [];
  const manifest = new Map<string, ManifestEntry>();
  for (const codelist of codelists) {
    messages.push({ level: "info", text: `Fetching ${codelist.id}` });
    const fetched = await download(codelist, options);
    if (typeof fetched === "string") {
      messages.push({ level: "error", text: fetched, file: "codelists/codelists.txt" });
      return { ok: false, messages };
    }
    manifest.set(codelist.filename, { id: codelist.id, sha: codelistSha(fetched) });
  }
  return { ok: true, manifest, messages };
}

/** The codelist's bytes, or the reference's error message. */
async function download(codelist: CodelistLine, options: DownloadOptions): Promise<Uint8Array | string> {
  const failure = (reason: string) =>
    `Error downloading codelist: ${reason}\n\nCheck that you can access the codelist at:\n${codelist.url}`;
  try {
    const response = await options.fetch(codelist.downloadUrl, {
      headers: { "user-agent": options.userAgent },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (!response.ok)
      return failure(`${response.status} ${response.statusText} for url: ${codelist.downloadUrl}`);
    const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
    if (contentType !== "text/csv") {
      const text = await response.text();
      if (text.toLowerCase().includes("this version is a draft")) {
        return `Codelist at:\n${codelist.url}\nis a draft codelist and cannot be added.`;
      }
      return failure("No codelist found at URL");
    }
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    return failure(describe(error));
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}
