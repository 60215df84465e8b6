// Sends a webhook the way GitHub does: a JSON body, the event and delivery headers, and an HMAC-SHA256
// signature of the exact bytes with the webhook secret.
import { randomUUID } from "node:crypto";
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

export async function sendWebhook(
  url: string,
  event: string,
  payload: unknown,
  options: SendOptions,
): Promise<WebhookResponse> {
  const body = options.rawBody ?? JSON.stringify(payload);
  const signature = options.signature ?? (await sign(options.secret, body));
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": options.contentType ?? "application/json",
      "user-agent": "GitHub-Hookshot/test",
      "x-github-event": event,
      "x-github-delivery": options.delivery ?? randomUUID(),
      "x-github-hook-id": "123456789",
      "x-hub-signature-256": signature,
    },
    body,
  });
  return { status: response.status, body: await response.text() };
}
