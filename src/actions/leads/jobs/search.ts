/**
 * Finding leads by contact field or title, shared by Find Leads and Create or Update Lead.
 *
 * The API has no exact search: its `email` filter returns every lead whose description OR
 * comments mention the address, and it has no phone or title filter. So the component asks the
 * API for as few leads as it can and keeps those whose contact field (or title) equals the value
 * (src/leads/match.ts):
 * - with an email: `GET /leads?email=…`, the leads mentioning it (1 request);
 * - with a field set as a duplicate key in Pro Pipe Lines (Expert edition), and the builder says
 *   so: `field_key` / `field_value` (1 request);
 * - otherwise every lead, in pages of up to 1000 (one request per 1000 leads).
 * Unassigned leads are included unless the builder leaves them out.
 */
import type { ProPipeLinesClient, QueryValue } from "../../../client";
import { booleanInput, integerInput } from "../../../inputs";
import { type LeadCriteria, matchesCriteria } from "../../../leads/match";
import { byMostRecentUpdate } from "../../../leads/order";
import { fetchPages } from "../../../pagination";

/** Leads per request where the account refuses larger pages (the API's documented default). */
const PAGE_SIZE = 100;
const DEFAULT_MAX_READ = 5000;

export const maxLeadsRead = integerInput({
  label: "Maximum Leads Read",
  min: 1,
  max: 100_000,
  default: String(DEFAULT_MAX_READ),
  comments:
    "A bound on the leads read to search (one request per 1000 leads). A search by email reads only the leads that mention it; one by phone, title or a field reads every lead. When more leads must be read, the step fails saying so rather than miss a match.",
});

export const fieldIsKey = booleanInput({
  label: "Field Is a Duplicate Key",
  default: "false",
  comments:
    "Turn on when the field is set as a duplicate key in Pro Pipe Lines (Expert edition and above): the API then narrows the search, which costs 1 request instead of one per 1000 leads. Leave off otherwise.",
});

export interface SearchOptions {
  includeUnassigned: boolean;
  /** The field is a duplicate key: filter on it in the API. */
  fieldIsKey?: boolean;
  maxRead?: number;
  debug?: boolean;
}

/** The leads matching `criteria`, most recently updated first. */
export async function searchLeads(
  client: ProPipeLinesClient,
  criteria: LeadCriteria,
  options: SearchOptions,
): Promise<Array<Record<string, unknown>>> {
  const keyed = options.fieldIsKey && criteria.field;
  const query: Record<string, QueryValue> = {
    email: criteria.email,
    field_key: keyed ? criteria.field?.name : undefined,
    field_value: keyed ? criteria.field?.value : undefined,
    include_unassigned: options.includeUnassigned ? true : undefined,
  };
  const { items } = await fetchPages<Record<string, unknown>>(
    client,
    { method: "GET", path: "/leads", query, debug: options.debug },
    {
      pageSize: PAGE_SIZE,
      adaptive: true,
      max: options.maxRead ?? DEFAULT_MAX_READ,
      maxLabel: String(maxLeadsRead.label),
    },
  );
  return byMostRecentUpdate(items.filter((lead) => matchesCriteria(lead, criteria)));
}
