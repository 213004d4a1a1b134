/** Leads themselves: list, create, read, update, assign, file in a client folder, delete, email. */

import { isoSecond } from "../../clock";
import {
  badRequest,
  badValue,
  bodyOf,
  featureRefused,
  missingParam,
  missingParameter,
  notFound,
  or404,
  page,
  type RequestContext,
  unprocessable,
} from "../../http";
import type { Emulator } from "../../server";
import type { Lead, Step, Store } from "../../store";
import { CLIENT_FOLDERS_TABLE, type ClientFolder } from "../clientFolders";
import { LIVE_HTML_DESCRIPTION } from "./description";
import { recordHistory } from "./histories";
import { listLeads } from "./listing";
import { leadDetail } from "./present";
import {
  actingUser,
  actorId,
  announceLead,
  CLOSED_STATUSES,
  dateParam,
  emailsIn,
  emitLead,
  LEAD_STATUSES,
  type LeadEvent,
  leadOf,
  listParam,
  parseApiDate,
  userParam,
} from "./shared";

const REMINDER_DURATIONS = [0, 15, 30, 45, 60, 90, 120, 150, 180, 240, 480, 720];
const SALES_FIELDS = ["status", "step", "starred", "amount", "probability"];

const reminderFormat = () =>
  badRequest("Date format invalid for remind_date (YYYY-MM-DD) or remind_time (HH:MM)");

/** Client folders belong to their own resource module; the leads only look them up. */
const clientFolders = (store: Store) => store.table<ClientFolder>(CLIENT_FOLDERS_TABLE);

/** A date parameter as the API answers dates: ISO, whole seconds. */
const isoDate = (value: unknown, name: string): string => isoSecond(dateParam(value, name));

function numberParam(value: unknown, name: string, range?: [number, number]): number {
  const n = typeof value === "number" ? value : Number(String(value).trim());
  if (
    !Number.isFinite(n) ||
    String(value).trim() === "" ||
    (range && (n < range[0] || n > range[1]))
  )
    throw badValue(name);
  return n;
}

/** `step`: a step id, or a step name (the first step of that name). */
function stepParam(store: Store, value: unknown): Step {
  const key = String(value).trim();
  const step = /^\d+$/.test(key)
    ? store.steps.get(Number(key))
    : [...store.steps.values()].find((s) => s.name === key);
  if (!step) throw notFound();
  return step;
}

function booleanParam(value: unknown, name: string): boolean {
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  throw badValue(name);
}

/** Checks every parameter of PUT /leads/{id} first, so a refused update changes nothing. */
function updateChanges(store: Store, lead: Lead, body: Record<string, unknown>): Partial<Lead> {
  const has = (name: string) => body[name] !== undefined && body[name] !== null;
  const changes: Partial<Lead> = {};
  const owner = has("user_id") ? userParam(store, body.user_id) : undefined;
  if (lead.user_id === null && !owner && SALES_FIELDS.some(has)) {
    throw badRequest(
      "You cannot update the parameters status, step, starred, amount or probability without assigning the lead first.",
    );
  }
  if (owner) changes.user_id = owner.id;
  if (has("title")) changes.title = String(body.title);
  if (has("description")) changes.description = String(body.description);
  if (has("status")) {
    const status = String(body.status).toLowerCase();
    if (!(LEAD_STATUSES as readonly string[]).includes(status)) {
      throw badValue("status");
    }
    if (status === "standby" && !has("remind_date")) {
      throw badRequest(
        "Missing parameter: remind_at is required when status is changed to standby",
        "missing_parameter",
      );
    }
    changes.status = status;
    changes.closed_at = CLOSED_STATUSES.includes(status) ? store.now() : null;
  }
  if (has("remind_date")) {
    const date = String(body.remind_date);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || parseApiDate(date) === undefined) {
      throw reminderFormat();
    }
    changes.remind_date = date;
  }
  if (has("remind_time")) {
    const time = String(body.remind_time);
    if (!/^([01]\d|2[0-3]):(00|15|30|45)$/.test(time)) throw reminderFormat();
    changes.remind_time = time;
  }
  if (has("reminder_duration")) {
    const duration = numberParam(body.reminder_duration, "reminder_duration");
    if (!REMINDER_DURATIONS.includes(duration)) {
      throw badValue("reminder_duration");
    }
    changes.reminder_duration = duration;
  }
  if (has("reminder_activity_id")) {
    changes.reminder_activity_id = numberParam(body.reminder_activity_id, "reminder_activity_id");
  }
  if (has("reminder_note")) changes.reminder_note = String(body.reminder_note);
  if (has("amount")) changes.amount = numberParam(body.amount, "amount");
  if (has("probability")) {
    if ((changes.amount ?? lead.amount ?? null) === null) {
      throw badRequest("A probability cannot be set without an amount");
    }
    changes.probability = numberParam(body.probability, "probability", [0, 100]);
  }
  if (has("starred")) changes.starred = booleanParam(body.starred, "starred");
  if (has("step")) changes.step_id = stepParam(store, body.step).id;
  if (has("tags")) changes.tags = listParam(body.tags);
  if (has("created_at")) changes.created_at = isoDate(body.created_at, "created_at");
  if (has("estimated_closing_date")) {
    changes.estimated_closing_date = isoDate(
      body.estimated_closing_date,
      "estimated_closing_date",
    ).slice(0, 10);
  }
  return changes;
}

/** Applies an update: histories and base events for what actually changed. */
function applyUpdate(emu: Emulator, ctx: RequestContext, lead: Lead, changes: Partial<Lead>): void {
  const { store } = emu;
  const before = { ...lead };
  const actor = actorId(store, ctx);
  Object.assign(lead, changes, { updated_at: store.now() });
  const events: LeadEvent[] = [];
  if (lead.user_id !== before.user_id && lead.user_id !== null) {
    const user = store.users.get(lead.user_id);
    recordHistory(store, actor, lead.id, "user_assigned", {
      id: user?.id,
      firstname: user?.firstname,
      lastname: user?.lastname,
      email: user?.email,
    });
    events.push("lead.assigned");
  }
  if (lead.step_id !== before.step_id) {
    const step = store.steps.get(lead.step_id);
    recordHistory(store, actor, lead.id, "step_changed", {
      id: step?.id,
      name: step?.name,
      position: step?.position,
    });
    events.push("lead.step.changed");
  }
  if (lead.status !== before.status) {
    recordHistory(store, actor, lead.id, "status_changed", {
      id: LEAD_STATUSES.indexOf(lead.status as (typeof LEAD_STATUSES)[number]) + 1,
      name: lead.status,
    });
    events.push("lead.status.changed");
  }
  if (lead.amount !== before.amount || lead.probability !== before.probability) {
    recordHistory(store, actor, lead.id, "amount_set", {
      id: store.nextId(),
      amount: lead.amount,
      probability: lead.probability,
      currency: lead.currency,
    });
  }
  if (lead.description !== before.description) events.push("lead.content_has_changed");
  announceLead(emu, lead, events);
}

function createLead(emu: Emulator, ctx: RequestContext) {
  const { store } = emu;
  const body = bodyOf(ctx);
  const title = typeof body.title === "string" ? body.title.trim() : "";
  const description = typeof body.description === "string" ? body.description : "";
  if (!title || !description.trim()) throw missingParameter();
  if (ctx.caller.kind === "user" && body.user_id !== undefined) {
    throw badRequest("Parameter user_id should not be used with USER token.");
  }
  // The API key leaves the lead unassigned unless user_id names its owner.
  const owner =
    ctx.caller.kind === "user"
      ? actingUser(store, ctx)
      : body.user_id !== undefined
        ? userParam(store, body.user_id)
        : undefined;
  const lead = store.addLead({
    title,
    description,
    user_id: owner?.id ?? null,
    created_by_id: actingUser(store, ctx)?.id ?? null,
    tags: body.tags === undefined ? [] : listParam(body.tags),
    ...(body.created_at !== undefined
      ? { created_at: isoDate(body.created_at, "created_at") }
      : {}),
  });
  recordHistory(store, actorId(store, ctx), lead.id, "lead_created", { id: lead.id });
  announceLead(emu, lead, ["lead.creation"]);
  return { status: 201, body: leadDetail(emu, lead) };
}

/** Other leads with the same title or a shared contact email. */
function duplicatesOf(store: Store, lead: Lead) {
  const emails = emailsIn(lead.description);
  const found = [];
  for (const other of store.leads.values()) {
    if (other.id === lead.id) continue;
    const matches: Array<[string, string]> = [];
    if (other.title.trim().toLowerCase() === lead.title.trim().toLowerCase()) {
      matches.push(["title", other.title]);
    }
    for (const email of emailsIn(other.description)) {
      if (emails.includes(email)) matches.push(["email", email]);
    }
    if (matches.length) found.push({ lead: store.leadJson(other), matches });
  }
  return found;
}

/** Deletes what it can; answers the ids it could not delete. */
function deleteMany(emu: Emulator, ctx: RequestContext): Array<number | string> {
  const { store } = emu;
  const body = bodyOf(ctx);
  if (body.ids === undefined || body.ids === "") throw missingParameter();
  const caller = actingUser(store, ctx);
  const notDeleted: Array<number | string> = [];
  for (const raw of listParam(body.ids)) {
    const lead = /^\d+$/.test(raw) ? store.leads.get(Number(raw)) : undefined;
    // A user who is not an admin can only delete their own leads.
    const allowed = lead && (caller?.is_admin || lead.user_id === caller?.id);
    if (!lead || !allowed) {
      notDeleted.push(/^\d+$/.test(raw) ? Number(raw) : raw);
      continue;
    }
    store.leads.delete(lead.id);
    emitLead(emu, "lead.deleted", lead);
  }
  return notDeleted;
}

export function register(emu: Emulator): void {
  const { router, store } = emu;

  router.on("GET", "/leads", (ctx) =>
    page(listLeads(emu, ctx), ctx.query, {
      ...emu.pagingRules("/leads"),
      map: (lead) => store.leadJson(lead),
    }),
  );

  router.on("POST", "/leads", (ctx) => createLead(emu, ctx));

  router.on("GET", "/leads/:id", (ctx) => ({
    body: leadDetail(emu, leadOf(store, ctx.params.id)),
  }));

  router.on("PUT", "/leads/:id", (ctx) => {
    const lead = leadOf(store, ctx.params.id);
    applyUpdate(emu, ctx, lead, updateChanges(store, lead, bodyOf(ctx)));
    return { body: leadDetail(emu, lead) };
  });

  router.on("DELETE", "/leads/:id", (ctx) => {
    const lead = leadOf(store, ctx.params.id);
    store.leads.delete(lead.id);
    emitLead(emu, "lead.deleted", lead);
    return { body: { id: lead.id } };
  });

  router.on("POST", "/leads/:id/assign", (ctx) => {
    const lead = leadOf(store, ctx.params.id);
    const body = bodyOf(ctx);
    if (body.user_id === undefined || body.user_id === "") throw missingParam("user_id");
    applyUpdate(emu, ctx, lead, { user_id: userParam(store, body.user_id).id });
    return { body: leadDetail(emu, lead) };
  });

  router.on("POST", "/leads/:id/add_to_client", (ctx) => {
    const lead = leadOf(store, ctx.params.id);
    const clientId = bodyOf(ctx).client_id;
    if (clientId === undefined || clientId === "") throw missingParameter();
    const folder = or404(clientFolders(store).get(Number(clientId)));
    Object.assign(lead, { client_folder_id: folder.id, updated_at: store.now() });
    recordHistory(store, actorId(store, ctx), lead.id, "client_assigned", {
      id: folder.id,
      name: folder.name,
    });
    announceLead(emu, lead);
    return { body: leadDetail(emu, lead) };
  });

  router.on("GET", "/leads/:id/business_card", (ctx) => {
    const lead = leadOf(store, ctx.params.id);
    if (!lead.business_card_id) throw notFound();
    return {
      body: {
        url: `https://attachments.emulator.invalid/business_cards/${lead.business_card_id}.jpg?X-Amz-Expires=180`,
      },
    };
  });

  router.on("GET", "/leads/:lead_id/duplicates", (ctx) => ({
    body: duplicatesOf(store, leadOf(store, ctx.params.lead_id)),
  }));

  router.on("POST", "/leads/:lead_id/emails/send_email_from_template", (ctx) => {
    if (emu.edition !== "dreamteam") throw featureRefused();
    const lead = leadOf(store, ctx.params.lead_id);
    const templateId = bodyOf(ctx).email_template_id;
    if (templateId === undefined || !/^\d+$/.test(String(templateId))) throw missingParameter();
    if (emailsIn(lead.description).length === 0) {
      throw unprocessable();
    }
    recordHistory(store, actorId(store, ctx), lead.id, "email_sent", { id: store.nextId() });
    return { body: { message: "Sending email..." } };
  });

  // Registered after /leads/:id so that these fixed paths win (later registrations match first).
  router.on("GET", "/leads/unassigned", (ctx) => {
    const unassigned = [...store.leads.values()].filter((lead) => lead.user_id === null);
    // The document gives this list a limit and no offset: an offset is never applied here.
    return page(
      unassigned,
      { limit: ctx.query.limit ?? "100" },
      { ...emu.pagingRules("/leads/unassigned"), map: (l) => store.leadJson(l) },
    );
  });

  router.on("DELETE", "/leads/delete_multiple", (ctx) => ({ body: deleteMany(emu, ctx) }));
}

/**
 * Seeds: the document's business card on lead 8113, an unassigned lead, and John's "Maison
 * Durand", whose description was saved by the live web application (HTML, `Key : value`, two
 * contact blocks).
 */
export function seed(store: Store): void {
  const loretta = store.leads.get(8113);
  if (loretta) loretta.business_card_id = 412;
  store.addLead({
    title: "Unassigned Prospect",
    description: "Firstname: Paula\nLastname: Park\nEmail: paula.park@example.org",
    created_from: "me@example.com",
  });
  const durand = store.addLead({
    title: "Maison Durand",
    description: LIVE_HTML_DESCRIPTION,
    user_id: 515,
    created_by_id: 515,
    step_id: 1190,
    created_from: "web",
    created_at: "2014-02-20T10:00:00.000Z",
  });
  durand.updated_at = "2014-02-20T10:00:00.000Z";
}
