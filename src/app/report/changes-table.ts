// The change set as a Markdown table: one row per added, changed or removed action, with what it
// changed and which actions downstream it affects. Cut short, with a count, to fit a budget.

import { thousands } from "../../pipeline/index.ts";
import type { ActionChange, ChangeSet } from "../analysis/changes.ts";
import { count, mdName } from "./markdown.ts";

const AFFECTED_SHOWN = 5;

export function changeCounts(changes: ChangeSet): string {
  const by = (kind: ActionChange["kind"]) => changes.changes.filter((c) => c.kind === kind).length;
  const parts = [
    [by("added"), "added"],
    [by("changed"), "changed"],
    [by("removed"), "removed"],
    [changes.affected.length, "affected downstream"],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${thousands(n)} ${what}`);
  return said.length === 0 ? "no actions changed" : said.join(" · ");
}

export function renderChangesTable(changes: ChangeSet, maxChars: number): string {
  if (changes.changes.length === 0) return "No action was added, removed or changed.\n";
  const head = "| Action | Change | Affects downstream |\n|---|---|---|\n";
  const rows = changes.changes.map(row);
  let out = head;
  for (let i = 0; i < rows.length; i++) {
    const rest = rows.length - i - 1;
    const more = rest > 0 ? moreLine(rest) : "";
    if (out.length + rows[i]!.length + more.length > maxChars) return `${out}${moreLine(rows.length - i)}`;
    out += rows[i];
  }
  return out;
}

function row(change: ActionChange): string {
  const what = change.kind === "changed" ? `changed: ${change.fields.join(", ")}` : change.kind;
  return `| ${mdName(change.name, true)} | ${what} | ${affectedCell(change.affected)} |\n`;
}

function affectedCell(names: readonly string[]): string {
  if (names.length === 0) return "—";
  const shown = names.slice(0, AFFECTED_SHOWN).map((n) => mdName(n, true));
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${thousands(rest)} more` : shown.join(", ");
}

function moreLine(n: number): string {
  return `\n…and ${count(n, "more change")} not shown here.\n`;
}
