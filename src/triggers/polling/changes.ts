/**
 * What changed in each collected version, against what the trigger last saw of the lead, and
 * whether the poll delivers it under the trigger's options.
 *
 * - created: the trigger never saw the lead and it was created within this poll's reach.
 * - status / step, from → to: against the status and step remembered for the lead (state.ts).
 *   A lead the trigger does not remember (not seen since the trigger started, or forgotten
 *   after MAX_REMEMBERED other leads) has no "from":
 *   - won / lost / cancelled: the API stamps `closed_at` when a lead closes, so a close at or
 *     after what the trigger has read is new, an older one is not (0 requests). A remembered
 *     lead with the same closed status counts again only when `closed_at` moved (reopened and
 *     closed again between two polls);
 *   - to-do / standby and steps: only when an option narrows to that status or step, the
 *     lead's history tells whether it changed within the poll's reach (1 request for such a
 *     lead, at most HISTORY_LOOKUPS per poll; the next poll goes on from there). Otherwise the
 *     change is reported as unknown (null).
 * So an amount change on a won lead is not "won" again: the trigger saw it won, or its
 * `closed_at` is older than what the trigger has read.
 */
import type { ProPipeLinesClient } from "../../client";
import { ApiError } from "../../errors";
import type { PollState } from "./state";
import { isoOf, type LeadJson, statusOf, stepIdOf, toSec, type Version } from "./versions";

export const HISTORY_LOOKUPS = 10;
/** Seconds of tolerance between a change's history entry or `closed_at` and the lead's stamp. */
const SLACK_SEC = 2;
const CLOSED = new Set(["won", "lost", "cancelled"]);

export type Deliver = "all" | "created" | "updated";

export interface Options {
  deliver: Deliver;
  statusChangedTo?: string;
  movedToStep?: number;
}

export interface StepRef {
  id: number;
  name: string | null;
}

/** What a delivered lead says changed. */
export interface Change {
  type: "created" | "updated";
  /** The status entered (from null: not known), or null when it did not change or is unknown. */
  status: { from: string | null; to: string } | null;
  step: { from: StepRef | null; to: StepRef } | null;
}

export interface Decision {
  version: Version;
  change: Change;
  deliver: boolean;
}

interface Context {
  client: ProPipeLinesClient;
  state: PollState;
  /** Where this poll read from. */
  from: number;
  options: Options;
}

/** Whether the lead's history has an entry of `type` since `sinceSec` (1 request). */
async function changedSince(
  client: ProPipeLinesClient,
  leadId: number,
  type: "status_changed" | "step_changed",
  sinceSec: number,
): Promise<boolean> {
  try {
    const { data } = await client.request<unknown[]>({
      method: "GET",
      path: "/leads/{id}/action_histories",
      pathParams: { id: leadId },
      query: { action_type: type, from: isoOf(sinceSec), direction: "desc", limit: 1 },
      expect: "list",
    });
    return data.length > 0;
  } catch (error) {
    // Deleted since it was read: it did not enter anything the flow could act on.
    if (error instanceof ApiError && error.status === 404) return false;
    throw error;
  }
}

const stepName = (lead: LeadJson) => (typeof lead.step === "string" ? lead.step : null);

/**
 * Decides each version, oldest first. Returns the decisions made and, when the history lookups
 * ran out, the stamp where the next poll resumes (the rest is left undecided and unremembered).
 */
export async function decide(
  versions: Version[],
  { client, state, from, options }: Context,
): Promise<{ decisions: Decision[]; stopAt: number }> {
  const decisions: Decision[] = [];
  let lookups = 0;
  for (const version of versions) {
    const { lead, id } = version;
    const prev = state.leads.get(id);
    const status = statusOf(lead);
    const stepId = stepIdOf(lead);
    const created = !prev && toSec(lead.created_at) >= from - SLACK_SEC;
    const type = created ? "created" : "updated";
    const typeWanted = options.deliver === "all" || options.deliver === type;
    // A change of an unremembered lead counts from this poll's reach; of a remembered one, from
    // after the version last seen (with a margin, so a `closed_at` stamped a little after its
    // version never makes an amount change look like a new close).
    const since = prev ? prev.sec + 1 : from - SLACK_SEC;
    const closedSince = prev ? prev.sec + 1 + SLACK_SEC : from - SLACK_SEC;
    const stepRef = (sid: number): StepRef => ({
      id: sid,
      name: sid === stepId ? stepName(lead) : (state.steps.get(sid) ?? null),
    });

    let statusFrom: string | null | undefined; // undefined: no change found
    if (status !== undefined) {
      if (created) statusFrom = null;
      else if (prev?.status !== undefined && prev.status !== status) statusFrom = prev.status;
      else if (CLOSED.has(status) && toSec(lead.closed_at) >= closedSince) statusFrom = null;
    }
    let stepFrom: StepRef | null | undefined;
    if (stepId !== undefined) {
      if (created) stepFrom = null;
      else if (prev?.step !== undefined && prev.step !== stepId) stepFrom = stepRef(prev.step);
    }

    // An unremembered lead now in the status or step an option narrows to: ask its history.
    const askStatus =
      typeWanted &&
      statusFrom === undefined &&
      status === options.statusChangedTo &&
      prev?.status === undefined &&
      !CLOSED.has(status ?? "");
    const askStep =
      typeWanted &&
      stepFrom === undefined &&
      stepId !== undefined &&
      stepId === options.movedToStep &&
      prev?.step === undefined;
    if (askStatus || askStep) {
      if (lookups >= HISTORY_LOOKUPS) return { decisions, stopAt: version.sec };
      lookups += 1;
      if (askStatus && (await changedSince(client, id, "status_changed", since))) {
        statusFrom = null;
      }
      if (askStep && (await changedSince(client, id, "step_changed", since))) stepFrom = null;
    }

    const change: Change = {
      type,
      status:
        statusFrom === undefined || status === undefined ? null : { from: statusFrom, to: status },
      step:
        stepFrom === undefined || stepId === undefined
          ? null
          : { from: stepFrom, to: stepRef(stepId) },
    };
    const narrowed = options.statusChangedTo !== undefined || options.movedToStep !== undefined;
    const entered =
      (options.statusChangedTo !== undefined && change.status?.to === options.statusChangedTo) ||
      (options.movedToStep !== undefined && change.step?.to.id === options.movedToStep);
    decisions.push({ version, change, deliver: typeWanted && (!narrowed || entered) });

    state.leads.set(id, { status, step: stepId, sec: version.sec, hash: version.hash });
    const name = stepName(lead);
    if (stepId !== undefined && name !== null) {
      state.steps.delete(stepId);
      state.steps.set(stepId, name);
    }
  }
  return { decisions, stopAt: Number.POSITIVE_INFINITY };
}
