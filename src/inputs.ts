/**
 * Input builders and the inputs shared by several actions, so each kind of value (an id, a
 * date, a list of ids, a password, …) is checked one way everywhere.
 *
 * Builders return spectral input definitions whose `clean` converts the platform's string to the
 * API's type, or throws an `InputError` naming the input (see validate.ts).
 */

import type { InputFieldDefinition } from "@prismatic-io/spectral";
import { input } from "@prismatic-io/spectral";
import * as v from "./validate";

interface Common {
  label: string;
  comments: string;
  required?: boolean;
  example?: string;
  placeholder?: string;
  default?: string;
  dataSource?: string;
}

function base(opts: Common) {
  return {
    label: opts.label,
    comments: opts.comments,
    required: opts.required ?? false,
    example: opts.example,
    placeholder: opts.placeholder,
    dataSource: opts.dataSource,
  };
}

function required(label: string, value: unknown, isRequired: boolean | undefined): void {
  if (isRequired && v.isEmpty(value)) throw new v.RequiredError(label);
}

/** Free text. */
export function textInput(opts: Common & { maxLength?: number; multiline?: boolean }) {
  return input({
    ...base(opts),
    type: (opts.multiline ? "text" : "string") as "string",
    default: opts.default,
    clean: (value: unknown) => {
      required(opts.label, value, opts.required);
      return v.toText(opts.label, value, { maxLength: opts.maxLength });
    },
  });
}

/** A record id; pass the data source key that lists the records. */
export function idInput(opts: Common) {
  return input({
    ...base(opts),
    type: "string",
    clean: (value: unknown) => {
      required(opts.label, value, opts.required);
      return v.toId(opts.label, value);
    },
  });
}

/** Several record ids, one per row or a list mapped from a previous step; repeats dropped. */
export function idListInput(opts: Common) {
  return input({
    ...base(opts),
    type: "string",
    collection: "valuelist",
    clean: (value: unknown): number[] | undefined => {
      const ids = v.toList(opts.label, value)?.map((id) => v.toId(opts.label, id) as number);
      required(opts.label, ids, opts.required);
      return ids && [...new Set(ids)];
    },
  });
}

/** A user by id or email (the API's `user_id` parameters take either). */
export function userInput(opts: Omit<Common, "dataSource">) {
  return input({
    ...base({ ...opts, dataSource: "selectUser" }),
    type: "string",
    clean: (value: unknown) => {
      required(opts.label, value, opts.required);
      return v.toIdOrEmail(opts.label, value);
    },
  });
}

export function emailInput(opts: Common) {
  return input({
    ...base(opts),
    type: "string",
    clean: (value: unknown) => {
      required(opts.label, value, opts.required);
      return v.toEmail(opts.label, value);
    },
  });
}

export function integerInput(opts: Common & { min?: number; max?: number }) {
  return input({
    ...base(opts),
    type: "string",
    default: opts.default,
    clean: (value: unknown) => {
      required(opts.label, value, opts.required);
      return v.toInteger(opts.label, value, { min: opts.min, max: opts.max });
    },
  });
}

export function decimalInput(opts: Common & { min?: number; max?: number }) {
  return input({
    ...base(opts),
    type: "string",
    clean: (value: unknown) => {
      required(opts.label, value, opts.required);
      return v.toDecimal(opts.label, value, { min: opts.min, max: opts.max });
    },
  });
}

/**
 * A true/false toggle. The platform sends an untouched toggle as `false`, so use it only where
 * false is a safe value to send (or for local switches); for an optional API flag that must be
 * left out unless chosen, use `yesNoInput`.
 */
export function booleanInput(opts: Common) {
  return input({
    ...base(opts),
    type: "boolean",
    default: opts.default,
    clean: (value: unknown) => v.toBoolean(opts.label, value),
  });
}

/** An optional flag as a Yes / No dropdown that can stay empty (then it is not sent). */
export function yesNoInput(opts: Common) {
  return input({
    ...base(opts),
    type: "string",
    model: [
      { label: "Yes", value: "true" },
      { label: "No", value: "false" },
    ],
    clean: (value: unknown) => {
      required(opts.label, value, opts.required);
      return v.toBoolean(opts.label, value);
    },
  });
}

/** A dropdown of fixed values. `choices` are the API's values; labels default to them. */
export function choiceInput<T extends string>(
  opts: Common & { choices: readonly T[]; labels?: Partial<Record<T, string>> },
) {
  return input({
    ...base(opts),
    type: "string",
    default: opts.default,
    model: opts.choices.map((value) => ({ label: opts.labels?.[value] ?? value, value })),
    clean: (value: unknown) => {
      required(opts.label, value, opts.required);
      return v.toChoice(opts.label, value, opts.choices);
    },
  });
}

/** Several values from a fixed set (e.g. statuses), sent as a list. */
export function choiceListInput<T extends string>(
  opts: Common & { choices: readonly T[]; labels?: Partial<Record<T, string>> },
) {
  return input({
    ...base(opts),
    type: "string",
    collection: "valuelist",
    model: opts.choices.map((value) => ({ label: opts.labels?.[value] ?? value, value })),
    clean: (value: unknown) => {
      required(opts.label, value, opts.required);
      return v
        .toList(opts.label, value)
        ?.map((item) => v.toChoice(opts.label, item, opts.choices) as T);
    },
  });
}

/** A list of free values (tags, step names), typed one per row or mapped from a previous step. */
export function listInput(opts: Common) {
  return input({
    ...base(opts),
    type: "string",
    collection: "valuelist",
    clean: (value: unknown) => {
      required(opts.label, value, opts.required);
      return v.toList(opts.label, value);
    },
  });
}

/** Key/value pairs, returned as ordered [key, value] entries. */
export function keyValueInput(opts: Common) {
  return input({
    ...base(opts),
    type: "string",
    collection: "keyvaluelist",
    clean: (value: unknown) => {
      required(opts.label, value, opts.required);
      return v.toKeyValues(opts.label, value);
    },
  });
}

export function dateInput(opts: Common) {
  return input({
    ...base({ example: "2026-03-12", ...opts }),
    type: "string",
    clean: (value: unknown) => {
      required(opts.label, value, opts.required);
      return v.toDate(opts.label, value);
    },
  });
}

export function dateTimeInput(opts: Common) {
  return input({
    ...base({ example: "2026-03-12 14:30:00", ...opts }),
    type: "string",
    clean: (value: unknown) => {
      required(opts.label, value, opts.required);
      return v.toDateTime(opts.label, value);
    },
  });
}

/** A time of day, HH:MM on a quarter hour (reminders). */
export function quarterHourInput(opts: Common) {
  return input({
    ...base(opts),
    type: "string",
    clean: (value: unknown) => {
      required(opts.label, value, opts.required);
      return v.toQuarterHour(opts.label, value);
    },
  });
}

/** A password: masked in the designer; an error names the input, never the value. */
export function passwordInput(opts: Omit<Common, "example" | "placeholder" | "dataSource">) {
  return input({
    ...base(opts),
    type: "password",
    clean: (value: unknown): string | undefined => {
      required(opts.label, value, opts.required);
      return v.isEmpty(value) ? undefined : String(value);
    },
  });
}

/** JSON typed as code, or an object/array from a previous step. */
export function jsonInput(opts: Common) {
  return input({
    ...base(opts),
    type: "code",
    language: "json",
    clean: (value: unknown) => {
      required(opts.label, value, opts.required);
      return v.toJson(opts.label, value);
    },
  });
}

/** A file from a previous step (Buffer, string, or spectral's { data, contentType }). */
export function fileInput(opts: Common) {
  return input({
    ...base(opts),
    type: "data",
    clean: (value: unknown) => {
      required(opts.label, value, opts.required);
      return v.toFileData(opts.label, value);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Shared inputs

export const connectionInput = input({
  label: "Connection",
  type: "connection",
  required: true,
  comments: "The Pro Pipe Lines connection to use (API Key, or User Login).",
});

export const leadId = idInput({
  label: "Lead ID",
  required: true,
  dataSource: "selectLead",
  example: "8113",
  comments: "The lead to act on: pick it from the list, or map the id from a previous step.",
});

export const stepId = idInput({
  label: "Step ID",
  dataSource: "selectStep",
  example: "45",
  comments: "A pipeline step: pick it from the list, or map its id.",
});

export const clientFolderId = idInput({
  label: "Client Folder ID",
  required: true,
  dataSource: "selectClientFolder",
  example: "1",
  comments: "The client folder: pick it from the list, or map its id.",
});

export const teamId = idInput({
  label: "Team ID",
  required: true,
  dataSource: "selectTeam",
  example: "2",
  comments: "The team: pick it from the list, or map its id.",
});

export const prospectingListId = idInput({
  label: "Prospecting List ID",
  required: true,
  dataSource: "selectProspectingList",
  example: "12",
  comments: "The prospecting list: pick it from the list, or map its id.",
});

export const userIdOrEmail = userInput({
  label: "User",
  example: "stef@example.com",
  comments: "A user of the account, by id or email address: pick one from the list.",
});

/** The statuses the API knows (lead filters, Update Lead, action history values). */
export const LEAD_STATUSES = ["todo", "standby", "won", "lost", "cancelled"] as const;

/** Several lead statuses, as the lead filters take them. */
export const leadStatusFilter = choiceListInput({
  label: "Statuses",
  choices: LEAD_STATUSES,
  comments: `Only leads with one of these statuses (add several rows for several statuses): ${LEAD_STATUSES.join(", ")}.`,
});

export const direction = choiceInput({
  label: "Direction",
  choices: ["desc", "asc"] as const,
  labels: { desc: "Descending (newest first)", asc: "Ascending (oldest first)" },
  comments: "Sort order of the results.",
});

/** Limit and offset of one page; `max` is the API's largest page for the endpoint. */
export function pageInputs(max: number, defaultLimit = max) {
  return {
    limit: integerInput({
      label: "Page Size",
      min: 1,
      max,
      example: String(defaultLimit),
      comments: `How many records one request returns (1–${max}; the API's default is ${defaultLimit}). With Fetch All, the size of each page fetched.`,
    }),
    offset: integerInput({
      label: "Offset",
      min: 0,
      example: "0",
      comments: "Skip this many records (for paging by hand). Fetch All starts from here.",
    }),
  };
}

export const fetchAll = booleanInput({
  label: "Fetch All",
  default: "false",
  comments:
    "Page through every matching record (one request per page) instead of returning one page. Bounded by Maximum Records.",
});

export const maxRecords = integerInput({
  label: "Maximum Records",
  min: 1,
  max: 100_000,
  default: "1000",
  comments:
    "With Fetch All, stop after this many records so one step cannot spend the account's daily quota of 2000 requests (1000 records at page size 100 is 10 requests).",
});

export const debugRequest = booleanInput({
  label: "Debug Request",
  default: "false",
  comments:
    "Log the request and the response status in the step's logs (credentials are always hidden).",
});

/** The input definitions of an action, keyed as spectral expects. */
export type InputMap = Record<string, InputFieldDefinition>;
