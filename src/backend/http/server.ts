// The backend's HTTP server: the RAP API, its OpenAPI document, and /healthz. Bodies are read as
// text and decoded by the routes, so that every malformed body gets the API's own 400 answer.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { openApiDocument, RAP_BASE_PATH } from "../../rap/index.ts";
import type { Store } from "../store/store.ts";
import { type RapRouteDeps, registerRapRoutes } from "./rap-routes.ts";

/** Bodies above this get 413; the largest real request (status of 10,000 ids) is under 200 kB. */
export const BODY_LIMIT = 1024 * 1024;

export interface ServerOptions {
  readonly logger: FastifyServerOptions["logger"];
  readonly store: Store;
  readonly health: () => Record<string, unknown>;
}

const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>RAP API</title></head>
<body><h1>RAP API</h1>
<p>The OpenAPI document of this backend is at <a href="${RAP_BASE_PATH}spec.json">${RAP_BASE_PATH}spec.json</a>.</p>
<p>Send the token in the <code>Authorization</code> header, without a <code>Bearer</code> prefix.</p>
</body></html>
`;

export function buildServer(options: ServerOptions, deps: RapRouteDeps): FastifyInstance {
  const app = Fastify({
    logger: options.logger,
    bodyLimit: BODY_LIMIT,
    routerOptions: { ignoreTrailingSlash: true },
    forceCloseConnections: true,
    return503OnClosing: true,
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => done(null, body));

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return reply
        .code(413)
        .send({ error: "Request too large", details: `The body is larger than ${BODY_LIMIT} bytes` });
    }
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ error: "Bad request", details: error.message });
    }
    request.log.error({ err: error }, "request failed");
    return reply.code(500).send({ error: "Internal error", details: "Unknown error" });
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: "Not found", details: `No endpoint at ${request.method} ${request.url.slice(0, 200)}` }),
  );

  app.get("/healthz", async (_request, reply) => {
    try {
      return reply.code(200).send({ status: "ok", ...options.health() });
    } catch (error) {
      app.log.error({ err: error }, "health check failed");
      return reply.code(503).send({ status: "unavailable" });
    }
  });

  app.get(`${RAP_BASE_PATH}spec.json`, async (_request, reply) => reply.send(openApiDocument()));
  app.get(`${RAP_BASE_PATH}docs/`, async (_request, reply) => reply.type("text/html").send(DOCS_PAGE));

  registerRapRoutes(app, deps);
  return app;
}
