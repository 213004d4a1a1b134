/**
 * "New or Updated Leads": a polling trigger for accounts without webhooks or advanced events.
 *
 * Each poll asks `GET /leads?updated_after=WATERMARK&order=last_update&direction=asc`, paging
 * with limit/offset when more than a page changed, and splits the leads into created and
 * updated. State kept between polls (`context.polling`):
 * - `watermark`: the newest `updated_at` delivered, exactly as the API wrote it;
 * - `deliveredIds`: the leads delivered with that very `updated_at`. `updated_after` includes
 *   the watermark's second, so those come back on the next poll and are skipped, while a lead
 *   changed later in that same second is still delivered.
 * Oldest first, so a poll bounded by Maximum Leads leaves the rest for the next poll.
 *
 * The first poll (no state, no Start From) delivers nothing: it reads the most recently updated
 * leads (one request) and starts from their `updated_at`, so the account's history is not replayed.
 * An idle poll is one request. With a user token (User Login, Act as User), the token is kept in
 * the polling state too, so a poll in a fresh process does not log in again.
 */
import { pollingTrigger } from "@prismatic-io/spectral";
import { connect, type ProPipeLinesClient } from "../client";
import { leadList } from "../examples/leads/leads";
import { booleanInput, connectionInput, dateTimeInput, integerInput } from "../inputs";
import { fetchPages } from "../pagination";
import { examplePayload } from "./examplePayload";

const PAGE_SIZE = 100;
/** Before any lead: the first poll of an empty account then delivers every lead created later. */
const EPOCH = "2000-01-01T00:00:00.000Z";

interface LeadJson {
  id: number;
  created_at?: string;
  updated_at?: string;
  [key: string]: unknown;
}

export interface PollState {
  watermark: string;
  deliveredIds: number[];
}

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
      "At most this many leads per poll (100 per request); the rest come with the next poll. 500 leads cost 5 requests.",
  }),
};

const time = (value: unknown): number => (typeof value === "string" ? Date.parse(value) : NaN);

function readState(raw: Record<string, unknown>): PollState | undefined {
  if (typeof raw.watermark !== "string" || !raw.watermark) return undefined;
  const ids = Array.isArray(raw.deliveredIds) ? raw.deliveredIds.filter(Number.isInteger) : [];
  return { watermark: raw.watermark, deliveredIds: ids as number[] };
}

/** The newest updated_at among `leads` and the ids that share it. */
function stateAfter(leads: LeadJson[], previous: PollState): PollState {
  let state = previous;
  for (const lead of leads) {
    const t = time(lead.updated_at);
    const w = time(state.watermark);
    if (t > w || Number.isNaN(w)) {
      state = { watermark: lead.updated_at as string, deliveredIds: [lead.id] };
    } else if (t === w && !state.deliveredIds.includes(lead.id)) {
      state = { ...state, deliveredIds: [...state.deliveredIds, lead.id] };
    }
  }
  return state;
}

/** First poll without Start From: start at the newest update (one request, nothing delivered). */
async function baseline(client: ProPipeLinesClient, query: Record<string, unknown>) {
  const { data: leads } = await client.request<LeadJson[]>({
    method: "GET",
    path: "/leads",
    query: { ...query, order: "last_update", direction: "desc", limit: 50 },
    expect: "list",
  });
  const newest = leads[0]?.updated_at;
  if (!newest) return { watermark: EPOCH, deliveredIds: [] };
  const ids = leads.filter((l) => time(l.updated_at) === time(newest)).map((l) => l.id);
  return { watermark: newest, deliveredIds: ids };
}

export const newOrUpdatedLeads = pollingTrigger({
  display: {
    label: "New or Updated Leads",
    description:
      "Start the flow with the leads created or updated since the last poll, for accounts without webhooks. Each poll costs one request when nothing changed: polling every minute spends 1440 of the account's 2000 daily requests, while the Pro Pipe Lines Events trigger spends none.",
  },
  inputs,
  perform: async (context, payload, params) => {
    const saved = context.polling.getState();
    const client = connect(params.connection, { logger: context.logger, state: saved });
    const query = { include_unassigned: params.includeUnassigned === false ? undefined : true };
    const previous = readState(saved);
    if (!previous && !params.startFrom) {
      const start = await baseline(client, query);
      context.polling.setState({ ...start, ...client.session.stateSlice() });
      return {
        payload: { ...payload, body: { data: { created: [], updated: [] } } },
        polledNoChanges: true,
      };
    }
    const from: PollState = previous ?? { watermark: String(params.startFrom), deliveredIds: [] };
    const { items } = await fetchPages<LeadJson>(
      client,
      {
        method: "GET",
        path: "/leads",
        query: { ...query, updated_after: from.watermark, order: "last_update", direction: "asc" },
      },
      { pageSize: PAGE_SIZE, max: params.maxLeads ?? 500, onOverflow: "truncate" },
    );
    const since = time(from.watermark);
    const seen = new Set(from.deliveredIds);
    const fresh = new Map<number, LeadJson>();
    for (const lead of items) {
      const alreadyDelivered = seen.has(lead.id) && time(lead.updated_at) <= since;
      if (!alreadyDelivered) fresh.set(lead.id, lead);
    }
    const created: LeadJson[] = [];
    const updated: LeadJson[] = [];
    for (const lead of fresh.values()) {
      const c = time(lead.created_at);
      const isNew = c > since || (c === since && !seen.has(lead.id));
      (isNew ? created : updated).push(lead);
    }
    context.polling.setState({
      ...stateAfter([...fresh.values()], from),
      ...client.session.stateSlice(),
    });
    return {
      payload: { ...payload, body: { data: { created, updated } } },
      polledNoChanges: fresh.size === 0,
    };
  },
  examplePayload: {
    // Lead 8113 created since the last poll, lead 8112 changed.
    payload: examplePayload({ created: [leadList[0]], updated: [leadList[1]] }),
    polledNoChanges: false,
  },
});
