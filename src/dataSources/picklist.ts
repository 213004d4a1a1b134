/**
 * The declarative picklist factory. A dropdown is declared once, as data:
 *
 *   picklist({
 *     key: "selectTeam", label: "Select Team", description: "…",
 *     path: "/teams",
 *     itemLabel: (team: Team) => team.name,
 *     example: teamList,
 *   })
 *
 * and `picklists([...])` makes each a spectral `picklist` data source that connects with the one
 * client, fetches the
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
import type { AnyInput } from "../endpoint/spec";
import { connectionInput } from "../inputs";
import { fetchPages } from "../pagination";

type InputsOf = Record<string, AnyInput>;
/** The cleaned values of a picklist's own inputs. */
type ValuesOf<I extends InputsOf> = { [K in keyof I]: ReturnType<I[K]["clean"]> };

export interface PicklistSpec<T, I extends InputsOf = Record<never, never>> {
  key: string;
  label: string;
  description: string;
  /** List endpoint, relative to /api/v2. */
  path: string;
  /** Inputs besides the connection (their cleaned values reach `query`, `keep` and `paging`). */
  inputs?: I;
  /** Query parameters for these input values; empty ones are not sent. */
  query?(values: ValuesOf<I>): Record<string, QueryValue>;
  /** For endpoints that page with limit/offset: page size, and the bound on the items fetched. */
  paging?: { pageSize: number; adaptive?: boolean; max(values: ValuesOf<I>): number };
  /** Whether an item belongs in the list (e.g. leave out disabled users). */
  keep?(item: T, values: ValuesOf<I>): boolean;
  /** The value picked; by default the item's id as a string. */
  itemKey?: (item: T) => string;
  /** What the user reads; receives the whole list for labels that name a parent. */
  itemLabel: (item: T, all: T[]) => string;
  /** Order of the items: a comparison, "api" to keep the API's order, or (default) by label. */
  order?: ((a: T, b: T) => number) | "api";
  /**
   * Items as the list endpoint returns them (records of src/examples): the example payload shows
   * them as this picklist does, kept, ordered, keyed and labelled by the functions above.
   */
  example: NoInfer<T>[];
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Compares two strings as a reader sorts them (case and accents aside, 2 before 10). */
export const byText = (a: string, b: string): number => collator.compare(a, b);

const idKey = (item: unknown): string => String((item as { id: unknown }).id);

/** Declares a picklist; the identity, so that its hooks are typed from its items and inputs. */
export const picklist = <T, I extends InputsOf = Record<never, never>>(
  spec: PicklistSpec<T, I>,
): PicklistSpec<T, I> => spec;

// biome-ignore lint/suspicious/noExplicitAny: one list holds picklists of different item types
type AnyPicklist = PicklistSpec<any, any>;
// biome-ignore lint/suspicious/noExplicitAny: the values of a picklist's own inputs
type AnyValues = any;

/** Items → dropdown entries: filtered, ordered, labelled, first occurrence of each key kept. */
function toElements(spec: AnyPicklist, items: unknown[], values: AnyValues): Element[] {
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

async function fetchItems(
  spec: AnyPicklist,
  values: AnyValues,
  context: { logger?: { info: (...args: unknown[]) => void } },
): Promise<unknown[]> {
  // Data sources get no instance state: the token cache is this process's memory.
  const client = connect(values.connection as Connection, { logger: context.logger });
  const request: ApiRequest = {
    method: "GET",
    path: spec.path,
    query: spec.query?.(values),
    expect: "list",
  };
  if (spec.paging) {
    const { pageSize, adaptive, max } = spec.paging;
    const { items } = await fetchPages(client, request, {
      pageSize,
      adaptive,
      max: max(values),
      onOverflow: "truncate",
    });
    return items;
  }
  const response = await client.request<unknown[]>(request);
  return Array.isArray(response.data) ? response.data : [];
}

// biome-ignore lint/suspicious/noExplicitAny: spectral's definitions are generic over their inputs
type AnyDataSource = DataSourceDefinition<any, any, any>;

function picklistDataSource(spec: AnyPicklist): AnyDataSource {
  return dataSource({
    display: { label: spec.label, description: spec.description },
    dataSourceType: "picklist",
    inputs: { connection: connectionInput, ...spec.inputs },
    perform: async (context, values) => {
      const items = await fetchItems(spec, values, context);
      return { result: toElements(spec, items, values) };
    },
    // The example items as this picklist shows them, with its inputs' defaults.
    examplePayload: { result: toElements(spec, spec.example, {}) },
  }) as AnyDataSource;
}

/** Declarations → the `dataSources` record of the component, keyed by each picklist's key. */
export function picklists(specs: AnyPicklist[]): Record<string, AnyDataSource> {
  const out: Record<string, AnyDataSource> = {};
  for (const spec of specs) {
    if (out[spec.key]) throw new Error(`Duplicate data source key ${spec.key}`);
    out[spec.key] = picklistDataSource(spec);
  }
  return out;
}
