/**
 * Relative dates for date inputs: `today`, `tomorrow`, `yesterday`, and offsets from now
 * `+Nd`, `-Nd` (days) and `+Nh`, `-Nh` (hours), e.g. `-24h` or `+3d`. Case-insensitive, spaces
 * around (and between sign, number and unit) ignored.
 *
 * Resolved in an IANA time zone (the account's where the API wants local time; "UTC" when none
 * is known), with `Intl.DateTimeFormat`, so daylight-saving changes are handled:
 * - `today` / `tomorrow` / `yesterday`: that calendar day in the zone; as a date-time, its first
 *   instant (local midnight, or the end of the gap on a day whose midnight is skipped).
 * - `±Nd`: N calendar days away in the zone. As a date-time, the same local wall-clock time
 *   N days away (so a 23- or 25-hour day in between does not shift it); when that time does not
 *   exist (skipped by a DST change) it is moved forward by the gap, and when it exists twice the
 *   earlier one is taken.
 * - `±Nh`: exactly N hours from now (as a date: the zone's calendar day at that instant).
 *
 * N is a whole number from 0 to 3650 days or 87600 hours (10 years): further than that is
 * refused as a likely typo rather than sent as a filter.
 *
 * How an input uses it:
 * ```ts
 * const problem = relativeDateProblem(raw);
 * if (problem) throw new InputError(label, problem);
 * const date = resolveDate(raw, { timeZone }) ?? toDate(label, raw); // absolute forms
 * ```
 */

export const MAX_RELATIVE_DAYS = 3650;
export const MAX_RELATIVE_HOURS = 87600;

/** The accepted relative forms, for input comments and messages. */
export const RELATIVE_DATE_FORMS =
  "today, tomorrow, yesterday, or an offset from now: +3d or -7d (days), +2h or -24h (hours)";

export interface RelativeDateOptions {
  /** The current instant (default: the clock). */
  now?: Date | number;
  /** IANA time zone, e.g. "Europe/Paris" (default "UTC"). */
  timeZone?: string;
}

/** `day`: a keyword (a whole day); `d`: an offset in days; `h`: an offset in hours. */
interface Relative {
  unit: "day" | "d" | "h";
  amount: number;
}

const KEYWORDS = new Map([
  ["yesterday", -1],
  ["today", 0],
  ["tomorrow", 1],
]);
const OFFSET = /^([+-])\s*(\d+)\s*([dh])$/;

/** Levenshtein distance, for "did you mean" on short words. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

function quoted(text: string): string {
  const chars = [...text];
  return JSON.stringify(chars.length > 40 ? `${chars.slice(0, 40).join("")}…` : text);
}

/** The relative form of `value`, a problem when it looks relative but is not valid, or undefined. */
function parse(value: unknown): Relative | { problem: string } | undefined {
  if (typeof value !== "string") return undefined;
  const raw = value.trim();
  const text = raw.toLowerCase();
  const keyword = KEYWORDS.get(text);
  if (keyword !== undefined) return { unit: "day", amount: keyword };
  const offset = OFFSET.exec(text);
  if (offset) {
    const amount = Number(offset[2]) * (offset[1] === "-" ? -1 : 1);
    const unit = offset[3] as "d" | "h";
    const max = unit === "d" ? MAX_RELATIVE_DAYS : MAX_RELATIVE_HOURS;
    if (Math.abs(amount) > max) {
      return {
        problem: `${quoted(raw)} is too far from now: offsets go up to ${MAX_RELATIVE_DAYS} days (d) or ${MAX_RELATIVE_HOURS} hours (h).`,
      };
    }
    return { unit, amount: amount === 0 ? 0 : amount };
  }
  if (/^[+-]/.test(text)) {
    return {
      problem: `${quoted(raw)} is not a valid offset: write + or -, a whole number, then d (days) or h (hours), for example +3d or -24h.`,
    };
  }
  const unsigned = /^(\d+)\s*([dh])$/.exec(text);
  if (unsigned) {
    const form = `${unsigned[1]}${unsigned[2]}`;
    return {
      problem: `${quoted(raw)} needs a sign: +${form} for the future or -${form} for the past.`,
    };
  }
  // Absolute dates and date-times start with a 4-digit year; any other text with a letter is a
  // mistyped keyword or a phrase ("next monday") this input does not understand.
  if (!/^\d{4}-/.test(text) && /\p{L}/u.test(text)) {
    const guess =
      text.length <= 12
        ? [...KEYWORDS.keys()].find((word) => distance(text, word) <= 2)
        : undefined;
    const hint = guess ? ` Did you mean ${guess}?` : "";
    return {
      problem: `${quoted(raw)} is not a date.${hint} Use a date, or ${RELATIVE_DATE_FORMS}.`,
    };
  }
  return undefined;
}

/**
 * Why `value` is refused as a relative date (it looks relative but is not valid: `+3x`, `+-3d`,
 * `+99999999d`, `tomorow`, `3d`, `next monday`), or undefined: valid relative forms and absolute
 * dates give undefined (absolute ones are for the caller's own check). The message completes a
 * sentence starting with the input's label.
 */
export function relativeDateProblem(value: unknown): string | undefined {
  const parsed = parse(value);
  return parsed && "problem" in parsed ? parsed.problem : undefined;
}

/** True when `value` is a valid relative form. */
export function isRelativeDate(value: unknown): boolean {
  const parsed = parse(value);
  return parsed !== undefined && !("problem" in parsed);
}

// ---------------------------------------------------------------------------------------------
// Time zones

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Why `timeZone` cannot be used, or undefined when it is a time zone this runtime knows. */
export function timeZoneProblem(timeZone: string): string | undefined {
  try {
    formatter(timeZone);
    return undefined;
  } catch {
    return `${quoted(timeZone)} is not a time zone: use an IANA name such as Europe/Paris or America/New_York.`;
  }
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The zone's wall-clock time at `ms` (whole seconds). */
function wallClock(ms: number, timeZone: string): Wall {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** A wall-clock time read as if it were UTC, in ms: the arithmetic form of a local time. */
const wallMs = (w: Wall) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** The zone's offset from UTC at `ms`, in ms. */
const offsetAt = (ms: number, timeZone: string) =>
  wallMs(wallClock(ms, timeZone)) - Math.floor(ms / 1000) * 1000;

/**
 * The instant at which the zone's clock shows `wall` (+ `millis`): the earlier one when it shows
 * it twice, and for a time skipped by a DST change, the time moved forward by the gap.
 */
function instantOf(wall: Wall, millis: number, timeZone: string): number {
  const local = wallMs(wall);
  const offsets = [...new Set([-DAY, 0, DAY].map((d) => offsetAt(local + d, timeZone)))];
  const matches = offsets
    .map((offset) => local - offset)
    .filter((ms) => wallMs(wallClock(ms, timeZone)) === local)
    .sort((a, b) => a - b);
  // No offset gives that wall time: it falls in a gap; the offset before the gap (the smallest)
  // lands as many minutes past the gap as the time was into it.
  return (matches[0] ?? local - Math.min(...offsets)) + millis;
}

/**
 * The instant (ms) at which the zone's clock reads a local date and time (`YYYY-MM-DD` and
 * optional `HH:MM:SS`): the API reads dates without a zone in the account's time zone.
 */
export function localInstant(date: string, time: string, timeZone: string): number {
  const [year, month, day] = date.split("-").map(Number);
  const [hour = 0, minute = 0, second = 0] = time.split(":").map(Number);
  const wall = { year, month, day, hour, minute, second } as Wall;
  return instantOf(wall, 0, timeZone);
}

function instantNow(now: Date | number | undefined): number {
  const ms = now === undefined ? Date.now() : typeof now === "number" ? now : now.getTime();
  if (!Number.isFinite(ms)) throw new RangeError("relative dates: `now` is not a valid date");
  return ms;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const dateText = (w: Pick<Wall, "year" | "month" | "day">) =>
  `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;

/** The calendar date `days` after the wall time's date (calendar arithmetic, no hours). */
function addDays(w: Wall, days: number): Wall {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return { ...w, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * A relative form as a calendar date `YYYY-MM-DD` in the time zone (for date inputs such as a
 * reminder date), or undefined when `value` is not a valid relative form (absolute dates, and
 * invalid relative ones: see `relativeDateProblem`). Throws a RangeError for an unknown time zone.
 */
export function resolveDate(value: unknown, options: RelativeDateOptions = {}): string | undefined {
  const parsed = parse(value);
  if (!parsed || "problem" in parsed) return undefined;
  const timeZone = options.timeZone ?? "UTC";
  const now = instantNow(options.now);
  if (parsed.unit === "h") return dateText(wallClock(now + parsed.amount * HOUR, timeZone));
  return dateText(addDays(wallClock(now, timeZone), parsed.amount));
}

/**
 * A relative form as an ISO 8601 UTC date-time (`2026-03-12T08:00:00.000Z`) for date-time
 * filters: today / yesterday / tomorrow = the first instant of that day in the time zone;
 * `±Nd` = the same local time N days away; `±Nh` = now ± N hours. Undefined when `value` is
 * not a valid relative form. Throws a RangeError for an unknown time zone.
 */
export function resolveDateTime(
  value: unknown,
  options: RelativeDateOptions = {},
): string | undefined {
  const parsed = parse(value);
  if (!parsed || "problem" in parsed) return undefined;
  const timeZone = options.timeZone ?? "UTC";
  const now = instantNow(options.now);
  if (parsed.unit === "h") return new Date(now + parsed.amount * HOUR).toISOString();
  const wall = wallClock(now, timeZone);
  if (parsed.unit === "day") {
    const day = { ...addDays(wall, parsed.amount), hour: 0, minute: 0, second: 0 };
    return new Date(instantOf(day, 0, timeZone)).toISOString();
  }
  const millis = ((now % 1000) + 1000) % 1000;
  return new Date(instantOf(addDays(wall, parsed.amount), millis, timeZone)).toISOString();
}
