/**
 * Reminders (the appointments of a lead): Set Lead Reminder puts a lead in standby with its
 * reminder; List Upcoming Reminders lists the standby leads whose reminder falls in a range.
 */
import { endpoint, inBody, inPath, local, resource, type Values } from "../../../endpoint";
import { ApiError } from "../../../errors";
import { remindedLead, upcomingReminders } from "../../../examples/leads/jobs";
import { dateInput, integerInput, leadId } from "../../../inputs";
import { bySoonestReminder } from "../../../leads/order";
import { fetchPages } from "../../../pagination";
import { checkDateOrder } from "../../../validate";
import { leadFilters } from "../list";
import { requiredReminder, sendNumber } from "../shared";

/** The API refuses a status on a lead nobody owns (400), with this message. */
const UNASSIGNED = /without assigning the lead/i;

const setLeadReminder = endpoint({
  key: "setLeadReminder",
  label: "Set Lead Reminder",
  description:
    "Set a lead's next reminder and put it in standby; the lead needs an owner. Cost: 1 request.",
  method: "PUT",
  path: "/leads/{leadId}",
  returns: "lead",
  params: {
    leadId: inPath(leadId),
    date: inBody(requiredReminder.date, { name: "remind_date" }),
    time: inBody(requiredReminder.time, { name: "remind_time" }),
    duration: inBody(requiredReminder.duration, { name: "reminder_duration", send: sendNumber }),
    activity: inBody(requiredReminder.activity, { name: "reminder_activity_id" }),
    note: inBody(requiredReminder.note, { name: "reminder_note" }),
  },
  prepare: (request) => ({ ...request, body: { status: "standby", ...(request.body as object) } }),
  run: async (client, request, values) => {
    try {
      return (await client.request(request)).data;
    } catch (error) {
      if (!(error instanceof ApiError) || !UNASSIGNED.test(error.apiMessage)) throw error;
      throw new ApiError(
        error,
        `Lead ID: lead ${values.leadId} belongs to nobody, and Pro Pipe Lines sets a reminder only on an assigned lead. Assign it first (Assign Lead or Assign Lead Round-Robin), then set the reminder.`,
      );
    }
  },
  example: remindedLead,
});

const reminderParams = {
  from: local(
    dateInput({
      label: "From",
      required: true,
      default: "today",
      comments:
        "The first day of the range (default today), YYYY-MM-DD in the account's time zone. The standby leads whose next reminder falls in the range are listed, soonest first.",
    }),
  ),
  to: local(
    dateInput({
      label: "To",
      required: true,
      default: "+7d",
      comments:
        "The last day of the range, included (default 7 days from now), YYYY-MM-DD in the account's time zone.",
    }),
  ),
  userId: leadFilters.userId,
  includeUnassigned: leadFilters.includeUnassigned,
  maxRecords: local(
    integerInput({
      label: "Maximum Records",
      min: 1,
      max: 100_000,
      default: "1000",
      comments:
        "At most this many reminders (one request per 1000). When more fall in the range, the step fails saying how many rather than return part of them.",
    }),
  ),
};

function validateRange(values: Values<typeof reminderParams>): void {
  checkDateOrder({ label: "From", value: values.from }, { label: "To", value: values.to });
}

const listReminders = endpoint({
  key: "listReminders",
  label: "List Upcoming Reminders",
  description:
    "List the standby leads whose reminder falls in a date range, soonest first. Cost: 1 request.",
  method: "GET",
  path: "/leads",
  returns: "leads",
  params: reminderParams,
  validate: validateRange,
  run: async (client, request, values) => {
    const query = {
      ...request.query,
      status: "standby",
      date_range_type: "next_action",
      start_date: values.from,
      end_date: values.to,
      order: "next_action",
      direction: "asc",
    };
    const { items } = await fetchPages(
      client,
      { ...request, query },
      {
        pageSize: 100,
        adaptive: true,
        max: values.maxRecords ?? 1000,
        maxLabel: "Maximum Records",
      },
    );
    return bySoonestReminder(items);
  },
  example: upcomingReminders,
});

export default resource("Leads", [setLeadReminder, listReminders]);
