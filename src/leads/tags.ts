/**
 * A lead's tags changed without replacing them: tags compare ignoring case and surrounding
 * spaces, the lead's own spelling and order are kept, new tags go at the end.
 */

const tagId = (tag: string) => tag.normalize("NFC").trim().toLowerCase();

/** The tags of a lead record (its `tags`, strings only). */
export function tagsOf(lead: unknown): string[] {
  const tags = lead && typeof lead === "object" ? (lead as { tags?: unknown }).tags : undefined;
  return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === "string") : [];
}

/** `current` plus each tag of `added` it does not have yet (once). */
export function withTags(current: readonly string[], added: readonly string[]): string[] {
  const seen = new Set(current.map(tagId));
  const out = [...current];
  for (const tag of added) {
    const id = tagId(tag);
    if (id === "" || seen.has(id)) continue;
    seen.add(id);
    out.push(tag.trim());
  }
  return out;
}

/** `current` without the tags of `removed`. */
export function withoutTags(current: readonly string[], removed: readonly string[]): string[] {
  const gone = new Set(removed.map(tagId));
  return current.filter((tag) => !gone.has(tagId(tag)));
}

/** Same tags in the same order (the API stores them as given). */
export const sameTags = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((tag, i) => tag === b[i]);
