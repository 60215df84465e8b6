// Sends a webhook the way GitHub does: a JSON body, the event and delivery headers, and an HMAC-SHA256
// signature of the exact bytes with the webhook secret. Plain node:http with a keep-alive agent, as a
// sender on another machine would hold its connections open; it is also lighter than fetch, which
// matters when the benchmark sends hundreds a second from one process.
import { randomUUID } from "node:crypto";
import { Agent, request } from "node:http";
import { sign } from "@octokit/webhooks-methods";

export interface WebhookResponse {
  readonly status: number;
  readonly body: string;
}

export interface SendOptions {
  readonly secret: string;
  readonly delivery?: string;
  /** Use this signature header value instead of a correct one. */
  readonly signature?: string;
  /** Send these bytes instead of the payload's JSON (the signature is still computed over them). */
  readonly rawBody?: string;
  readonly contentType?: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export async function sendWebhook(
  url: string,
  event: string,
  payload: unknown,
  options: SendOptions,
): Promise<WebhookResponse> {
  const body = Buffer.from(options.rawBody ?? JSON.stringify(payload), "utf8");
  const signature = options.signature ?? (await sign(options.secret, body.toString("utf8")));
  const headers = {
    "content-type": options.contentType ?? "application/json",
    "content-length": String(body.length),
    "user-agent": "GitHub-Hookshot/test",
    "x-github-event": event,
    "x-github-delivery": options.delivery ?? randomUUID(),
    "x-github-hook-id": "123456789",
    "x-hub-signature-256": signature,
  };
  return post(url, headers, body, true);
}

function post(
  url: string,
  headers: Record<string, string>,
  body: Buffer,
  mayRetry: boolean,
): Promise<WebhookResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      // An idle kept-alive connection may be closed by the server just as it is reused; the request
      // never reached the server, so it is sent again on a new connection (as Node's docs advise).
      if (mayRetry && req.reusedSocket && error.code === "ECONNRESET") {
        post(url, headers, body, false).then(resolve, reject);
      } else reject(error);
    });
    req.end(body);
  });
}
