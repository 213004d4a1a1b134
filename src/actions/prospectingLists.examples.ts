/** Response examples of the Prospecting lists section of the API document, shown to flow builders. */
import { exampleUser } from "./exampleUsers";

/** One prospecting list of List Prospecting Lists. */
export const LIST_EXAMPLE = {
  id: 17198,
  title: "Circle prospects",
  description: "This prospect is for the Circle area",
  column_count: 6,
  column_names: ["Lead's name", "Firstname", "Lastname", "Email", "Phone"],
  privacy: 1,
  updated_at: "2017-05-25T17:55:53.000Z",
  created_at: "2017-05-25T17:55:53.000Z",
  tags: ["circle"],
  permalink: "https://YOUR_SLUG_HERE.propipelines.com/spreadsheets/17198",
  is_archived: true,
  user: {
    id: 433,
    lastname: "John",
    firstname: "Doe",
    email: "john.doe@example.com",
    phone: "2223334444",
    mobile_phone: "",
  },
};

/** A list with its rows, as Create Prospecting List returns it. */
export const CREATED_LIST_EXAMPLE = {
  id: 112,
  title: "Prospect",
  description: "This prospect comes from Peter",
  column_names: ["Company name", "Firstname", "Lastname", "Email", "Phone"],
  privacy: 1,
  updated_at: "2014-11-07T17:31:04.000Z",
  created_at: "2014-11-07T17:31:04.000Z",
  tags: ["peter", "prospect"],
  permalink: "https://YOUR_SLUG_HERE.propipelines.com/spreadsheets/112",
  is_archived: false,
  user: exampleUser,
  spreadsheet_rows: [
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
  ],
};

/** Get Prospecting List: the rows carry their lead and comment count. */
export const FULL_LIST_EXAMPLE = {
  ...CREATED_LIST_EXAMPLE,
  column_names: ["Lead's name", "Firstname", "Lastname", "Email", "Phone"],
  is_archived: true,
  spreadsheet_rows: [
    { ...CREATED_LIST_EXAMPLE.spreadsheet_rows[0], lead_id: 15, comment_count: 3 },
    { ...CREATED_LIST_EXAMPLE.spreadsheet_rows[1], comment_count: 0 },
  ],
};

export const ASSIGNED_LIST_EXAMPLE = {
  id: 112,
  title: "Prospecting list",
  description: "This prospect comes from Peter",
  column_count: 5,
  column_names: ["Lead's name", "Firstname", "Lastname", "Email", "Phone"],
  privacy: 1,
  updated_at: "2021-03-16T09:53:04.000Z",
  created_at: "2014-11-07T17:31:04.000Z",
  tags: ["peter", "prospect"],
  permalink: "https://YOUR_SLUG_HERE.propipelines.com/spreadsheets/112",
  is_archived: false,
  user: {
    id: 436,
    lastname: "Rose",
    firstname: "Juliette",
    email: "juliette@example.com",
    phone: "",
    mobile_phone: "3334445555",
  },
};

export const COMMENT_EXAMPLE = {
  id: 13834,
  content: "This is a wonderful",
  commented_item: { item: "Spreadsheet", id: 112 },
  created_at: "2015-08-20T21:57:40.000Z",
  attachments: [],
  activity_id: null,
  user: exampleUser,
};

export const ROW_EXAMPLE = {
  id: 115,
  lead_id: null,
  is_active: true,
  content: ["Green Corp", "Julia", "Green", "julia.green@example.com", "345 234 1111"],
};

export const ADD_PROSPECTS_EXAMPLE = [
  {
    id: 115,
    lead_id: null,
    is_active: true,
    content: ["Green Corp", "Julia", "Green", "julia.green@example.com", "345 234 7777"],
  },
  {
    id: 116,
    lead_id: null,
    is_active: true,
    content: ["Red Corp", "John", "Red", "red.john@example.com", "222 333 5555"],
  },
];

export const CALLED_FROM_EXAMPLE = [
  {
    id: 115,
    lead_id: null,
    is_active: true,
    content: ["Green Corp", "Julia", "Green", "julia.green@example.com", "222 333 444"],
    spreadsheet_id: 234,
  },
  {
    id: 256,
    lead_id: null,
    is_active: true,
    content: ["Green Corp", "Julia", "Green", "julia.green@example.com", "222 333 4444"],
    spreadsheet_id: 825,
  },
];

export const LEAD_FROM_PROSPECT_EXAMPLE = {
  id: 871369,
  title: "Green Corp",
  pipeline: null,
  step: "Incoming",
  step_id: 45,
  status: "Todo",
  amount: null,
  probability: null,
  currency: "USD",
  starred: null,
  remind_date: null,
  remind_time: null,
  reminder_at: null,
  reminder_duration: null,
  created_at: "2019-10-28T20:57:29.000Z",
  estimated_closing_date: null,
  updated_at: "2019-10-28T20:57:29.000Z",
  closed_at: null,
  description:
    "Firstname: Julia\nLastname: Green\nEmail: julia.green@example.com\nPhone: 345 234 7777",
  html_description:
    "Firstname: Julia<br>Lastname: Green<br>Email: julia.green@example.com<br>Phone: 345 234 7777",
  tags: [],
  created_from: "api",
  created_by_id: 514,
  user_id: 514,
  team_id: 5,
  client_folder_id: null,
  client_folder_name: null,
  attachment_count: 0,
  extended_info: {
    all_contact_emails: ["julia.green@example.com"],
    first_contact_email: "julia.green@example.com",
    permalink: "https://YOUR_SLUG_HERE.propipelines.com/leads/871369",
    fields: {
      email: "julia.green@example.com",
      phone: "345 234 7777",
      first_name: "Julia",
      last_name: "Green",
    },
    fields_by_name: {
      Email: "julia.green@example.com",
      Firstname: "Julia",
      Lastname: "Green",
      Phone: "345 234 7777",
    },
    comment_count: 0,
    user: exampleUser,
    client_folder: null,
  },
};
