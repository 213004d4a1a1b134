/**
 * What "New or Updated Leads" keeps between polls (Prismatic's polling state), and its bound.
 *
 * Stored as `{ poll: { v: 2, from, mark, markAt, leads, steps }, propipelines? }`:
 * - `from` (epoch seconds): where the next poll reads from (`updated_after`). Every version of a
 *   lead stamped before it has been delivered.
 * - `mark` (epoch seconds): the newest `updated_at` the trigger has read; `markAt` (this
 *   machine's epoch ms): when `mark` last moved. They size the look-back (see ./window.ts).
 * - `leads`: per lead, what the trigger last saw: status, step, and its version (stamp and
 *   content hash). A version at or after `from` is "pinned": it is what keeps a re-read from
 *   delivering it again. The others only serve to tell status and step changes, and the leads
 *   seen longest ago are forgotten first. One entry is about 20 bytes
 *   (`id.status.step.stamp.hash`, base 36, the stamp relative to `mark`), in one string.
 * - `steps`: step id → name, to name the step a lead moved from.
 * - `propipelines`: the connection's user token (session.ts), so a poll in a fresh process
 *   does not log in again.
 *
 * Bound: at most MAX_REMEMBERED leads (3000 × ~18 B ≈ 55 KB) and MAX_STEP_NAMES names, whatever
 * the account's size (measured: under 60 KB after 8000 leads changed). Only a single second
 * holding more than MAX_REMEMBERED changes not all delivered yet keeps more until they are (see
 * `bound`): 4500 of a 5000-lead import delivered is 77 KB; past about 5500, over 100 KB.
 *
 * A state written by the first version of the trigger (`{ watermark, deliveredIds }`) is read
 * as the same position: the ids delivered at the watermark's second count as delivered there.
 */
import { HASH_LENGTH, toSec } from "./versions";

/** 2000-01-01: before any lead, where an empty account starts. */
export const EPOCH_SEC = 946_684_800;
export const MAX_REMEMBERED = 3000;
export const MAX_STEP_NAMES = 200;
/** The hash of a version carried over from a version 1 state: any version with that stamp. */
export const ANY_VERSION = "*";

export interface Remembered {
  status?: string;
  step?: number;
  /** The `updated_at` (epoch seconds) of the version last processed. */
  sec: number;
  hash: string;
}

export interface PollState {
  from: number;
  mark: number;
  markAt: number;
  leads: Map<number, Remembered>;
  steps: Map<number, string>;
}

export const STATE_KEY = "poll";

const STATUS_CODES: Record<string, string> = {
  todo: "t",
  standby: "s",
  won: "w",
  lost: "l",
  cancelled: "c",
};
const STATUS_BY_CODE = Object.fromEntries(Object.entries(STATUS_CODES).map(([s, c]) => [c, s]));

const b36 = (n: number) => n.toString(36);
const isWholeNumber = (value: unknown): value is number => Number.isSafeInteger(value);

/** The state as stored: plain JSON. */
export function stored(state: PollState): Record<string, unknown> {
  const entries = [...state.leads]
    .sort((a, b) => a[1].sec - b[1].sec || a[0] - b[0])
    .map(([id, r]) =>
      [
        b36(id),
        (r.status && STATUS_CODES[r.status]) ?? "",
        r.step === undefined ? "" : b36(r.step),
        b36(r.sec - state.mark),
        r.hash,
      ].join("."),
    );
  return {
    v: 2,
    from: state.from,
    mark: state.mark,
    markAt: state.markAt,
    leads: entries.join(" "),
    steps: Object.fromEntries(state.steps),
  };
}

const ENTRY = new RegExp(
  `^([0-9a-z]+)\\.([tswlc]?)\\.([0-9a-z]*)\\.(-?[0-9a-z]+)\\.([A-Za-z0-9_-]{${HASH_LENGTH}}|\\*)$`,
);

function readEntries(text: string, mark: number): Map<number, Remembered> | undefined {
  const leads = new Map<number, Remembered>();
  for (const entry of text.split(" ").filter(Boolean)) {
    const m = ENTRY.exec(entry);
    if (!m) return undefined;
    const [, id, status, step, rel, hash] = m as unknown as string[];
    leads.set(parseInt(id as string, 36), {
      status: status ? STATUS_BY_CODE[status] : undefined,
      step: step ? parseInt(step, 36) : undefined,
      sec: mark + parseInt(rel as string, 36),
      hash: hash as string,
    });
  }
  return leads;
}

function readSteps(raw: unknown): Map<number, string> | undefined {
  if (raw === undefined) return new Map();
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return undefined;
  const steps = new Map<number, string>();
  for (const [id, name] of Object.entries(raw)) {
    if (!/^\d+$/.test(id) || typeof name !== "string") return undefined;
    steps.set(Number(id), name);
  }
  return steps;
}

export type StateReading =
  | { kind: "none" }
  | { kind: "ok"; state: PollState }
  | { kind: "unreadable"; problem: string };

const unreadable = (problem: string): StateReading => ({ kind: "unreadable", problem });

/** Reads the saved polling state (this version's, or the first version's). */
export function readState(raw: Record<string, unknown>): StateReading {
  const poll = raw[STATE_KEY];
  if (poll !== undefined) return readV2(poll);
  if ("watermark" in raw || "deliveredIds" in raw) return readV1(raw);
  // The polling state is this trigger's alone: besides the token (session.ts), any other key
  // means it was damaged.
  const other = Object.keys(raw).filter((key) => key !== "propipelines");
  if (other.length)
    return unreadable(`it holds ${other.map((k) => JSON.stringify(k)).join(", ")} and no position`);
  return { kind: "none" };
}

function readV2(poll: unknown): StateReading {
  if (!poll || typeof poll !== "object" || Array.isArray(poll)) {
    return unreadable("it is not an object");
  }
  const p = poll as Record<string, unknown>;
  if (p.v !== 2) return unreadable(`its version is ${JSON.stringify(p.v)}, not 2`);
  const { from, mark, markAt } = p;
  if (!isWholeNumber(from) || !isWholeNumber(mark) || !isWholeNumber(markAt)) {
    return unreadable("its position is not a set of whole numbers");
  }
  if (from < 0 || mark < 0 || markAt < 0 || from > mark + 1) {
    return unreadable("its position is out of range");
  }
  const leads = typeof p.leads === "string" ? readEntries(p.leads, mark) : undefined;
  if (!leads) return unreadable("its list of leads seen is malformed");
  const steps = readSteps(p.steps);
  if (!steps) return unreadable("its step names are malformed");
  return { kind: "ok", state: { from, mark, markAt, leads, steps } };
}

function readV1(raw: Record<string, unknown>): StateReading {
  const sec = toSec(raw.watermark);
  if (Number.isNaN(sec) || sec < EPOCH_SEC) {
    return unreadable(`its watermark ${JSON.stringify(raw.watermark)} is not a date`);
  }
  const ids = Array.isArray(raw.deliveredIds) ? raw.deliveredIds : [];
  if (!ids.every(isWholeNumber)) return unreadable("its delivered ids are not ids");
  const leads = new Map<number, Remembered>(
    ids.map((id) => [id, { sec, hash: ANY_VERSION }] as const),
  );
  // The first version asked `updated_after=watermark` and had no look-back: start there.
  return { kind: "ok", state: { from: sec, mark: sec, markAt: 0, leads, steps: new Map() } };
}

/**
 * Keeps the state within its bound. The leads seen longest ago are forgotten first, then, if
 * the leads changed since `from` alone are too many (a large import), the look-back is
 * shortened by whole seconds, never at or after `notBefore` (what is not delivered yet).
 * Returns the new `from` when it had to move, so the caller can say so.
 */
export function bound(state: PollState, notBefore: number): number | undefined {
  while (state.steps.size > MAX_STEP_NAMES) {
    state.steps.delete(state.steps.keys().next().value as number);
  }
  let excess = state.leads.size - MAX_REMEMBERED;
  if (excess <= 0) return undefined;
  const oldestFirst = [...state.leads].sort((a, b) => a[1].sec - b[1].sec);
  for (const [id, r] of oldestFirst) {
    if (excess <= 0) return undefined;
    if (r.sec < state.from) {
      state.leads.delete(id);
      excess -= 1;
    }
  }
  let moved: number | undefined;
  for (const [id, r] of oldestFirst) {
    if (excess <= 0 && r.sec >= (moved ?? state.from)) break;
    if (!state.leads.has(id)) continue;
    if (r.sec >= notBefore) break;
    state.leads.delete(id);
    excess -= 1;
    moved = r.sec + 1;
  }
  if (moved !== undefined) state.from = Math.max(state.from, moved);
  return moved;
}
