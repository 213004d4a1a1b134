/**
 * Inputs shared by the lead actions that write (Create Lead, Update Lead, Create or Update Lead,
 * Set Lead Reminder, the tag actions), so each is declared once.
 */
import {
  choiceInput,
  dateInput,
  dateTimeInput,
  decimalInput,
  idInput,
  integerInput,
  LEAD_STATUSES,
  listInput,
  quarterHourInput,
  textInput,
  userInput,
} from "../../inputs";

export const leadTags = listInput({
  label: "Tags",
  dataSource: "selectPredefinedTagName",
  example: "prospect",
  comments:
    "Tags of the lead, one per row (or mapped as a list). Unknown tags are created; predefined tags of the account work too.",
});

export const createdAt = dateTimeInput({
  label: "Created At",
  comments:
    "Back-date the lead's creation: YYYY-MM-DD HH:MM:SS (account time zone, 24h) or YYYY-MM-DDTHH:MM:SS.sssZ (UTC). Leave empty for now.",
});

export const STATUS_LABELS = {
  todo: "To do",
  standby: "Standby (needs a reminder date)",
  won: "Won",
  lost: "Lost",
  cancelled: "Cancelled",
};

export const leadStatus = choiceInput({
  label: "Status",
  choices: LEAD_STATUSES,
  labels: STATUS_LABELS,
  comments: "The new status. Standby needs a Reminder Date.",
});

/** The API's `step` takes a step's id or its name. */
export const stepName = textInput({
  label: "Step Name",
  dataSource: "selectStepName",
  example: "In-touch",
  comments:
    "Move the lead to the step of this name. Prefer Step ID: names can repeat across pipelines.",
});

export const amount = decimalInput({
  label: "Amount",
  min: 0,
  example: "1562.89",
  comments: "The lead's amount, in the account's currency (use a dot for decimals).",
});

export const probability = integerInput({
  label: "Probability",
  min: 0,
  max: 100,
  example: "85",
  comments:
    "Chance of winning, 0–100 %. The API needs an amount with it: fill Amount too (the current one if unchanged).",
});

/** An owner given when the lead is created (the API takes it from the API key only). */
export const newLeadOwner = userInput({
  label: "Owner",
  example: "stef@example.com",
  comments:
    "Assign the new lead to this user (id or email) without notifying them; use Assign Lead to notify. API Key connections only: leave empty and the lead is unassigned (API key) or belongs to the connection's user. Step, Status, Amount, Probability and a reminder are sent right after the creation (+1 request), and need an Owner with the API key (Pro Pipe Lines refuses them on an unassigned lead).",
});

export const optionalClientFolderId = idInput({
  label: "Client Folder ID",
  dataSource: "selectClientFolder",
  example: "12",
  comments:
    "File the new lead in this client folder (+1 request, after the creation): pick it from the list, or map its id.",
});

// ---------------------------------------------------------------------------------------------
// Reminders

export const REMINDER_DURATIONS = [
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

/** The reminder's inputs; `required` makes the date required (Set Lead Reminder). */
function reminderInputs<R extends boolean>(required: R, labels: { date: string; time: string }) {
  return {
    date: dateInput({
      label: labels.date,
      required,
      comments:
        "Date of the next reminder, YYYY-MM-DD in the account's time zone. Required for standby.",
    }),
    time: quarterHourInput({
      label: labels.time,
      example: "09:30",
      comments: `Time of the reminder, HH:MM in 24h on a quarter hour (09:00, 09:15, 09:30, 09:45), in the account's time zone, on the ${labels.date}.`,
    }),
    duration: choiceInput({
      label: "Reminder Duration",
      choices: REMINDER_DURATIONS,
      labels: Object.fromEntries(REMINDER_DURATIONS.map((m) => [m, durationLabel(Number(m))])),
      comments: "Length of the reminder in minutes. Empty: the lead owner's default duration.",
    }),
    activity: idInput({
      label: "Reminder Activity",
      dataSource: "selectActivity",
      example: "3",
      comments: "The activity of the reminder (call, meeting, …): pick it from the list.",
    }),
    note: textInput({ label: "Reminder Note", comments: "A note attached to the reminder." }),
  };
}

/** Optional reminder inputs (Create Lead, Update Lead). */
export const reminder = reminderInputs(false, { date: "Reminder Date", time: "Reminder Time" });

/** The reminder of Set Lead Reminder: the date is what the action is for. */
export const requiredReminder = reminderInputs(true, {
  date: "Reminder Date",
  time: "Reminder Time",
});

/** Sent as a number: the dropdown's values are strings. */
export const sendNumber = (value: string) => Number(value);
