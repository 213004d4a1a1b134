/**
 * Webhooks, webhook events, and real deliveries.
 *
 * - /webhooks: list, create, delete, activate — API key only (a user token: 401 not_api_key). A
 *   subscription remembers the X-API-KEY of the request that created it: deliveries are signed
 *   with that key. The live events beyond the document are accepted (./events). Creating one
 *   that exists (same event, target type and target) answers 409 with the existing id.
 * - /webhook_events: what was sent in the last 10 days (and any one by id) — admins only.
 * - Deliveries (./deliveries): the "event" channel's base events fire their derived names too;
 *   the "live" channel's events are delivered under their own name. Lead data is always sent in
 *   the live delivery shape (../leads/present).
 */
import { badValue, bodyOf, featureRefused, missingParam, notFound, or404 } from "../../http";
import { DEFAULT_API_KEY, type Emulator } from "../../server";
import { requireAdmin, requireApiKey } from "../access";
import { leadDelivery } from "../leads/present";
import { derivedEvents, eventKind, isLeadEvent } from "./events";
import {
  publicEvent,
  publicWebhook,
  signEvent,
  type WebhookRow,
  webhookEventsOf,
  webhooksOf,
} from "./model";

export { derivedEvents } from "./events";
export {
  signEvent,
  type WebhookEventRow,
  type WebhookRow,
  webhookEventsOf,
  webhooksOf,
} from "./model";

const DAY_MS = 24 * 3600 * 1000;

/** Lead data in the delivery shape: a stored lead's JSON emitted by a test is rebuilt from it. */
function deliveryData(emu: Emulator, name: string, data: unknown): unknown {
  if (!isLeadEvent(name) || !data || typeof data !== "object") return data;
  const record = data as Record<string, unknown>;
  if ("text_description" in record) return data;
  const lead = emu.store.leads.get(Number(record.id));
  return lead ? leadDelivery(emu, lead) : data;
}

function seed(emu: Emulator): void {
  const hooks = webhooksOf(emu);
  const add = (
    row: Omit<WebhookRow, "params" | "add_to_lead_action_menu" | "apiKey" | "failures">,
  ) =>
    hooks.set(row.id, {
      ...row,
      params: null,
      add_to_lead_action_menu: false,
      apiKey: DEFAULT_API_KEY,
      failures: 0,
    });
  add({
    id: 62,
    event: "lead.content_has_changed",
    target: "https://my/process",
    target_type: "url",
    name: "My webhook",
    is_disabled: true,
  });
  add({
    id: 63,
    event: "lead.unassigned",
    target: "https://my/process2",
    target_type: "url",
    name: "Lead created unassigned",
    is_disabled: false,
  });
  add({
    id: 64,
    event: "lead.creation",
    target: "https://my/process3",
    target_type: "email",
    name: "Lead creation notification",
    is_disabled: false,
  });
  add({
    id: 65,
    event: "lead.deleted",
    target: "stef@example.com",
    target_type: "email",
    name: "Lead deleted notification",
    is_disabled: true,
  });

  const events = webhookEventsOf(emu);
  const loretta = emu.store.leads.get(8113);
  const lead = (id: number, title: string, status: string) => ({
    ...(loretta ? leadDelivery(emu, loretta) : {}),
    id,
    title,
    status,
    permalink: `https://emulator.propipelines.com/leads/${id}`,
  });
  const now = Date.now();
  const event = (id: number, name: string, daysAgo: number, data: unknown, code = 200) =>
    events.set(id, {
      id,
      event: name,
      signature: signEvent(id, DEFAULT_API_KEY),
      has_succeeded: code === 200,
      try_count: code === 200 ? 1 : 2,
      last_returned_code: code,
      data,
      sentAt: now - daysAgo * DAY_MS,
      webhookId: null,
    });
  event(984, "lead.status.changed.to.won", 1, lead(9331, "Bountiful", "Won"));
  event(3, "lead.creation", 2, lead(8115, "RED", "Todo"), 404);
  event(2, "lead.creation", 15, lead(8114, "Older", "Todo"));
}

export function register(emu: Emulator): void {
  const { router } = emu;
  seed(emu);

  router.on("GET", "/webhooks", (ctx) => {
    requireApiKey(ctx);
    return { body: [...webhooksOf(emu).values()].map(publicWebhook) };
  });

  router.on("POST", "/webhooks", (ctx) => {
    requireApiKey(ctx);
    const body = bodyOf(ctx);
    for (const name of ["event", "target_type", "target"]) {
      if (typeof body[name] !== "string" || !(body[name] as string).trim()) {
        throw missingParam(name);
      }
    }
    const event = String(body.event);
    const targetType = String(body.target_type);
    const target = String(body.target);
    const kind = eventKind(event);
    if (kind === "unknown") throw badValue("event");
    if (targetType !== "url" && targetType !== "email") {
      throw badValue("target_type");
    }
    if (kind === "advanced" && emu.edition === "starter") throw featureRefused();
    const existing = [...webhooksOf(emu).values()].find(
      (w) => w.event === event && w.target_type === targetType && w.target === target,
    );
    if (existing) {
      return {
        status: 409,
        body: {
          error: 409,
          message: "Webhook already exists",
          type: "record_already_exists",
          id: existing.id,
        },
      };
    }
    const row: WebhookRow = {
      id: emu.store.nextId(),
      event,
      target,
      target_type: targetType,
      params: null,
      name: typeof body.name === "string" ? body.name : null,
      is_disabled: false,
      add_to_lead_action_menu: body.add_to_lead_action_menu === true,
      apiKey: ctx.headers["x-api-key"] ?? "",
      failures: 0,
    };
    webhooksOf(emu).set(row.id, row);
    return { status: 201, body: publicWebhook(row) };
  });

  router.on("DELETE", "/webhooks/:id", (ctx) => {
    requireApiKey(ctx);
    const id = Number(ctx.params.id);
    if (!webhooksOf(emu).delete(id)) throw notFound();
    return { body: { id } };
  });

  // Live API: re-enables a webhook disabled (by hand, or after failed deliveries).
  router.on("PUT", "/webhooks/:id/activate", (ctx) => {
    requireApiKey(ctx);
    const hook = or404(webhooksOf(emu).get(Number(ctx.params.id)));
    hook.is_disabled = false;
    hook.failures = 0;
    return { body: publicWebhook(hook) };
  });

  router.on("GET", "/webhook_events", (ctx) => {
    requireAdmin(emu.store, ctx);
    const since = Date.now() - 10 * DAY_MS;
    const rows = [...webhookEventsOf(emu).values()]
      .filter((e) => e.sentAt >= since)
      .sort((a, b) => b.sentAt - a.sentAt || b.id - a.id);
    return { body: rows.map(publicEvent) };
  });

  router.on("GET", "/webhook_events/:id", (ctx) => {
    requireAdmin(emu.store, ctx);
    return { body: publicEvent(or404(webhookEventsOf(emu).get(Number(ctx.params.id)))) };
  });

  emu.events.on("event", (name: string, data: unknown) => {
    const payload = deliveryData(emu, name, data);
    for (const event of derivedEvents(name, payload)) emu.deliveries.send(event, payload);
  });
  emu.events.on("live", (name: string, data: unknown) => {
    emu.deliveries.send(name, deliveryData(emu, name, data));
  });
}
