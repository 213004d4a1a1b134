/**
 * Offset/limit paging, shared by list actions (Fetch All), data sources and the polling trigger.
 *
 * The server is not trusted to page correctly:
 * - Records are de-duplicated by id (by content when they have none), and paging stops at the
 *   first page that brings no new record: a list that ignores `offset` costs one request more
 *   than its distinct records' pages, never a runaway.
 * - The offset advances by the records actually received, so a server that silently caps its
 *   pages costs nothing extra, and a short page is not taken for the end on its own word.
 * - `X-TOTAL-COUNT` is used only when it is consistent: never below what was already received,
 *   and, to end paging after a full page, the same on at least two pages. A header that
 *   disagrees with the records is ignored: full pages keep paging until the data itself ends.
 *   Once a short page was followed by more records (a silent cap), pages of that size count as
 *   full. Limit: a header that says the same wrong total on two pages, exactly where a full page
 *   ends, reads as the truth (only one more request could tell, on every list).
 * - When Maximum Records stops paging before the end, the default is to fail, saying how many
 *   records match; `onOverflow: "truncate"` returns the first `max` instead (pickers, polls).
 *
 * Adaptive page size (`adaptive`), for lists the API document gives no maximum page for
 * (leads, unassigned leads, prospecting lists): ask for `LARGE_PAGE` records per request. If the
 * API refuses that `limit` (a 400/422 on the parameter), fall back to `pageSize` and remember it
 * for the connection (session.ts: in the persisted state and in memory), so the fallback costs
 * one request, once.
 */
import type { ApiRequest, ProPipeLinesClient } from "./client";
import { ApiError, LimitError } from "./errors";

/**
 * Records per request for adaptive lists. Quota: 10,000 leads in 10 requests instead of 100
 * (and the lead picker's default 300 in one). Memory: a list item is 1–3 KB of JSON, so a page
 * is a few MB, read once and released. Time: a page of 1000 is answered well within the 30 s
 * per-request deadline; a page of 10,000 would not be sure to, and would hold tens of MB.
 */
const LARGE_PAGE = 1000;

export interface PageOptions {
  /** The documented page size (100): every page for a non-adaptive list, the fallback otherwise. */
  pageSize: number;
  /** List without a documented maximum page: ask for LARGE_PAGE records (see above). */
  adaptive?: boolean;
  /** Maximum Records: read at most this many records. */
  max: number;
  /** When more than `max` records match: fail (default) or return the first `max`. */
  onOverflow?: "fail" | "truncate";
  /** The input that sets `max`, named in the error (default "Maximum Records"). */
  maxLabel?: string;
}

export interface Pages<T> {
  items: T[];
  /** Page requests sent (a refused large page included; retries and token fetches are not). */
  requests: number;
  /** Whether the list's end was reached (false when `max` cut it, or may have). */
  complete: boolean;
  /** How many records match, when the API's X-TOTAL-COUNT was consistent. */
  total?: number;
}

/** The key a record is de-duplicated by: its id, or its content when it has none. */
function keyOf(item: unknown): string {
  const id = item && typeof item === "object" ? (item as { id?: unknown }).id : undefined;
  return typeof id === "number" || typeof id === "string" ? `id:${id}` : JSON.stringify(item);
}

/** A 400/422 that refuses the page size (it names `limit`, or is a parameter-format error). */
function refusesLimit(error: unknown): boolean {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 422)) return false;
  return /\blimit\b/i.test(error.apiMessage) || /parameter/i.test(error.type ?? "");
}

/** Reads X-TOTAL-COUNT; undefined when absent or not a whole number. */
function totalOf(headers: Record<string, string>): number | undefined {
  const raw = headers["x-total-count"];
  return raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw) : undefined;
}

export async function fetchPages<T = unknown>(
  client: ProPipeLinesClient,
  request: ApiRequest,
  {
    pageSize,
    adaptive = false,
    max,
    onOverflow = "fail",
    maxLabel = "Maximum Records",
  }: PageOptions,
): Promise<Pages<T>> {
  const fail = onOverflow === "fail";
  const remembered = adaptive ? client.session.acceptedPageSize(request.path) : undefined;
  let size = adaptive ? (remembered ?? Math.max(LARGE_PAGE, pageSize)) : pageSize;
  let fallingBack = false;

  const items: T[] = [];
  const seen = new Set<string>();
  let offset = Number(request.query?.offset ?? 0) || 0;
  let requests = 0;
  let total: number | undefined;
  /** The header's value on the previous page, and on how many pages in a row it was the same. */
  let lastHeader: number | undefined;
  let steadyPages = 0;
  /** The length of the previous page when it was short, and the silent cap it proved. */
  let shortBefore: number | undefined;
  let capSize = Number.POSITIVE_INFINITY;
  let overflow = false;
  let ended = false;

  while (!ended && !overflow) {
    const room = max - items.length;
    if (room <= 0) {
      if (!fail) break;
      // A consistent header saying more records follow settles it without a request.
      if (total !== undefined && total > offset) {
        overflow = true;
        break;
      }
    }
    // When failing on overflow, ask one record more than wanted: seeing it proves the overflow.
    // With no room left, one record tells whether the list goes on.
    const limit = room <= 0 ? 1 : Math.min(size, fail ? room + 1 : room);
    let response: Awaited<ReturnType<typeof client.request<T[]>>>;
    requests += 1;
    try {
      response = await client.request<T[]>({
        ...request,
        expect: "list",
        query: { ...request.query, limit, offset },
      });
    } catch (error) {
      if (adaptive && size > pageSize && refusesLimit(error)) {
        size = pageSize;
        fallingBack = true;
        continue;
      }
      throw error;
    }
    if (fallingBack) {
      client.session.rememberPageSize(request.path, pageSize);
      fallingBack = false;
    }

    const page = response.data;
    offset += page.length;
    let fresh = 0;
    for (const item of page) {
      const key = keyOf(item);
      if (seen.has(key)) continue;
      seen.add(key);
      fresh += 1;
      if (items.length < max) items.push(item);
      else overflow = true;
    }

    const header = totalOf(response.headers);
    steadyPages = header !== undefined && header === lastHeader ? steadyPages + 1 : 1;
    lastHeader = header;
    const consistent = header !== undefined && header >= offset;
    if (consistent) total = header;

    if (shortBefore !== undefined && fresh > 0) capSize = Math.min(capSize, shortBefore);
    const full = page.length >= Math.min(limit, capSize);
    if (page.length === 0 || fresh === 0) {
      ended = true;
    } else if (consistent && header === offset) {
      // The header says this was the last page: believe it at once when the page is short (the
      // data agrees), after a full page only when it said the same on an earlier page.
      ended = !full || steadyPages >= 2;
    } else if (!full && !adaptive && !(consistent && (header as number) > offset)) {
      // A short page of a list with a documented page size is its end, unless a consistent
      // header says more records follow. For an adaptive list, it may be a silent cap.
      ended = true;
    }
    shortBefore = full ? undefined : page.length;
  }

  const complete = ended && !overflow;
  if (!complete && fail) throw new LimitError(maxLabel, max, total);
  return { items, requests, complete, total };
}
