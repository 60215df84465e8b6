// The App behind a plain Node HTTP server: Probot's own middleware (signature check, event dispatch,
// the 200/202/4xx answers) on the webhook path, a health route, and a cap on request bodies so a
// hostile sender cannot make the process hold an unbounded body in memory.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApplicationFunction, createNodeMiddleware, type Probot } from "probot";
import { AppError } from "./errors/app-error.ts";

/** GitHub caps webhook payloads at 25 MB; anything larger is not from GitHub. */
export const MAX_BODY_BYTES = 25 * 1024 * 1024;
export const DEFAULT_WEBHOOK_PATH = "/api/github/webhooks";
export const HEALTH_PATH = "/healthz";

export interface AppServerOptions {
  readonly probot: Probot;
  readonly app: ApplicationFunction;
  readonly port: number;
  readonly host: string;
  readonly webhookPath?: string;
  readonly maxBodyBytes?: number;
  /** Other pages the App serves (job request pages): answers and returns true, or returns false. */
  readonly routes?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

export interface AppServer {
  /** `http://host:port`, with the port actually bound (useful when asked for port 0). */
  readonly url: string;
  readonly webhookUrl: string;
  close(): Promise<void>;
}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const webhookPath = options.webhookPath ?? DEFAULT_WEBHOOK_PATH;
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const middleware = await createNodeMiddleware(options.app, {
    probot: options.probot,
    webhooksPath: webhookPath,
  });

  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      options.probot.log.error({ err: error }, "request failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "internal error" }));
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    if (path === HEALTH_PATH && (req.method === "GET" || req.method === "HEAD")) {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(req.method === "HEAD" ? undefined : '{"status":"ok"}');
      return;
    }
    if (options.routes?.(req, res) === true) return;
    if (path === webhookPath && req.method === "POST") {
      const body = await readBody(req, maxBody);
      if (body === null) {
        res.writeHead(413, { "content-type": "application/json", connection: "close" });
        res.end(JSON.stringify({ error: `Request body is larger than ${maxBody} bytes` }));
        return;
      }
      // Probot's payload reader takes a string body as the exact text that was signed.
      req.body = body;
    }
    await middleware(req, res, () => {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "Not found" }));
    });
  }

  await listen(server, options.port, options.host);
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  return {
    url,
    webhookUrl: `${url}${webhookPath}`,
    close: () => close(server),
  };
}

/** The body as UTF-8 text, or null once it passes `max` bytes (the rest is not read). */
function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > max) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > max) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!over) resolve(new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks)));
    });
    req.on("error", reject);
  });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const reason = error.code === "EADDRINUSE" ? `port ${port} is already in use` : error.message;
      reject(new AppError(`Cannot listen on ${host}:${port}: ${reason}`, { cause: error }));
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

/** Stops accepting; deliveries in progress get `graceMs` to finish before their sockets are cut. */
function close(server: Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
