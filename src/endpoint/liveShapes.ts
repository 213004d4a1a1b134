/**
 * What the live API answers that the examples cannot show, for the output schemas (schema.ts).
 * A path is a key with its parents (`extended_info.user`), matched at any depth; list items add
 * no key. A rule with a resource applies to that API section's actions only.
 */
import type { Resource } from "./spec";

export interface LiveRule {
  resource?: Resource;
  /** Keys that may be null. */
  nullable?: string[];
  /** Keys that may be absent. */
  optional?: string[];
  /** Keys whose value depends on something else: any JSON. */
  anyValue?: Record<string, string>;
}

export const LIVE_RULES: readonly LiveRule[] = [
  // A lead nobody owns (created with the API key) has no user or team, one without an email no
  // first contact email; one sent to the account's address has no creator (created_by_id null
  // in the document's unassigned leads).
  {
    nullable: [
      "extended_info.user",
      "extended_info.team",
      "extended_info.first_contact_email",
      "extended_info.created_by",
    ],
  },
  // Find Leads answers `lead: null` when no lead matches; Count Leads a grouping not asked as null.
  { resource: "Leads", nullable: ["lead", "byStatus", "byStep"] },
  // A user's last name may be null (live-api-facts.md).
  { nullable: ["lastname"] },
  // A webhook created without a name; an event not yet delivered has no returned code.
  { resource: "Webhooks", nullable: ["name", "last_returned_code"] },
  // A webhook event carries the record of its event: a lead, a step, a pipeline, a field, …
  {
    resource: "Webhooks",
    anyValue: {
      data: "The event's record: the lead for lead events, the step, pipeline or field for account events.",
    },
  },
  // Categories list their predefined tags only when Include Predefined Tags is on.
  { resource: "Categories", optional: ["supertags"] },
];

/** Whether `path` (keys from the record) ends with the rule's dotted path. */
const endsWith = (path: readonly string[], rule: string): boolean => {
  const keys = rule.split(".");
  return keys.every((key, i) => path[path.length - keys.length + i] === key);
};

/** What the rules say of the value at `path` in an action of `resource`. */
export function liveRuleAt(path: readonly string[], resource: Resource | undefined) {
  const rules = LIVE_RULES.filter((rule) => !rule.resource || rule.resource === resource);
  const anyValue = rules
    .flatMap((rule) => Object.entries(rule.anyValue ?? {}))
    .find(([rulePath]) => endsWith(path, rulePath));
  return {
    nullable: rules.some((rule) => rule.nullable?.some((p) => endsWith(path, p))),
    optional: rules.some((rule) => rule.optional?.some((p) => endsWith(path, p))),
    anyValue: anyValue?.[1],
  };
}
