// The App's fetch over node:http(s), against real servers on loopback: what Octokit relies on, the
// redirect rules fetch follows, and failures shaped as fetch's.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createKeepAliveFetch } from "../../src/app/github/keep-alive-fetch.ts";

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: Handler, server: Server = createServer()): Promise<string> {
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => handler(req, Buffer.concat(chunks).toString("utf8"), res));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const protocol = "setSecureContext" in server ? "https" : "http";
  return `${protocol}://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const fetch = createKeepAliveFetch({ timeoutMs: 2_000 });

describe("requests and responses", () => {
  it("sends the method, headers and body, and gives back status, headers, body and url", async () => {
    const url = await serve((req, body, res) => {
      res.setHeader("set-cookie", ["a=1", "b=2"]);
      res.writeHead(201, "Made", {
        "content-type": "application/json",
        "x-echo": req.headers["x-trace"] ?? "",
      });
      res.end(JSON.stringify({ method: req.method, body, length: req.headers["content-length"] }));
    });
    const response = await fetch(`${url}/things?x=1`, {
      method: "post",
      headers: { "X-Trace": "t1", "content-type": "application/json" },
      body: '{"name":"é"}',
    });
    expect(response.status).toBe(201);
    expect(response.statusText).toBe("Made");
    expect(response.url).toBe(`${url}/things?x=1`);
    expect(response.redirected).toBe(false);
    expect(response.headers.get("x-echo")).toBe("t1");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(await response.json()).toEqual({ method: "POST", body: '{"name":"é"}', length: "13" });
  });

  it("gives no body for 204 and HEAD, and keeps the connection for the next request", async () => {
    const sockets = new Set<unknown>();
    const url = await serve((req, _body, res) => {
      sockets.add(req.socket);
      res
        .writeHead(req.method === "HEAD" ? 200 : 204, { "content-length": req.method === "HEAD" ? "5" : "0" })
        .end();
    });
    const empty = await fetch(url, { method: "DELETE" });
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    const head = await fetch(url, { method: "HEAD" });
    expect(head.body).toBeNull();
    expect(sockets.size).toBe(1);
  });

  it("refuses bodies it cannot send", async () => {
    await expect(
      fetch("http://127.0.0.1:1/", { method: "POST", body: new URLSearchParams("a=1") }),
    ).rejects.toThrow("string or byte bodies only");
  });
});

describe("redirects", () => {
  it("follows them, to the final url, keeping a POST's body on 307 and dropping it on 303", async () => {
    const url = await serve((req, body, res) => {
      if (req.url === "/old") return void res.writeHead(301, { location: "/new" }).end();
      if (req.url === "/keep") return void res.writeHead(307, { location: "/echo" }).end();
      if (req.url === "/see") return void res.writeHead(303, { location: "/echo" }).end();
      res.end(JSON.stringify({ url: req.url, method: req.method, body }));
    });
    const moved = await fetch(`${url}/old`);
    expect(moved.url).toBe(`${url}/new`);
    expect(moved.redirected).toBe(true);
    expect(await (await fetch(`${url}/keep`, { method: "POST", body: "x" })).json()).toEqual({
      url: "/echo",
      method: "POST",
      body: "x",
    });
    expect(await (await fetch(`${url}/see`, { method: "POST", body: "x" })).json()).toEqual({
      url: "/echo",
      method: "GET",
      body: "",
    });
  });

  it("drops Authorization when a redirect leaves the origin, and keeps it within", async () => {
    const other = await serve((req, _body, res) => res.end(req.headers.authorization ?? "none"));
    const url = await serve((req, _body, res) => {
      if (req.url === "/away") return void res.writeHead(302, { location: `${other}/x` }).end();
      if (req.url === "/here") return void res.writeHead(302, { location: "/x" }).end();
      res.end(req.headers.authorization ?? "none");
    });
    const auth = { headers: { authorization: "token ghs_secret" } };
    expect(await (await fetch(`${url}/away`, auth)).text()).toBe("none");
    expect(await (await fetch(`${url}/here`, auth)).text()).toBe("token ghs_secret");
  });

  it("stops after too many, and hands back the redirect when asked to", async () => {
    const url = await serve((_req, _body, res) => res.writeHead(302, { location: "/loop" }).end());
    await expect(fetch(`${url}/loop`)).rejects.toMatchObject({ name: "TypeError", message: "fetch failed" });
    const manual = await fetch(`${url}/loop`, { redirect: "manual" });
    expect(manual.status).toBe(302);
  });
});

describe("failures", () => {
  it("reports a refused connection as fetch does, with the cause", async () => {
    const closed = await serve(() => {});
    const port = new URL(closed).port;
    servers.pop()!.close();
    const error = await fetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(((error as TypeError).cause as NodeJS.ErrnoException).code).toBe("ECONNREFUSED");
  });

  it("reports a connection cut mid-response", async () => {
    const url = await serve((_req, _body, res) => {
      res.writeHead(200, { "content-length": "100" });
      res.write("partial");
      setImmediate(() => res.socket?.destroy());
    });
    await expect(fetch(url)).rejects.toBeInstanceOf(TypeError);
  });

  it("gives up on a server that never answers", async () => {
    const url = await serve(() => {});
    const quick = createKeepAliveFetch({ timeoutMs: 200 });
    const error = await quick(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(String((error as TypeError).cause)).toContain("no response");
  });

  it("stops on an abort signal, before or during the request", async () => {
    const url = await serve(() => {});
    await expect(fetch(url, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
    const controller = new AbortController();
    const pending = fetch(url, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("https", () => {
  it("talks TLS, trusting the certificate it is given", async () => {
    const dir = mkdtempSync(join(tmpdir(), "trestle-tls-"));
    try {
      execFileSync(
        "openssl",
        [
          "req",
          "-x509",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-days",
          "1",
          "-subj",
          "/CN=127.0.0.1",
          "-addext",
          "subjectAltName=IP:127.0.0.1",
          "-keyout",
          join(dir, "key.pem"),
          "-out",
          join(dir, "cert.pem"),
        ],
        { stdio: "ignore" },
      );
      const cert = readFileSync(join(dir, "cert.pem"), "utf8");
      const server = createHttpsServer({ key: readFileSync(join(dir, "key.pem")), cert });
      const url = await serve((_req, _body, res) => res.end("secure"), server);
      await expect(fetch(url)).rejects.toBeInstanceOf(TypeError);
      const trusting = createKeepAliveFetch({ ca: cert });
      expect(await (await trusting(url)).text()).toBe("secure");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a kept-alive connection the server has dropped", () => {
  it("is sent again once on a new connection, and a second reset is an error", async () => {
    const requestsPerConnection = new Map<unknown, number>();
    const resets: string[] = [];
    let resetEvery = false;
    const url = await serve((req, body, res) => {
      const seen = (requestsPerConnection.get(req.socket) ?? 0) + 1;
      requestsPerConnection.set(req.socket, seen);
      // As a server whose idle timeout fired just as the client reused the connection.
      if (resetEvery || seen === 2) {
        resets.push(body);
        req.socket.resetAndDestroy();
        return;
      }
      res.end(`ok ${body}`);
    });
    const ownFetch = createKeepAliveFetch({ timeoutMs: 2_000, maxSockets: 1 });
    expect(await (await ownFetch(url, { method: "POST", body: "first" })).text()).toBe("ok first");
    expect(await (await ownFetch(url, { method: "POST", body: "second" })).text()).toBe("ok second");
    expect(resets).toEqual(["second"]);
    expect(requestsPerConnection.size).toBe(2);

    resetEvery = true;
    await expect(ownFetch(url, { method: "POST", body: "third" })).rejects.toMatchObject({
      name: "TypeError",
      cause: { code: "ECONNRESET" },
    });
    // Sent on the reused connection and once more on a new one: never more.
    expect(resets).toEqual(["second", "third", "third"]);
  });
});
