/**
 * A lead as a poll reads it: its `updated_at` second and a hash of its content, which together
 * tell one version of a lead from another. The API stamps `updated_at` to the second, so two
 * changes within one second share a stamp: only the content tells them apart.
 */
import { createHash } from "node:crypto";
import { canonical } from "../canonical";

export interface LeadJson {
  id: number;
  created_at?: unknown;
  updated_at?: unknown;
  closed_at?: unknown;
  status?: unknown;
  step?: unknown;
  step_id?: unknown;
  [key: string]: unknown;
}

/** One version of a lead: the lead as read, its stamp (epoch seconds) and its content hash. */
export interface Version {
  lead: LeadJson;
  id: number;
  sec: number;
  hash: string;
}

/** Epoch seconds of an API date, or NaN. */
export function toSec(value: unknown): number {
  if (typeof value !== "string") return Number.NaN;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? Number.NaN : Math.floor(ms / 1000);
}

/** The API's date form for a query: ISO 8601 in UTC, whole seconds. */
export const isoOf = (sec: number) => new Date(sec * 1000).toISOString();

/**
 * Fields computed from other fields or joined from other records (the owner's name, the step's
 * name, weighted amounts, counts): they can change while the lead itself does not, so they are
 * left out of the hash. A rename of a step or a user is not a change of the lead.
 */
const DERIVED = new Set([
  "user",
  "team_name",
  "client_folder_name",
  "pipeline",
  "step",
  "html_description",
  "next_action_at",
  "reminder_at",
  "amount_percentage",
  "probalized_amount",
  "attachment_count",
  "comment_count",
  "extended_info",
  "contactFields",
  "contact",
  "change",
]);

/** 5 base64url characters (30 bits) of SHA-1: compared only with the same lead's last version. */
export const HASH_LENGTH = 5;

/** The hash of a lead's own content, `updated_at` included (a rewrite is a change). */
export function contentHash(lead: LeadJson): string {
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(lead)) if (!DERIVED.has(key)) own[key] = value;
  return createHash("sha1").update(canonical(own)).digest("base64url").slice(0, HASH_LENGTH);
}

/** The version a list item is, or undefined for an item without an id or a readable stamp. */
export function versionOf(item: unknown): Version | undefined {
  if (!item || typeof item !== "object") return undefined;
  const lead = item as LeadJson;
  const sec = toSec(lead.updated_at);
  if (!Number.isSafeInteger(lead.id) || Number.isNaN(sec)) return undefined;
  return { lead, id: lead.id, sec, hash: contentHash(lead) };
}

/** A lead's status in lower case ("won"), or undefined. */
export const statusOf = (lead: LeadJson) =>
  typeof lead.status === "string" && lead.status ? lead.status.toLowerCase() : undefined;

/** A lead's step id, or undefined. */
export const stepIdOf = (lead: LeadJson) =>
  Number.isSafeInteger(lead.step_id) ? (lead.step_id as number) : undefined;
