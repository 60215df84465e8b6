// The client against a real HTTP server on loopback that answers from a script.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  RapClient,
  RapNetworkError,
  RapResponseError,
  RapTimeoutError,
  REDACTED,
} from "../../src/rap/index.ts";

const TOKEN = "tok-0123456789abcdef-secret";
const CREATE = {
  rap_id: "a1b2c3d4e5f6g7h8",
  backend: "test",
  workspace: "ws",
  repo_url: "https://github.com/opensafely/x",
  branch: "main",
  commit: "07d5f283bb66f52a49933b016cf8dc144cfc7180",
  database_name: "default" as const,
  requested_actions: ["a"],
  codelists_ok: true,
  force_run_dependencies: false,
  created_by: "u",
  project: "p",
  orgs: [],
};

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}
type Answer = { status: number; body: string } | "hang" | "reset";

let server: Server | undefined;
const servers: Server[] = [];

async function serve(answers: Answer[]): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((req: IncomingMessage, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      seen.push({
        method: req.method ?? "",
        url: req.url ?? "",
        authorization: req.headers.authorization,
        body,
      });
      const answer = answers.shift() ?? { status: 500, body: "script ran out" };
      if (answer === "hang") return;
      if (answer === "reset") {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status, { "Content-Type": "application/json" }).end(answer.body);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/controller/v1/`, seen };
}

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    if (s.listening) await new Promise((resolve) => s.close(resolve));
  }
  server = undefined;
});

const noWait = { retryDelayMs: () => 0 };
const statusBody = JSON.stringify({ jobs: [], unrecognised_rap_ids: ["a1b2c3d4e5f6g7h8"] });

describe("RapClient", () => {
  it("sends the raw token and JSON body to the controller's paths", async () => {
    const { url, seen } = await serve([{ status: 200, body: statusBody }]);
    const client = new RapClient({ baseUrl: url, token: TOKEN, ...noWait });
    const result = await client.status(["a1b2c3d4e5f6g7h8"]);
    expect(result).toEqual({ ok: true, status: 200, body: JSON.parse(statusBody) });
    expect(seen).toEqual([
      {
        method: "POST",
        url: "/controller/v1/rap/status/",
        authorization: TOKEN,
        body: '{"rap_ids":["a1b2c3d4e5f6g7h8"]}',
      },
    ]);
  });

  it("returns error bodies of the contract as values, with their status", async () => {
    const error = { error: "Error creating jobs", details: "Action 'x' not found in project.yaml" };
    const { url } = await serve([{ status: 400, body: JSON.stringify(error) }]);
    const client = new RapClient({ baseUrl: url, token: TOKEN, ...noWait });
    expect(await client.create(CREATE)).toEqual({ ok: false, status: 400, body: error });
  });

  it("retries idempotent calls after 503, a reset connection and a timeout", async () => {
    const { url, seen } = await serve([
      { status: 503, body: JSON.stringify({ error: "Unavailable", details: "busy" }) },
      "reset",
      { status: 200, body: statusBody },
    ]);
    const client = new RapClient({ baseUrl: url, token: TOKEN, retries: 3, ...noWait });
    expect((await client.status(["a1b2c3d4e5f6g7h8"])).ok).toBe(true);
    expect(seen).toHaveLength(3);

    const slow = await serve(["hang", { status: 200, body: JSON.stringify({ backends: [] }) }]);
    const timed = new RapClient({ baseUrl: slow.url, token: TOKEN, timeoutMs: 200, retries: 1, ...noWait });
    expect(await timed.backendStatus()).toEqual({ ok: true, status: 200, body: { backends: [] } });
  });

  it("gives up after the retries with a typed error", async () => {
    const { url, seen } = await serve(["hang", "hang"]);
    const client = new RapClient({ baseUrl: url, token: TOKEN, timeoutMs: 100, retries: 1, ...noWait });
    await expect(client.status(["a1b2c3d4e5f6g7h8"])).rejects.toBeInstanceOf(RapTimeoutError);
    expect(seen).toHaveLength(2);
  });

  it("does not repeat a create that may have reached the server", async () => {
    const { url, seen } = await serve([{ status: 502, body: "<html>bad gateway</html>" }]);
    const client = new RapClient({ baseUrl: url, token: TOKEN, retries: 3, ...noWait });
    await expect(client.create(CREATE)).rejects.toBeInstanceOf(RapResponseError);
    expect(seen).toHaveLength(1);

    const hung = await serve(["hang"]);
    const timed = new RapClient({ baseUrl: hung.url, token: TOKEN, timeoutMs: 100, retries: 3, ...noWait });
    await expect(timed.create(CREATE)).rejects.toBeInstanceOf(RapTimeoutError);
    expect(hung.seen).toHaveLength(1);
  });

  it("retries a create whose connection was refused, since it never arrived", async () => {
    const { url } = await serve([]);
    const port = new URL(url).port;
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    const attempts: number[] = [];
    const client = new RapClient({
      baseUrl: `http://127.0.0.1:${port}/controller/v1/`,
      token: TOKEN,
      retries: 2,
      retryDelayMs: (n) => {
        attempts.push(n);
        return 0;
      },
    });
    const error = await client.create(CREATE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RapNetworkError);
    expect(attempts).toEqual([1, 2]);
  });

  it("rejects answers outside the contract", async () => {
    const { url } = await serve([
      { status: 200, body: "not json" },
      { status: 200, body: JSON.stringify({ jobs: "nope" }) },
      { status: 404, body: JSON.stringify({ unexpected: true }) },
    ]);
    const client = new RapClient({ baseUrl: url, token: TOKEN, retries: 0, ...noWait });
    await expect(client.status(["a1b2c3d4e5f6g7h8"])).rejects.toThrow(/not JSON/);
    await expect(client.status(["a1b2c3d4e5f6g7h8"])).rejects.toThrow(/unexpected body/);
    await expect(client.cancel({ rap_id: "a1b2c3d4e5f6g7h8", actions: ["a"] })).rejects.toThrow(
      /answered 404/,
    );
  });

  it("never lets the token into an error, its cause or the client's printed form", async () => {
    const { url } = await serve([]);
    const port = new URL(url).port;
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    const client = new RapClient({
      baseUrl: `http://127.0.0.1:${port}/${TOKEN}/controller/v1/`,
      token: TOKEN,
      retries: 0,
    });
    const error = (await client.status(["a1b2c3d4e5f6g7h8"]).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(RapNetworkError);
    const printed = `${error.message} ${String(error.stack)} ${String((error.cause as Error).message)} ${JSON.stringify(client)}`;
    expect(printed).not.toContain(TOKEN);
    expect(error.message).toContain(REDACTED);
    expect((error.cause as { code?: string }).code).toBe("ECONNREFUSED");
  });
});
