// The job request page, server-rendered: the fields of the platform's job request page (organisation,
// workspace, id, requested by, backend, branch, force run dependencies, git commit, requested
// actions, jobs, the pipeline at the commit, the timeline). It needs no JavaScript; while the request
// is active a meta refresh reloads it, so it follows the jobs as they run.
import { thousands } from "../../pipeline/index.ts";
import { formatRuntime } from "../../rap/index.ts";
import { isActive, type JobRecord, type JobRequest, timelineOf } from "../job-requests/job-request.ts";
import { escapeHtml, isWebUrl, link, utc } from "./html.ts";
import { jobStatusLabel, REQUEST_STATUS_LABELS } from "./status-labels.ts";

/** Longer project files are cut short on the page, with a link to the whole file. */
export const PIPELINE_SHOWN_CHARS = 200_000;
/** job-server's "attention needed" threshold: no update from the backend for 30 minutes. */
const MISSING_UPDATES_MS = 30 * 60 * 1000;

export interface PageOptions {
  /** Seconds between reloads while the request is active. */
  readonly refreshSeconds: number;
  readonly now: number;
}

export function renderJobRequestPage(
  request: JobRequest,
  jobs: readonly JobRecord[],
  options: PageOptions,
): string {
  const active = isActive(request);
  const status = REQUEST_STATUS_LABELS[request.status];
  const title = `Job request ${request.id} · ${status}`;
  const refresh = active ? `<meta http-equiv="refresh" content="${options.refreshSeconds}">\n` : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${refresh}<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Job request <code>${escapeHtml(request.id)}</code></h1>
${statusBanner(request, jobs, options.now)}
${details(request)}
${jobsSection(request, jobs)}
${timeline(request, jobs)}
${pipeline(request)}
<footer><p>${active ? `This page reloads every ${options.refreshSeconds} seconds while the job request is active. ` : ""}Times are in UTC; job times are as the backend reports them.</p></footer>
</main>
</body>
</html>
`;
}

function statusBanner(request: JobRequest, jobs: readonly JobRecord[], now: number): string {
  const label = REQUEST_STATUS_LABELS[request.status];
  let text = `<p class="status status-${escapeHtml(request.status)}" id="status"><strong>${escapeHtml(label)}</strong>`;
  if (request.statusMessage) text += `: ${escapeHtml(request.statusMessage)}`;
  if (request.submission === "waiting" && request.lastSubmitError) {
    text += ` (${escapeHtml(request.lastSubmitError)}; ${request.submitAttempts} attempt${request.submitAttempts === 1 ? "" : "s"} so far, next at ${utc(request.nextSubmitAt)})`;
  }
  text += "</p>";
  const newest = jobs.map((j) => Date.parse(j.updatedAt ?? "")).filter((t) => !Number.isNaN(t));
  if (isActive(request) && newest.length > 0 && now - Math.max(...newest) > MISSING_UPDATES_MS) {
    text +=
      '\n<p class="attention" role="alert"><strong>Attention needed:</strong> the backend has not sent an update for more than 30 minutes.</p>';
  }
  return text;
}

function details(r: JobRequest): string {
  const site = isWebUrl(r.repoHtmlUrl) ? new URL(r.repoHtmlUrl).origin : "https://github.com";
  const commit = `${r.repoHtmlUrl}/tree/${r.commit}`;
  const actions = r.requestedActions.map((a) => `<li><code>${escapeHtml(a)}</code></li>`).join("");
  const pull =
    r.pullNumber === null ? "-" : link(`${r.repoHtmlUrl}/pull/${r.pullNumber}`, `#${r.pullNumber}`);
  const rows: [string, string, string][] = [
    ["organisation", "Organisation", escapeHtml(r.organisation)],
    ["workspace", "Workspace", escapeHtml(r.workspace)],
    ["id", "ID", `<code>${escapeHtml(r.id)}</code>`],
    ["requested-by", "Requested by", link(`${site}/${encodeURIComponent(r.requestedBy)}`, r.requestedBy)],
    ["backend", "Backend", escapeHtml(r.backend)],
    ["branch", "Branch", escapeHtml(r.branch)],
    ["force", "Force run dependencies", r.forceRunDependencies ? "Yes" : "No"],
    [
      "commit",
      "Git commit",
      `${link(commit, r.commit.slice(0, 7))} <span class="muted">(${escapeHtml(r.commit)})</span>`,
    ],
    ["actions", "Requested actions", `<ul>${actions}</ul>`],
    ["repository", "Repository", link(r.repoHtmlUrl, `${r.repo.owner}/${r.repo.repo}`)],
    ["pull-request", "Pull request", pull],
    ["project", "Project", escapeHtml(r.project)],
  ];
  if (r.cancelledActions.length > 0) {
    rows.push([
      "cancelled",
      "Cancelled actions",
      r.cancelledActions.map((a) => `<code>${escapeHtml(a)}</code>`).join(", "),
    ]);
  }
  const items = rows
    .map(([id, name, value]) => `<dt>${name}</dt><dd id="field-${id}">${value}</dd>`)
    .join("\n");
  return `<section aria-labelledby="details-title">\n<h2 id="details-title">Details</h2>\n<dl>\n${items}\n</dl>\n</section>`;
}

function jobsSection(request: JobRequest, jobs: readonly JobRecord[]): string {
  const head = '<section aria-labelledby="jobs-title">\n<h2 id="jobs-title">Jobs</h2>\n';
  if (jobs.length === 0) {
    const why =
      request.submission === "accepted" || request.submission === "waiting"
        ? "No updates received from backend yet."
        : "This job request has no jobs.";
    return `${head}<p id="no-jobs">${why}</p>\n</section>`;
  }
  const count = (s: string) => jobs.filter((j) => j.status.toLowerCase() === s).length;
  const complete = count("succeeded") + count("failed");
  const stats = ["pending", "running", "succeeded", "failed"]
    .map((s) => `${jobStatusLabel(s)}: ${count(s)}`)
    .join(" · ");
  const rows = jobs
    .map((j) => {
      const runtime =
        j.startedAt !== null && j.completedAt !== null
          ? formatRuntime((Date.parse(j.completedAt) - Date.parse(j.startedAt)) / 1000)
          : "-";
      return `<tr class="job job-${escapeHtml(j.status.toLowerCase())}"><td><code>${escapeHtml(j.action)}</code></td><td>${escapeHtml(jobStatusLabel(j.status))}</td><td><code>${escapeHtml(j.statusCode)}</code></td><td>${escapeHtml(j.statusMessage)}</td><td><code>${escapeHtml(j.identifier)}</code></td><td>${utc(j.startedAt)}</td><td>${runtime}</td></tr>`;
    })
    .join("\n");
  return `${head}<p id="job-stats">${complete} / ${jobs.length} complete · ${stats}</p>
<table id="jobs">
<thead><tr><th scope="col">Action</th><th scope="col">Status</th><th scope="col">Status code</th><th scope="col">Status message</th><th scope="col">Identifier</th><th scope="col">Started</th><th scope="col">Runtime</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

function timeline(request: JobRequest, jobs: readonly JobRecord[]): string {
  const t = timelineOf(request, jobs);
  const rows = [
    ["created", "Created", utc(t.createdAt)],
    ["started", "Started", utc(t.startedAt)],
    ["finished", "Finished", utc(t.finishedAt)],
    ["runtime", "Runtime", formatRuntime(t.runtimeSeconds)],
  ]
    .map(([id, name, value]) => `<dt>${name}</dt><dd id="timeline-${id}">${value}</dd>`)
    .join("\n");
  return `<section aria-labelledby="timeline-title">\n<h2 id="timeline-title">Timeline</h2>\n<dl>\n${rows}\n</dl>\n</section>`;
}

function pipeline(request: JobRequest): string {
  const file = `${request.repoHtmlUrl}/blob/${request.commit}/project.yaml`;
  const text = request.projectDefinition;
  const shown = text.length > PIPELINE_SHOWN_CHARS ? text.slice(0, PIPELINE_SHOWN_CHARS) : text;
  const cut =
    shown.length < text.length
      ? `<p>The file is ${thousands(text.length)} characters long; the first ${thousands(PIPELINE_SHOWN_CHARS)} are shown.</p>\n`
      : "";
  return `<section aria-labelledby="pipeline-title">
<h2 id="pipeline-title">Pipeline</h2>
<p>${link(file, "View project.yaml at this commit")}</p>
${cut}<pre id="pipeline"><code>${escapeHtml(shown)}</code></pre>
</section>`;
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
main{max-width:72rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
section{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:0 1rem 1rem;margin-bottom:1rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1.5rem;margin:0}dt{font-weight:600}dd{margin:0}
dd ul{margin:0;padding-left:1.2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
pre{overflow:auto;background:#f6f8fa;padding:.75rem;border-radius:6px;max-height:40rem}
.status{font-size:1.1rem;padding:.6rem 1rem;border-radius:6px;background:#ddf4ff}
.status-succeeded{background:#dafbe1}.status-failed{background:#ffebe9}.status-nothing_to_do{background:#eaeef2}
.attention{padding:.6rem 1rem;border-radius:6px;background:#fff8c5}
.job-failed td:nth-child(2){color:#cf222e;font-weight:600}.job-succeeded td:nth-child(2){color:#1a7f37}
.muted{color:#59636e;font-size:.85rem}footer{color:#59636e;font-size:.85rem}
`;
