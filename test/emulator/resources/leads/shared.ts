/** Helpers shared by the lead routes of the emulator. */
import { badRequest, notFound, type RequestContext } from "../../http";
import type { Emulator } from "../../server";
import type { Lead, Store, User } from "../../store";

export const LEAD_STATUSES = ["todo", "standby", "won", "lost", "cancelled"] as const;
export const CLOSED_STATUSES = ["won", "lost", "cancelled"];

/** The base event names the webhooks module derives its specific events from. */
export type LeadEvent =
  | "lead.creation"
  | "lead.status.changed"
  | "lead.step.changed"
  | "lead.commented"
  | "lead.deleted"
  | "lead.assigned"
  | "lead.content_has_changed";

export function emitLead(emu: Emulator, name: LeadEvent, lead: Lead): void {
  emu.events.emit("event", name, emu.store.leadJson(lead));
}

/** The request body as a record (the server hands `{}` when there is none). */
export function bodyOf(ctx: RequestContext): Record<string, unknown> {
  const body = ctx.body;
  return body && typeof body === "object" && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

/** The lead named by a route parameter, or the API's 404. */
export function leadOf(store: Store, raw: string | undefined): Lead {
  const lead = /^\d+$/.test(raw ?? "") ? store.leads.get(Number(raw)) : undefined;
  if (!lead) throw notFound();
  return lead;
}

/** The API key acts as the account's first admin; a token as its user. */
export function actingUser(store: Store, ctx: RequestContext): User | undefined {
  if (ctx.caller.kind === "user") return store.users.get(ctx.caller.userId ?? 0);
  return [...store.users.values()].find((u) => u.is_admin);
}

export const actorId = (store: Store, ctx: RequestContext): number | null =>
  actingUser(store, ctx)?.id ?? null;

/** A user as comments and histories show it. */
export function userJson(user: User | undefined) {
  if (!user) return null;
  return {
    id: user.id,
    lastname: user.lastname,
    firstname: user.firstname,
    email: user.email,
    phone: user.phone,
    mobile_phone: user.mobile_phone,
  };
}

/** `user_id` (id or email) → an active user, or the API's 400. */
export function userParam(store: Store, value: unknown): User {
  const user = store.findUser(value as string | number);
  if (!user || user.is_disabled) throw badRequest("Parameter user_id not recognized.");
  return user;
}

/**
 * The API's dates: YYYY-MM-DD, YYYY-MM-DD HH:MM:SS (account time; UTC here) or ISO 8601 UTC.
 * Returns epoch ms, or undefined when the text is not one of them.
 */
export function parseApiDate(raw: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2})(\.\d{1,3})?Z?)?$/.exec(raw.trim());
  if (!m) return undefined;
  const time = Date.parse(`${m[1]}T${m[2] ?? "00:00:00"}${m[3] ?? ""}Z`);
  return Number.isNaN(time) ? undefined : time;
}

/** A list parameter sent as a JSON array or as comma-separated text. */
export function listParam(value: unknown): string[] {
  const items = Array.isArray(value) ? value : String(value ?? "").split(",");
  return items.map((item) => String(item).trim()).filter(Boolean);
}

/** Email addresses written in a lead's description. */
export function emailsIn(text: string): string[] {
  return (text.match(/[^\s@:<>]+@[^\s@<>]+\.[A-Za-z]{2,}/g) ?? []).map((e) => e.toLowerCase());
}
