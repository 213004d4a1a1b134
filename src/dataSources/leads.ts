/** The lead picker: recent leads, narrowed by status, step, owner or email, and bounded. */
import { leadList } from "../examples/leads/leads";
import {
  booleanInput,
  emailInput,
  integerInput,
  leadStatusFilter,
  textInput,
  userInput,
} from "../inputs";
import { picklist } from "./picklist";

interface Lead {
  id: number;
  title: string;
  status: string;
  step: string | null;
}

/** Leads per request where the account refuses larger pages (the API's documented default). */
const PAGE_SIZE = 100;
const DEFAULT_MAXIMUM = 300;

const leadLabel = (lead: Lead): string => {
  const details = [lead.status, lead.step].filter(Boolean).join(", ");
  return details ? `${lead.title} (${details})` : lead.title;
};

const selectLead = picklist({
  key: "selectLead",
  label: "Select Lead",
  description:
    "Pick a lead, newest first, labelled with its status and step. Narrow the list by status, step, user or email in large accounts.",
  path: "/leads",
  inputs: {
    status: leadStatusFilter,
    step: textInput({
      label: "Step Name",
      dataSource: "selectStepName",
      example: "Incoming",
      comments: "Only leads in this step: its exact name as entered in Pro Pipe Lines.",
    }),
    user: userInput({
      label: "User",
      example: "stef@example.com",
      comments: "Only leads belonging to this user (id or email).",
    }),
    email: emailInput({
      label: "Email",
      example: "natalia.bawer@loretta-inc.com",
      comments: "Only leads whose description or comments contain this email address.",
    }),
    includeUnassigned: booleanInput({
      label: "Include Unassigned Leads",
      default: "true",
      comments:
        "List leads that belong to no user too. With a User Login connection, the user must be allowed to see unassigned leads.",
    }),
    maximum: integerInput({
      label: "Maximum",
      min: 1,
      max: 1000,
      default: String(DEFAULT_MAXIMUM),
      comments: `List at most this many leads. The default ${DEFAULT_MAXIMUM} costs one request of the daily quota (${DEFAULT_MAXIMUM / PAGE_SIZE} where the account serves only ${PAGE_SIZE} leads per request).`,
    }),
  },
  query: (values) => ({
    direction: "desc",
    status: values.status,
    step: values.step,
    user_id: values.user,
    email: values.email,
    include_unassigned: values.includeUnassigned,
  }),
  paging: {
    pageSize: PAGE_SIZE,
    adaptive: true,
    max: (values) => values.maximum ?? DEFAULT_MAXIMUM,
  },
  itemLabel: leadLabel,
  // The API lists newest first (highest id first): keep its order.
  order: "api",
  example: leadList,
});

export default [selectLead];
