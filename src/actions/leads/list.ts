/** Reading many leads: the filtered list, the unassigned ones, duplicates and action histories. */
import type { ApiRequest } from "../../client";
import { type EndpointSpec, inPath, inQuery, type Values } from "../../endpoint";
import { InputError } from "../../errors";
import {
  booleanInput,
  choiceInput,
  dateTimeInput,
  direction,
  emailInput,
  integerInput,
  LEAD_STATUSES,
  leadId,
  leadStatusFilter,
  listInput,
  pageInputs,
  textInput,
  userInput,
} from "../../inputs";
import { checkRange, isEmpty, toIdOrEmail } from "../../validate";
import { actionHistoriesExample, duplicatesExample, leadListExample } from "./examples";

const LEAD_ORDERS = [
  "id",
  "creation_date",
  "last_update",
  "next_action",
  "sale_step",
  "amount",
  "probability",
  "probalized_amount",
  "alphabetically",
] as const;

const leadPage = pageInputs(100);

const leadFilters = {
  direction: inQuery(direction),
  order: inQuery(
    choiceInput({
      label: "Order By",
      choices: LEAD_ORDERS,
      labels: {
        id: "ID (the API's default)",
        creation_date: "Creation date",
        last_update: "Last update",
        next_action: "Next action (reminder)",
        sale_step: "Pipeline step",
        amount: "Amount",
        probability: "Probability",
        probalized_amount: "Amount × probability",
        alphabetically: "Title, alphabetically",
      },
      comments: "What the leads are sorted by; Direction sets ascending or descending.",
    }),
  ),
  limit: inQuery(leadPage.limit),
  offset: inQuery(leadPage.offset),
  status: inQuery(leadStatusFilter),
  stepNames: inQuery(
    listInput({
      label: "Step Names",
      dataSource: "selectStepName",
      example: "In-touch",
      comments: "Only leads in one of these pipeline steps, by their exact names.",
    }),
    "step",
  ),
  starred: inQuery(
    booleanInput({
      label: "Starred Only",
      comments: "Turn on to get only the starred leads.",
    }),
  ),
  userId: inQuery(
    userInput({
      label: "Owner",
      example: "stef@example.com",
      comments: "Only the leads of this user, by id or email: pick one from the list.",
    }),
    "user_id",
  ),
  email: inQuery(
    emailInput({
      label: "Contact Email",
      example: "natalia.bawer@loretta-inc.com",
      comments: "Only leads whose description or comments contain this email address.",
    }),
  ),
  fieldKey: inQuery(
    textInput({
      label: "Field Key",
      example: "Phone",
      comments:
        "A description field set as a duplicate key (e.g. Phone); use with Field Value. Expert edition and above.",
    }),
    "field_key",
  ),
  fieldValue: inQuery(
    textInput({
      label: "Field Value",
      example: "801 274 6798",
      comments: "The value Field Key must have; use with Field Key.",
    }),
    "field_value",
  ),
  tags: inQuery(
    listInput({
      label: "Tags",
      dataSource: "selectPredefinedTagName",
      example: "US",
      comments: "Only leads carrying all of these tags (one per row).",
    }),
  ),
  updatedAfter: inQuery(
    dateTimeInput({
      label: "Updated After",
      comments:
        "Only leads updated at or after this date: YYYY-MM-DD, YYYY-MM-DD HH:MM:SS (account time zone) or ISO 8601 UTC.",
    }),
    "updated_after",
  ),
  startDate: inQuery(
    dateTimeInput({
      label: "Start Date",
      comments: "Only leads whose Date Range Type date is on or after this date.",
    }),
    "start_date",
  ),
  endDate: inQuery(
    dateTimeInput({
      label: "End Date",
      comments: "Only leads whose Date Range Type date is on or before this date.",
    }),
    "end_date",
  ),
  dateRangeType: inQuery(
    choiceInput({
      label: "Date Range Type",
      choices: ["creation", "update", "next_action", "closed"] as const,
      labels: {
        creation: "Creation date (the API's default)",
        update: "Last update",
        next_action: "Next action (reminder)",
        closed: "Closing date",
      },
      comments: "Which date of the lead Start Date and End Date apply to.",
    }),
    "date_range_type",
  ),
  includeUnassigned: inQuery(
    booleanInput({
      label: "Include Unassigned",
      comments: "Turn on to also list leads that belong to nobody (left out by default).",
    }),
    "include_unassigned",
  ),
};

function validateLeadFilters(values: Values): void {
  if (isEmpty(values.fieldKey) !== isEmpty(values.fieldValue)) {
    const missing = isEmpty(values.fieldKey) ? "Field Key" : "Field Value";
    throw new InputError(missing, "is needed too: Field Key and Field Value only work together.");
  }
  if (!isEmpty(values.dateRangeType) && isEmpty(values.startDate) && isEmpty(values.endDate)) {
    throw new InputError(
      "Date Range Type",
      "only applies to Start Date and End Date: fill one of them, or leave Date Range Type empty.",
    );
  }
  checkRange(
    { label: "Start Date", value: values.startDate },
    { label: "End Date", value: values.endDate },
  );
}

/**
 * An untouched toggle arrives as false; false is the API's default for both, so it is not sent
 * (only what the user turned on is).
 */
function dropFalseToggles(request: ApiRequest): ApiRequest {
  const query = { ...request.query };
  for (const name of ["starred", "include_unassigned"]) {
    if (query[name] === false) delete query[name];
  }
  return { ...request, query };
}

const listLeads: EndpointSpec = {
  key: "listLeads",
  label: "List Leads",
  description:
    "List or search leads: by status, step, owner, tags, contact email, field, dates or last update. Fetch All pages through every match.",
  method: "GET",
  path: "/leads",
  params: leadFilters,
  validate: validateLeadFilters,
  prepare: dropFalseToggles,
  pagination: { maxPageSize: 100, adaptive: true },
  example: leadListExample,
};

const listUnassignedLeads: EndpointSpec = {
  key: "listUnassignedLeads",
  label: "List Unassigned Leads",
  description: "List the leads that belong to nobody yet (the Unassigned leads tab).",
  method: "GET",
  path: "/leads/unassigned",
  params: {
    limit: inQuery(
      integerInput({
        label: "Maximum Leads",
        min: 1,
        max: 100,
        example: "100",
        comments: "How many unassigned leads to return (1–100; the API's default is 100).",
      }),
    ),
  },
  example: leadListExample.map((lead) => ({ ...lead, user_id: null, status: "todo" })),
};

const listLeadDuplicates: EndpointSpec = {
  key: "listLeadDuplicates",
  label: "List Lead Duplicates",
  description:
    "Find the leads that duplicate a lead (same title, or the same value in a field set as a duplicate key), with what matched.",
  method: "GET",
  path: "/leads/{lead_id}/duplicates",
  params: { leadId: inPath(leadId, "lead_id") },
  example: duplicatesExample,
};

const ACTION_TYPES = [
  "client_assigned",
  "step_changed",
  "status_changed",
  "amount_set",
  "user_assigned",
  "lead_created",
  "comment_added",
  "email_sent",
] as const;

const historyPage = pageInputs(100);

const historyUsers = listInput({
  label: "Users",
  dataSource: "selectUser",
  example: "stef@example.com",
  comments: "Only actions made by these users, by id or email (one per row).",
});

function validateHistoryFilters(values: Values): void {
  const type = values.actionType as string | undefined;
  const value = values.actionValue as string | undefined;
  if (value !== undefined) {
    if (type !== "step_changed" && type !== "status_changed") {
      throw new InputError(
        "Action Value",
        "filters step or status changes only: set Action Type to step_changed or status_changed.",
      );
    }
    // The API silently ignores an unknown status and returns every status change.
    if (type === "status_changed" && !(LEAD_STATUSES as readonly string[]).includes(value)) {
      throw new InputError(
        "Action Value",
        `"${value}" is not one of: ${LEAD_STATUSES.join(", ")}.`,
      );
    }
  }
  for (const user of (values.userIds as string[] | undefined) ?? []) toIdOrEmail("Users", user);
  checkRange({ label: "From", value: values.from }, { label: "To", value: values.to });
}

const listLeadActionHistories: EndpointSpec = {
  key: "listLeadActionHistories",
  label: "List Lead Action Histories",
  description:
    "List what happened on a lead (creation, step and status changes, amounts, assignments, comments, emails), optionally filtered.",
  method: "GET",
  path: "/leads/{lead_id}/action_histories",
  params: {
    leadId: inPath(leadId, "lead_id"),
    from: inQuery(
      dateTimeInput({ label: "From", comments: "Only actions on or after this date." }),
    ),
    to: inQuery(dateTimeInput({ label: "To", comments: "Only actions on or before this date." })),
    actionType: inQuery(
      choiceInput({
        label: "Action Type",
        choices: ACTION_TYPES,
        comments: "Only actions of this type.",
      }),
      "action_type",
    ),
    actionValue: inQuery(
      textInput({
        label: "Action Value",
        example: "won",
        comments: `With Action Type step_changed: a step name (In-touch); with status_changed: a status (${LEAD_STATUSES.join(", ")}).`,
      }),
      "action_value",
    ),
    userIds: inQuery(historyUsers, "user_ids"),
    direction: inQuery(
      choiceInput({
        label: "Direction",
        choices: ["asc", "desc"] as const,
        labels: { asc: "Oldest first (the API's default)", desc: "Newest first" },
        comments: "Order of the actions.",
      }),
    ),
    limit: inQuery(historyPage.limit),
    offset: inQuery(historyPage.offset),
  },
  validate: validateHistoryFilters,
  // The document lists no `offset` here: Fetch All stops if a page only repeats earlier entries.
  pagination: { maxPageSize: 100 },
  example: actionHistoriesExample,
};

export default [listLeads, listUnassignedLeads, listLeadDuplicates, listLeadActionHistories];
