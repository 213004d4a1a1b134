/**
 * Which API resource an action belongs to, for the summary table of the reference docs: the
 * `resource` of its endpoint declaration (the registry), in the API document's order.
 */
import type { RegisteredEndpoint, Resource } from "../../src/endpoint";

/** Locale-independent ordering, so the output is the same on every machine. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Resources in the document's order, each with its actions sorted by label. */
export function groupByResource<T extends { key: string; label: string }>(
  actions: T[],
  registry: RegisteredEndpoint[],
  order: readonly Resource[],
): Array<{ resource: string; actions: T[] }> {
  const resourceOf = new Map(registry.map((endpoint) => [endpoint.key, endpoint.resource]));
  const missing = actions.filter((a) => !resourceOf.has(a.key)).map((a) => a.key);
  if (missing.length) throw new Error(`Actions missing from the registry: ${missing.join(", ")}`);
  return order
    .map((resource) => ({
      resource,
      actions: actions
        .filter((a) => resourceOf.get(a.key) === resource)
        .sort((a, b) => compare(a.label, b.label) || compare(a.key, b.key)),
    }))
    .filter((group) => group.actions.length > 0);
}
