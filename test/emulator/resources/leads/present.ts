/**
 * A lead's three JSON shapes:
 * - `leadJson`: a list item — the stored record, the description in the configured form, and
 *   the live API's computed fields (`html_description`, `next_action_at`, `team_name`,
 *   `amount_percentage`, `probalized_amount`, `attachment_count`, `client_folder_name`);
 * - `leadDetail`: a single lead (GET one, create, update…) — the item plus `extended_info`;
 * - `leadDelivery`: the `data` of a webhook delivery — `text_description`, `fields`, `client`
 *   (not `client_folder`), `extended_info{created_by, fields_by_name}`, `comments[]`, status
 *   capitalised ("Won").
 */
import type { Emulator } from "../../server";
import type { Lead, Store } from "../../store";
import { CLIENT_FOLDERS_TABLE, type ClientFolder } from "../clientFolders";
import { FIELDS_TABLE, type Field, LEAD_FIELD_TYPES } from "../fields";
import { teamDetail, teamsOf } from "../teams";
import { descriptionFields, fieldValue, toHtml, toPlain } from "./description";
import { attachmentsOf, commentJson, commentsOf } from "./model";

const folderOf = (store: Store, lead: Lead) =>
  lead.client_folder_id === null || lead.client_folder_id === undefined
    ? undefined
    : store.table<ClientFolder>(CLIENT_FOLDERS_TABLE).get(Number(lead.client_folder_id));

const teamOf = (store: Store, lead: Lead) =>
  lead.team_id === null || lead.team_id === undefined
    ? undefined
    : teamsOf(store).get(Number(lead.team_id));

const num = (value: unknown): number | null => (typeof value === "number" ? value : null);

/** The reminder as one instant (account time zone taken as UTC here), or null. */
function reminderAt(lead: Lead): string | null {
  if (typeof lead.remind_date !== "string") return null;
  const time = typeof lead.remind_time === "string" ? lead.remind_time : "00:00";
  return `${lead.remind_date}T${time}:00.000Z`;
}

/** The account's lead fields, in their order. */
const leadFields = (store: Store): Field[] =>
  [...store.table<Field>(FIELDS_TABLE).values()]
    .filter((f) => f.parent_type === "lead")
    .sort((a, b) => a.position - b.position);

/**
 * `fields_by_name`: the account's field names → the values written on the description's
 * contact lines (only the fields present); `fields`: the same by predefined type (null if none).
 */
export function contactFields(store: Store, description: string) {
  const written = descriptionFields(description);
  const byName: Record<string, string> = {};
  const byType: Record<string, string | null> = Object.fromEntries(
    LEAD_FIELD_TYPES.map((type) => [type, null]),
  );
  for (const field of leadFields(store)) {
    const value = fieldValue(written, field.name);
    if (value === undefined) continue;
    byName[field.name] = value;
    if (field.type in byType && byType[field.type] === null) byType[field.type] = value;
  }
  return { fields: byType, fields_by_name: byName };
}

/** Email addresses written in a description (either form), in order, without repeats. */
export function contactEmails(description: string): string[] {
  const found = toPlain(description).match(/[^\s@:<>;,]+@[^\s@<>;,]+\.[A-Za-z]{2,}/g) ?? [];
  return [...new Set(found.map((e) => e.toLowerCase()))];
}

export const leadPermalink = (lead: Lead) => `https://emulator.propipelines.com/leads/${lead.id}`;

export function leadJson(emu: Emulator, lead: Lead): Record<string, unknown> {
  const { store, settings } = emu;
  const step = store.steps.get(lead.step_id);
  const user = lead.user_id ? store.users.get(lead.user_id) : undefined;
  const amount = num(lead.amount);
  const probability = num(lead.probability);
  const raw = String(lead.description ?? "");
  const next = reminderAt(lead);
  return {
    ...lead,
    pipeline: step ? (store.pipelineOf(step)?.name ?? null) : null,
    step: step?.name ?? null,
    description: settings.htmlDescriptions ? toHtml(raw) : toPlain(raw),
    html_description: toHtml(raw),
    reminder_at: next,
    next_action_at: next,
    user: store.userSummary(user),
    team_name: teamOf(store, lead)?.name ?? null,
    client_folder_name: folderOf(store, lead)?.name ?? null,
    attachment_count: attachmentsOf(store, lead.id).length,
    // The weighting applied to the amount, and the weighted amount (as `order=probalized_amount`).
    amount_percentage: probability,
    probalized_amount:
      amount === null || probability === null ? null : (amount * probability) / 100,
  };
}

export function leadDetail(emu: Emulator, lead: Lead): Record<string, unknown> {
  const { store } = emu;
  const raw = String(lead.description ?? "");
  const emails = contactEmails(raw);
  const folder = folderOf(store, lead);
  const team = teamOf(store, lead);
  const creator = lead.created_by_id ? store.users.get(Number(lead.created_by_id)) : undefined;
  return {
    ...leadJson(emu, lead),
    extended_info: {
      first_contact_email: emails[0] ?? null,
      all_contact_emails: emails,
      permalink: leadPermalink(lead),
      ...contactFields(store, raw),
      comment_count: commentsOf(store, lead.id).length,
      bcc_count: 0,
      team: team ? teamDetail(store, team) : null,
      user: store.userContact(lead.user_id ? store.users.get(lead.user_id) : undefined),
      client_folder: folder
        ? {
            id: folder.id,
            name: folder.name,
            description: folder.description,
            is_active: folder.is_active,
            created_at: folder.created_at,
          }
        : null,
      created_by: store.userSummary(creator),
      business_card_id: lead.business_card_id ?? null,
      visible_by_count: 1,
      follow_ups: [],
    },
  };
}

const capitalised = (status: string) => status.charAt(0).toUpperCase() + status.slice(1);

export function leadDelivery(emu: Emulator, lead: Lead): Record<string, unknown> {
  const { store } = emu;
  const item = leadJson(emu, lead);
  const raw = String(lead.description ?? "");
  const emails = contactEmails(raw);
  const folder = folderOf(store, lead);
  const team = teamOf(store, lead);
  const { fields, fields_by_name } = contactFields(store, raw);
  const creator = lead.created_by_id ? store.users.get(Number(lead.created_by_id)) : undefined;
  const {
    client_folder_id: _folderId,
    client_folder_name: _folderName,
    html_description: _html,
    ...rest
  } = item;
  return {
    ...rest,
    description: toHtml(raw),
    text_description: toPlain(raw),
    status: capitalised(lead.status),
    contact_email: emails[0] ?? null,
    first_contact_email: emails[0] ?? null,
    all_contact_emails: emails,
    permalink: leadPermalink(lead),
    fields,
    comment_count: commentsOf(store, lead.id).length,
    bcc_count: 0,
    reminder_note: lead.reminder_note ?? null,
    reminder_activity_id: lead.reminder_activity_id ?? null,
    team: team ? { id: team.id, name: team.name } : null,
    user: store.userContact(lead.user_id ? store.users.get(lead.user_id) : undefined),
    client: folder
      ? {
          id: folder.id,
          name: folder.name,
          description: folder.description,
          is_active: folder.is_active,
        }
      : null,
    extended_info: { created_by: store.userSummary(creator), fields_by_name },
    comments: commentsOf(store, lead.id)
      .sort((a, b) => a.id - b.id)
      .map((c) => commentJson(store, c)),
  };
}
