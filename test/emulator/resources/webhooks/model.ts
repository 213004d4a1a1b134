/** The webhook tables (subscriptions and sent events) and the signature deliveries carry. */
import { createHash } from "node:crypto";
import type { Emulator } from "../../server";

export interface WebhookRow {
  id: number;
  event: string;
  target: string;
  target_type: "url" | "email";
  params: null;
  name: string | null;
  is_disabled: boolean;
  add_to_lead_action_menu: boolean;
  /** The key deliveries are signed with (never returned). */
  apiKey: string;
  /** Failed tries in a row (never returned); see settings.disableWebhookAfterFailures. */
  failures: number;
}

export interface WebhookEventRow {
  id: number;
  event: string;
  signature: string;
  has_succeeded: boolean;
  try_count: number;
  last_returned_code: number | null;
  data: unknown;
  /** When it was sent (real time; the list keeps 10 days). */
  sentAt: number;
  /** The subscription it was sent for (null: a seeded example); never returned. */
  webhookId: number | null;
}

export const webhooksOf = (emu: Emulator) => emu.store.table<WebhookRow>("webhooks");
export const webhookEventsOf = (emu: Emulator) =>
  emu.store.table<WebhookEventRow>("webhook_events");

/** The signature a delivery carries: lowercase hex SHA1 of `String(id) + API key`. */
export const signEvent = (id: number | string, apiKey: string) =>
  createHash("sha1")
    .update(`${String(id)}${apiKey}`)
    .digest("hex");

export function publicWebhook({
  apiKey: _key,
  add_to_lead_action_menu: _menu,
  failures: _failures,
  ...row
}: WebhookRow) {
  return row;
}

export function publicEvent({ sentAt: _sentAt, webhookId: _hook, ...row }: WebhookEventRow) {
  return row;
}
