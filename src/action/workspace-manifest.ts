// metadata/manifest.json as the runner writes it (spec/backend.md §4.6): read for the outputs of
// actions that were up to date and so did not run this time. A missing or damaged file means "none".
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as z from "zod/mini";
import { PRIVACY_LEVELS, type PrivacyLevel } from "../pipeline/index.ts";
import type { OutputFile } from "../runner/index.ts";

const entry = z.looseObject({
  level: z.enum(PRIVACY_LEVELS),
  action: z.string(),
  size: z.catch(z.number().check(z.nonnegative()), 0),
  content_hash: z.catch(z.string(), ""),
});
const manifest = z.looseObject({ outputs: z.record(z.string(), z.unknown()) });

/** Outputs recorded for each action. */
export async function recordedOutputs(projectDir: string): Promise<Map<string, OutputFile[]>> {
  const byAction = new Map<string, OutputFile[]>();
  let data: unknown;
  try {
    data = JSON.parse(await readFile(join(projectDir, "metadata/manifest.json"), "utf8"));
  } catch {
    return byAction;
  }
  const parsed = manifest.safeParse(data);
  if (!parsed.success) return byAction;
  for (const [path, raw] of Object.entries(parsed.data.outputs)) {
    const e = entry.safeParse(raw);
    if (!e.success) continue;
    const list = byAction.get(e.data.action) ?? [];
    list.push({
      path,
      privacy: e.data.level as PrivacyLevel,
      size: e.data.size,
      sha256: e.data.content_hash,
    });
    byAction.set(e.data.action, list);
  }
  return byAction;
}
