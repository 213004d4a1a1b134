/**
 * Which leads a search means: a lead matches when each criterion given equals its contact field
 * (or its title), ignoring case and surrounding spaces. Only the contact fields count (the first
 * contact block, or `extended_info.fields_by_name`): an address or a number written in the
 * notes or in a comment is a mention, not a match.
 */
import {
  type ContactKey,
  contactFieldMatches,
  contactKeyForFieldName,
  leadContactFields,
  sameContactValue,
} from "./contact";

export interface LeadCriteria {
  /** The contact's email (a field named Email, E-mail, Courriel, …). */
  email?: string;
  /** The contact's phone (a field named Phone, Telephone, Tel, …). */
  phone?: string;
  /** A contact field by its exact name (case and surrounding spaces aside). */
  field?: { name: string; value: string };
  title?: string;
}

/** True when one of the lead's fields recognised as `key` (email, phone) equals `value`. */
function recognisedFieldIs(lead: unknown, key: ContactKey, value: string): boolean {
  return Object.entries(leadContactFields(lead)).some(
    ([name, own]) => contactKeyForFieldName(name) === key && sameContactValue(own, value),
  );
}

const titleOf = (lead: unknown): string | undefined => {
  const title = lead && typeof lead === "object" ? (lead as { title?: unknown }).title : undefined;
  return typeof title === "string" ? title : undefined;
};

/** True when the lead meets every criterion given (and at least one is given). */
export function matchesCriteria(lead: unknown, criteria: LeadCriteria): boolean {
  const { email, phone, field, title } = criteria;
  if (email === undefined && phone === undefined && field === undefined && title === undefined) {
    return false;
  }
  if (email !== undefined && !recognisedFieldIs(lead, "email", email)) return false;
  if (phone !== undefined && !recognisedFieldIs(lead, "phone", phone)) return false;
  if (field !== undefined && !contactFieldMatches(lead, field.name, field.value)) return false;
  if (title !== undefined && !sameContactValue(titleOf(lead), title)) return false;
  return true;
}

/** The criteria in words, for messages: `Email "a@b.c" and Title "Acme"`. */
export function criteriaText(criteria: LeadCriteria): string {
  const parts: string[] = [];
  if (criteria.email !== undefined) parts.push(`Email "${criteria.email}"`);
  if (criteria.phone !== undefined) parts.push(`Phone "${criteria.phone}"`);
  if (criteria.field) parts.push(`${criteria.field.name} "${criteria.field.value}"`);
  if (criteria.title !== undefined) parts.push(`Title "${criteria.title}"`);
  return parts.join(" and ");
}
