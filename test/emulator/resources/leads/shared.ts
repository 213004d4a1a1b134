/** Helpers shared by the lead routes of the emulator. */
import { badRequest, badValue, getOr404, type RequestContext } from "../../http";
import type { Emulator } from "../../server";
import type { Lead, Store, User } from "../../store";
import { callerUser } from "../access";
import { contactEmails, leadDelivery } from "./present";

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

/** Emits one base event with the lead's delivery data (a deletion: only this). */
export function emitLead(emu: Emulator, name: LeadEvent, lead: Lead): void {
  emu.events.emit("event", name, leadDelivery(emu, lead));
}

/**
 * A lead changed: its base events (none for a change the document has no event for), then the
 * live API's `lead.any_update`, once per change.
 */
export function announceLead(emu: Emulator, lead: Lead, events: LeadEvent[] = []): void {
  for (const name of events) emitLead(emu, name, lead);
  emu.events.emit("live", "lead.any_update", leadDelivery(emu, lead));
}

/** The lead named by a route parameter, or the API's 404. */
export const leadOf = (store: Store, raw: string | undefined): Lead => getOr404(store.leads, raw);

/** The API key acts as the account's first admin who is not disabled; a token as its user. */
export function actingUser(store: Store, ctx: RequestContext): User | undefined {
  if (ctx.caller.kind === "user") return callerUser(store, ctx);
  return store.firstAdmin();
}

export const actorId = (store: Store, ctx: RequestContext): number | null =>
  actingUser(store, ctx)?.id ?? null;

/** `user_id` (id or email) → an active user, or the API's 400. */
export function userParam(store: Store, value: unknown): User {
  const user = store.findUser(value as string | number);
  if (!user || user.is_disabled) throw badValue("user_id");
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

/** A date parameter (any of the forms above) as epoch ms, or the API's 400 naming it. */
export function dateParam(value: unknown, name: string): number {
  const time = typeof value === "string" ? parseApiDate(value) : undefined;
  if (time === undefined) throw badRequest(`The date ${name} is not formatted properly`);
  return time;
}

/**
 * An optional date of the query string (absent or empty: undefined). As an `upper` bound a bare
 * date includes its whole day.
 */
export function dateQuery(
  query: Record<string, string>,
  name: string,
  upper = false,
): number | undefined {
  const raw = query[name];
  if (raw === undefined || raw === "") return undefined;
  const time = dateParam(raw, name);
  return upper && raw.trim().length === 10 ? time + 86_399_999 : time;
}

/** A list parameter sent as a JSON array or as comma-separated text. */
export function listParam(value: unknown): string[] {
  const items = Array.isArray(value) ? value : String(value ?? "").split(",");
  return items.map((item) => String(item).trim()).filter(Boolean);
}

/** Email addresses written in a lead's description (plain or HTML). */
export const emailsIn = (text: string): string[] => contactEmails(text);
