/**
 * Webhooks, webhook events, and real deliveries.
 *
 * - /webhooks: list, create, delete — API key only. A subscription remembers the X-API-KEY of
 *   the request that created it: deliveries are signed with that key. Creating one that exists
 *   (same event, target type and target) answers 409 with the existing id.
 * - /webhook_events: what was sent in the last 10 days (and any one by id) — admins only.
 * - Deliveries: resources emit base events (`emu.events.emit("event", name, data)`); this module
 *   derives the specific names (`lead.unassigned`, `lead.status.changed.to.<status>`,
 *   `lead.step.changed.to.<pipeline name>.<step name>`) and POSTs
 *   `{"webhook_event": {id, event, signature, data}}`, signature = sha1(String(id) + apiKey), to
 *   every enabled URL subscription. Only loopback URLs are called (the emulator stays offline);
 *   email notifications are recorded as sent.
 */
import { createHash } from "node:crypto";
import { badValue, bodyOf, featureRefused, missingParam, notFound, or404 } from "../http";
import { DEFAULT_API_KEY, type Emulator } from "../server";
import { requireAdmin, requireApiKey } from "./access";

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
}

const STANDARD = [
  "lead.creation",
  "lead.status.changed",
  "lead.status.changed.to.cancelled",
  "lead.status.changed.to.lost",
  "lead.status.changed.to.standby",
  "lead.status.changed.to.todo",
  "lead.status.changed.to.won",
];
const ADVANCED = [
  "lead.assigned",
  "lead.commented",
  "lead.content_has_changed",
  "lead.deleted",
  "lead.manual.trigger",
  "lead.step.changed",
  "lead.unassigned",
  "prospect.created",
  "task.status.changed",
  "task.status.changed.to.done",
  "task.status.changed.to.standby",
  "task.status.changed.to.todo",
];
const STEP_PREFIX = "lead.step.changed.to.";
const DAY_MS = 24 * 3600 * 1000;

export const webhooksOf = (emu: Emulator) => emu.store.table<WebhookRow>("webhooks");
export const webhookEventsOf = (emu: Emulator) =>
  emu.store.table<WebhookEventRow>("webhook_events");

/** The signature a delivery carries. */
export const signEvent = (id: number | string, apiKey: string) =>
  createHash("sha1")
    .update(`${String(id)}${apiKey}`)
    .digest("hex");

function publicWebhook({ apiKey: _key, add_to_lead_action_menu: _menu, ...row }: WebhookRow) {
  return row;
}

function publicEvent({ sentAt: _sentAt, ...row }: WebhookEventRow) {
  return row;
}

/** The specific events one base event also fires. */
export function derivedEvents(name: string, data: unknown): string[] {
  const lead = (data ?? {}) as Record<string, unknown>;
  const names = [name];
  if (name === "lead.creation" && (lead.user_id === null || lead.user_id === undefined)) {
    names.push("lead.unassigned");
  }
  if (name === "lead.status.changed" && typeof lead.status === "string") {
    names.push(`lead.status.changed.to.${lead.status.toLowerCase()}`);
  }
  if (name === "lead.step.changed" && typeof lead.step === "string") {
    names.push(`${STEP_PREFIX}${String(lead.pipeline ?? "")}.${lead.step}`);
  }
  return names;
}

function isLoopback(target: string): boolean {
  try {
    const url = new URL(target);
    return ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  } catch {
    return false;
  }
}

async function post(target: string, body: unknown): Promise<number | null> {
  if (!isLoopback(target)) return null;
  try {
    const response = await fetch(target, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return response.status;
  } catch {
    return null;
  }
}

/** Sends one event to every enabled subscription of `name`; resolves when all were sent. */
export async function deliver(emu: Emulator, name: string, data: unknown): Promise<void> {
  const sends: Array<Promise<void>> = [];
  for (const hook of webhooksOf(emu).values()) {
    if (hook.event !== name || hook.is_disabled) continue;
    const id = emu.store.nextId();
    const row: WebhookEventRow = {
      id,
      event: name,
      signature: signEvent(id, hook.apiKey),
      has_succeeded: hook.target_type === "email",
      try_count: 1,
      last_returned_code: null,
      data,
      sentAt: Date.now(),
    };
    webhookEventsOf(emu).set(id, row);
    if (hook.target_type !== "url") continue;
    const body = { webhook_event: { id, event: name, signature: row.signature, data } };
    sends.push(
      post(hook.target, body).then((status) => {
        row.last_returned_code = status;
        row.has_succeeded = status !== null && status >= 200 && status < 300;
      }),
    );
  }
  await Promise.all(sends);
}

function seed(emu: Emulator): void {
  const hooks = webhooksOf(emu);
  const add = (row: Omit<WebhookRow, "params" | "add_to_lead_action_menu" | "apiKey">) =>
    hooks.set(row.id, {
      ...row,
      params: null,
      add_to_lead_action_menu: false,
      apiKey: DEFAULT_API_KEY,
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
    ...(loretta ? emu.store.leadJson(loretta) : {}),
    id,
    title,
    status,
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
    const isStepEvent = event.startsWith(STEP_PREFIX) && event.length > STEP_PREFIX.length;
    if (!STANDARD.includes(event) && !ADVANCED.includes(event) && !isStepEvent) {
      throw badValue("event");
    }
    if (targetType !== "url" && targetType !== "email") {
      throw badValue("target_type");
    }
    if (!STANDARD.includes(event) && emu.edition === "starter") throw featureRefused();
    const existing = [...webhooksOf(emu).values()].find(
      (w) => w.event === event && w.target_type === targetType && w.target === target,
    );
    if (existing) {
      return {
        status: 409,
        body: {
          error: "Conflict",
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
    for (const event of derivedEvents(name, data)) void deliver(emu, event, data);
  });
}
