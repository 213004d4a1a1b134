/** The paging inputs `pagination` adds to a list endpoint, and how Fetch All uses them. */
import type { ApiRequest, ProPipeLinesClient } from "../client";
import { booleanInput, choiceInput, integerInput } from "../inputs";
import { fetchPages } from "../pagination";
import { inQuery, local, type Pagination, type Params } from "./spec";

/**
 * Maximum Records' ceiling (also in its comment below): 100,000 leads hold about 80 MB and cost
 * 100 to 1,000 requests (docs/performance.md).
 */
const MAX_RECORDS_CEILING = 100_000;

/** The paging params, made once per documented maximum (every list shares them). */
const made = new Map<number | undefined, Params>();

/** Page Size and Offset are sent as `limit` and `offset`; the others drive Fetch All. */
export function pagingParams(pagination: Pagination): Params {
  const max = pagination.documentedMax;
  let params = made.get(max);
  if (!params) {
    params = makePagingParams(max);
    made.set(max, params);
  }
  return params;
}

function makePagingParams(max: number | undefined): Params {
  return {
    limit: inQuery(
      integerInput({
        label: "Page Size",
        min: 1,
        max,
        example: "100",
        comments: max
          ? `How many records one request returns (1–${max}; the API's default is 100). With Fetch All, the size of each page fetched.`
          : "How many records one request returns (the API's default is 100). With Fetch All, leave it empty: the component asks for large pages and adapts to what the account serves.",
      }),
    ),
    offset: inQuery(
      integerInput({
        label: "Offset",
        min: 0,
        example: "0",
        comments: "Skip this many records (for paging by hand). Fetch All starts from here.",
      }),
    ),
    fetchAll: local(
      booleanInput({
        label: "Fetch All",
        default: "false",
        comments:
          "Page through every matching record (one request per page) instead of returning one page. Bounded by Maximum Records.",
      }),
    ),
    maxRecords: local(
      integerInput({
        label: "Maximum Records",
        min: 1,
        max: MAX_RECORDS_CEILING,
        default: "1000",
        comments: `With Fetch All, stop after this many records so one step cannot spend the account's daily quota of 2000 requests (at most 100,000).`,
      }),
    ),
    whenMoreThanMaximum: local(
      choiceInput({
        label: "When More Than Maximum",
        choices: ["fail", "returnFirst"] as const,
        default: "fail",
        labels: {
          fail: "Fail the step (nothing is silently left out)",
          returnFirst: "Return the first Maximum Records records",
        },
        comments:
          "With Fetch All, what to do when more records match than Maximum Records: fail with the count (raise Maximum Records or narrow the filters), or accept a partial list.",
      }),
    ),
  };
}

interface PagingValues {
  limit?: number;
  maxRecords?: number;
  whenMoreThanMaximum?: "fail" | "returnFirst";
}

/** Fetch All: every page of the list, bounded by Maximum Records. */
export async function fetchAllPages(
  client: ProPipeLinesClient,
  request: ApiRequest,
  pagination: Pagination,
  values: PagingValues,
): Promise<unknown[]> {
  const { items } = await fetchPages(client, request, {
    pageSize: values.limit ?? pagination.documentedMax ?? 100,
    // Without a documented cap, Fetch All asks for large pages unless Page Size says otherwise.
    adaptive: pagination.documentedMax === undefined && values.limit === undefined,
    max: values.maxRecords ?? 1000,
    onOverflow: values.whenMoreThanMaximum === "returnFirst" ? "truncate" : "fail",
  });
  return items;
}
