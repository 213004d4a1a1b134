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
}

export async function fetchPages<T = unknown>(
  client: ProPipeLinesClient,
  request: ApiRequest,
  { pageSize, max }: PageOptions,
): Promise<{ items: T[]; requests: number }> {
  const items: T[] = [];
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
    items.push(...page.slice(0, max - items.length));
    offset += page.length;
    const total = Number(response.headers["x-total-count"]);
    if (page.length < limit || (Number.isFinite(total) && offset >= total)) break;
  }
  return { items, requests };
}
