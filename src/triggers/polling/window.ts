/**
 * The look-back: how far back each poll reads again, and why that is enough.
 *
 * A version of a lead can appear below the newest stamp the trigger has read (`mark`):
 * - the API's clock stepped back (an NTP correction): later writes get earlier stamps;
 * - it was written in a second the last poll had already read (1 s precision);
 * - a poll paging through one busy second was shifted by a change or a deletion.
 * So every poll reads again from LOOK_BACK_SEC before `mark`, and the content hashes kept for
 * those versions (state.ts) stop it from delivering them twice.
 *
 * Why it is safe to shrink the look-back on an idle account: a write made after a poll started
 * is stamped at least at the API's time then, minus any clock step (at most LOOK_BACK_SEC).
 * The API's time when `mark` was read was at least `mark`, and it has run since at the rate
 * of this machine's clock (`markAt`, epoch ms). So after a poll that started `e` seconds after
 * `mark` was first read, nothing older than `mark - LOOK_BACK_SEC + e` can appear any more,
 * and never anything older than `mark + 1` once `e` exceeds the look-back. That keeps the poll
 * of an idle account at one request, whatever happened before it went idle.
 */

/** Clock steps of up to 10 minutes are covered. */
export const LOOK_BACK_SEC = 600;

export interface WindowInput {
  /** Where this poll read from. */
  from: number;
  /** The first stamp this poll left unprocessed (Infinity when it read to the end). */
  stopAt: number;
  mark: number;
  /** When `mark` was first read (this machine's epoch ms). */
  markAt: number;
  /** When this poll started (this machine's epoch ms). */
  pollStartMs: number;
}

/** Where the next poll reads from: never before this poll's start, never past what is not delivered. */
export function nextFrom({ from, stopAt, mark, markAt, pollStartMs }: WindowInput): number {
  const elapsed = Math.max(0, Math.floor((pollStartMs - markAt) / 1000));
  return Math.max(from, Math.min(stopAt, mark + 1, mark - LOOK_BACK_SEC + elapsed));
}
