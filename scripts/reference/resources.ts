/**
 * Which API resource an action belongs to, for the summary table of the reference docs.
 *
 * The bundle does not say which source file declared an action, so the rule is on the action
 * key: the first pattern that matches wins, in this order (more specific resources first, so
 * `createLeadFromProspect` is a prospecting-list action and `addLeadToClientFolder` a lead one).
 * Anything unmatched lands in "Other": add a pattern here when a new resource appears.
 */
export const RESOURCE_RULES: ReadonlyArray<readonly [resource: string, key: RegExp]> = [
  ["General", /^(testConnection|rawRequest)$/],
  ["Webhooks", /Webhook/],
  ["Prospecting lists", /ProspectingList|Prospect/],
  ["Auth", /^(logIn|logOut|login|logout|logAs)/],
  ["Leads", /Lead|EmailFromTemplate/],
  ["Client folders", /ClientFolder/],
  ["Steps", /Step/],
  ["Pipelines", /Pipeline/],
  ["Categories", /Categor/],
  ["Predefined tags", /PredefinedTag/],
  ["Fields", /Field/],
  ["Activities", /Activit/],
  ["Teams", /Team/],
  ["Users", /User|ActivationEmail/],
];

export const OTHER = "Other";

/** Order of the summary table: the API document's sections, then the catch-alls. */
const DISPLAY_ORDER = [
  "Leads",
  "Prospecting lists",
  "Client folders",
  "Steps",
  "Pipelines",
  "Users",
  "Teams",
  "Auth",
  "Categories",
  "Predefined tags",
  "Fields",
  "Activities",
  "Webhooks",
  "General",
];

export function resourceOf(actionKey: string): string {
  return RESOURCE_RULES.find(([, pattern]) => pattern.test(actionKey))?.[0] ?? OTHER;
}

/** Resources in table order (then any rule missing from it, then Other), with their actions. */
export function groupByResource<T extends { key: string; label: string }>(
  actions: T[],
): Array<{ resource: string; actions: T[] }> {
  const rest = RESOURCE_RULES.map(([resource]) => resource).filter(
    (resource) => !DISPLAY_ORDER.includes(resource),
  );
  const order = [...DISPLAY_ORDER, ...rest, OTHER];
  return order
    .map((resource) => ({
      resource,
      actions: actions
        .filter((a) => resourceOf(a.key) === resource)
        .sort((a, b) => compare(a.label, b.label) || compare(a.key, b.key)),
    }))
    .filter((group) => group.actions.length > 0);
}

/** Locale-independent ordering, so the output is the same on every machine. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
