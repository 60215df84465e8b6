// The `fetch` Octokit calls GitHub with, on node:http and node:https with keep-alive agents. Node's
// built-in fetch costs the App about a third more CPU per request (measured in bench/app.bench.ts),
// and a delivery is mostly requests. It implements what Octokit uses: a method, string or byte
// bodies, headers, redirects (dropping Authorization when one leaves the origin, as fetch does), an
// abort signal, and errors shaped as fetch's (`TypeError` with a `cause`) so Octokit reports them
// the same way.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

export interface KeepAliveFetchOptions {
  /** Certificates to trust besides the system's (a private CA, a test server). */
  readonly ca?: string;
  /** A response (or the next part of one) must arrive within this long. Default 60 s. */
  readonly timeoutMs?: number;
  readonly maxRedirects?: number;
  readonly maxSockets?: number;
}

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NO_BODY = new Set([101, 204, 205, 304]);

export function createKeepAliveFetch(options: KeepAliveFetchOptions = {}): Fetch {
  const maxSockets = options.maxSockets ?? 64;
  const http = new HttpAgent({ keepAlive: true, maxSockets });
  const https = new HttpsAgent({ keepAlive: true, maxSockets, ...(options.ca ? { ca: options.ca } : {}) });
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxRedirects = options.maxRedirects ?? 5;

  return async function keepAliveFetch(input, init = {}) {
    if (input instanceof Request) throw new TypeError("keepAliveFetch takes a URL, not a Request");
    let url = new URL(input);
    let method = (init.method ?? "GET").toUpperCase();
    let body = toBuffer(init.body);
    const headers = Object.fromEntries(new Headers(init.headers));
    for (let hop = 0; ; hop++) {
      const res = await send(url, method, headers, body, init.signal ?? null);
      const location = res.headers.location;
      if (!REDIRECTS.has(res.statusCode ?? 0) || location === undefined || init.redirect === "manual") {
        return toResponse(res, url, method, hop > 0, init.signal ?? null);
      }
      res.resume();
      if (init.redirect === "error" || hop >= maxRedirects) {
        throw new TypeError("fetch failed", {
          cause: new Error(`too many redirects (or redirects refused) at ${url}`),
        });
      }
      const next = new URL(location, url);
      if (next.origin !== url.origin) delete headers.authorization;
      if (
        res.statusCode === 303 ||
        ((res.statusCode === 301 || res.statusCode === 302) && method === "POST")
      ) {
        method = "GET";
        body = undefined;
        delete headers["content-type"];
        delete headers["content-length"];
      }
      url = next;
    }
  };

  function send(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: Buffer | undefined,
    signal: AbortSignal | null,
    mayRetry = true,
  ): Promise<IncomingMessage> {
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      return Promise.reject(
        new TypeError("fetch failed", { cause: new Error(`unsupported protocol ${url.protocol}`) }),
      );
    }
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise((resolve, reject) => {
      const request = url.protocol === "https:" ? httpsRequest : httpRequest;
      const req = request(url, {
        method,
        headers: body === undefined ? headers : { ...headers, "content-length": String(body.length) },
        agent: url.protocol === "https:" ? https : http,
        timeout: timeoutMs,
      });
      const onAbort = () => req.destroy(abortError(signal!));
      signal?.addEventListener("abort", onAbort, { once: true });
      req.on("timeout", () => req.destroy(new Error(`no response from ${url.host} within ${timeoutMs} ms`)));
      req.on("response", (res) => {
        signal?.removeEventListener("abort", onAbort);
        resolve(res);
      });
      req.on("error", (error: NodeJS.ErrnoException) => {
        signal?.removeEventListener("abort", onAbort);
        // A kept-alive connection the server closed while it sat idle fails as soon as it is reused,
        // before the request reached the server: send it once more on a new connection.
        if (mayRetry && req.reusedSocket && error.code === "ECONNRESET") {
          send(url, method, headers, body, signal, false).then(resolve, reject);
          return;
        }
        reject(error.name === "AbortError" ? error : new TypeError("fetch failed", { cause: error }));
      });
      req.end(body);
    });
  }

  function toResponse(
    res: IncomingMessage,
    url: URL,
    method: string,
    redirected: boolean,
    signal: AbortSignal | null,
  ): Promise<Response> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      const onAbort = () => res.destroy(abortError(signal!));
      signal?.addEventListener("abort", onAbort, { once: true });
      res.setTimeout(timeoutMs, () => res.destroy(new Error(`the response from ${url.host} stalled`)));
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", (error) =>
        reject(error.name === "AbortError" ? error : new TypeError("fetch failed", { cause: error })),
      );
      res.on("aborted", () =>
        reject(new TypeError("fetch failed", { cause: new Error("the connection closed mid-response") })),
      );
      res.on("end", () => {
        signal?.removeEventListener("abort", onAbort);
        const status = res.statusCode ?? 500;
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (Array.isArray(value)) for (const v of value) headers.append(name, v);
          else if (value !== undefined) headers.set(name, value);
        }
        const body = NO_BODY.has(status) || method === "HEAD" ? null : Buffer.concat(chunks);
        const response = new Response(body, { status, statusText: res.statusMessage ?? "", headers });
        // A constructed Response has no url; Octokit reads it (and fetch sets it to the final URL).
        Object.defineProperties(response, { url: { value: url.href }, redirected: { value: redirected } });
        resolve(response);
      });
    });
  }
}

function toBuffer(body: RequestInit["body"]): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return Buffer.from(body, "utf8");
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  throw new TypeError("keepAliveFetch sends string or byte bodies only");
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === "AbortError") return reason;
  return new DOMException("This operation was aborted", "AbortError");
}

/** The one the App uses: its agents are shared by every installation's client. */
export const keepAliveFetch: Fetch = createKeepAliveFetch();
