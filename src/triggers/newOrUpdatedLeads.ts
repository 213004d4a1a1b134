/**
 * "New or Updated Leads": a polling trigger for accounts without webhooks or advanced events.
 *
 * Guarantee: each change of a lead that a poll can see is delivered once — no stall, no miss,
 * no replay of the account's history — under bulk imports larger than a poll, changes and
 * deletions while a poll pages, several changes to one lead within one second, and steps back
 * of the API's clock of up to 10 minutes. (Changes made between two polls are seen as one: the
 * API shows a lead as it is now.)
 *
 * How (polling/*):
 * - A version of a lead is its `updated_at` second plus a hash of its content (versions.ts):
 *   two changes within one second differ by content, not by stamp.
 * - Each poll reads every change since `from` (reader.ts): the newest changes first, which is
 *   the whole poll when they reach back to `from` (an idle poll: 1 request); otherwise oldest
 *   first, by keyset on `updated_at`, with an offset only within one second that holds more
 *   leads than a page (a bulk import), overlapping so that a shift is read or detected.
 * - `from` trails the newest stamp read by a look-back of 10 minutes (window.ts), so versions
 *   stamped late (clock steps, same-second writes, shifted pages) are read again; the hashes
 *   kept for the versions in the look-back make the second reading deliver nothing twice. The
 *   look-back shrinks as the account stays idle, and `from` never passes a version not yet
 *   delivered: a poll stopped by Maximum Leads per Poll resumes exactly there.
 * - What the trigger last saw of each lead (status, step) is kept, bounded (state.ts), to tell
 *   "status changed to …" and "moved to step …" from other changes (changes.ts).
 * - A state that cannot be read, or that is ahead of the API's newest change by more than the
 *   look-back (a clock corrected by more, a bad Start From), is started again from the newest
 *   change with a warning in the logs, within that poll: never stuck.
 *
 * Cost: an idle poll is 1 request (with a user token too: the token is kept in the poll's
 * state, so a poll in a new process does not log in again): 1440 requests a day polling every
 * minute, 288 every 5 minutes, 96 every 15 minutes, of the account's 2000. Changes cost 1
 * request per 100, plus the look-back read again when more than about 100 leads changed in its
 * 10 minutes; a narrowing option adds 1 request per lead it cannot judge from memory (at most
 * 10 per poll).
 *
 * The first poll (no state, no Start From) delivers nothing: it reads the newest changes (one
 * request) and starts from there, so the account's history is not replayed.
 */
import { type ActionLogger, type Connection, pollingTrigger } from "@prismatic-io/spectral";
import { connect, type ProPipeLinesClient } from "../client";
import { leadList } from "../examples/leads/leads";
import type { QueryValue } from "../http/request";
import {
  booleanInput,
  choiceInput,
  connectionInput,
  dateTimeInput,
  idInput,
  integerInput,
  LEAD_STATUSES,
} from "../inputs";
import { withContact } from "../leads/contact";
import { examplePayload } from "./examplePayload";
import { type Change, type Decision, type Deliver, decide } from "./polling/changes";
import {
  Collector,
  type FirstPage,
  firstPage,
  OVERLAP,
  PAGE_SIZE,
  readAscending,
} from "./polling/reader";
import { startFromSec } from "./polling/startFrom";
import {
  ANY_VERSION,
  bound,
  EPOCH_SEC,
  type PollState,
  readState,
  STATE_KEY,
  type StateReading,
  stored,
} from "./polling/state";
import type { Version } from "./polling/versions";
import { statusOf, stepIdOf } from "./polling/versions";
import { LOOK_BACK_SEC, nextFrom } from "./polling/window";

const DELIVER: readonly Deliver[] = ["all", "created", "updated"];

const inputs = {
  connection: connectionInput,
  startFrom: dateTimeInput({
    label: "Start From",
    comments:
      "Optional. On the first poll, also deliver the leads updated since this date (YYYY-MM-DD HH:MM:SS in the account's time zone, or YYYY-MM-DDTHH:MM:SS.sssZ in UTC). Empty: start with the changes made after the first poll.",
  }),
  includeUnassigned: booleanInput({
    label: "Include Unassigned Leads",
    default: "true",
    comments:
      "Also watch leads that have no user (leads created with the API key are unassigned). With a user connection, that user must be allowed to see unassigned leads.",
  }),
  maxLeads: integerInput({
    label: "Maximum Leads per Poll",
    min: 1,
    max: 5000,
    default: "500",
    comments:
      "At most this many changed leads per poll (100 per request); the rest come with the next poll, none is skipped. 500 leads cost 5 requests.",
  }),
  deliver: choiceInput({
    label: "Deliver",
    choices: DELIVER,
    labels: {
      all: "New and updated leads",
      created: "New leads only",
      updated: "Updated leads only",
    },
    default: "all",
    comments:
      "Which leads start the flow: new ones (created since the last poll), updated ones, or both. Each delivered lead says what changed in `change`.",
  }),
  statusChangedTo: choiceInput({
    label: "Only When Status Changed To",
    choices: LEAD_STATUSES,
    labels: {
      todo: "To-do",
      standby: "Standby",
      won: "Won",
      lost: "Lost",
      cancelled: "Cancelled",
    },
    comments:
      "Optional. Deliver a lead only when its status became this one since the trigger last saw it (a new lead created with it counts). Any other change, such as a new amount on a won lead, is not delivered. Won, lost and cancelled are told from the lead's closing date (no request); for to-do and standby, a lead the trigger has not seen before costs 1 request to read its history.",
  }),
  movedToStep: idInput({
    label: "Only When Moved To Step",
    dataSource: "selectStep",
    example: "1191",
    comments:
      "Optional. Deliver a lead only when it arrived in this step since the trigger last saw it (a new lead created in it counts). A lead the trigger has not seen before costs 1 request to read its history. With Only When Status Changed To as well, a lead is delivered when either happened.",
  }),
};

interface PolledLead {
  change: Change;
  [key: string]: unknown;
}

type Logger = Pick<ActionLogger, "warn">;

const warn = (logger: Logger, text: string) => logger.warn(`New or Updated Leads: ${text}`);

/** Every lead of the newest page is remembered as it is: known from now on. */
function remember(state: PollState, versions: Version[]): PollState {
  for (const v of [...versions].reverse()) {
    const step = stepIdOf(v.lead);
    state.leads.set(v.id, { status: statusOf(v.lead), step, sec: v.sec, hash: v.hash });
    if (step !== undefined && typeof v.lead.step === "string") state.steps.set(step, v.lead.step);
  }
  return state;
}

/** Starts at the newest change: what exists now counts as delivered (1 request, already made). */
function baseline(first: FirstPage, nowMs: number): PollState {
  const empty = { markAt: nowMs, leads: new Map(), steps: new Map() };
  const newest = first.newest;
  if (newest === undefined) return { ...empty, from: EPOCH_SEC, mark: EPOCH_SEC };
  const oldest = first.versions.at(-1)?.sec ?? newest;
  // When the page does not reach back over the look-back, the rest of its oldest second is
  // history as well: start after it.
  const from = first.reaches(newest - LOOK_BACK_SEC) ? newest - LOOK_BACK_SEC : oldest + 1;
  return remember({ ...empty, from: Math.max(0, from), mark: newest }, first.versions);
}

/**
 * The saved position, or the one Start From gives on a first poll; undefined when the poll must
 * start again from the newest change (no state, or one that is unreadable or ahead of the API).
 */
function startingState(
  reading: StateReading,
  params: { startFrom?: string; connection: Connection },
  first: FirstPage,
  logger: Logger,
  nowMs: number,
): PollState | undefined {
  if (reading.kind === "unreadable") {
    warn(
      logger,
      `the saved state could not be read (${reading.problem}); starting again from the newest change. Changes made since the last successful poll are not delivered.`,
    );
    return undefined;
  }
  let state = reading.kind === "ok" ? reading.state : undefined;
  if (reading.kind === "none" && params.startFrom) {
    const sec = startFromSec(params.startFrom, params.connection);
    state = { from: sec, mark: sec - 1, markAt: nowMs, leads: new Map(), steps: new Map() };
  }
  if (state && first.newest !== undefined && state.mark > first.newest + LOOK_BACK_SEC) {
    const at = (sec: number) => new Date(sec * 1000).toISOString();
    warn(
      logger,
      `the saved position (${at(state.mark)}) is ahead of the newest change in Pro Pipe Lines (${at(first.newest)}): the account's clock moved back, its newest leads were deleted, or Start From is in the future. Starting again from the newest change.`,
    );
    return undefined;
  }
  return state;
}

/** The versions not delivered yet: from the newest page when it reaches back to `from`. */
async function collect(
  client: ProPipeLinesClient,
  query: Record<string, QueryValue>,
  first: FirstPage,
  state: PollState,
  { budget, logger }: { budget: number; logger: Logger },
): Promise<Collector> {
  const { from } = state;
  const collector = new Collector(known(state), budget);
  if (first.reaches(from)) {
    for (const v of [...first.versions].reverse()) {
      if (v.sec >= from && !collector.add(v)) break;
    }
    return collector;
  }
  // Each page reads again at most OVERLAP leads; the known ones of the look-back are read again.
  const pinned = [...state.leads.values()].filter((r) => r.sec >= from).length;
  const maxPages = Math.ceil((pinned + budget) / (PAGE_SIZE - OVERLAP)) + 3;
  await readAscending(client, { query, from, collector, maxPages, logger });
  return collector;
}

/** Moves the position on after a poll (window.ts), within the state's bound (state.ts). */
function advance(
  state: PollState,
  opts: { stopAt: number; highest: number; pollStartMs: number; logger: Logger },
): void {
  const { stopAt, pollStartMs } = opts;
  const mark = Math.max(state.mark, opts.highest);
  const markAt = mark > state.mark ? pollStartMs : state.markAt;
  state.from = nextFrom({ from: state.from, stopAt, mark, markAt, pollStartMs });
  state.mark = mark;
  state.markAt = markAt;
  const shortened = bound(state, stopAt);
  if (shortened !== undefined) {
    warn(
      opts.logger,
      `more leads changed within the look-back than the trigger remembers; it now starts at ${new Date(shortened * 1000).toISOString()}: a change stamped earlier by a clock step back would be missed.`,
    );
  }
}

const known = (state: PollState) => (v: Version) => {
  const seen = state.leads.get(v.id);
  if (!seen) return false;
  return seen.hash === ANY_VERSION ? seen.sec === v.sec : seen.hash === v.hash;
};

const asOutput = ({ version, change }: Decision): PolledLead => ({
  ...withContact(version.lead),
  change,
});

/** Lead 8113 created since the last poll. */
const exampleCreated: PolledLead = {
  ...withContact(leadList[0]),
  change: {
    type: "created",
    status: { from: null, to: leadList[0].status },
    step: { from: null, to: { id: leadList[0].step_id, name: leadList[0].step } },
  },
};

/** Lead 8112 won since the last poll. */
const exampleWon: PolledLead = {
  ...withContact({ ...leadList[1], status: "won", closed_at: leadList[1].updated_at }),
  change: { type: "updated", status: { from: "todo", to: "won" }, step: null },
};

export const newOrUpdatedLeads = pollingTrigger({
  display: {
    label: "New or Updated Leads",
    description:
      "Start the flow with the leads created or updated since the last poll, each delivered once, for accounts without webhooks. Each poll costs one request when nothing changed: polling every minute spends 1440 of the account's 2000 daily requests, every 5 minutes 288, every 15 minutes 96, while the Pro Pipe Lines Events trigger spends none. Changes cost one request per 100 leads.",
  },
  inputs,
  perform: async (context, payload, params) => {
    const pollStartMs = Date.now();
    const saved = context.polling.getState();
    const client = connect(params.connection, { logger: context.logger, state: saved });
    const query = { include_unassigned: params.includeUnassigned === false ? undefined : true };
    const save = (state: PollState) =>
      context.polling.setState({ [STATE_KEY]: stored(state), ...client.session.stateSlice() });
    const none: PolledLead[] = [];
    const idle = () => ({
      payload: { ...payload, body: { data: { created: none, updated: none } } },
      polledNoChanges: true,
    });

    const reading = readState(saved);
    const first = await firstPage(client, query);
    const state = startingState(reading, params, first, context.logger, pollStartMs);
    if (!state) {
      save(baseline(first, pollStartMs));
      return idle();
    }

    const from = state.from;
    const collector = await collect(client, query, first, state, {
      budget: params.maxLeads ?? 500,
      logger: context.logger,
    });
    const options = {
      deliver: params.deliver ?? "all",
      statusChangedTo: params.statusChangedTo,
      movedToStep: params.movedToStep,
    };
    const decided = await decide(collector.versions(), { client, state, from, options });
    advance(state, {
      stopAt: Math.min(collector.stopAt, decided.stopAt),
      highest: Math.max(first.newest ?? Number.NEGATIVE_INFINITY, collector.highest),
      pollStartMs,
      logger: context.logger,
    });
    save(state);

    const delivered = decided.decisions.filter((d) => d.deliver);
    if (delivered.length === 0) return idle();
    const created = delivered.filter((d) => d.change.type === "created").map(asOutput);
    const updated = delivered.filter((d) => d.change.type === "updated").map(asOutput);
    return {
      payload: { ...payload, body: { data: { created, updated } } },
      polledNoChanges: false,
    };
  },
  examplePayload: {
    payload: examplePayload({ created: [exampleCreated], updated: [exampleWon] }),
    polledNoChanges: false,
  },
});
