/**
 * The events a flow's trigger has already run for, kept in the state the trigger returns
 * (`instanceState`: Prismatic keeps it per flow, across executions and processes), so that the
 * API's retries of one event run the flow once.
 *
 * Each event id is kept with a fingerprint of what it carried (its name and data, as canonical
 * JSON, 10 characters of SHA-1): the same id again with the same content is a repeat; with other
 * content it is a forgery (the signature covers only the id) and is refused.
 *
 * Bound: the MAX_EVENTS most recent ids (about 20 bytes each: ~20 KB). An id older than those can
 * no longer be told from a new one; the API retries within hours, far fewer events than that.
 * Two deliveries processed at the same moment by two executions each see the state before the
 * other: Prismatic gives a trigger no atomic state, so that narrow race is not covered.
 */
import { createHash } from "node:crypto";
import { canonical } from "./canonical";

export const DELIVERED_KEY = "proPipeLinesEvents";
export const MAX_EVENTS = 1000;

export type Seen = "new" | "repeat" | "conflict";

export class DeliveredEvents {
  private constructor(
    /** id → fingerprint, oldest first. */
    private readonly ids: Map<string, string>,
    /** Why the saved state was not readable, when it was not. */
    readonly problem?: string,
  ) {}

  /** The memory saved in a flow's instance state (empty when none or unreadable). */
  static from(instanceState: Record<string, unknown> | undefined): DeliveredEvents {
    const saved = instanceState?.[DELIVERED_KEY];
    if (saved === undefined) return new DeliveredEvents(new Map());
    const text = (saved as { ids?: unknown } | null)?.ids;
    const entries = typeof text === "string" ? text.split(" ").filter(Boolean) : undefined;
    const pairs = entries?.map((entry) => entry.split(":"));
    if (!pairs || pairs.some((p) => p.length !== 2 || !p[0] || !p[1])) {
      return new DeliveredEvents(new Map(), "the delivered event ids could not be read");
    }
    return new DeliveredEvents(
      new Map(pairs.map(([id, fp]) => [decodeURIComponent(id as string), fp as string])),
    );
  }

  static fingerprint(event: unknown, data: unknown): string {
    return createHash("sha1").update(canonical({ event, data })).digest("base64url").slice(0, 10);
  }

  check(id: string, fingerprint: string): Seen {
    const known = this.ids.get(id);
    if (known === undefined) return "new";
    return known === fingerprint ? "repeat" : "conflict";
  }

  /** The state to return, with `id` added (the newest MAX_EVENTS kept). */
  with(id: string, fingerprint: string): Record<string, unknown> {
    const ids = new Map(this.ids);
    ids.delete(id);
    ids.set(id, fingerprint);
    const kept = [...ids].slice(-MAX_EVENTS);
    const text = kept.map(([key, fp]) => `${encodeURIComponent(key)}:${fp}`).join(" ");
    return { [DELIVERED_KEY]: { ids: text } };
  }
}
