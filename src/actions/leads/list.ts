/** Reading many leads: the filtered list, the unassigned ones, duplicates and action histories. */
import { endpoint, inPath, inQuery, resource, type Values } from "../../endpoint";
import { InputError } from "../../errors";
import {
  leadActionHistories,
  leadDuplicates,
  leadList,
  unassignedLeadList,
} from "../../examples/leads/leads";
import {
  booleanInput,
  choiceInput,
  dateTimeInput,
  direction,
  emailInput,
  LEAD_STATUSES,
  leadId,
  leadStatusFilter,
  listInput,
  textInput,
  userInput,
  userListInput,
} from "../../inputs";
import { checkDateOrder, isEmpty } from "../../validate";

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

/** The filters of GET /leads (Count Leads and List Upcoming Reminders use some of them). */
export const leadFilters = {
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
  status: inQuery(leadStatusFilter),
  stepNames: inQuery(
    listInput({
      label: "Step Names",
      dataSource: "selectStepName",
      example: "In-touch",
      comments: "Only leads in one of these pipeline steps, by their exact names.",
    }),
    { name: "step" },
  ),
  starred: inQuery(
    booleanInput({
      label: "Starred Only",
      comments: "Turn on to get only the starred leads.",
    }),
    { send: "trueOnly" },
  ),
  userId: inQuery(
    userInput({
      label: "Owner",
      example: "stef@example.com",
      comments: "Only the leads of this user, by id or email: pick one from the list.",
    }),
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
  ),
  fieldValue: inQuery(
    textInput({
      label: "Field Value",
      example: "801 274 6798",
      comments: "The value Field Key must have; use with Field Key.",
    }),
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
  ),
  startDate: inQuery(
    dateTimeInput({
      label: "Start Date",
      comments: "Only leads whose Date Range Type date is on or after this date.",
    }),
  ),
  endDate: inQuery(
    dateTimeInput({
      label: "End Date",
      comments: "Only leads whose Date Range Type date is on or before this date.",
    }),
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
  ),
  includeUnassigned: inQuery(
    booleanInput({
      label: "Include Unassigned",
      default: "true",
      comments:
        "Also list the leads that belong to nobody (on by default, so that leads created with the API key are not left out). Turn off for assigned leads only. With a User Login connection, the user must be allowed to see unassigned leads.",
    }),
    { send: "trueOnly" },
  ),
};

type DateRangeValues = Pick<Values<typeof leadFilters>, "startDate" | "endDate" | "dateRangeType">;

/** Date Range Type only with a date, and Start Date before End Date. */
export function checkDateRange(values: DateRangeValues): void {
  if (!isEmpty(values.dateRangeType) && isEmpty(values.startDate) && isEmpty(values.endDate)) {
    throw new InputError(
      "Date Range Type",
      "only applies to Start Date and End Date: fill one of them, or leave Date Range Type empty.",
    );
  }
  checkDateOrder(
    { label: "Start Date", value: values.startDate },
    { label: "End Date", value: values.endDate },
  );
}

function validateLeadFilters(values: Values<typeof leadFilters>): void {
  if (isEmpty(values.fieldKey) !== isEmpty(values.fieldValue)) {
    const missing = isEmpty(values.fieldKey) ? "Field Key" : "Field Value";
    throw new InputError(missing, "is needed too: Field Key and Field Value only work together.");
  }
  checkDateRange(values);
}

const listLeads = endpoint({
  key: "listLeads",
  label: "List Leads",
  description:
    "List leads by status, step, owner, tags, email, field or dates, unassigned ones included.",
  method: "GET",
  path: "/leads",
  returns: "leads",
  params: leadFilters,
  validate: validateLeadFilters,
  pagination: {},
  example: leadList,
});

const listUnassignedLeads = endpoint({
  key: "listUnassignedLeads",
  label: "List Unassigned Leads",
  description: "List the leads that belong to nobody yet (the Unassigned leads tab).",
  method: "GET",
  path: "/leads/unassigned",
  returns: "leads",
  pagination: {},
  example: unassignedLeadList,
});

const listLeadDuplicates = endpoint({
  key: "listLeadDuplicates",
  label: "List Lead Duplicates",
  description:
    "Find the leads duplicating a lead (same title, or same duplicate-key field), with what matched.",
  method: "GET",
  path: "/leads/{leadId}/duplicates",
  params: { leadId: inPath(leadId) },
  example: leadDuplicates,
});

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

const historyUsers = userListInput({
  label: "Users",
  dataSource: "selectUser",
  example: "stef@example.com",
  comments: "Only actions made by these users, by id or email (one per row).",
});

const historyParams = {
  leadId: inPath(leadId),
  from: inQuery(dateTimeInput({ label: "From", comments: "Only actions on or after this date." })),
  to: inQuery(dateTimeInput({ label: "To", comments: "Only actions on or before this date." })),
  actionType: inQuery(
    choiceInput({
      label: "Action Type",
      choices: ACTION_TYPES,
      comments: "Only actions of this type.",
    }),
  ),
  actionValue: inQuery(
    textInput({
      label: "Action Value",
      example: "won",
      comments: `With Action Type step_changed: a step name (In-touch); with status_changed: a status (${LEAD_STATUSES.join(", ")}).`,
    }),
  ),
  userIds: inQuery(historyUsers),
  direction: inQuery(
    choiceInput({
      label: "Direction",
      choices: ["asc", "desc"] as const,
      labels: { asc: "Oldest first (the API's default)", desc: "Newest first" },
      comments: "Order of the actions.",
    }),
  ),
};

function validateHistoryFilters(values: Values<typeof historyParams>): void {
  const { actionType: type, actionValue: value } = values;
  if (value !== undefined) {
    if (type !== "step_changed" && type !== "status_changed") {
      throw new InputError(
        "Action Value",
        "filters step or status changes only: set Action Type to step_changed or status_changed.",
      );
    }
    // The API silently ignores an unknown status and returns every status change.
    if (type === "status_changed" && !LEAD_STATUSES.some((status) => status === value)) {
      throw new InputError(
        "Action Value",
        `"${value}" is not one of: ${LEAD_STATUSES.join(", ")}.`,
      );
    }
  }
  checkDateOrder({ label: "From", value: values.from }, { label: "To", value: values.to });
}

const listLeadActionHistories = endpoint({
  key: "listLeadActionHistories",
  label: "List Lead Action Histories",
  description:
    "List what happened on a lead: creation, step, status, amount and owner changes, comments, emails.",
  method: "GET",
  path: "/leads/{leadId}/action_histories",
  params: historyParams,
  validate: validateHistoryFilters,
  // The document lists no `offset` here: Fetch All stops when a page brings nothing new.
  pagination: { documentedMax: 100 },
  example: leadActionHistories,
});

export default resource("Leads", [
  listLeads,
  listUnassignedLeads,
  listLeadDuplicates,
  listLeadActionHistories,
]);
