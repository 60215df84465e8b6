// GitHub's Actions cache service (the v1 REST protocol @actions/cache speaks when ACTIONS_CACHE_URL is
// set), played on loopback so that a test can save state in one run and restore it in a fresh one.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface CacheEntry {
  readonly id: number;
  readonly key: string;
  readonly version: string;
  chunks: Buffer;
  committed: boolean;
  readonly created: number;
}

export interface FakeCacheService {
  /** ACTIONS_CACHE_URL (ends with `/`). */
  readonly url: string;
  readonly entries: CacheEntry[];
  /** `METHOD path` of every request, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startFakeCacheService(): Promise<FakeCacheService> {
  const entries: CacheEntry[] = [];
  const requests: string[] = [];
  let clock = 0;
  let base = "";
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push(`${req.method} ${req.url}`);
      try {
        handle(req, Buffer.concat(chunks), res);
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    });
  });

  const json = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

  function handle(req: IncomingMessage, body: Buffer, res: ServerResponse): unknown {
    const url = new URL(req.url ?? "/", base);
    if (req.headers.authorization !== "Bearer test-runtime-token" && !url.pathname.startsWith("/blobs/")) {
      return void res.writeHead(401).end();
    }
    const path = url.pathname;
    if (req.method === "GET" && path === "/_apis/artifactcache/cache") {
      const keys = (url.searchParams.get("keys") ?? "").split(",");
      const version = url.searchParams.get("version");
      const usable = entries
        .filter((e) => e.committed && e.version === version)
        .sort((a, b) => b.created - a.created);
      for (const key of keys) {
        const hit = usable.find((e) => e.key === key) ?? usable.find((e) => e.key.startsWith(key));
        if (hit) {
          return json(res, 200, {
            cacheKey: hit.key,
            scope: "refs/heads/main",
            creationTime: new Date(hit.created).toISOString(),
            archiveLocation: `${base}blobs/${hit.id}`,
          });
        }
      }
      return void res.writeHead(204).end();
    }
    if (req.method === "POST" && path === "/_apis/artifactcache/caches") {
      const { key, version } = JSON.parse(body.toString()) as { key: string; version: string };
      if (entries.some((e) => e.key === key && e.version === version)) {
        return json(res, 409, { message: `Cache already exists. Scope: refs/heads/main, Key: ${key}` });
      }
      const entry: CacheEntry = {
        id: entries.length + 1,
        key,
        version,
        chunks: Buffer.alloc(0),
        committed: false,
        created: ++clock,
      };
      entries.push(entry);
      return json(res, 201, { cacheId: entry.id });
    }
    const match = /^\/_apis\/artifactcache\/caches\/(\d+)$/.exec(path);
    if (match) {
      const entry = entries.find((e) => e.id === Number(match[1]));
      if (!entry) return void res.writeHead(404).end();
      if (req.method === "PATCH") {
        const range = /^bytes (\d+)-(\d+)\/\*$/.exec(req.headers["content-range"] ?? "");
        if (!range) return void res.writeHead(400).end();
        const start = Number(range[1]);
        const grown = Buffer.alloc(Math.max(entry.chunks.length, start + body.length));
        entry.chunks.copy(grown);
        body.copy(grown, start);
        entry.chunks = grown;
        return void res.writeHead(204).end();
      }
      if (req.method === "POST") {
        const { size } = JSON.parse(body.toString()) as { size: number };
        if (size !== entry.chunks.length) return void res.writeHead(400).end("size mismatch");
        entry.committed = true;
        return void res.writeHead(204).end();
      }
    }
    const blob = /^\/blobs\/(\d+)$/.exec(path);
    if (req.method === "GET" && blob) {
      const entry = entries.find((e) => e.id === Number(blob[1]) && e.committed);
      if (!entry) return void res.writeHead(404).end();
      return void res
        .writeHead(200, { "content-type": "application/octet-stream", "content-length": entry.chunks.length })
        .end(entry.chunks);
    }
    return res.writeHead(404).end();
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url: base,
    entries,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
