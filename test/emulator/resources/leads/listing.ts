/** GET /leads: the documented filters, orders and limit/offset paging. */
import { badRequest, badValue, featureRefused, ordered, type RequestContext } from "../../http";
import type { Emulator } from "../../server";
import type { Lead, Store } from "../../store";
import { descriptionFields, fieldValue } from "./description";
import { commentsOf } from "./model";
import { dateQuery, emailsIn, LEAD_STATUSES, listParam, userParam } from "./shared";

const DATE_FIELDS = {
  creation: (lead: Lead) => lead.created_at,
  update: (lead: Lead) => lead.updated_at,
  next_action: (lead: Lead) =>
    lead.remind_date ? `${lead.remind_date}T${lead.remind_time ?? "00:00"}:00.000Z` : null,
  closed: (lead: Lead) => (lead.closed_at as string | null) ?? null,
} as const;

type Order = (store: Store, lead: Lead) => number | string;

const num = (value: unknown) => (typeof value === "number" ? value : 0);

const ORDERS: Record<string, Order> = {
  id: (_, lead) => lead.id,
  creation_date: (_, lead) => lead.created_at,
  last_update: (_, lead) => lead.updated_at,
  next_action: (_, lead) => DATE_FIELDS.next_action(lead) ?? "",
  sale_step: (store, lead) => store.steps.get(lead.step_id)?.position ?? 0,
  amount: (_, lead) => num(lead.amount),
  probability: (_, lead) => num(lead.probability),
  probalized_amount: (_, lead) => (num(lead.amount) * num(lead.probability)) / 100,
  alphabetically: (_, lead) => lead.title.toLowerCase(),
};

/** Every filter of the document, as one predicate. */
function leadFilter(emu: Emulator, ctx: RequestContext): (lead: Lead) => boolean {
  const { store } = emu;
  const q = ctx.query;
  const statuses = q.status ? listParam(q.status).map((s) => s.toLowerCase()) : undefined;
  if (statuses?.some((s) => !(LEAD_STATUSES as readonly string[]).includes(s))) {
    throw badValue("status");
  }
  const steps = q.step ? listParam(q.step) : undefined;
  const owner = q.user_id ? userParam(store, q.user_id) : undefined;
  const email = q.email?.trim().toLowerCase();
  if (Boolean(q.field_key) !== Boolean(q.field_value)) {
    throw badRequest("Parameters field_key and field_value must be used together.");
  }
  if (q.field_key && emu.edition === "starter") throw featureRefused();
  const tags = q.tags ? listParam(q.tags).map((t) => t.toLowerCase()) : undefined;
  const updatedAfter = dateQuery(q, "updated_after");
  const start = dateQuery(q, "start_date");
  const end = dateQuery(q, "end_date", true);
  const rangeType = (q.date_range_type || "creation") as keyof typeof DATE_FIELDS;
  if (!DATE_FIELDS[rangeType]) {
    throw badValue("date_range_type");
  }
  const includeUnassigned = q.include_unassigned === "true";

  return (lead) => {
    if (lead.user_id === null && !includeUnassigned) return false;
    if (statuses && !statuses.includes(lead.status.toLowerCase())) return false;
    if (steps && !steps.includes(store.steps.get(lead.step_id)?.name ?? "")) return false;
    if (q.starred === "true" && lead.starred !== true) return false;
    if (owner && lead.user_id !== owner.id) return false;
    if (email && !leadMentions(store, lead, email)) return false;
    if (q.field_key) {
      const value = fieldValue(descriptionFields(lead.description), q.field_key);
      if (value?.toLowerCase() !== q.field_value?.trim().toLowerCase()) return false;
    }
    if (tags && !tags.every((t) => lead.tags.some((own) => own.toLowerCase() === t))) return false;
    // "at or after": a poller passing its last seen update time must not miss equal ones.
    if (updatedAfter !== undefined && Date.parse(lead.updated_at) < updatedAfter) return false;
    if (start !== undefined || end !== undefined) {
      const raw = DATE_FIELDS[rangeType](lead);
      const time = raw ? Date.parse(raw) : Number.NaN;
      if (Number.isNaN(time)) return false;
      if (start !== undefined && time < start) return false;
      if (end !== undefined && time > end) return false;
    }
    return true;
  };
}

/** The email is in the lead's description or in one of its comments. */
function leadMentions(store: Store, lead: Lead, email: string): boolean {
  if (emailsIn(lead.description).includes(email)) return true;
  return commentsOf(store, lead.id).some((c) =>
    emailsIn(c.content ?? c.email?.content ?? "").includes(email),
  );
}

/** The leads GET /leads answers (before paging), filtered and ordered. */
export function listLeads(emu: Emulator, ctx: RequestContext): Lead[] {
  const order = ORDERS[ctx.query.order || "id"];
  if (!order) throw badValue("order");
  const matching = [...emu.store.leads.values()].filter(leadFilter(emu, ctx));
  return ordered(matching, ctx.query.direction, (lead) => order(emu.store, lead), "desc");
}
