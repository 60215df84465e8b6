// Reading and writing CSV files, gzip-compressed when the name ends `.csv.gz` (as sqlrunner and
// ehrQL decide it), with Python csv module line endings.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { formatCsv, parseCsv } from "../../csv.ts";
import { suffixes } from "./args.ts";

export function isGzipCsv(path: string): boolean {
  const s = suffixes(path);
  return s.length === 2 && s[0] === ".csv" && s[1] === ".gz";
}

export async function readCsvFile(path: string): Promise<string[][]> {
  const bytes = await readFile(path);
  return parseCsv((isGzipCsv(path) ? gunzipSync(bytes) : bytes).toString("utf8"));
}

/** Writes records; an empty list writes an empty file (the output always exists). */
export async function writeCsvFile(path: string, records: readonly (readonly string[])[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const bytes = Buffer.from(formatCsv(records), "utf8");
  await writeFile(path, isGzipCsv(path) ? gzipSync(bytes, { level: 6 }) : bytes);
}

/** Rows as csv.DictReader then DictWriter give them: padded or cut to the header's width. */
export function rectangular(records: readonly (readonly string[])[]): string[][] {
  const [header, ...rows] = records;
  if (!header || rows.length === 0) return [];
  return [header.slice(), ...rows.map((row) => header.map((_, i) => row[i] ?? ""))];
}
