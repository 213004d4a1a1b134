/**
 * Offset/limit paging, shared by list actions (Fetch All), data sources and the polling trigger.
 *
 * Requests only what is needed: a page shorter than asked for ends it, so does the total in the
 * `X-TOTAL-COUNT` header, and the last page asks for just the records still wanted under `max`.
 */
import type { ApiRequest, ProPipeLinesClient } from "./client";

export interface PageOptions {
  /** Records per request. */
  pageSize: number;
  /** Stop after this many records. */
  max: number;
  /**
   * For endpoints whose `offset` the API document does not list: skip records already fetched
   * (by id) and stop at the first page that repeats one, as a page would if `offset` were ignored.
   */
  distinct?: boolean;
}

const idOf = (item: unknown): unknown =>
  item && typeof item === "object" ? (item as { id?: unknown }).id : undefined;

export async function fetchPages<T = unknown>(
  client: ProPipeLinesClient,
  request: ApiRequest,
  { pageSize, max, distinct = false }: PageOptions,
): Promise<{ items: T[]; requests: number }> {
  const items: T[] = [];
  const seen = new Set<unknown>();
  let offset = Number(request.query?.offset ?? 0);
  let requests = 0;
  while (items.length < max) {
    const limit = Math.min(pageSize, max - items.length);
    const response = await client.request<T[]>({
      ...request,
      query: { ...request.query, limit, offset },
    });
    requests += 1;
    const page = Array.isArray(response.data) ? response.data : [];
    const fresh = distinct ? page.filter((item) => isNew(seen, idOf(item))) : page;
    items.push(...fresh.slice(0, max - items.length));
    offset += page.length;
    const total = Number(response.headers["x-total-count"]);
    const repeated = fresh.length < page.length;
    if (repeated || page.length < limit || (Number.isFinite(total) && offset >= total)) break;
  }
  return { items, requests };
}

/** Records `id` as seen; true unless it was seen before (items without an id always count). */
function isNew(seen: Set<unknown>, id: unknown): boolean {
  if (id === undefined) return true;
  if (seen.has(id)) return false;
  seen.add(id);
  return true;
}
