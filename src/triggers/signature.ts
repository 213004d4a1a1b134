/**
 * Verifying a webhook delivery. Pro Pipe Lines POSTs `{"webhook_event": {"id", "event",
 * "signature", "data"}}` and signs it with the lowercase hex SHA1 of the webhook event's id
 * followed by the API key the webhook was created with (the vendor's own connector checks
 * exactly that; a signature over the data object's id is refused). The event may also arrive
 * bare (without the `webhook_event` wrapper).
 *
 * The signature covers only the event id: the event name and data are not signed. That is the
 * API's scheme; what it proves is that the sender knows the API key. The trigger therefore
 * remembers what each id carried (./delivered.ts) and refuses the same id with other content.
 *
 * The body is read from whatever form Prismatic hands over: the raw bytes (`rawBody.data`, a
 * Buffer), a parsed object, or JSON text in `body.data`.
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

const NOT_JSON = "the request body is not JSON, so it is not a Pro Pipe Lines event.";

/** A body form as JSON: text and bytes parsed, an object as it is; NOT_JSON when unreadable. */
function readBody(form: unknown): unknown {
  const text = bodyText(form);
  if (text === undefined) return isRecord(form) ? form : undefined;
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

function eventIn(body: unknown): Record<string, unknown> | undefined {
  const event = isRecord(body) && isRecord(body.webhook_event) ? body.webhook_event : body;
  const complete =
    isRecord(event) && event.id !== undefined && event.id !== null && "event" in event;
  return complete ? event : undefined;
}

/**
 * The delivered event from the request body: the raw body when it carries one, else the parsed
 * body (an object, or JSON text when Prismatic hands over no raw bytes).
 */
export function parseDelivery(rawBody: unknown, parsedBody?: unknown): WebhookEvent {
  const forms = [readBody(rawBody), readBody(parsedBody)];
  const event = forms.map(eventIn).find((e) => e !== undefined);
  if (!event) {
    throw new DeliveryRefused(
      forms.includes(NOT_JSON)
        ? NOT_JSON
        : "the request does not carry a Pro Pipe Lines webhook event (an id, an event name and a signature).",
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
  const { id } = event;
  const valid =
    (typeof id === "string" || typeof id === "number") && sameHex(sign(id, apiKey), given);
  if (!valid) {
    throw new DeliveryRefused(
      "the signature does not match the connection's API key: refused. If the webhook was created with another API key, use a connection with that key.",
    );
  }
}
