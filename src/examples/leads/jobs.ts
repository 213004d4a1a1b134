/**
 * What the job actions (Find Leads, Create or Update Lead, Count Leads, …) return, built from
 * the lead records of ./leads in the live shapes.
 */
import { assigneeContact } from "../users";
import { assignedLead, createdLead, htmlDescription, lead, leadList, leadListItem } from "./leads";

/** Find Leads by Natalia's email: lead 8113 (a list item: no `extended_info`). */
export const foundLeads = { found: true, count: 1, lead: leadListItem, leads: [leadListItem] };

/** Create or Update Lead: the form sent again, lead 8114 gets John's new phone. */
const johnWithPhone = {
  Firstname: "John",
  Lastname: "Doe",
  Email: "john.doe@company.com",
  Phone: "+1 415 555 0199",
};
const awesomeWithPhone = htmlDescription(johnWithPhone, [
  "Met John at the trade show; wants a quote.",
]);
export const upsertedLead = {
  action: "updated",
  changed: true,
  lead: {
    ...createdLead,
    updated_at: "2014-03-02T08:30:00.000Z",
    description: awesomeWithPhone,
    html_description: awesomeWithPhone,
    tags: ["prospect", "webform"],
    extended_info: {
      ...createdLead.extended_info,
      fields: { ...createdLead.extended_info.fields, phone: johnWithPhone.Phone },
      fields_by_name: johnWithPhone,
    },
  },
};

/** Update Lead Contact Fields: lead 8113 with Natalia's new phone, everything else kept. */
const nataliaWithPhone = { ...lead.extended_info.fields_by_name, Phone: "801 274 0000" };
const lorettaWithPhone = htmlDescription(nataliaWithPhone, [
  "Met Natalia at a seminar. She could be interested.",
  "She is on business trip. Have to call her when she is back.",
]);
export const leadWithNewContact = {
  ...lead,
  updated_at: "2014-03-05T10:12:40.000Z",
  description: lorettaWithPhone,
  html_description: lorettaWithPhone,
  extended_info: {
    ...lead.extended_info,
    fields: { ...lead.extended_info.fields, phone: nataliaWithPhone.Phone },
    fields_by_name: nataliaWithPhone,
  },
};

/** Add Tags to Lead: "vip" added to lead 8113's tags. */
export const leadWithTags = {
  ...lead,
  updated_at: "2014-03-05T10:12:40.000Z",
  tags: ["small", "US", "vip"],
};

/** Remove Tags from Lead: "small" removed from them. */
export const leadWithoutTag = { ...leadWithTags, tags: ["US", "vip"] };

/** Count Leads grouped by status and step. */
export const leadCounts = {
  total: 1505,
  byStatus: { todo: 902, standby: 211, won: 187, lost: 160, cancelled: 45 },
  byStep: { Incoming: 640, "In-touch": 512, Closing: 353 },
};

/** Set Lead Reminder: lead 8113 in standby with a call on March 12 at 09:30. */
export const remindedLead = {
  ...lead,
  status: "Standby",
  remind_date: "2014-03-12",
  remind_time: "09:30",
  reminder_at: "2014-03-12T15:30:00.000Z",
  next_action_at: "2014-03-12T15:30:00.000Z",
  reminder_duration: 30,
  updated_at: "2014-03-05T10:12:40.000Z",
};

/** List Upcoming Reminders: the standby leads, soonest reminder first. */
export const upcomingReminders = [
  leadListItem,
  {
    ...leadList[1],
    id: 8125,
    title: "Globex",
    status: "standby",
    remind_date: "2014-03-13",
    remind_time: "14:00",
    reminder_at: "2014-03-13T20:00:00.000Z",
    next_action_at: "2014-03-13T20:00:00.000Z",
    reminder_duration: 60,
  },
];

/** Assign Lead Round-Robin: lead 8113 to Juliette Rose, whose turn it was. */
export const roundRobinAssignment = {
  lead: assignedLead,
  assignedTo: {
    id: assigneeContact.id,
    email: assigneeContact.email,
    firstname: assigneeContact.firstname,
    lastname: assigneeContact.lastname,
  },
};
