/** Prospecting lists (the API's spreadsheets), their prospects (rows) and comments. */
import { accountUrl } from ".";
import { createdLead, htmlDescription } from "./leads/leads";
import { assigneeContact, userContact } from "./users";

const columnNames = ["Lead's name", "Firstname", "Lastname", "Email", "Phone"];

/** Prospecting list 17198 as List Prospecting Lists shows it (an archived one). */
const circleList = {
  id: 17198,
  title: "Circle prospects",
  description: "This prospect is for the Circle area",
  column_count: 5,
  column_names: columnNames,
  privacy: 1,
  updated_at: "2017-05-25T17:55:53.000Z",
  created_at: "2017-05-25T17:55:53.000Z",
  tags: ["circle"],
  permalink: accountUrl("/spreadsheets/17198"),
  is_archived: true,
  user: userContact,
};

/** A prospect: one row of a list, its values in the list's column order. */
const prospect = {
  id: 115,
  lead_id: null,
  is_active: true,
  content: ["Green Corp", "Julia", "Green", "julia.green@example.com", "345 234 7777"],
};

const rows = [
  {
    id: 108,
    lead_id: null,
    is_active: true,
    content: ["Acme Corp", "John", "Doe", "john.doe@acme.com", "654 234 7623"],
  },
  {
    id: 109,
    lead_id: null,
    is_active: true,
    content: ["EuropaCorp", "Luc", "Besson", "luc.besson@europacorp.com", "555 333 5678"],
  },
];

/** Prospecting list 112, as lists show it. */
const tradeShowList = {
  ...circleList,
  id: 112,
  title: "Trade show leads",
  description: "This prospect comes from Peter",
  updated_at: "2014-11-07T17:31:04.000Z",
  created_at: "2014-11-07T17:31:04.000Z",
  tags: ["peter", "prospect"],
  permalink: accountUrl("/spreadsheets/112"),
  is_archived: false,
};

/** Create Prospecting List: list 112 with its rows. */
export const createdProspectingList = { ...tradeShowList, spreadsheet_rows: rows };

/** List Prospecting Lists: archived lists are listed too. */
export const prospectingListList = [
  circleList,
  {
    ...circleList,
    id: 17197,
    title: "Square prospects",
    description: "This prospect is for the Square area",
    updated_at: "2017-05-19T22:27:35.000Z",
    created_at: "2017-05-17T19:30:44.000Z",
    tags: ["square", "green"],
    permalink: accountUrl("/spreadsheets/17197"),
    is_archived: false,
  },
  tradeShowList,
];

/** Get Prospecting List: list 112, each row with its lead (once created) and comment count. */
export const prospectingListWithRows = {
  ...createdProspectingList,
  spreadsheet_rows: [
    { ...rows[0], lead_id: 8112, comment_count: 3 },
    { ...rows[1], comment_count: 0 },
  ],
};

/** Assign Prospecting List: list 112, now Juliette Rose's. */
export const assignedProspectingList = {
  ...tradeShowList,
  updated_at: "2021-03-16T09:53:04.000Z",
  user: assigneeContact,
};

/** Comment on Prospecting List. */
export const prospectingListComment = {
  id: 13850,
  content: "Called, will call back next week.",
  commented_item: { item: "Spreadsheet", id: createdProspectingList.id },
  created_at: "2015-08-20T21:57:40.000Z",
  attachments: [],
  activity_id: null,
  user: userContact,
};

/** Comment on Prospect: the same, on row 108. */
export const prospectComment = {
  ...prospectingListComment,
  id: 13851,
  commented_item: { item: "SpreadsheetRow", id: rows[0].id },
};

/** Add Prospects: the new rows. */
export const addedProspects = [
  prospect,
  {
    id: 116,
    lead_id: null,
    is_active: true,
    content: ["Red Corp", "John", "Red", "red.john@example.com", "222 333 5555"],
  },
];

/** Update Prospect: row 115 with a new phone number. */
export const updatedProspect = {
  ...prospect,
  content: ["Green Corp", "Julia", "Green", "julia.green@example.com", "345 234 1111"],
};

/** List Prospects Called From a phone number: each row names its list. */
export const prospectsCalledFrom = [
  {
    id: 130,
    lead_id: null,
    is_active: true,
    content: ["Green Corp", "Julia", "Green", "julia.green@example.com", "222 333 4444"],
    spreadsheet_id: createdProspectingList.id,
  },
  {
    id: 256,
    lead_id: null,
    is_active: true,
    content: ["Green Corp", "Julia", "Green", "julia.green@example.com", "222 333 4444"],
    spreadsheet_id: 17197,
  },
];

const julia = {
  Firstname: "Julia",
  Lastname: "Green",
  Email: "julia.green@example.com",
  Phone: "345 234 7777",
};
const greenHtml = htmlDescription(julia);

/** Create Lead From Prospect: lead 871369 made from row 115 (its values fill the description). */
export const leadFromProspect = {
  ...createdLead,
  id: 871369,
  title: "Green Corp",
  created_at: "2019-10-28T20:57:29.000Z",
  updated_at: "2019-10-28T20:57:29.000Z",
  description: greenHtml,
  html_description: greenHtml,
  tags: [],
  extended_info: {
    ...createdLead.extended_info,
    first_contact_email: julia.Email,
    all_contact_emails: [julia.Email],
    permalink: accountUrl("/leads/871369"),
    fields: {
      ...createdLead.extended_info.fields,
      email: julia.Email,
      phone: julia.Phone,
      first_name: julia.Firstname,
      last_name: julia.Lastname,
    },
    fields_by_name: julia,
  },
};
