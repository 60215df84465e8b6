// GitHub's artifact service as @actions/artifact speaks to it (Twirp JSON at ACTIONS_RESULTS_URL, then
// an Azure block-blob upload to the signed URL it hands out), played on loopback.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface UploadedArtifact {
  readonly name: string;
  /** The zip, assembled from the committed block list. */
  zip: Buffer | null;
  finalized: boolean;
  size: string | null;
}

export interface FakeArtifactService {
  /** ACTIONS_RESULTS_URL. */
  readonly url: string;
  /** An ACTIONS_RUNTIME_TOKEN the client can decode (a JWT with an Actions.Results scope). */
  readonly token: string;
  readonly artifacts: UploadedArtifact[];
  close(): Promise<void>;
}

const SERVICE = "/twirp/github.actions.results.api.v1.ArtifactService/";

export async function startFakeArtifactService(): Promise<FakeArtifactService> {
  const artifacts: UploadedArtifact[] = [];
  const blocks = new Map<string, Buffer>();
  const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const token = `${b64url({ alg: "none", typ: "JWT" })}.${b64url({ scp: "Actions.Results:run-backend-1:job-backend-1" })}.x`;
  let base = "";
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? "/", base);
      const json = (value: unknown) =>
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(value));
      if (req.method === "POST" && url.pathname.startsWith(SERVICE)) {
        if (req.headers.authorization !== `Bearer ${token}`) return void res.writeHead(401).end();
        const request = JSON.parse(body.toString()) as { name: string; size?: string };
        if (url.pathname.endsWith("/CreateArtifact")) {
          artifacts.push({ name: request.name, zip: null, finalized: false, size: null });
          return json({
            ok: true,
            signedUploadUrl: `${base}blobs/${encodeURIComponent(request.name)}.zip?sig=test`,
          });
        }
        if (url.pathname.endsWith("/FinalizeArtifact")) {
          const artifact = artifacts.find((a) => a.name === request.name);
          if (!artifact?.zip) return json({ ok: false, artifactId: "0" });
          artifact.finalized = true;
          artifact.size = request.size ?? null;
          return json({ ok: true, artifactId: "7" });
        }
      }
      if (req.method === "PUT" && url.pathname.startsWith("/blobs/")) {
        const headers = { etag: '"0x1"', "last-modified": new Date().toUTCString(), "x-ms-request-id": "1" };
        if (url.searchParams.get("comp") === "block") {
          blocks.set(url.searchParams.get("blockid") ?? "", body);
          return void res.writeHead(201, headers).end();
        }
        if (url.searchParams.get("comp") === "blocklist") {
          const ids = [...body.toString().matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)</g)].map(
            (m) => m[1]!,
          );
          const name = decodeURIComponent(url.pathname.slice("/blobs/".length)).replace(/\.zip$/, "");
          const artifact = artifacts.find((a) => a.name === name);
          if (artifact) artifact.zip = Buffer.concat(ids.map((id) => blocks.get(id) ?? Buffer.alloc(0)));
          return void res.writeHead(201, headers).end();
        }
        // A single-shot upload of a small blob.
        const name = decodeURIComponent(url.pathname.slice("/blobs/".length)).replace(/\.zip$/, "");
        const artifact = artifacts.find((a) => a.name === name);
        if (artifact) artifact.zip = body;
        return void res.writeHead(201, headers).end();
      }
      return void res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url: base,
    token,
    artifacts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
