/**
 * The store's fake clock. Each write asks `tick()` for its timestamp; by default the clock moves
 * one second per tick, so `updated_at` orders writes. Tests can set it, freeze it (many writes in
 * the same second, as a bulk import), step it back (an NTP correction) or advance it. Answers
 * keep the API's one-second precision: timestamps are whole seconds, `.000Z`.
 */

const SECOND = 1000;

/** A whole-second ISO timestamp. */
export const isoSecond = (ms: number): string =>
  new Date(Math.floor(ms / SECOND) * SECOND).toISOString();

export class FakeClock {
  private ms: number;
  private frozen = false;

  constructor(start: string | number) {
    this.ms = typeof start === "number" ? start : Date.parse(start);
  }

  /** The timestamp of the next write: one second later, unless the clock is frozen. */
  tick(): string {
    if (!this.frozen) this.ms += SECOND;
    return isoSecond(this.ms);
  }

  /** The current time, without moving the clock. */
  now(): string {
    return isoSecond(this.ms);
  }

  /** Epoch milliseconds of the current time. */
  get epochMs(): number {
    return this.ms;
  }

  /** Jumps to a time (ISO text or epoch ms). The next unfrozen tick is one second after it. */
  set(time: string | number): this {
    const ms = typeof time === "number" ? time : Date.parse(time);
    if (Number.isNaN(ms)) throw new Error(`FakeClock.set: not a time: ${String(time)}`);
    this.ms = ms;
    return this;
  }

  advance(ms: number): this {
    this.ms += ms;
    return this;
  }

  /** Moves the clock backwards (an NTP correction): later writes get earlier timestamps. */
  stepBack(ms: number): this {
    this.ms -= ms;
    return this;
  }

  /** Until `unfreeze()`, every write is stamped with the current second. */
  freeze(): this {
    this.frozen = true;
    return this;
  }

  unfreeze(): this {
    this.frozen = false;
    return this;
  }

  get isFrozen(): boolean {
    return this.frozen;
  }

  /** Runs `fn` with the clock frozen (restoring the previous state after). */
  frozenDuring<T>(fn: () => T): T {
    const was = this.frozen;
    this.frozen = true;
    try {
      return fn();
    } finally {
      this.frozen = was;
    }
  }
}
