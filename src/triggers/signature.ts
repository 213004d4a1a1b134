/**
 * Verifying a webhook delivery. Pro Pipe Lines POSTs `{"webhook_event": {"id", "event",
 * "signature", "data"}}` and signs it with the lowercase hex SHA1 of the webhook event's id
 * followed by the API key the webhook was created with. The document's wording ("the id of the
 * object and the private api key") also reads as the data object's id, so either is accepted;
 * both need the key. The event may also arrive bare (without the `webhook_event` wrapper).
 *
 * The signature covers only an id: the event name and data are not signed. That is the API's
 * scheme; what it proves is that the sender knows the API key.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { InputError } from "../errors";

export interface WebhookEvent {
  id: unknown;
  event: unknown;
  signature: unknown;
  data: unknown;
}

/** Why a delivery was refused: thrown so that no step of the flow runs. */
export class DeliveryRefused extends InputError {
  constructor(problem: string) {
    super("Webhook delivery", problem);
  }
}

/** lowercase hex SHA1 of `id` followed by the API key. */
export function sign(id: string | number, apiKey: string): string {
  return createHash("sha1")
    .update(`${String(id)}${apiKey}`, "utf8")
    .digest("hex");
}

function bodyText(raw: unknown): string | undefined {
  if (Buffer.isBuffer(raw)) return raw.toString("utf8");
  if (raw instanceof Uint8Array) return Buffer.from(raw).toString("utf8");
  if (typeof raw === "string") return raw;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The delivered event from the request body (raw bytes, text or an already parsed object). */
export function parseDelivery(rawBody: unknown, parsedBody?: unknown): WebhookEvent {
  let body: unknown;
  const text = bodyText(rawBody);
  if (text !== undefined) {
    try {
      body = JSON.parse(text);
    } catch {
      throw new DeliveryRefused(
        "the request body is not JSON, so it is not a Pro Pipe Lines event.",
      );
    }
  } else {
    body = isRecord(rawBody) ? rawBody : parsedBody;
  }
  const event = isRecord(body) && isRecord(body.webhook_event) ? body.webhook_event : body;
  if (!isRecord(event) || event.id === undefined || event.id === null || !("event" in event)) {
    throw new DeliveryRefused(
      "the request does not carry a Pro Pipe Lines webhook event (an id, an event name and a signature).",
    );
  }
  return { id: event.id, event: event.event, signature: event.signature, data: event.data };
}

function sameHex(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(given, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

const SHA1_HEX = /^[0-9a-f]{40}$/;

/** Throws `DeliveryRefused` unless the event's signature matches the API key. */
export function verifySignature(event: WebhookEvent, apiKey: string): void {
  if (typeof event.signature !== "string" || event.signature === "") {
    throw new DeliveryRefused("the event has no signature: refused.");
  }
  const given = event.signature.trim().toLowerCase();
  if (!SHA1_HEX.test(given)) {
    throw new DeliveryRefused("the event's signature is not a SHA1 signature: refused.");
  }
  const ids = [event.id];
  if (isRecord(event.data) && event.data.id !== undefined && event.data.id !== null) {
    ids.push(event.data.id);
  }
  // Compare with every reading (no early exit), so timing does not tell which one matched.
  let valid = false;
  for (const id of ids) {
    if (typeof id !== "string" && typeof id !== "number") continue;
    if (sameHex(sign(id, apiKey), given)) valid = true;
  }
  if (!valid) {
    throw new DeliveryRefused(
      "the signature does not match the connection's API key: refused. If the webhook was created with another API key, use a connection with that key.",
    );
  }
}
