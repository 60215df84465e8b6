// The pull request's job requests as a section of the App's sticky comment, between two hidden
// markers so it can be replaced on its own when a status changes, without reading project.yaml again.

import { REQUEST_STATUS_EMOJI, REQUEST_STATUS_LABELS } from "../pages/status-labels.ts";
import { codeSpan, mdName, mdText, shorten, visible } from "../report/markdown.ts";
import type { JobRequest } from "./job-request.ts";

export const SECTION_START = "<!-- trestle:job-requests -->";
export const SECTION_END = "<!-- /trestle:job-requests -->";
/** Rows shown; older requests are counted, and all of them are on their pages. */
const ROWS_SHOWN = 20;
/** The section's most characters, so that the comment stays within GitHub's limit. */
export const SECTION_BUDGET = 8_000;
const ACTIONS_SHOWN = 5;

/** The section (with its markers unless `markers` is false); empty when there are no job requests. */
export function renderJobRequestsSection(
  requests: readonly JobRequest[],
  pageUrl: (id: string) => string | null,
  markers = true,
): string {
  if (requests.length === 0) return "";
  const all = requests.slice(0, ROWS_SHOWN).map((r) => {
    const url = pageUrl(r.id);
    const id = url === null ? codeSpan(r.id, true) : `[${codeSpan(r.id, true)}](${url})`;
    const shown = r.requestedActions.slice(0, ACTIONS_SHOWN).map((a) => mdName(a, true));
    const more = r.requestedActions.length - shown.length;
    const actions = more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
    const status = `${REQUEST_STATUS_EMOJI[r.status]} ${REQUEST_STATUS_LABELS[r.status]}${r.submission === "waiting" ? " (waiting for the backend)" : ""}`;
    const message = r.statusMessage ? `: ${mdText(shorten(visible(r.statusMessage), 200))}` : "";
    return `| ${id} | ${actions} | ${codeSpan(r.backend, true)} | ${codeSpan(r.commit.slice(0, 7), true)} | @${r.requestedBy} | ${status}${message.replaceAll("|", "\\|")} |`;
  });
  const rows: string[] = [];
  let size = 400;
  for (const row of all) {
    size += row.length + 1;
    if (size > SECTION_BUDGET) break;
    rows.push(row);
  }
  const older = requests.length - rows.length;
  const table = [
    "| Job request | Actions | Backend | Commit | Requested by | Status |",
    "|---|---|---|---|---|---|",
    ...rows,
    ...(older > 0 ? ["", `…and ${older} older job request${older === 1 ? "" : "s"}.`] : []),
  ].join("\n");
  return markers ? `${SECTION_START}\n#### Job requests\n\n${table}\n${SECTION_END}\n` : `${table}\n`;
}

/**
 * The body with its section replaced by `section` (removed when it is empty). A body without one gets
 * it before its closing `<sub>` line, or at its end.
 */
export function spliceJobRequestsSection(body: string, section: string): string {
  const start = body.indexOf(SECTION_START);
  const end = start === -1 ? -1 : body.indexOf(SECTION_END, start);
  if (start !== -1 && end !== -1) {
    let after = end + SECTION_END.length;
    if (body[after] === "\n") after += 1;
    const head = body.slice(0, start);
    const tail = body.slice(after);
    if (section !== "") return `${head}${section}${tail}`;
    // Removing the section also removes the blank line that was added after it.
    return head.endsWith("\n\n") && tail.startsWith("\n") ? `${head}${tail.slice(1)}` : `${head}${tail}`;
  }
  if (section === "") return body;
  const footer = body.lastIndexOf("\n<sub>");
  if (footer === -1) return `${body.endsWith("\n") ? body : `${body}\n`}\n${section}`;
  return `${body.slice(0, footer + 1)}${section}\n${body.slice(footer + 1)}`;
}
