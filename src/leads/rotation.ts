/**
 * Round-robin over a pool of users, with the turn kept in state shared by the instance's flows
 * (Prismatic's crossFlowState), so every flow assigning from the same pool takes the next user.
 *
 * The pool is ordered by user id and the state keeps the last user given a lead, not a
 * position: a user who is disabled, added or removed between two runs never shifts the others'
 * turns. The next user is the first active one after the last, wrapping around. The state also
 * remembers the last few leads assigned, so a step run again for the same lead (a retry, a
 * replay) gives it to the same user and does not move the turn.
 */

/** crossFlowState key of the rotations (one per pool). */
export const ROTATION_STATE_KEY = "propipelinesRoundRobin";

/** Leads remembered per pool, for replays. */
const REMEMBERED_LEADS = 20;

export interface PoolUser {
  id: number;
  is_disabled?: unknown;
}

export interface Rotation {
  /** The user who got the last lead. */
  last?: number;
  /** Recent assignments, oldest first: [lead id, user id]. */
  recent: Array<[number, number]>;
}

export type Rotations = Record<string, Rotation>;

const isId = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value > 0;

/** The rotations kept in crossFlowState; anything unreadable counts as no state. */
export function readRotations(state: Readonly<Record<string, unknown>>): Rotations {
  const raw = state[ROTATION_STATE_KEY];
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return {};
  const out: Rotations = {};
  for (const [pool, value] of Object.entries(raw)) {
    if (!value || typeof value !== "object") continue;
    const { last, recent } = value as { last?: unknown; recent?: unknown };
    out[pool] = {
      last: isId(last) ? last : undefined,
      recent: Array.isArray(recent)
        ? recent.filter(
            (pair): pair is [number, number] =>
              Array.isArray(pair) && isId(pair[0]) && isId(pair[1]),
          )
        : [],
    };
  }
  return out;
}

/** Users who can take leads: not disabled, each once, by id. */
export function activePool<U extends PoolUser>(users: readonly U[]): U[] {
  const byId = new Map<number, U>();
  for (const user of users) {
    if (user.is_disabled === true || !isId(user.id)) continue;
    if (!byId.has(user.id)) byId.set(user.id, user);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** The user whose turn it is: the first of the (id-ordered, active) pool after `last`. */
export function nextInTurn<U extends PoolUser>(pool: readonly U[], last?: number): U | undefined {
  if (last === undefined) return pool[0];
  return pool.find((user) => user.id > last) ?? pool[0];
}

/** The user a lead was already given in this rotation (a replay), if remembered. */
export function rememberedFor(rotation: Rotation | undefined, leadId: number): number | undefined {
  return rotation?.recent.find(([lead]) => lead === leadId)?.[1];
}

/** The rotation after `leadId` went to `userId`. */
export function advanced(rotation: Rotation | undefined, leadId: number, userId: number): Rotation {
  const recent = (rotation?.recent ?? []).filter(([lead]) => lead !== leadId);
  recent.push([leadId, userId]);
  return { last: userId, recent: recent.slice(-REMEMBERED_LEADS) };
}
