// A fake of GitHub's REST API on loopback, holding state (fake-github-state.ts) and enforcing what
// the real one enforces where the App could trip on it: app JWTs and installation tokens, the comment
// and check-run size limits, 50 annotations per request, unknown commits. Every request is recorded,
// so tests can assert what was read and what was written.
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleAuth } from "./fake-github-auth.ts";
import { handleRepoRoute } from "./fake-github-routes.ts";
import { FakeGitHubState } from "./fake-github-state.ts";

export interface RecordedRequest {
  readonly method: string;
  /** The route, without the `/api/v3` prefix GitHub Enterprise clients add. */
  readonly path: string;
  /** `/api/v3` when the client addressed the fake as a GitHub Enterprise server, else "". */
  readonly prefix: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  status: number;
  readonly at: number;
}

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Sent as is (text), rather than as JSON. */
  readonly raw?: string;
}

export interface RequestInfo {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage["headers"];
  readonly body: unknown;
  /** `http://127.0.0.1:port` plus any `/api/v3` prefix the client used, for Link headers. */
  readonly baseUrl: string;
}

interface Failure {
  readonly method: string;
  readonly path: RegExp;
  readonly status: number;
  remaining: number;
}

export class FakeGitHub {
  readonly state: FakeGitHubState;
  readonly requests: RecordedRequest[] = [];
  /** Emits `write` (a RecordedRequest) after each non-GET request has been answered. */
  readonly events = new EventEmitter();
  /** More routes (people, reactions, forks), asked first; each answers or returns null. */
  readonly extensions: ((req: RequestInfo) => Reply | null)[] = [];
  readonly #server: Server;
  readonly #failures: Failure[] = [];
  #url = "";

  private constructor(
    readonly publicKey: string,
    appId: number,
    appSlug: string,
  ) {
    this.state = new FakeGitHubState(appId, appSlug);
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  static async start(options: { publicKey: string; appId: number; appSlug?: string }): Promise<FakeGitHub> {
    const fake = new FakeGitHub(options.publicKey, options.appId, options.appSlug ?? "trestle-test");
    await new Promise<void>((resolve) => fake.#server.listen(0, "127.0.0.1", resolve));
    fake.#url = `http://127.0.0.1:${(fake.#server.address() as AddressInfo).port}`;
    return fake;
  }

  get url(): string {
    return this.#url;
  }

  /** Requests that change state (token requests excluded). */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== "GET" && !r.path.endsWith("/access_tokens"));
  }

  /** The next `times` requests matching method and path get `status` instead of an answer. */
  failNext(method: string, path: RegExp, status: number, times = 1): void {
    this.#failures.push({ method, path, status, remaining: times });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", this.#url);
    const prefix = url.pathname.startsWith("/api/v3/") ? "/api/v3" : "";
    const path = url.pathname.slice(prefix.length);
    let body: unknown = null;
    if (text !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        return this.#send(res, this.#record(req.method ?? "GET", prefix, path, url.searchParams, text), {
          status: 400,
          body: { message: "Problems parsing JSON" },
        });
      }
    }
    const record = this.#record(req.method ?? "GET", prefix, path, url.searchParams, body);
    const info: RequestInfo = {
      method: record.method,
      path,
      query: url.searchParams,
      headers: req.headers,
      body,
      baseUrl: `${this.#url}${prefix}`,
    };
    const failure = this.#failures.find(
      (f) => f.method === info.method && f.path.test(path) && f.remaining > 0,
    );
    if (failure !== undefined) {
      failure.remaining--;
      return this.#send(res, record, { status: failure.status, body: { message: "Injected failure" } });
    }
    const extra = this.extensions.reduce<Reply | null>((found, extension) => found ?? extension(info), null);
    const reply = extra ?? handleAuth(this.state, this.publicKey, info) ?? handleRepoRoute(this.state, info);
    this.#send(res, record, reply);
  }

  #record(
    method: string,
    prefix: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
  ): RecordedRequest {
    const record: RecordedRequest = { method, prefix, path, query, body, status: 0, at: performance.now() };
    this.requests.push(record);
    return record;
  }

  #send(res: ServerResponse, record: RecordedRequest, reply: Reply): void {
    record.status = reply.status;
    const headers = { ...reply.headers };
    if (reply.raw !== undefined) {
      res.writeHead(reply.status, { "content-type": "text/plain; charset=utf-8", ...headers });
      res.end(reply.raw);
    } else {
      res.writeHead(reply.status, { "content-type": "application/json; charset=utf-8", ...headers });
      res.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
    }
    if (record.method !== "GET") this.events.emit("write", record);
  }
}
