/**
 * A contact-field change to a lead's description, or nothing when the description already says
 * it: a step run again with the same values (a retry, a replay) writes nothing.
 */
import {
  descriptionFormat,
  mergeContactFields,
  normalizeFieldName,
  parseContactFields,
  sanitizeContactText,
  sanitizeContactValue,
} from "./description";

type Pairs = ReadonlyArray<readonly [string, string]>;

/**
 * The description with `set` written and `remove` deleted (see `mergeContactFields`: every other
 * line, block and note kept), or `undefined` when each field of `set` already has that value
 * and no field of `remove` is there. Throws like `mergeContactFields` on an unusable key.
 */
export function contactFieldsChange(
  description: string | null | undefined,
  set: Pairs,
  remove: readonly string[] = [],
): string | undefined {
  const source = description ?? "";
  const format = source.trim() === "" ? "plain" : descriptionFormat(source);
  const current = new Map(
    Object.entries(parseContactFields(source)).map(([key, value]) => [
      normalizeFieldName(key),
      value,
    ]),
  );
  // A key set twice takes its last value, as mergeContactFields writes it.
  const wanted = new Map(
    set.map(([key, value]) => [
      normalizeFieldName(sanitizeContactText(key)),
      sanitizeContactValue(value, format),
    ]),
  );
  const setsSomething = [...wanted].some(([key, value]) => current.get(key) !== value);
  const removesSomething = remove.some((key) => {
    const id = normalizeFieldName(sanitizeContactText(key));
    return !wanted.has(id) && current.has(id);
  });
  if (!setsSomething && !removesSomething) return undefined;
  return mergeContactFields(source, set, remove);
}
