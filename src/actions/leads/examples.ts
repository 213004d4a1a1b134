/** Response examples of the API document's Leads section, shown to flow builders. */
import { exampleUser, exampleUserSummary } from "../exampleUsers";

const lorettaDescription =
  "Firstname: Natalia\nLastname: Bawer\nFull name: Natalia Bawer\nEmail: natalia.bawer@loretta-inc.com\nPhone: 801 274 6798\nMobile: 832 764 1930 \nAddress: 1234 N 7864 W President Bld - Salt Lake City, UT 84105\nWeb: http://more-info-loretta.com\nDepartment: Sales\n--- Entrez une description ci-dessous ---\n \n--- \nMet Natalia at a seminar. She could be interested.\nShe is on business trip. Have to call her when she is back.";

/** A lead in list answers (no extended_info). */
export const leadSummaryExample = {
  id: 8113,
  title: "Loretta Inc.",
  pipeline: null,
  step: "Incoming",
  step_id: 45,
  status: "standby",
  amount: 2400.0,
  probability: 30,
  currency: "USD",
  starred: true,
  remind_date: "2014-03-12",
  remind_time: "09:30",
  created_at: "2014-02-28T17:37:33.000Z",
  estimated_closing_date: null,
  updated_at: "2014-02-28T17:38:05.000Z",
  description: lorettaDescription,
  tags: ["small", "US"],
  created_from: "api",
  closed_at: null,
  attachment_count: 0,
  created_by_id: 514,
  user_id: 514,
  client_folder_id: 1,
  client_folder_name: "Acme",
  team_id: 2,
  team_name: "Sales",
};

export const leadListExample = [
  leadSummaryExample,
  {
    ...leadSummaryExample,
    id: 8112,
    title: "Acme Corp",
    status: "todo",
    amount: 1500.0,
    probability: 70,
    starred: null,
    remind_date: null,
    remind_time: null,
    created_at: "2014-02-28T17:31:04.000Z",
    updated_at: "2014-02-28T17:31:04.000Z",
    description:
      "Firstname: John\nLastname: Doe\nEmail: john.doe@acme.corp.com\nPhone: 201 418 1625\n---\nJohn is very interested by our service. He wants a quote asap.\n",
    tags: [],
  },
];

/** A lead as Get, Update, Assign and Add to Client Folder answer it. */
export const leadExample = {
  id: 8113,
  title: "Loretta Inc.",
  pipeline: null,
  step: "Incoming",
  step_id: 45,
  status: "Standby",
  amount: 2400.0,
  probability: 30,
  currency: "USD",
  starred: true,
  remind_date: "2014-03-12",
  remind_time: "09:00",
  reminder_at: "2014-03-12T15:00:00.000Z",
  reminder_duration: 30,
  created_at: "2014-02-28T17:37:33.000Z",
  estimated_closing_date: null,
  updated_at: "2014-02-28T17:38:05.000Z",
  closed_at: null,
  description: lorettaDescription,
  tags: ["small", "US"],
  created_from: "api",
  created_by_id: 514,
  user_id: 514,
  team_id: 5,
  client_folder_id: 1,
  client_folder_name: "Acme",
  attachment_count: 0,
  extended_info: {
    first_contact_email: "natalia.bawer@loretta-inc.com",
    all_contact_emails: ["natalia.bawer@loretta-inc.com"],
    permalink: "https://YOUR_SLUG_HERE.propipelines.com/leads/8113",
    fields: {
      email: "natalia.bawer@loretta-inc.com",
      phone: "801 274 6798",
      mobile: "832 764 1930 ",
      address: "1234 N 7864 W President Bld - Salt Lake City, UT 84105",
      web: "http://more-info-loretta.com",
      first_name: "Natalia",
      last_name: "Bawer",
      full_name: "Natalia Bawer",
      job: "Sales",
      fax: null,
      vat: null,
    },
    fields_by_name: {
      Firstname: "Natalia",
      Lastname: "Bawer",
      "Full name": "Natalia Bawer",
      Email: "natalia.bawer@loretta-inc.com",
      Phone: "801 274 6798",
      Mobile: "832 764 1930 ",
      Address: "1234 N 7864 W President Bld - Salt Lake City, UT 84105",
      Web: "http://more-info-loretta.com",
      Department: "Sales",
    },
    comment_count: 0,
    bcc_count: 0,
    user: exampleUser,
    client_folder: {
      id: 1,
      name: "Acme",
      description: "Billing address: 123 heaven avenue, San Francisco CA 94103",
      is_active: true,
      created_at: "2015-01-30T22:03:14.000Z",
    },
    created_by: exampleUserSummary,
    business_card_id: 412,
    visible_by_count: 1,
    follow_ups: [],
  },
};

export const createdLeadExample = {
  ...leadExample,
  id: 8114,
  title: "Awesome Company",
  status: "Todo",
  amount: null,
  probability: null,
  starred: null,
  remind_date: null,
  remind_time: null,
  reminder_at: null,
  reminder_duration: null,
  created_at: "2014-02-28T20:57:29.000Z",
  updated_at: "2014-02-28T20:57:29.000Z",
  description: "Firstname: John\nLastname: Doe\nEmail: john.doe@company.com",
  tags: ["google", "prospect"],
  client_folder_id: null,
  client_folder_name: null,
  extended_info: {
    ...leadExample.extended_info,
    all_contact_emails: ["john.doe@company.com"],
    first_contact_email: "john.doe@company.com",
    permalink: "https://YOUR_SLUG_HERE.propipelines.com/leads/8114",
    fields_by_name: { Email: "john.doe@company.com", Firstname: "John", Lastname: "Doe" },
    client_folder: null,
    business_card_id: null,
  },
};

export const commentExample = {
  id: 13834,
  content: "This is a wonderful",
  commented_item: { item: "Lead", id: 9402 },
  created_at: "2015-08-20T21:57:40.000Z",
  attachments: [],
  activity_id: null,
  user: exampleUser,
};

export const commentListExample = [
  {
    ...commentExample,
    content: "This is a comment",
    created_at: "2015-08-12T21:57:40.000Z",
    attachments: [
      {
        id: 24,
        name: "780_3.pdf",
        url: "https://www.dropbox.com/s/gamibhk6kq9uaez/780_3.pdf?dl=0",
        permalink: "https://www.dropbox.com/s/gamibhk6kq9uaez/780_3.pdf?dl=0",
        content_type: null,
        kind: "dropbox",
      },
    ],
  },
  { ...commentExample, id: 13836, content: "This is another comment" },
];

export const attachmentListExample = [
  {
    id: 422,
    name: "You_Dont_Need_a_CRM.pdf",
    url: "https://YOUR_SLUG_HERE.propipelines.com/attachments/422",
    content_type: "application/pdf",
    kind: "attachment",
  },
  {
    id: 15,
    name: "0000004",
    url: "https://mycompany.freshbooks.com/showEstimate?estimateid=34432",
    content_type: null,
    kind: "freshbooks_estimate",
  },
];

export const uploadedAttachmentExample = {
  id: 423,
  name: "file.txt",
  url: "https://ydncrm-attach.s3.amazonaws.com/uploads/attachment/422/file.txt?X-Amz-Expires=180",
  content_type: "text/plain",
  kind: "attachment",
};

export const downloadUrlExample = {
  url: "https://ydncrm-attach.s3.amazonaws.com/6287/310/example.txt?X-Amz-Expires=180&X-Amz-Date=20190712T192824Z",
};

export const duplicatesExample = [
  {
    lead: leadExample,
    matches: [
      ["title", "Loretta Inc."],
      ["email", "natalia.bawer@loretta-inc.com"],
    ],
  },
  { lead: { ...createdLeadExample, title: "Loretta Inc." }, matches: [["title", "Loretta Inc."]] },
];

const historyUser = { ...exampleUser, id: 625, firstname: "Stephanie" };

export const actionHistoriesExample = [
  {
    id: 39728,
    lead_id: 9344,
    action_type: "lead_created",
    action_item: { type: "lead_created", id: 9344 },
    created_at: "2015-04-22T22:53:08.000Z",
    user: historyUser,
  },
  {
    id: 39729,
    lead_id: 9344,
    action_type: "amount_set",
    action_item: { type: "amount_set", id: 1402, amount: 2600.0, probability: 60, currency: "USD" },
    created_at: "2015-04-22T22:54:51.000Z",
    user: historyUser,
  },
  {
    id: 39732,
    lead_id: 9344,
    action_type: "step_changed",
    action_item: { type: "step_changed", id: 1190, name: "In-touch", position: 2 },
    created_at: "2015-04-22T23:02:43.000Z",
    user: historyUser,
  },
  {
    id: 39735,
    lead_id: 9344,
    action_type: "status_changed",
    action_item: { type: "status_changed", id: 3, name: "won" },
    created_at: "2015-04-22T23:03:52.000Z",
    user: historyUser,
  },
];
