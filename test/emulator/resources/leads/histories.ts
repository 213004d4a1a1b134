/** A lead's action histories: recorded by the other lead routes, listed with the API's filters. */
import { badValue, ordered, page } from "../../http";
import type { Emulator } from "../../server";
import type { Store } from "../../store";
import { dateQuery, LEAD_STATUSES, leadOf, listParam } from "./shared";

export const ACTION_TYPES = [
  "client_assigned",
  "step_changed",
  "status_changed",
  "amount_set",
  "user_assigned",
  "lead_created",
  "comment_added",
  "email_sent",
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export interface ActionHistory {
  id: number;
  lead_id: number;
  action_type: ActionType;
  /** `type` and `id` plus the fields the document shows for the type. */
  action_item: Record<string, unknown>;
  created_at: string;
  user_id: number | null;
}

export const histories = (store: Store) => store.table<ActionHistory>("leadActionHistories");

/** Appends an entry, as the live API does when something happens on a lead. */
export function recordHistory(
  store: Store,
  userId: number | null,
  leadId: number,
  type: ActionType,
  item: Record<string, unknown>,
): void {
  const entry: ActionHistory = {
    id: store.nextId(),
    lead_id: leadId,
    action_type: type,
    action_item: { type, ...item },
    created_at: store.now(),
    user_id: userId,
  };
  histories(store).set(entry.id, entry);
}

export function historyJson(store: Store, entry: ActionHistory) {
  const { user_id, ...rest } = entry;
  return { ...rest, user: store.userContact(user_id ? store.users.get(user_id) : undefined) };
}

/** The entry's value for `action_value`: a step name or a status name (other types: none). */
function actionValue(entry: ActionHistory): string | undefined {
  if (entry.action_type !== "step_changed" && entry.action_type !== "status_changed") return;
  return String(entry.action_item.name ?? "").toLowerCase();
}

/** The document: an unknown step or status in action_value makes the filter ignored. */
function knownActionValue(store: Store, raw: string | undefined): string | undefined {
  const value = raw?.trim().toLowerCase();
  if (!value) return undefined;
  const isStatus = (LEAD_STATUSES as readonly string[]).includes(value);
  const isStep = [...store.steps.values()].some((s) => s.name.toLowerCase() === value);
  return isStatus || isStep ? value : undefined;
}

export function register(emu: Emulator): void {
  const { router, store } = emu;

  router.on("GET", "/leads/:lead_id/action_histories", (ctx) => {
    const lead = leadOf(store, ctx.params.lead_id);
    const { query } = ctx;
    const from = dateQuery(query, "from");
    const to = dateQuery(query, "to", true);
    if (query.action_type && !ACTION_TYPES.includes(query.action_type as ActionType)) {
      throw badValue("action_type");
    }
    const value = knownActionValue(store, query.action_value);
    const users = query.user_ids
      ? listParam(query.user_ids).map((key) => store.findUser(key)?.id ?? -1)
      : undefined;
    const matching = [...histories(store).values()].filter((entry) => {
      const time = Date.parse(entry.created_at);
      return (
        entry.lead_id === lead.id &&
        (from === undefined || time >= from) &&
        (to === undefined || time <= to) &&
        (!query.action_type || entry.action_type === query.action_type) &&
        (!value || actionValue(entry) === value) &&
        (!users || users.includes(entry.user_id ?? 0))
      );
    });
    const sorted = ordered(matching, query.direction, (entry) => entry.id, "asc");
    return page(sorted, query, {
      ...emu.pagingRules("/leads/{lead_id}/action_histories"),
      map: (e) => historyJson(store, e),
    });
  });
}
