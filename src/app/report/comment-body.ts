// The sticky pull-request comment: validity, what the change does, the job graph and how to run it.
// The body depends only on the files compared (never on the commit id), so a push that leaves
// project.yaml alone produces the same body and the comment is not edited. It always fits GitHub's
// 65,536-character limit: the graph falls back to a list, and lists are cut short, to fit.
import { type NodeClass, renderMermaid } from "../../pipeline/index.ts";
import type { ProjectReport } from "../analysis/analyse.ts";
import type { ChangeSet } from "../analysis/changes.ts";
import { changeCounts, renderChangesTable } from "./changes-table.ts";
import { renderIssuesBlock } from "./issues-block.ts";
import { codeBlock, codeSpan, count, shellWord, visible } from "./markdown.ts";

export const COMMENT_MARKER = "<!-- trestle:pull-request -->";
/** GitHub refuses comments over 65,536 characters; the margin covers counting differences. */
export const COMMENT_BUDGET = 60_000;
/** Beyond this many actions to run, the hint suggests `run_all`. */
const HINT_MAX_ACTIONS = 10;

export interface CommentOptions {
  readonly showGraph: boolean;
  /** Whether the check run (with its annotations) is published, so the comment can point to it. */
  readonly annotated: boolean;
  readonly budget?: number;
}

export function renderComment(report: ProjectReport, options: CommentOptions): string {
  const budget = options.budget ?? COMMENT_BUDGET;
  const file = codeSpan(report.path);
  const footer = "\n<sub>Trestle keeps this comment up to date as the pull request changes.</sub>\n";
  let body: string;
  switch (report.kind) {
    case "missing":
      body =
        `### ℹ️ No ${file} in this pull request\n\n` +
        `There is no ${file} at the head of this branch, so there is no job graph to check. ` +
        "Once one is added, this comment shows whether it is valid and what it changes.\n";
      break;
    case "unreadable":
      body =
        `### ❌ ${file} could not be read\n\n` +
        (report.problem.kind === "too-large"
          ? `It is ${count(report.problem.bytes, "byte")}, more than Trestle reads.\n`
          : `${file} is not a file (it is a directory or a submodule).\n`);
      break;
    case "invalid": {
      const head =
        `### ❌ ${file} is not valid\n\n` +
        `${count(report.result.errors.length, "error")}` +
        (report.result.warnings.length > 0 ? ` and ${count(report.result.warnings.length, "warning")}` : "") +
        (options.annotated ? ", each also marked on its line in the checks:\n\n" : ":\n\n");
      const tail = "\nRun `trestle check` locally to check it before you push.\n";
      const room = budget - COMMENT_MARKER.length - head.length - tail.length - footer.length - 2;
      body = head + renderIssuesBlock(report.result, report.path, room) + tail;
      break;
    }
    case "valid":
      body = validBody(report, options, budget - COMMENT_MARKER.length - footer.length - 2);
      break;
  }
  return `${COMMENT_MARKER}\n${body}${footer}`;
}

function validBody(
  report: Extract<ProjectReport, { kind: "valid" }>,
  options: CommentOptions,
  budget: number,
) {
  const file = codeSpan(report.path);
  const { changes } = report;
  let head = `### ✅ ${file} is valid\n\n${count(report.pipeline.actions.size, "action")}`;
  if (changes !== null) head += ` · ${changeCounts(changes)}`;
  head += "\n";
  if (changes?.version) {
    head += `\nThe project's version changed from ${changes.version.from} to ${changes.version.to}.\n`;
  }
  if (report.base.kind === "missing") head += `\nThe base branch has no ${file}, so every action is new.\n`;
  if (report.base.kind === "invalid")
    head += `\nThe base branch's ${file} is not valid, so changes cannot be shown.\n`;
  if (report.base.kind === "unreadable")
    head += `\nThe base branch's ${file} cannot be read, so changes cannot be shown.\n`;

  const hint = runHint(report, changes);
  let rest = budget - head.length - hint.length;

  let warnings = "";
  if (report.result.warnings.length > 0) {
    const summary = `<details>\n<summary>${count(report.result.warnings.length, "warning")}</summary>\n\n`;
    const room = Math.min(10_000, rest / 4) - summary.length - 20;
    warnings = `\n${summary}${renderIssuesBlock(report.result, report.path, room)}\n</details>\n`;
    rest -= warnings.length;
  }

  let table = "";
  if (changes !== null) {
    const title = "\n#### What this pull request changes\n\n";
    table = title + renderChangesTable(changes, Math.min(20_000, rest / 2) - title.length);
    rest -= table.length;
  }

  const graph = options.showGraph ? graphSection(report, changes, rest) : "";
  return head + warnings + table + graph + hint;
}

/**
 * The job graph as Mermaid with what changed highlighted. A graph too big for GitHub to draw is
 * narrowed to the actions the change touches (a diagram when those are few enough, a list when not),
 * so the part a reviewer needs is what they see first.
 */
function graphSection(
  report: Extract<ProjectReport, { kind: "valid" }>,
  changes: ChangeSet | null,
  room: number,
) {
  const title = "\n#### Job graph\n\n";
  const classes = nodeClasses(changes);
  const legend = legendFor(classes);
  const space = room - title.length - legend.length;
  const whole = renderMermaid(report.pipeline, report.graph, { classes, maxChars: space });
  const touched = [...classes.keys()].filter((name) => report.graph.needs.has(name));
  if (isDiagram(whole) || touched.length === 0) return `${title}${whole}${isDiagram(whole) ? legend : ""}`;

  const edges = [...report.graph.needs.values()].reduce((sum, needs) => sum + needs.length, 0);
  const note =
    `The whole graph (${count(report.graph.nodes.length, "action")}, ${count(edges, "dependency", "dependencies")}) ` +
    `is more than GitHub draws here, so this shows the ${count(touched.length, "action")} the change touches.\n\n`;
  const part = renderMermaid(report.pipeline, report.graph, {
    classes,
    only: touched,
    maxChars: space - note.length,
  });
  return `${title}${note}${part}${isDiagram(part) ? legend : ""}`;
}

function isDiagram(markdown: string): boolean {
  return markdown.startsWith("```mermaid");
}

function nodeClasses(changes: ChangeSet | null): Map<string, NodeClass> {
  const classes = new Map<string, NodeClass>();
  if (changes === null) return classes;
  for (const change of changes.changes) classes.set(change.name, change.kind);
  for (const name of changes.affected) classes.set(name, "affected");
  return classes;
}

const LEGEND: readonly [NodeClass, string][] = [
  ["added", "🟩 added"],
  ["changed", "🟨 changed"],
  ["affected", "🟦 affected (dashed)"],
  ["removed", "🟥 removed (dashed, unconnected)"],
];

function legendFor(classes: ReadonlyMap<string, NodeClass>): string {
  if (classes.size === 0) return "";
  const present = new Set(classes.values());
  return `\n<sub>${LEGEND.filter(([c]) => present.has(c))
    .map(([, text]) => text)
    .join(" · ")}</sub>\n`;
}

function runHint(report: Extract<ProjectReport, { kind: "valid" }>, changes: ChangeSet | null): string {
  const touched = new Set<string>();
  for (const c of changes?.changes ?? []) if (c.kind !== "removed") touched.add(c.name);
  for (const name of changes?.affected ?? []) touched.add(name);
  const names = report.graph.order.filter((n) => touched.has(n));
  // A name that only shows its invisible characters once escaped cannot be copied as a command.
  const all = names.length === 0 || names.length > HINT_MAX_ACTIONS || names.some((n) => visible(n) !== n);
  const what = all
    ? "To run every action on dummy data on your machine:"
    : `To run the ${count(names.length, "action")} this changes or affects on dummy data on your machine:`;
  const args = all ? ["run_all"] : names.map(shellWord);
  return (
    `\n#### Running these actions\n\n${what}\n\n${codeBlock(`trestle run ${args.join(" ")}`, "sh")}\n` +
    "`opensafely run` takes the same arguments.\n"
  );
}
