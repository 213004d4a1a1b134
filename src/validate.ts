/**
 * Value checks used by input `clean` functions. Each one either returns the value in the type
 * the API wants, `undefined` for an empty optional value, or throws an `InputError` naming the
 * input and the fix — before any request spends the account's quota.
 *
 * spectral's `util.types` is deliberately not used for these: `toInt("5.5")` is 5 and
 * `toBool("abc")` is true there, and a wrong value must be refused, not guessed.
 */
import { InputError } from "./errors";

export function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === "string" && value.trim() === "") ||
    (Array.isArray(value) && value.length === 0)
  );
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : String(value);
}

/** A record id: a positive whole number. */
export function toId(label: string, value: unknown): number | undefined {
  if (isEmpty(value)) return undefined;
  const raw = text(value);
  if (!/^\d{1,15}$/.test(raw) || Number(raw) < 1) {
    throw new InputError(
      label,
      `"${raw}" is not a valid ID: enter a whole number such as 8113, or pick one from the list.`,
    );
  }
  return Number(raw);
}

const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:]{2,}$/;

export function toEmail(label: string, value: unknown): string | undefined {
  if (isEmpty(value)) return undefined;
  const raw = text(value);
  if (!EMAIL.test(raw)) {
    throw new InputError(
      label,
      `"${raw}" is not a valid email address (expected name@example.com).`,
    );
  }
  return raw;
}

const PHONE = /^\+?[\d\s().-]+$/;

/** A phone number as typed: digits, spaces, +, -, ( and ), at least 3 digits. */
export function toPhone(label: string, value: unknown): string | undefined {
  if (isEmpty(value)) return undefined;
  const raw = text(value);
  if (!PHONE.test(raw) || raw.replace(/\D/g, "").length < 3) {
    throw new InputError(
      label,
      `"${raw}" is not a phone number: use digits, spaces, +, -, ( and ) only.`,
    );
  }
  return raw;
}

/** A user given by id or by email address, as the API's `user_id` parameters accept. */
export function toIdOrEmail(label: string, value: unknown): number | string | undefined {
  if (isEmpty(value)) return undefined;
  const raw = text(value);
  if (raw.includes("@")) return toEmail(label, raw);
  if (/^\d+$/.test(raw)) return toId(label, raw);
  throw new InputError(
    label,
    `"${raw}" is neither a user ID (a whole number) nor an email address.`,
  );
}

/** A number within the optional bounds, or an error naming the input. */
function inRange(label: string, n: number, range: { min?: number; max?: number }): number {
  if (range.min !== undefined && n < range.min)
    throw new InputError(label, `must be at least ${range.min} (got ${n}).`);
  if (range.max !== undefined && n > range.max)
    throw new InputError(label, `must be at most ${range.max} (got ${n}).`);
  return n;
}

export interface Range {
  min?: number;
  max?: number;
}

export function toInteger(label: string, value: unknown, range: Range = {}): number | undefined {
  if (isEmpty(value)) return undefined;
  const raw = text(value);
  if (!/^-?\d+$/.test(raw)) throw new InputError(label, `"${raw}" is not a whole number.`);
  return inRange(label, Number(raw), range);
}

export function toDecimal(label: string, value: unknown, range: Range = {}): number | undefined {
  if (isEmpty(value)) return undefined;
  const raw = text(value);
  if (!/^-?\d+(\.\d+)?$/.test(raw))
    throw new InputError(label, `"${raw}" is not a number (use a dot for decimals: 2400.50).`);
  return inRange(label, Number(raw), range);
}

/** true/false only (spectral's toBool makes "abc" true). */
export function toBoolean(label: string, value: unknown): boolean | undefined {
  if (isEmpty(value)) return undefined;
  if (typeof value === "boolean") return value;
  const raw = text(value).toLowerCase();
  if (raw === "true") return true;
  if (raw === "false") return false;
  throw new InputError(label, `"${raw}" is not true or false.`);
}

export function toChoice<T extends string>(
  label: string,
  value: unknown,
  choices: readonly T[],
): T | undefined {
  if (isEmpty(value)) return undefined;
  const raw = text(value);
  const match = choices.find((c) => c.toLowerCase() === raw.toLowerCase());
  if (!match) throw new InputError(label, `"${raw}" is not one of: ${choices.join(", ")}.`);
  return match;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date, YYYY-MM-DD. */
export function toDate(label: string, value: unknown): string | undefined {
  if (isEmpty(value)) return undefined;
  const raw = text(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new InputError(
      label,
      `"${raw}" is not a date in the form YYYY-MM-DD (for example 2026-03-12).`,
    );
  }
  return raw;
}

/** A date or a date-time: YYYY-MM-DD, YYYY-MM-DD HH:MM:SS (account time) or ISO 8601 UTC. */
export function toDateTime(label: string, value: unknown): string | undefined {
  if (isEmpty(value)) return undefined;
  const raw = text(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:([ T])(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?(Z)?)?$/.exec(raw);
  const timeOk =
    !m?.[4] ||
    (Number(m[5]) < 24 &&
      Number(m[6]) < 60 &&
      Number(m[7]) < 60 &&
      (m[4] === " " ? !m[9] && !m[8] : true));
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) || !timeOk) {
    throw new InputError(
      label,
      `"${raw}" is not a valid date: use YYYY-MM-DD, YYYY-MM-DD HH:MM:SS (account time zone, 24h) or YYYY-MM-DDTHH:MM:SS.sssZ (UTC).`,
    );
  }
  return raw;
}

/** Refuses a range whose start is after its end (values already checked by dateTimeInput). */
export function checkDateOrder(
  start: { label: string; value: unknown },
  end: { label: string; value: unknown },
): void {
  if (typeof start.value !== "string" || typeof end.value !== "string") return;
  const from = Date.parse(toIso(start.value));
  const to = Date.parse(toIso(end.value));
  if (from > to) {
    throw new InputError(
      end.label,
      `${end.value} is before ${start.label} ${start.value}: swap them or correct one.`,
    );
  }
}

/** YYYY-MM-DD[ HH:MM:SS] or ISO → ISO in UTC, so both ends compare alike (same time zone). */
function toIso(value: string): string {
  const iso = value.length === 10 ? `${value}T00:00:00` : value.replace(" ", "T");
  return iso.endsWith("Z") ? iso : `${iso}Z`;
}

/** HH:MM on a quarter hour, as reminders require. */
export function toQuarterHour(label: string, value: unknown): string | undefined {
  if (isEmpty(value)) return undefined;
  const raw = text(value);
  if (!/^([01]\d|2[0-3]):(00|15|30|45)$/.test(raw)) {
    throw new InputError(
      label,
      `"${raw}" is not a time HH:MM on a quarter hour (09:00, 09:15, 09:30 or 09:45).`,
    );
  }
  return raw;
}

export function toText(
  label: string,
  value: unknown,
  opts: { maxLength?: number } = {},
): string | undefined {
  if (isEmpty(value)) return undefined;
  const raw = typeof value === "string" ? value : String(value);
  if (opts.maxLength !== undefined && raw.trim().length > opts.maxLength) {
    throw new InputError(
      label,
      `is ${raw.trim().length} characters long; the API allows at most ${opts.maxLength}.`,
    );
  }
  return raw;
}

/** A value list (or a comma-separated string, or a JSON array from a previous step). */
export function toList(label: string, value: unknown): string[] | undefined {
  if (isEmpty(value)) return undefined;
  let items: unknown[];
  if (Array.isArray(value)) {
    items = value;
  } else if (typeof value === "string" && value.trim().startsWith("[")) {
    items = parseJson(label, value) as unknown[];
    if (!Array.isArray(items)) throw new InputError(label, "expected a list of values.");
  } else {
    items = text(value).split(",");
  }
  const list = items.flatMap((v) => (isEmpty(v) ? [] : [text(v)]));
  return list.length ? list : undefined;
}

/** A key/value list as an ordered record (keys kept in the order given). */
export function toKeyValues(label: string, value: unknown): Array<[string, string]> | undefined {
  if (isEmpty(value)) return undefined;
  const source = typeof value === "string" ? parseJson(label, value) : value;
  let pairs: Array<[string, unknown]>;
  if (Array.isArray(source)) {
    pairs = source.map((p) => {
      if (!p || typeof p !== "object" || !("key" in p))
        throw new InputError(label, "expected a list of key/value pairs.");
      const { key, value: v } = p as { key: unknown; value: unknown };
      return [text(key), v];
    });
  } else if (source && typeof source === "object") {
    pairs = Object.entries(source);
  } else {
    throw new InputError(label, "expected a list of key/value pairs.");
  }
  const out = pairs
    .filter(([k, v]) => k && !isEmpty(v))
    .map(([k, v]): [string, string] => [k, text(v)]);
  return out.length ? out : undefined;
}

export function parseJson(label: string, value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw new InputError(label, "is not valid JSON.");
  }
}

/** JSON object or array, from a previous step's output or typed as text. */
export function toJson(label: string, value: unknown): unknown {
  if (isEmpty(value)) return undefined;
  if (typeof value === "string") return parseJson(label, value);
  return value;
}

/** A required input left empty. */
export class RequiredError extends InputError {
  constructor(label: string) {
    super(label, "is required: fill it in or map a value from a previous step.");
  }
}

export interface FileData {
  data: Buffer;
  contentType?: string;
}

/** A file from a previous step: a Buffer, a string, or spectral's `{ data, contentType }`. */
export function toFileData(label: string, value: unknown): FileData | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (Buffer.isBuffer(value)) return { data: value };
  if (typeof value === "string") return { data: Buffer.from(value, "utf8") };
  if (typeof value === "object" && "data" in value) {
    const { data, contentType } = value as { data: unknown; contentType?: unknown };
    const type = typeof contentType === "string" ? contentType : undefined;
    if (Buffer.isBuffer(data)) return { data, contentType: type };
    if (data instanceof Uint8Array) return { data: Buffer.from(data), contentType: type };
    if (typeof data === "string") return { data: Buffer.from(data, "utf8"), contentType: type };
  }
  throw new InputError(label, "expected a file (binary data or text) from a previous step.");
}
