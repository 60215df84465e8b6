// The fake's authentication, as GitHub does it for Apps: routes under /app need a JWT signed (RS256)
// with the App's private key and naming the App as issuer; the App trades it for an installation
// token; repository routes need a live installation token for the installation that holds the repo.
import { randomBytes, verify } from "node:crypto";
import type { Reply, RequestInfo } from "./fake-github.ts";
import type { FakeGitHubState } from "./fake-github-state.ts";

const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export function handleAuth(state: FakeGitHubState, publicKey: string, req: RequestInfo): Reply | null {
  if (req.path === "/app" || req.path.startsWith("/app/")) {
    const jwt = verifyJwt(req.headers.authorization, publicKey, state.appId);
    if (jwt !== null) return { status: 401, body: { message: jwt } };
    if (req.method === "GET" && req.path === "/app") {
      return { status: 200, body: { id: state.appId, slug: state.appSlug, name: state.appSlug } };
    }
    const match = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(req.path);
    if (req.method === "POST" && match !== null) {
      const installationId = Number(match[1]);
      const known = [...state.repos.values()].some((r) => r.installationId === installationId);
      if (!known) return { status: 404, body: { message: "Not Found" } };
      const token = `ghs_${randomBytes(18).toString("base64url")}`;
      const expiresAt = Date.now() + TOKEN_LIFETIME_MS;
      state.tokens.set(token, { installationId, expiresAt });
      return {
        status: 201,
        body: {
          token,
          expires_at: new Date(expiresAt).toISOString(),
          permissions: { metadata: "read", contents: "read", pull_requests: "write", checks: "write" },
          repository_selection: "all",
        },
      };
    }
    return { status: 404, body: { message: "Not Found" } };
  }
  return null;
}

/** The installation a request's token belongs to, or a reply refusing it. */
export function installationOf(state: FakeGitHubState, req: RequestInfo): number | Reply {
  const header = req.headers.authorization ?? "";
  const match = /^(?:token|bearer) (\S+)$/i.exec(header);
  const issued = match === null ? undefined : state.tokens.get(match[1]!);
  if (issued === undefined || issued.expiresAt < Date.now()) {
    return { status: 401, body: { message: "Bad credentials" } };
  }
  return issued.installationId;
}

/** Null when the JWT is good, else why not. */
function verifyJwt(header: string | undefined, publicKey: string, appId: number): string | null {
  const match = /^bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/i.exec(header ?? "");
  if (match === null) return "A JSON web token could not be decoded";
  const [, head, payload, signature] = match as unknown as [string, string, string, string];
  const valid = verify(
    "RSA-SHA256",
    Buffer.from(`${head}.${payload}`),
    publicKey,
    Buffer.from(signature, "base64url"),
  );
  if (!valid) return "A JSON web token could not be decoded";
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
    iss?: unknown;
    exp?: unknown;
  };
  if (String(claims.iss) !== String(appId)) return "Integration not found";
  if (typeof claims.exp !== "number" || claims.exp * 1000 < Date.now())
    return "'Expiration time' claim ('exp') is too far in the future or expired";
  return null;
}
