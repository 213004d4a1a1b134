/**
 * What to send to change a lead without losing anything: its contact lines merged into the
 * description (every other line, block and note kept) and its tags added or removed (the
 * others kept). Only what differs is sent; nothing at all when the lead already has it, so a
 * step run again writes nothing.
 */
import { contactFieldsChange } from "./contactUpdate";
import { sameTags, tagsOf, withoutTags, withTags } from "./tags";

export interface LeadChange {
  /** Contact fields to add or replace, as [name, value]. */
  set?: ReadonlyArray<readonly [string, string]>;
  /** Contact fields to delete, by name. */
  remove?: readonly string[];
  addTags?: readonly string[];
  removeTags?: readonly string[];
}

export interface LeadUpdateBody {
  description?: string;
  tags?: string[];
}

const descriptionOf = (lead: unknown): string => {
  const text =
    lead && typeof lead === "object" ? (lead as { description?: unknown }).description : "";
  return typeof text === "string" ? text : "";
};

/** The PUT /leads/{id} body applying `change` to `lead`, or undefined when nothing differs. */
export function leadUpdate(lead: unknown, change: LeadChange): LeadUpdateBody | undefined {
  const body: LeadUpdateBody = {};
  if (change.set?.length || change.remove?.length) {
    const description = contactFieldsChange(descriptionOf(lead), change.set ?? [], change.remove);
    if (description !== undefined) body.description = description;
  }
  if (change.addTags?.length || change.removeTags?.length) {
    const current = tagsOf(lead);
    const tags = withoutTags(withTags(current, change.addTags ?? []), change.removeTags ?? []);
    if (!sameTags(current, tags)) body.tags = tags;
  }
  return Object.keys(body).length > 0 ? body : undefined;
}
