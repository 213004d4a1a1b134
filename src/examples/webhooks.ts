/**
 * Webhooks (subscriptions), and the events they deliver.
 *
 * A delivery is a POST of `{"webhook_event": {id, event, signature, data}}`; `signature` is the
 * lowercase hex SHA1 of `String(id) + API key` (computed here with the API document's example
 * key). A lead's `data` has the live delivery shape, which differs from Get Lead's: HTML
 * `description` with its `text_description`, top-level `fields` and `permalink`, `client` (not
 * `client_folder`), a short `extended_info`, the lead's `comments`, and a capitalised `status`.
 */
import { createHash } from "node:crypto";
import { clientFolderListItem, createdClientFolder } from "./clientFolders";
import { createdField } from "./fields";
import { comment, createdComment, emailComment } from "./leads/comments";
import { lead, leadListItem, lorettaText, noReminder, updatedLead } from "./leads/leads";
import { inTouchStep, pipeline, pipelineList, step } from "./pipelines";
import { addedProspects, updatedProspect } from "./prospectingLists";
import { team } from "./teams";
import { assigneeContact, userContact, userSummary } from "./users";

// ---------------------------------------------------------------------------------------------
// Subscriptions

/** Create Webhook: a URL subscribed to new leads. */
export const webhook = {
  id: 63,
  event: "lead.creation",
  target: "https://hooks.example.com/propipelines",
  target_type: "url",
  params: null,
  name: "New leads to billing",
};

/** List Webhooks: webhooks (url) and email notifications, disabled ones included. */
export const webhookList = [
  {
    ...webhook,
    id: 62,
    event: "lead.content_has_changed",
    name: "My webhook",
    is_disabled: true,
  },
  { ...webhook, is_disabled: false },
  {
    id: 64,
    event: "lead.deleted",
    target: userSummary.email,
    target_type: "email",
    params: null,
    name: "Lead deleted notification",
    is_disabled: false,
  },
];

/** Activate Webhook: webhook 62 of the list, enabled again. */
export const activatedWebhook = { ...webhookList[0], is_disabled: false };

// ---------------------------------------------------------------------------------------------
// A lead in a delivery

const {
  client_folder_id: _folderId,
  client_folder_name: _folderName,
  html_description: _html,
  ...leadItem
} = leadListItem;

/** Lead 8113 as the `data` of every `lead.*` delivery carries it (the live shape). */
export const leadDelivery = {
  ...leadItem,
  status: "Standby",
  text_description: lorettaText,
  reminder_note: null,
  reminder_activity_id: null,
  contact_email: lead.extended_info.first_contact_email,
  first_contact_email: lead.extended_info.first_contact_email,
  all_contact_emails: lead.extended_info.all_contact_emails,
  permalink: lead.extended_info.permalink,
  fields: lead.extended_info.fields,
  comment_count: lead.extended_info.comment_count,
  bcc_count: 0,
  team: { id: team.id, name: team.name },
  user: userContact,
  client: {
    id: clientFolderListItem.id,
    name: clientFolderListItem.name,
    description: clientFolderListItem.description,
    is_active: clientFolderListItem.is_active,
  },
  extended_info: {
    created_by: userSummary,
    fields_by_name: lead.extended_info.fields_by_name,
  },
  comments: [comment, emailComment],
};

/** Lead 8113 won. */
const wonLeadDelivery = {
  ...leadDelivery,
  status: "Won",
  probability: 100,
  ...noReminder,
  updated_at: "2014-03-20T16:12:45.000Z",
  closed_at: "2014-03-20T16:12:45.000Z",
  amount_percentage: 100,
  probalized_amount: leadDelivery.amount,
};

// ---------------------------------------------------------------------------------------------
// Sent events (Get / List Webhook Events)

/** Get Webhook Event: lead 8113 won, delivered at the first try. */
export const webhookEvent = {
  id: 984,
  event: "lead.status.changed.to.won",
  signature: "b4538b81fa4244f58dca46ba84927eb85804e9a7",
  has_succeeded: true,
  try_count: 1,
  last_returned_code: 200,
  data: wonLeadDelivery,
};

/** List Webhook Events: the same change, also sent to a subscription that failed twice. */
export const webhookEventList = [
  webhookEvent,
  {
    ...webhookEvent,
    id: 983,
    event: "lead.status.changed",
    signature: "93fbf79e67a8722790194d366291fc7cfd051b13",
    has_succeeded: false,
    try_count: 2,
    last_returned_code: 404,
  },
];

// ---------------------------------------------------------------------------------------------
// Deliveries of the live events beyond the document (live-api-facts.md, "Webhooks"): each the
// `webhook_event` of a delivery, for the Pro Pipe Lines Events trigger's branches.

/** The `webhook_event` object of a delivery. */
const delivery = <T>(id: number, event: string, signature: string, data: T) => ({
  id,
  event,
  signature,
  data,
});

/** `lead.any_update`: any change to a lead; here lead 8113 moved to In-touch with a new amount. */
export const leadAnyUpdateDelivery = delivery(
  985,
  "lead.any_update",
  "75e2c4c9a91aecbbba9f840eb6253e5cf5cbf7b5",
  {
    ...leadDelivery,
    step: updatedLead.step,
    step_id: updatedLead.step_id,
    amount: updatedLead.amount,
    probability: updatedLead.probability,
    updated_at: updatedLead.updated_at,
    amount_percentage: updatedLead.amount_percentage,
    probalized_amount: updatedLead.probalized_amount,
  },
);

/** `lead.commented`: the lead with its comments, the new one last. */
export const leadCommentedDelivery = delivery(
  986,
  "lead.commented",
  "6093556efac187a2efa95f4b6c836e2253adbcb4",
  {
    ...leadDelivery,
    updated_at: createdComment.created_at,
    comment_count: leadDelivery.comments.length + 1,
    comments: [...leadDelivery.comments, createdComment],
  },
);

/** Step 1194, added last to the Sales funnel, as Get Pipeline Step shows it. */
const newStep = {
  ...step,
  id: 1194,
  name: "Negotiation",
  position: 4,
  created_at: "2016-05-02T08:00:00.000Z",
  updated_at: "2016-05-02T08:00:00.000Z",
};

/** `account.step.created`: the step, with its pipeline. */
export const stepCreatedDelivery = delivery(
  987,
  "account.step.created",
  "bb4f92841d4f01c1000bbb7356fa03203a80fc92",
  newStep,
);

/** `account.step.updated`: step 1190 renamed. */
export const stepUpdatedDelivery = delivery(
  988,
  "account.step.updated",
  "4f7271979a0986e22e36028536bfb8fd43bb8b90",
  { ...inTouchStep, name: "Contacted", updated_at: "2016-05-03T08:00:00.000Z" },
);

/** `account.step.deleted`: the step as it was. */
export const stepDeletedDelivery = delivery(
  989,
  "account.step.deleted",
  "16cb6c7004f968f6134da5d6d5f0a45f05cf1153",
  newStep,
);

/** `account.step.pipeline.updated`: the step moved to another pipeline. */
export const stepPipelineUpdatedDelivery = delivery(
  990,
  "account.step.pipeline.updated",
  "870113a04be5ba9ec144beb1e04ee00c7bf8631c",
  {
    ...newStep,
    pipeline_id: pipelineList[1].id,
    pipeline: pipelineList[1],
    updated_at: "2016-05-04T08:00:00.000Z",
  },
);

/** `account.pipeline.updated`: the pipeline renamed. */
export const pipelineUpdatedDelivery = delivery(
  991,
  "account.pipeline.updated",
  "887746a1fd5b198944f214305c9541aceb88ac7f",
  { ...pipeline, name: "New business", updated_at: "2016-05-05T08:00:00.000Z" },
);

/** `account.default_field.created`: a lead field, as List Fields shows it. */
export const defaultFieldCreatedDelivery = delivery(
  992,
  "account.default_field.created",
  "4e6fd1c7018aaf21fbc1f6deb8785b2485b3d207",
  createdField,
);

/** `account.default_field.updated`: the field renamed. */
export const defaultFieldUpdatedDelivery = delivery(
  993,
  "account.default_field.updated",
  "5772a175be0ef328f20639e7048f0d8cb582de9e",
  { ...createdField, name: "Country of origin", updated_at: "2020-11-05T09:00:00.000Z" },
);

/** `account.default_field.deleted`: the field as it was. */
export const defaultFieldDeletedDelivery = delivery(
  994,
  "account.default_field.deleted",
  "971934a6c03e72f981271868dd1afb87560cb545",
  createdField,
);

/** `client_folder.created`: the client folder as Create Client Folder answers it. */
export const clientFolderCreatedDelivery = delivery(
  995,
  "client_folder.created",
  "3dfdbf7d43f8835fc795fc8617fa00980284d4bc",
  createdClientFolder,
);

/** `prospect.updated`: the prospect (row) with its new values. */
export const prospectUpdatedDelivery = delivery(
  996,
  "prospect.updated",
  "ec56d8980a4ac43123cf74669ec420dec11a07bb",
  updatedProspect,
);

// ---------------------------------------------------------------------------------------------
// Deliveries of the document's events, one per event, for the trigger's other branches.

/** The API document's example API key, which signs the example deliveries. */
const EXAMPLE_API_KEY = "91Jy7XxreymBRMASfTF8";

/** A delivery signed as the API signs it (SHA-1 of the event id and the key). */
const signed = <T>(id: number, event: string, data: T) =>
  delivery(id, event, createHash("sha1").update(`${id}${EXAMPLE_API_KEY}`).digest("hex"), data);

const closedLead = (status: string) => ({
  ...wonLeadDelivery,
  status,
  probability: 0,
  amount_percentage: 0,
  probalized_amount: 0,
});

/**
 * A task as its events carry it. The API document names the task events but shows no task:
 * these are the fields its other records suggest (id, title, status, dates, lead and user).
 */
const task = {
  id: 5521,
  title: "Send the proposal",
  status: "done",
  lead_id: leadDelivery.id,
  user_id: userSummary.id,
  due_date: "2014-03-21",
  created_at: "2014-03-18T10:00:00.000Z",
  updated_at: "2014-03-21T09:30:00.000Z",
};

/** Lead 8113 as `lead.creation` delivers it: new, to-do, no reminder. */
const createdLeadDelivery = {
  ...leadDelivery,
  status: "Todo",
  remind_date: null,
  remind_time: null,
  reminder_at: null,
  reminder_duration: null,
  next_action_at: null,
  comments: [],
  comment_count: 0,
  updated_at: leadDelivery.created_at,
};

/** `webhook_event` objects of the document's events (the step event for step 1191 "Closing"). */
export const documentEventDeliveries = {
  "lead.creation": signed(997, "lead.creation", createdLeadDelivery),
  "lead.status.changed": signed(998, "lead.status.changed", wonLeadDelivery),
  "lead.status.changed.to.cancelled": signed(
    999,
    "lead.status.changed.to.cancelled",
    closedLead("Cancelled"),
  ),
  "lead.status.changed.to.lost": signed(1000, "lead.status.changed.to.lost", closedLead("Lost")),
  "lead.status.changed.to.standby": signed(1001, "lead.status.changed.to.standby", leadDelivery),
  "lead.status.changed.to.todo": signed(1002, "lead.status.changed.to.todo", {
    ...leadDelivery,
    status: "Todo",
  }),
  "lead.status.changed.to.won": webhookEvent,
  "lead.assigned": signed(1003, "lead.assigned", {
    ...leadDelivery,
    user_id: assigneeContact.id,
    user: assigneeContact,
  }),
  "lead.commented": leadCommentedDelivery,
  "lead.content_has_changed": signed(1004, "lead.content_has_changed", leadDelivery),
  "lead.deleted": signed(1005, "lead.deleted", leadDelivery),
  "lead.manual.trigger": signed(1006, "lead.manual.trigger", leadDelivery),
  "lead.step.changed": signed(1007, "lead.step.changed", {
    ...leadDelivery,
    step: inTouchStep.name,
    step_id: inTouchStep.id,
  }),
  "lead.step.changed.to.PIPE.NAME_OF_YOUR_STEP": signed(
    1008,
    "lead.step.changed.to.Sales funnel.Closing",
    { ...leadDelivery, step: "Closing", step_id: 1191 },
  ),
  "lead.unassigned": signed(1009, "lead.unassigned", {
    ...createdLeadDelivery,
    user_id: null,
    user: null,
    created_from: "api",
  }),
  "prospect.created": signed(1010, "prospect.created", addedProspects[0]),
  "task.status.changed": signed(1011, "task.status.changed", task),
  "task.status.changed.to.done": signed(1012, "task.status.changed.to.done", task),
  "task.status.changed.to.standby": signed(1013, "task.status.changed.to.standby", {
    ...task,
    status: "standby",
  }),
  "task.status.changed.to.todo": signed(1014, "task.status.changed.to.todo", {
    ...task,
    status: "todo",
  }),
};
