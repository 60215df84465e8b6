// How the App reaches backends and where it keeps its state, from the environment:
//
//   TRESTLE_BACKENDS          "slug=https://host/controller/v1/,slug2=…" (the RAP API roots)
//   TRESTLE_BACKEND_TOKEN_<SLUG>  each backend's client token (slug upper-cased, `-` as `_`)
//   TRESTLE_DEFAULT_BACKEND   the backend `run` uses without --backend (default: the first listed)
//   TRESTLE_APP_DATA          the SQLite file for job requests and deliveries (default, when
//                             backends are configured: ./trestle-app.db; with neither, the App
//                             keeps only its delivery memory, in the process)
//   TRESTLE_PUBLIC_URL        where users reach the App, for links to job request pages
//   TRESTLE_REPO_URL          the repository URL backends fetch, with {owner} and {repo}
//                             (default https://github.com/{owner}/{repo}, or GHE_HOST's)
//   TRESTLE_POLL_SECONDS      how often active job requests are polled (default 30)
//
// Problems name the variable, never a token's text.

export interface BackendConfig {
  readonly slug: string;
  /** The RAP API root, ending in `/`. */
  readonly apiUrl: string;
  readonly token: string;
}

export interface JobsConfig {
  readonly backends: readonly BackendConfig[];
  readonly defaultBackend: string | null;
  /** Null: no file was named and no backend is configured, so nothing needs keeping. */
  readonly databasePath: string | null;
  /** No trailing slash. */
  readonly publicUrl: string | null;
  readonly repoUrlTemplate: string;
  readonly pollIntervalMs: number;
}

export type JobsConfigResult =
  | { readonly ok: true; readonly config: JobsConfig }
  | { readonly ok: false; readonly problems: readonly string[] };

const SLUG = /^[A-Za-z0-9_-]{1,100}$/;

export function tokenVariable(slug: string): string {
  return `TRESTLE_BACKEND_TOKEN_${slug.toUpperCase().replaceAll("-", "_")}`;
}

export function jobsConfigFromEnv(env: NodeJS.ProcessEnv): JobsConfigResult {
  const problems: string[] = [];
  const backends: BackendConfig[] = [];
  const listed = (env.TRESTLE_BACKENDS ?? "").trim();
  if (listed !== "") {
    for (const [index, entry] of listed.split(",").entries()) {
      const part = entry.trim();
      if (part === "") continue;
      const where = `TRESTLE_BACKENDS entry ${index + 1}`;
      const eq = part.indexOf("=");
      const slug = eq === -1 ? part : part.slice(0, eq).trim();
      const url = eq === -1 ? "" : part.slice(eq + 1).trim();
      if (!SLUG.test(slug)) {
        problems.push(`${where} must be slug=URL with a slug of letters, digits, - and _.`);
        continue;
      }
      const urlProblem = checkUrl(url);
      if (urlProblem !== null) {
        problems.push(`${where} (${slug}): ${urlProblem}`);
        continue;
      }
      if (backends.some((b) => b.slug === slug)) {
        problems.push(`${where} repeats the backend ${slug}.`);
        continue;
      }
      const token = env[tokenVariable(slug)];
      if (token === undefined || token.trim() === "") {
        problems.push(`${tokenVariable(slug)} must hold the token for the backend ${slug}.`);
        continue;
      }
      backends.push({ slug, apiUrl: url.endsWith("/") ? url : `${url}/`, token: token.trim() });
    }
  }
  const wantedDefault = env.TRESTLE_DEFAULT_BACKEND?.trim() || null;
  if (wantedDefault !== null && !backends.some((b) => b.slug === wantedDefault)) {
    problems.push(`TRESTLE_DEFAULT_BACKEND names ${wantedDefault}, which TRESTLE_BACKENDS does not list.`);
  }
  let publicUrl: string | null = null;
  if (env.TRESTLE_PUBLIC_URL?.trim()) {
    const problem = checkUrl(env.TRESTLE_PUBLIC_URL.trim());
    if (problem === null) publicUrl = env.TRESTLE_PUBLIC_URL.trim().replace(/\/+$/, "");
    else problems.push(`TRESTLE_PUBLIC_URL: ${problem}`);
  }
  const host = env.GHE_HOST?.trim();
  const repoUrlTemplate =
    env.TRESTLE_REPO_URL?.trim() || `https://${host ? host : "github.com"}/{owner}/{repo}`;
  if (!repoUrlTemplate.includes("{owner}") || !repoUrlTemplate.includes("{repo}")) {
    problems.push("TRESTLE_REPO_URL must contain {owner} and {repo}.");
  }
  let pollIntervalMs = 30_000;
  if (env.TRESTLE_POLL_SECONDS !== undefined && env.TRESTLE_POLL_SECONDS !== "") {
    const seconds = Number(env.TRESTLE_POLL_SECONDS);
    if (!Number.isFinite(seconds) || seconds < 0.05 || seconds > 3600) {
      problems.push("TRESTLE_POLL_SECONDS must be a number of seconds from 0.05 to 3600.");
    } else pollIntervalMs = Math.round(seconds * 1000);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      backends,
      defaultBackend: wantedDefault ?? backends[0]?.slug ?? null,
      databasePath: env.TRESTLE_APP_DATA?.trim() || (backends.length > 0 ? "trestle-app.db" : null),
      publicUrl,
      repoUrlTemplate,
      pollIntervalMs,
    },
  };
}

function checkUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "is not a URL.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an http:// or https:// URL.";
  if (url.username !== "" || url.password !== "")
    return "must not hold credentials; tokens have their own variables.";
  return null;
}

/** The repository URL a backend fetches, from the template. */
export function repoUrlFor(template: string, owner: string, repo: string): string {
  return template.replaceAll("{owner}", owner).replaceAll("{repo}", repo);
}
