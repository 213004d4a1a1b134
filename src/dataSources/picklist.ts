/**
 * The declarative picklist factory. A dropdown is declared once, as data:
 *
 *   picklist<Team>({
 *     key: "selectTeam", label: "Select Team", description: "…",
 *     path: "/teams",
 *     itemLabel: (team) => team.name,
 *     example: [{ key: "2", label: "Sales" }],
 *   })
 *
 * and becomes a spectral `picklist` data source that connects with the one client, fetches the
 * list (one request, or the fewest pages for a bound), filters, labels, orders and de-duplicates
 * it, and returns `{ result: [{ key, label }] }`. Whatever the client throws is left to the
 * component's error hook, which maps it.
 */
import {
  type Connection,
  type DataSourceDefinition,
  dataSource,
  type Element,
} from "@prismatic-io/spectral";
import { type ApiRequest, connect, type QueryValue } from "../client";
import type { Values } from "../endpoint";
import { connectionInput, type InputMap } from "../inputs";
import { fetchPages } from "../pagination";

export interface PicklistSpec<T> {
  key: string;
  label: string;
  description: string;
  /** List endpoint, relative to /api/v2. */
  path: string;
  /** Inputs besides the connection (their cleaned values reach `query`, `keep` and `paging`). */
  inputs?: InputMap;
  /** Query parameters for these input values; empty ones are not sent. */
  query?: (values: Values) => Record<string, QueryValue>;
  /** For endpoints that page with limit/offset: page size, and the bound on the items fetched. */
  paging?: { pageSize: number; adaptive?: boolean; max: (values: Values) => number };
  /** Whether an item belongs in the list (e.g. leave out disabled users). */
  keep?: (item: T, values: Values) => boolean;
  /** The value picked; by default the item's id as a string. */
  itemKey?: (item: T) => string;
  /** What the user reads; receives the whole list for labels that name a parent. */
  itemLabel: (item: T, all: T[]) => string;
  /** Order of the items: a comparison, "api" to keep the API's order, or (default) by label. */
  order?: ((a: T, b: T) => number) | "api";
  /** A typical result, shown to integration builders. */
  example: Element[];
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Compares two strings as a reader sorts them (case and accents aside, 2 before 10). */
export const byText = (a: string, b: string): number => collator.compare(a, b);

const idKey = (item: unknown): string => String((item as { id: unknown }).id);

/** Items → dropdown entries: filtered, ordered, labelled, first occurrence of each key kept. */
function toElements<T>(spec: PicklistSpec<T>, items: T[], values: Values): Element[] {
  const kept = spec.keep ? items.filter((item) => spec.keep?.(item, values)) : items;
  const order = spec.order;
  const ordered = typeof order === "function" ? [...kept].sort(order) : kept;
  let elements = ordered.map((item) => ({
    key: (spec.itemKey ?? idKey)(item),
    label: spec.itemLabel(item, items),
  }));
  if (order === undefined) elements = elements.sort((a, b) => byText(a.label, b.label));
  const seen = new Set<string>();
  return elements.filter(({ key }) => !seen.has(key) && seen.add(key));
}

async function fetchItems<T>(
  spec: PicklistSpec<T>,
  values: Values,
  context: { logger?: { info: (...args: unknown[]) => void } },
): Promise<T[]> {
  const client = connect(values.connection as Connection, context);
  const request: ApiRequest = {
    method: "GET",
    path: spec.path,
    query: spec.query?.(values),
    expect: "list",
  };
  if (spec.paging) {
    const { pageSize, adaptive, max } = spec.paging;
    const { items } = await fetchPages<T>(client, request, {
      pageSize,
      adaptive,
      max: max(values),
      onOverflow: "truncate",
    });
    return items;
  }
  const response = await client.request<T[]>(request);
  return Array.isArray(response.data) ? response.data : [];
}

// biome-ignore lint/suspicious/noExplicitAny: spectral's definitions are generic over their inputs
type AnyDataSource = DataSourceDefinition<any, any, any>;

export function picklist<T>(spec: PicklistSpec<T>): AnyDataSource {
  return dataSource({
    display: { label: spec.label, description: spec.description },
    dataSourceType: "picklist",
    inputs: { connection: connectionInput, ...spec.inputs },
    perform: async (context, params) => {
      const values = params as Values;
      const items = await fetchItems(spec, values, context);
      return { result: toElements(spec, items, values) };
    },
    examplePayload: { result: spec.example },
  }) as AnyDataSource;
}

/** Declarations → the `dataSources` record of the component, keyed by each picklist's key. */
export function picklists(
  // biome-ignore lint/suspicious/noExplicitAny: one list holds picklists of different item types
  specs: Array<PicklistSpec<any>>,
): Record<string, AnyDataSource> {
  const out: Record<string, AnyDataSource> = {};
  for (const spec of specs) {
    if (out[spec.key]) throw new Error(`Duplicate data source key ${spec.key}`);
    out[spec.key] = picklist(spec);
  }
  return out;
}
