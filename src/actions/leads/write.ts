/**
 * Creating and updating a lead, with the API's rules checked before the request. Create Lead
 * also takes what POST /leads does not (step, status, amount, client folder, reminder) and
 * sends it in the calls after the POST (create.ts).
 */
import { endpoint, inBody, inPath, local, resource, type Values } from "../../endpoint";
import { InputError } from "../../errors";
import { createdLead, updatedLead } from "../../examples/leads/leads";
import {
  contactFieldsInput,
  dateInput,
  leadId,
  stepId,
  textInput,
  userInput,
  yesNoInput,
} from "../../inputs";
import { composeDescription } from "../../leads/description";
import { isEmpty } from "../../validate";
import { createLeadInSteps, type LeadRecord } from "./create";
import { checkNewLeadOwner, checkSalesRules } from "./rules";
import {
  amount,
  createdAt,
  leadStatus,
  leadTags,
  newLeadOwner,
  optionalClientFolderId,
  probability,
  reminder,
  sendNumber,
  stepName,
} from "./shared";

/** The reminder's inputs as Create Lead and Update Lead send them. */
const reminderParams = {
  remindDate: inBody(reminder.date),
  remindTime: inBody(reminder.time),
  reminderDuration: inBody(reminder.duration, { send: sendNumber }),
  reminderActivityId: inBody(reminder.activity),
  reminderNote: inBody(reminder.note),
};

// ---------------------------------------------------------------------------------------------
// Create Lead

/** The new lead's own inputs, shared with Create or Update Lead. */
export const newLeadParams = {
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
  tags: inBody(leadTags),
  userId: inBody(newLeadOwner, { access: "apiKey" }),
  stepId: inBody(stepId, { name: "step" }),
  stepName: inBody(stepName, { name: "step" }),
  status: inBody(leadStatus),
  amount: inBody(amount),
  probability: inBody(probability),
  clientFolderId: inBody(optionalClientFolderId, { name: "client_id" }),
};

const createParams = { ...newLeadParams, ...reminderParams, createdAt: inBody(createdAt) };

/** The rules of a new lead: a description to write, the sales rules, an owner for them. */
export function checkNewLead(values: Values<typeof newLeadParams> & { remindDate?: string }): void {
  if (isEmpty(values.description) && !values.contactFields) {
    throw new InputError(
      "Description",
      "is required by the API: enter a description, or fill Contact Fields to build one.",
    );
  }
  checkSalesRules(values);
  checkNewLeadOwner(values);
}

/** The description the new lead is created with: the contact lines, then the notes. */
export const withComposedDescription = <R extends { body?: unknown }>(
  request: R,
  values: Values<typeof newLeadParams>,
): R => ({
  ...request,
  body: {
    ...(request.body as object),
    description: composeDescription(values.contactFields, values.description),
  },
});

const createLead = endpoint({
  key: "createLead",
  label: "Create Lead",
  description:
    "Create a lead, optionally in a step with a status, amount, reminder and folder. Cost: 1–3 requests.",
  method: "POST",
  path: "/leads",
  returns: "lead",
  params: createParams,
  validate: checkNewLead,
  sample: { description: "Met John at the trade show; wants a quote." },
  prepare: withComposedDescription,
  run: (client, request, values): Promise<LeadRecord> =>
    createLeadInSteps(client, request, createLead, values),
  example: createdLead,
});

// ---------------------------------------------------------------------------------------------
// Update Lead

/** Inputs whose value is sent to the API (everything but the lead itself). */
const updateParams = {
  title: inBody(
    textInput({ label: "Title", example: "Loretta Inc.", comments: "A new title for the lead." }),
  ),
  description: inBody(
    textInput({
      label: "Description",
      multiline: true,
      comments:
        "A new description: it replaces the whole current description. To change contact lines and keep the rest, use Update Lead Contact Fields.",
    }),
  ),
  status: inBody(leadStatus),
  ...reminderParams,
  amount: inBody(amount),
  probability: inBody(probability),
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
  tags: inBody({
    ...leadTags,
    comments: `${leadTags.comments} They replace the lead's tags: to keep them, use Add Tags to Lead.`,
  }),
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
  checkSalesRules(values);
}

const updateLead = endpoint({
  key: "updateLead",
  label: "Update Lead",
  description: "Change a lead's status, reminder, step, amount, owner, tags, title or description.",
  method: "PUT",
  path: "/leads/{leadId}",
  returns: "lead",
  params: updateLeadParams,
  validate: validateUpdate,
  sample: { amount: "1562.89" },
  example: updatedLead,
});

export default resource("Leads", [createLead, updateLead]);
