// Serves /job-requests/<id>. The id is the only input; it must look like a job-request id before the
// store is asked. Pages are not cached and carry a policy that allows no script, frame or form, so
// text from a repository cannot become active content.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { JobRequestStore } from "../job-requests/store.ts";
import { escapeHtml } from "./html.ts";
import { renderJobRequestPage } from "./job-request-page.ts";

export const PAGE_PREFIX = "/job-requests/";
const PAGE_PATH = /^\/job-requests\/([^/]*)\/?$/;
const ID = /^[a-z0-9]{16}$/;

const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-robots-tag": "noindex",
} as const;

export interface PageRouteOptions {
  readonly store: JobRequestStore;
  readonly refreshSeconds?: number;
  readonly now?: () => number;
}

/** The URL of a job request's page, given the App's public root. */
export function jobRequestUrl(publicUrl: string, id: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${PAGE_PREFIX}${id}`;
}

/** Answers the request when it is for a page and returns true; returns false for any other path. */
export function servePage(options: PageRouteOptions, req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? "/").split("?")[0]!;
  if (!path.startsWith(PAGE_PREFIX)) return false;
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { ...HEADERS, allow: "GET, HEAD" });
    res.end(req.method === "HEAD" ? undefined : errorPage("Method not allowed", "Pages can only be read."));
    return true;
  }
  const id = PAGE_PATH.exec(path)?.[1];
  const request = id !== undefined && ID.test(id) ? options.store.get(id) : undefined;
  if (request === undefined) {
    res.writeHead(404, HEADERS);
    res.end(
      req.method === "HEAD"
        ? undefined
        : errorPage("No such job request", "There is no job request with this ID on this App."),
    );
    return true;
  }
  const html = renderJobRequestPage(request, options.store.jobs(request.id), {
    refreshSeconds: options.refreshSeconds ?? 10,
    now: (options.now ?? Date.now)(),
  });
  res.writeHead(200, HEADERS);
  res.end(req.method === "HEAD" ? undefined : html);
  return true;
}

function errorPage(title: string, text: string): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main></body></html>\n`;
}
