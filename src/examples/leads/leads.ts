/**
 * Leads in the live API's shapes. A list item (List Leads) carries the document's fields and
 * the live ones (`html_description`, `next_action_at`, `team_name`, `amount_percentage`,
 * `probalized_amount`, `pipeline` as a name or null); a single lead (Get, Create, Update,
 * Assign…) adds `extended_info`. Descriptions are HTML, as the live web application saves them.
 */
import { accountUrl, noFields } from "..";
import { clientFolderListItem, clientFolderRef, createdClientFolder } from "../clientFolders";
import { inTouchStep, step } from "../pipelines";
import { team } from "../teams";
import { assigneeContact, userContact, userSummary } from "../users";
import { attachmentList } from "./attachments";
import { commentList } from "./comments";

type ContactLines = Record<string, string>;

/** Contact lines joined by `<br />`, then the notes in `<p>` below a `---` line (live HTML). */
export function htmlDescription(contact: ContactLines, notes: string[] = []): string {
  const lines = Object.entries(contact).map(([name, value]) => `${name}: ${value}`);
  if (notes.length === 0) return lines.join("<br />");
  return `${lines.join("<br />")}<br />\r\n---\r\n<p>${notes.join("<br />")}</p>`;
}

/** The same as plain text (a delivery's `text_description`). */
function textDescription(contact: ContactLines, notes: string[] = []): string {
  const lines = Object.entries(contact).map(([name, value]) => `${name}: ${value}`);
  return [...lines, ...(notes.length ? ["---", ...notes] : [])].join("\n");
}

/** A lead with no reminder (todo, won, lost…). */
export const noReminder = {
  remind_date: null,
  remind_time: null,
  reminder_at: null,
  reminder_duration: null,
  next_action_at: null,
};

/** Natalia Bawer's contact lines on lead 8113, by the account's field names. */
const natalia = {
  Firstname: "Natalia",
  Lastname: "Bawer",
  "Full name": "Natalia Bawer",
  Email: "natalia.bawer@loretta-inc.com",
  Phone: "801 274 6798",
  Mobile: "832 764 1930",
  Address: "1234 N 7864 W President Bld - Salt Lake City, UT 84105",
  Web: "http://more-info-loretta.com",
  Department: "Sales",
};

/** The notes under lead 8113's contact lines. */
const lorettaNotes = [
  "Met Natalia at a seminar. She could be interested.",
  "She is on business trip. Have to call her when she is back.",
];

const lorettaHtml = htmlDescription(natalia, lorettaNotes);

/** Lead 8113's description as plain text: a webhook delivery's `text_description`. */
export const lorettaText = textDescription(natalia, lorettaNotes);

/** Lead 8113 "Loretta Inc." as List Leads returns it (no `extended_info`). */
export const leadListItem = {
  id: 8113,
  title: "Loretta Inc.",
  pipeline: step.pipeline.name,
  step: step.name,
  step_id: step.id,
  status: "standby",
  amount: 2400.0,
  probability: 30,
  currency: "USD",
  starred: true,
  remind_date: "2014-03-12",
  remind_time: "09:00",
  reminder_at: "2014-03-12T15:00:00.000Z",
  reminder_duration: 30,
  next_action_at: "2014-03-12T15:00:00.000Z",
  created_at: "2014-02-28T17:37:33.000Z",
  estimated_closing_date: null,
  updated_at: "2014-02-28T17:38:05.000Z",
  closed_at: null,
  description: lorettaHtml,
  html_description: lorettaHtml,
  tags: ["small", "US"],
  created_from: "api",
  created_by_id: userSummary.id,
  user_id: userSummary.id,
  team_id: team.id,
  team_name: team.name,
  client_folder_id: clientFolderListItem.id,
  client_folder_name: clientFolderListItem.name,
  attachment_count: attachmentList.length,
  amount_percentage: 30,
  probalized_amount: 720.0,
};

/** Lead 8113's contact, by field type: a lead's `extended_info.fields`, a delivery's `fields`. */
const lorettaFields = {
  ...noFields,
  email: natalia.Email,
  phone: natalia.Phone,
  mobile: natalia.Mobile,
  address: natalia.Address,
  web: natalia.Web,
  first_name: natalia.Firstname,
  last_name: natalia.Lastname,
  full_name: natalia["Full name"],
  job: natalia.Department,
};

/** Lead 8113 as Get Lead returns it: the list item and its `extended_info`. */
export const lead = {
  ...leadListItem,
  status: "Standby",
  extended_info: {
    first_contact_email: natalia.Email,
    all_contact_emails: [natalia.Email],
    permalink: accountUrl("/leads/8113"),
    fields: lorettaFields,
    fields_by_name: natalia,
    comment_count: commentList.length,
    bcc_count: 0,
    team,
    user: userContact,
    client_folder: clientFolderRef(clientFolderListItem),
    created_by: userSummary,
    business_card_id: 412,
    visible_by_count: 1,
    follow_ups: [],
  },
};

const johnAtAcme = {
  Firstname: "John",
  Lastname: "Doe",
  Email: "john.doe@acme.corp.com",
  Phone: "201 418 1625",
};
const acmeHtml = htmlDescription(johnAtAcme, [
  "John is very interested by our service. He wants a quote asap.",
]);

/** List Leads: lead 8113, and lead 8112 "Acme Corp". */
export const leadList = [
  leadListItem,
  {
    ...leadListItem,
    id: 8112,
    title: "Acme Corp",
    status: "todo",
    amount: 1500.0,
    probability: 70,
    starred: null,
    ...noReminder,
    created_at: "2014-02-28T17:31:04.000Z",
    updated_at: "2014-02-28T17:40:12.000Z",
    description: acmeHtml,
    html_description: acmeHtml,
    tags: [],
    attachment_count: 0,
    amount_percentage: 70,
    probalized_amount: 1050.0,
  },
];

const elizabeth = {
  Firstname: "Elizabeth",
  Lastname: "Swan",
  Email: "e.swan@bountiful.corp",
  Mobile: "+1 801 563 9999",
};
const bountifulHtml = htmlDescription(elizabeth);

/** List Unassigned Leads: a lead sent to the account's email address, owned by nobody. */
export const unassignedLeadList = [
  {
    ...leadListItem,
    id: 9331,
    title: "Bountiful",
    status: "todo",
    amount: null,
    probability: null,
    starred: false,
    ...noReminder,
    created_at: "2017-05-28T17:37:33.000Z",
    updated_at: "2017-05-28T17:37:33.000Z",
    description: bountifulHtml,
    html_description: bountifulHtml,
    tags: [],
    created_from: "me@example.com",
    created_by_id: null,
    user_id: null,
    team_id: null,
    team_name: null,
    client_folder_id: null,
    client_folder_name: null,
    attachment_count: 0,
    amount_percentage: null,
    probalized_amount: null,
  },
];

const johnAtCompany = { Firstname: "John", Lastname: "Doe", Email: "john.doe@company.com" };
const awesomeHtml = htmlDescription(johnAtCompany, ["Met John at the trade show; wants a quote."]);

/** Create Lead: lead 8114 "Awesome Company", assigned to Stéphanie Stone on creation. */
export const createdLead = {
  ...lead,
  id: 8114,
  title: "Awesome Company",
  status: "Todo",
  amount: null,
  probability: null,
  starred: null,
  ...noReminder,
  created_at: "2014-02-28T20:57:29.000Z",
  updated_at: "2014-02-28T20:57:29.000Z",
  description: awesomeHtml,
  html_description: awesomeHtml,
  tags: ["prospect"],
  client_folder_id: null,
  client_folder_name: null,
  attachment_count: 0,
  amount_percentage: null,
  probalized_amount: null,
  extended_info: {
    ...lead.extended_info,
    first_contact_email: johnAtCompany.Email,
    all_contact_emails: [johnAtCompany.Email],
    permalink: accountUrl("/leads/8114"),
    fields: {
      ...noFields,
      email: johnAtCompany.Email,
      first_name: johnAtCompany.Firstname,
      last_name: johnAtCompany.Lastname,
    },
    fields_by_name: johnAtCompany,
    comment_count: 0,
    client_folder: null,
    business_card_id: null,
  },
};

/** Update Lead: lead 8113 moved to In-touch, with a new amount and probability. */
export const updatedLead = {
  ...lead,
  step: inTouchStep.name,
  step_id: inTouchStep.id,
  amount: 1562.89,
  probability: 85,
  updated_at: "2014-03-05T10:12:40.000Z",
  amount_percentage: 85,
  probalized_amount: 1328.46,
};

/** Assign Lead: lead 8113 now belongs to Juliette Rose. */
export const assignedLead = {
  ...lead,
  user_id: assigneeContact.id,
  updated_at: "2014-03-05T10:12:40.000Z",
  extended_info: { ...lead.extended_info, user: assigneeContact },
};

/** Add Lead to Client Folder: lead 8113 filed in client folder 13 "Blue Client". */
export const leadInClientFolder = {
  ...lead,
  client_folder_id: createdClientFolder.id,
  client_folder_name: createdClientFolder.name,
  updated_at: "2014-03-05T10:12:40.000Z",
  extended_info: { ...lead.extended_info, client_folder: clientFolderRef(createdClientFolder) },
};

/** List Lead Duplicates of lead 8113: lead 8120, the same company and contact entered again. */
export const leadDuplicates = [
  {
    lead: {
      ...lead,
      id: 8120,
      status: "Todo",
      created_at: "2014-03-02T09:15:00.000Z",
      updated_at: "2014-03-02T09:15:00.000Z",
      attachment_count: 0,
      extended_info: {
        ...lead.extended_info,
        permalink: accountUrl("/leads/8120"),
        comment_count: 0,
        business_card_id: null,
      },
    },
    matches: [
      ["title", "Loretta Inc."],
      ["email", natalia.Email],
    ],
  },
];

const history = (id: number, created_at: string, action_type: string, item: object) => ({
  id,
  lead_id: leadListItem.id,
  action_type,
  action_item: { type: action_type, ...item },
  created_at,
  user: userContact,
});

/** List Lead Action Histories of lead 8113, oldest first: up to its state in Get Lead. */
export const leadActionHistories = [
  history(39728, "2014-02-28T17:37:33.000Z", "lead_created", { id: leadListItem.id }),
  history(39729, "2014-02-28T17:37:51.000Z", "amount_set", {
    id: 1402,
    amount: leadListItem.amount,
    probability: leadListItem.probability,
    currency: leadListItem.currency,
  }),
  history(39730, "2014-02-28T17:37:58.000Z", "client_assigned", {
    id: clientFolderListItem.id,
    name: clientFolderListItem.name,
  }),
  history(39731, "2014-02-28T17:38:05.000Z", "status_changed", { id: 2, name: "standby" }),
];

/** Send Email From Template: the API's answer (the email is sent in the background). */
export const emailSending = { message: "Sending email..." };
