/**
 * Every input rule of the lead actions: the bad value is refused with a message naming the
 * input, and the emulator receives zero requests.
 */
import { describe, expect, it } from "vitest";
import {
  actionError,
  apiKeyConnection,
  errorRunner,
  expectSent,
  loginConnection,
  useEmulator,
} from "./helpers";

const emu = useEmulator();

const errorFrom = errorRunner(emu);

type Case = [rule: string, action: string, params: Record<string, unknown>, input: string];

const lead = { leadId: "8113" };

const cases: Case[] = [
  // Update Lead
  ["status outside the five", "updateLead", { ...lead, status: "paused" }, "Status"],
  [
    "standby without a reminder date",
    "updateLead",
    { ...lead, status: "standby" },
    "Reminder Date",
  ],
  [
    "reminder time off the quarter hour",
    "updateLead",
    { ...lead, remindTime: "09:10" },
    "Reminder Time",
  ],
  ["reminder time not HH:MM", "updateLead", { ...lead, remindTime: "9:30" }, "Reminder Time"],
  [
    "reminder date not a real day",
    "updateLead",
    { ...lead, remindDate: "2026-02-30" },
    "Reminder Date",
  ],
  [
    "reminder duration not allowed",
    "updateLead",
    { ...lead, reminderDuration: "20" },
    "Reminder Duration",
  ],
  ["probability without amount", "updateLead", { ...lead, probability: "50" }, "Probability"],
  [
    "probability over 100",
    "updateLead",
    { ...lead, amount: "5", probability: "150" },
    "Probability",
  ],
  [
    "step id and step name",
    "updateLead",
    { ...lead, stepId: "1190", stepName: "Closing" },
    "Step Name",
  ],
  ["step id not a number", "updateLead", { ...lead, stepId: "In-touch" }, "Step ID"],
  ["nothing to change", "updateLead", { ...lead }, "Update Lead"],
  ["starred not yes or no", "updateLead", { ...lead, starred: "maybe" }, "Starred"],
  ["lead id not a number", "updateLead", { leadId: "abc", title: "x" }, "Lead ID"],
  ["owner neither id nor email", "updateLead", { ...lead, userId: "bob" }, "Owner"],
  // Create Lead
  ["no title", "createLead", { description: "d" }, "Title"],
  ["no description nor contact fields", "createLead", { title: "t" }, "Description"],
  [
    "created_at in another format",
    "createLead",
    { title: "t", description: "d", createdAt: "12/03/2026" },
    "Created At",
  ],
  [
    "contact field name with a colon",
    "createLead",
    { title: "t", contactFields: { "Tel: work": "1" } },
    "Contact Fields",
  ],
  ["owner not an email", "createLead", { title: "t", description: "d", userId: "bob@" }, "Owner"],
  // List Leads
  ["status outside the five", "listLeads", { status: ["todo", "paused"] }, "Statuses"],
  ["field key without value", "listLeads", { fieldKey: "Phone" }, "Field Value"],
  ["field value without key", "listLeads", { fieldValue: "555" }, "Field Key"],
  ["date range type without dates", "listLeads", { dateRangeType: "closed" }, "Date Range Type"],
  [
    "start after end",
    "listLeads",
    { startDate: "2026-03-02", endDate: "2026-03-01 23:00:00" },
    "End Date",
  ],
  ["updated_after not a date", "listLeads", { updatedAfter: "2026-13-01" }, "Updated After"],
  ["a misspelt relative date", "listLeads", { updatedAfter: "yesterdya" }, "Updated After"],
  ["a relative date without a sign", "listLeads", { updatedAfter: "3d" }, "Updated After"],
  ["page size zero", "listLeads", { limit: "0" }, "Page Size"],
  ["negative offset", "listLeads", { offset: "-1" }, "Offset"],
  ["unknown order", "listLeads", { order: "random" }, "Order By"],
  ["contact email malformed", "listLeads", { email: "ann@" }, "Contact Email"],
  ["maximum records zero", "listLeads", { fetchAll: "true", maxRecords: "0" }, "Maximum Records"],
  // List Unassigned Leads
  ["limit zero", "listUnassignedLeads", { limit: "0" }, "Page Size"],
  // Action histories
  ["page size over 100", "listLeadActionHistories", { leadId: "8113", limit: "101" }, "Page Size"],
  [
    "action value without a type",
    "listLeadActionHistories",
    { leadId: "8113", actionValue: "won" },
    "Action Value",
  ],
  [
    "action value for another type",
    "listLeadActionHistories",
    { leadId: "8113", actionType: "amount_set", actionValue: "won" },
    "Action Value",
  ],
  [
    "unknown status value",
    "listLeadActionHistories",
    { leadId: "8113", actionType: "status_changed", actionValue: "paused" },
    "Action Value",
  ],
  [
    "user neither id nor email",
    "listLeadActionHistories",
    { leadId: "8113", userIds: ["514", "bob"] },
    "Users",
  ],
  ["limit over 100", "listLeadActionHistories", { leadId: "8113", limit: "101" }, "Page Size"],
  [
    "from after to",
    "listLeadActionHistories",
    { leadId: "8113", from: "2026-02-01", to: "2026-01-01" },
    "To",
  ],
  // Delete Leads
  ["an id that is not a number", "deleteLeads", { ids: ["12", "x"] }, "Lead IDs"],
  ["no ids", "deleteLeads", { ids: [] }, "Lead IDs"],
  // Single-lead actions
  ["no lead id", "getLead", { leadId: "" }, "Lead ID"],
  ["assign without a user", "assignLead", { ...lead, user: "" }, "User"],
  [
    "client folder id not a number",
    "addLeadToClientFolder",
    { ...lead, clientFolderId: "Acme" },
    "Client Folder ID",
  ],
  [
    "no email template",
    "sendEmailFromTemplate",
    { leadId: "8113", emailTemplateId: "" },
    "Email Template ID",
  ],
  ["blank comment", "createLeadComment", { leadId: "8113", content: "   " }, "Comment"],
  [
    "comment id not a number",
    "deleteLeadComment",
    { leadId: "8113", commentId: "last" },
    "Comment ID",
  ],
  [
    "attachment id missing",
    "getLeadAttachment",
    { leadId: "8113", attachmentId: "" },
    "Attachment ID",
  ],
  // Upload Lead Attachment
  ["no file", "uploadLeadAttachment", { leadId: "8113", fileName: "a.txt" }, "File"],
  ["no file name", "uploadLeadAttachment", { leadId: "8113", file: "x" }, "File Name"],
  [
    "file name with a folder",
    "uploadLeadAttachment",
    { leadId: "8113", file: "x", fileName: "../a.txt" },
    "File Name",
  ],
];

describe("lead inputs are checked before any request", () => {
  it.each(cases)("%s (%s) is refused naming %s", async (_rule, action, params, input) => {
    const error = await errorFrom(action, params);
    expect(error.name).toBe("InputError");
    expect(error.input).toBe(input);
    expect(error.message.startsWith(`${input}: `)).toBe(true);
    expectSent(emu, []);
  });

  it("Create Lead refuses an owner with a user's connection (the API forbids user_id there)", async () => {
    const error = await actionError("createLead", {
      connection: loginConnection(emu),
      title: "t",
      description: "d",
      userId: "515",
    });
    expect(error.name).toBe("InputError");
    expect(error.input).toBe("Owner");
    expectSent(emu, []);
  });

  it("Create Lead refuses an owner with an API key acting as a user", async () => {
    const error = await actionError("createLead", {
      connection: apiKeyConnection(emu, { actAsUser: "stef@example.com" }),
      title: "t",
      description: "d",
      userId: "515",
    });
    expect(error.input).toBe("Owner");
    expectSent(emu, []);
  });

  it("messages say how to fix the value", async () => {
    const standby = await errorFrom("updateLead", { leadId: "8113", status: "standby" });
    expect(standby.message).toMatch(/YYYY-MM-DD/);
    const time = await errorFrom("updateLead", { leadId: "8113", remindTime: "09:10" });
    expect(time.message).toMatch(/09:15/);
    const duration = await errorFrom("updateLead", { leadId: "8113", reminderDuration: "20" });
    expect(duration.message).toContain("0, 15, 30, 45, 60, 90, 120, 150, 180, 240, 480, 720");
    expectSent(emu, []);
  });
});
