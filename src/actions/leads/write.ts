/** Creating and updating a lead, with the API's rules checked before the request. */
import { endpoint, inBody, inPath, local, resource, type Values } from "../../endpoint";
import { InputError } from "../../errors";
import { createdLead, updatedLead } from "../../examples/leads/leads";
import {
  choiceInput,
  contactFieldsInput,
  dateInput,
  dateTimeInput,
  decimalInput,
  idInput,
  integerInput,
  LEAD_STATUSES,
  leadId,
  listInput,
  quarterHourInput,
  stepId,
  textInput,
  userInput,
  yesNoInput,
} from "../../inputs";
import { composeDescription } from "../../leads/description";
import { isEmpty } from "../../validate";

const tags = listInput({
  label: "Tags",
  dataSource: "selectPredefinedTagName",
  example: "prospect",
  comments:
    "Tags of the lead, one per row (or mapped as a list). Unknown tags are created; predefined tags of the account work too.",
});

const createdAt = dateTimeInput({
  label: "Created At",
  comments:
    "Back-date the lead's creation: YYYY-MM-DD HH:MM:SS (account time zone, 24h) or YYYY-MM-DDTHH:MM:SS.sssZ (UTC). Leave empty for now.",
});

// ---------------------------------------------------------------------------------------------
// Create Lead

const createParams = {
  title: inBody(
    textInput({
      label: "Title",
      required: true,
      example: "Awesome Company",
      comments: "The lead's title, usually the company's name.",
    }),
  ),
  description: inBody(
    textInput({
      label: "Description",
      multiline: true,
      example: "Met John at the trade show; wants a quote.",
      comments:
        "Free text about the lead. With Contact Fields it comes after them, below a --- line. Required when Contact Fields is empty.",
    }),
  ),
  contactFields: local(
    contactFieldsInput({
      label: "Contact Fields",
      example: "Firstname: John",
      comments:
        "Contact details written at the top of the description as the 'Field: value' lines Pro Pipe Lines reads (Firstname, Lastname, Email, Phone, Mobile, Address, Web, …). One row per field; empty values are skipped and line breaks in a value become spaces.",
    }),
  ),
  tags: inBody(tags),
  userId: inBody(
    userInput({
      label: "Owner",
      example: "stef@example.com",
      comments:
        "Assign the new lead to this user (id or email) without notifying them; use Assign Lead to notify. API Key connections only: leave empty and the lead is unassigned (API key) or belongs to the connection's user.",
    }),
    { access: "apiKey" },
  ),
  createdAt: inBody(createdAt),
};

function validateCreate(values: Values<typeof createParams>): void {
  const fields = values.contactFields;
  if (isEmpty(values.description) && !fields) {
    throw new InputError(
      "Description",
      "is required by the API: enter a description, or fill Contact Fields to build one.",
    );
  }
}

const createLead = endpoint({
  key: "createLead",
  label: "Create Lead",
  description:
    "Create a lead from a title and a description, or from contact fields (Firstname, Email, Phone, …) mapped from a previous step; optionally tagged, assigned and back-dated.",
  method: "POST",
  path: "/leads",
  returns: "lead",
  params: createParams,
  validate: validateCreate,
  sample: { description: "Met John at the trade show; wants a quote." },
  prepare: (request, values) => ({
    ...request,
    body: {
      ...(request.body as object),
      description: composeDescription(values.contactFields, values.description),
    },
  }),
  example: createdLead,
});

// ---------------------------------------------------------------------------------------------
// Update Lead

const STATUS_LABELS = {
  todo: "To do",
  standby: "Standby (needs a reminder date)",
  won: "Won",
  lost: "Lost",
  cancelled: "Cancelled",
};

/** The API's `step` takes a step's id or its name. */
const stepName = textInput({
  label: "Step Name",
  dataSource: "selectStepName",
  example: "In-touch",
  comments:
    "Move the lead to the step of this name. Prefer Step ID: names can repeat across pipelines.",
});

const REMINDER_DURATIONS = [
  "0",
  "15",
  "30",
  "45",
  "60",
  "90",
  "120",
  "150",
  "180",
  "240",
  "480",
  "720",
] as const;

const durationLabel = (minutes: number) =>
  minutes < 60 || minutes % 60 !== 0
    ? `${minutes} minutes`
    : `${minutes / 60} hour${minutes === 60 ? "" : "s"}`;

const remindTime = quarterHourInput({
  label: "Reminder Time",
  example: "09:30",
  comments:
    "Time of the reminder, HH:MM in 24h on a quarter hour (09:00, 09:15, 09:30, 09:45), in the account's time zone, for the Reminder Date.",
});

/** Inputs whose value is sent to the API (everything but the lead itself). */
const updateParams = {
  title: inBody(
    textInput({ label: "Title", example: "Loretta Inc.", comments: "A new title for the lead." }),
  ),
  description: inBody(
    textInput({
      label: "Description",
      multiline: true,
      comments: "A new description: it replaces the whole current description.",
    }),
  ),
  status: inBody(
    choiceInput({
      label: "Status",
      choices: LEAD_STATUSES,
      labels: STATUS_LABELS,
      comments: "The new status. Standby needs a Reminder Date.",
    }),
  ),
  remindDate: inBody(
    dateInput({
      label: "Reminder Date",
      comments: "Date of the next reminder, YYYY-MM-DD (account time zone). Required for standby.",
    }),
  ),
  remindTime: inBody(remindTime),
  reminderDuration: inBody(
    choiceInput({
      label: "Reminder Duration",
      choices: REMINDER_DURATIONS,
      labels: Object.fromEntries(REMINDER_DURATIONS.map((m) => [m, durationLabel(Number(m))])),
      comments: "Length of the reminder in minutes. Empty: the lead owner's default duration.",
    }),
    { send: Number },
  ),
  reminderActivityId: inBody(
    idInput({
      label: "Reminder Activity",
      dataSource: "selectActivity",
      example: "3",
      comments: "The activity of the reminder (call, meeting, …): pick it from the list.",
    }),
  ),
  reminderNote: inBody(
    textInput({ label: "Reminder Note", comments: "A note attached to the reminder." }),
  ),
  amount: inBody(
    decimalInput({
      label: "Amount",
      min: 0,
      example: "1562.89",
      comments: "The lead's amount, in the account's currency (use a dot for decimals).",
    }),
  ),
  probability: inBody(
    integerInput({
      label: "Probability",
      min: 0,
      max: 100,
      example: "85",
      comments:
        "Chance of winning, 0–100 %. The API needs an amount with it: fill Amount too (the current one if unchanged).",
    }),
  ),
  starred: inBody(
    yesNoInput({
      label: "Starred",
      comments: "Yes stars the lead, No unstars it; empty leaves it as it is.",
    }),
  ),
  stepId: inBody(stepId, { name: "step" }),
  stepName: inBody(stepName, { name: "step" }),
  userId: inBody(
    userInput({
      label: "Owner",
      example: "john.doe@mycompany.com",
      comments: "Give the lead to this user (id or email). Assign Lead does the same and notifies.",
    }),
  ),
  tags: inBody(tags),
  createdAt: inBody(createdAt),
  estimatedClosingDate: inBody(
    dateInput({
      label: "Estimated Closing Date",
      comments: "When the deal should close, YYYY-MM-DD (account time zone).",
    }),
  ),
};

const updateLeadParams = { leadId: inPath(leadId), ...updateParams };

function validateUpdate(values: Values<typeof updateLeadParams>): void {
  const changes = Object.entries(values).filter(
    ([key, value]) => key in updateParams && !isEmpty(value),
  );
  if (changes.length === 0) {
    throw new InputError(
      "Update Lead",
      "nothing to change: fill at least one input besides Lead ID (Status, Step, Amount, …).",
    );
  }
  if (!isEmpty(values.stepId) && !isEmpty(values.stepName)) {
    throw new InputError(
      "Step Name",
      "fill either Step ID or Step Name, not both (Step ID is preferred).",
    );
  }
  if (values.status === "standby" && isEmpty(values.remindDate)) {
    throw new InputError(
      "Reminder Date",
      "is required when Status is standby: enter the date of the next reminder (YYYY-MM-DD).",
    );
  }
  if (!isEmpty(values.probability) && isEmpty(values.amount)) {
    throw new InputError(
      "Probability",
      "needs an Amount: the API refuses a probability without one. Fill Amount too (the current amount if it does not change).",
    );
  }
}

const updateLead = endpoint({
  key: "updateLead",
  label: "Update Lead",
  description:
    "Change a lead: status (with its reminder), pipeline step, amount and probability, owner, tags, title or description. Only the filled inputs are changed.",
  method: "PUT",
  path: "/leads/{leadId}",
  returns: "lead",
  params: updateLeadParams,
  validate: validateUpdate,
  sample: { amount: "1562.89" },
  example: updatedLead,
});

export default resource("Leads", [createLead, updateLead]);
