/**
 * Fetch All for action histories, whose `offset` the API document does not list: pages like
 * `fetchPages`, but also stops as soon as a page repeats an entry already fetched (an API
 * ignoring `offset` would answer the first page again), so it never returns duplicates.
 */
import type { ApiRequest, ProPipeLinesClient } from "../../client";
import type { PageOptions } from "../../pagination";

const idOf = (item: unknown): unknown =>
  item && typeof item === "object" ? (item as { id?: unknown }).id : undefined;

export async function fetchDistinctPages(
  client: ProPipeLinesClient,
  request: ApiRequest,
  { pageSize, max }: PageOptions,
): Promise<unknown[]> {
  const items: unknown[] = [];
  const seen = new Set<unknown>();
  let offset = Number(request.query?.offset ?? 0);
  while (items.length < max) {
    const limit = Math.min(pageSize, max - items.length);
    const response = await client.request<unknown[]>({
      ...request,
      query: { ...request.query, limit, offset },
    });
    const page = Array.isArray(response.data) ? response.data : [];
    const fresh = page.filter((item) => {
      const id = idOf(item);
      if (id === undefined) return true;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    items.push(...fresh.slice(0, max - items.length));
    offset += page.length;
    const total = Number(response.headers["x-total-count"]);
    const repeated = fresh.length < page.length;
    if (repeated || page.length < limit || (Number.isFinite(total) && offset >= total)) break;
  }
  return items;
}
