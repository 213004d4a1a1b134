/** Orders of lead lists the actions promise: most recently updated first, soonest reminder first. */

type Json = { [key: string]: unknown };

const field = (lead: unknown, key: string): unknown =>
  lead && typeof lead === "object" ? (lead as Json)[key] : undefined;

/** A time field as epoch ms; missing or unreadable: -Infinity (sorted last when descending). */
function timeOf(lead: unknown, key: string): number {
  const raw = field(lead, key);
  const time = typeof raw === "string" ? Date.parse(raw) : Number.NaN;
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

const idOf = (lead: unknown): number => {
  const id = Number(field(lead, "id"));
  return Number.isFinite(id) ? id : 0;
};

/** Most recently updated first; equal times: the newest lead (highest id) first. */
export function byMostRecentUpdate<T>(leads: readonly T[]): T[] {
  return [...leads].sort(
    (a, b) => timeOf(b, "updated_at") - timeOf(a, "updated_at") || idOf(b) - idOf(a),
  );
}

/**
 * The instant of a lead's reminder: `next_action_at` / `reminder_at` when given, else its
 * `remind_date` and `remind_time` (as written, compared as text); null when it has none.
 */
export function reminderKey(lead: unknown): string | null {
  for (const key of ["next_action_at", "reminder_at"]) {
    const time = timeOf(lead, key);
    if (Number.isFinite(time)) return new Date(time).toISOString();
  }
  const date = field(lead, "remind_date");
  if (typeof date !== "string" || date === "") return null;
  const time = field(lead, "remind_time");
  return `${date}T${typeof time === "string" && time ? time : "00:00"}`;
}

/** Soonest reminder first; leads without one last; equal: lower id first. */
export function bySoonestReminder<T>(leads: readonly T[]): T[] {
  return [...leads].sort((a, b) => {
    const ka = reminderKey(a);
    const kb = reminderKey(b);
    if (ka === kb) return idOf(a) - idOf(b);
    if (ka === null) return 1;
    if (kb === null) return -1;
    return ka < kb ? -1 : 1;
  });
}
