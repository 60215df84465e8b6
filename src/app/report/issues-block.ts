// Validation issues as the CLI prints them (`project.yaml:12:5: error: …`), in a code block, through
// the pipeline core's one formatter, so the comment, the check run and `trestle check` say the same.
import { type LoadResult, sortedIssues, textIssue } from "../../pipeline/index.ts";
import { codeBlock, count } from "./markdown.ts";

/** Every issue, one per line, cut short with a count when the text would pass `maxChars`. */
export function renderIssuesBlock(result: LoadResult, file: string, maxChars: number): string {
  const lines = sortedIssues(result).map((issue) => textIssue(issue, file));
  const frame = codeBlock("").length + 100;
  let text = "";
  let shown = 0;
  for (const line of lines) {
    if (frame + text.length + line.length + 1 > maxChars) break;
    text += `${line}\n`;
    shown++;
  }
  const block = codeBlock(text, "text");
  if (shown === lines.length) return block;
  const rest = lines.length - shown;
  return `${block}…and ${count(rest, "more issue")}; run \`trestle check\` to see them all.\n`;
}
