/**
 * Input builders and the inputs shared by several actions, so each kind of value (an id, a
 * date, a list of ids, a password, …) is checked one way everywhere.
 *
 * Every builder is `define(options, shape, convert)`: the shape is what the designer shows
 * (string, dropdown, list, code…), `convert` turns the platform's value into the API's type or
 * throws an `InputError` naming the input (see validate.ts). Empty values are `undefined` and
 * are not sent; a required input left empty is refused. The cleaned type follows `required`:
 * `idInput({ required: true })` cleans to `number`, an optional one to `number | undefined`.
 */

import type {
  BooleanInputField,
  CodeInputField,
  DataInputField,
  InputFieldDefinition,
  PasswordInputField,
  StringInputField,
  TextInputField,
} from "@prismatic-io/spectral";
import { InputError } from "./errors";
import { contactFieldsProblem } from "./leads/description";
import { isRelativeDate, RELATIVE_DATE_FORMS, relativeDateProblem } from "./relativeDates";
import * as v from "./validate";

interface InputOptions<R extends boolean = boolean> {
  label: string;
  comments: string;
  required?: R;
  example?: string;
  placeholder?: string;
  default?: string;
  dataSource?: string;
}

/** What the designer shows: the input type and, for dropdowns and lists, model and collection. */
interface Shape {
  type: "string" | "text" | "boolean" | "password" | "code" | "data";
  collection?: "valuelist" | "keyvaluelist";
  model?: Array<{ label: string; value: string }>;
  language?: "json";
}

/** The cleaned value of an input: never undefined when the input is required. */
export type Cleaned<T, R extends boolean> = R extends true ? T : T | undefined;

/** The kinds of spectral input this component uses. */
type SpectralInput =
  | StringInputField
  | TextInputField
  | BooleanInputField
  | PasswordInputField
  | CodeInputField
  | DataInputField;

/** A spectral input whose `clean` returns `T` (what the endpoint's hooks receive). */
export type Input<T> = SpectralInput & { clean: (value: unknown) => T };

/** The one input mechanism: designer shape + conversion + the required check. */
function define<T, R extends boolean = false>(
  opts: InputOptions<R>,
  shape: Shape,
  convert: (value: unknown) => T | undefined,
): Input<Cleaned<T, R>> {
  return {
    label: opts.label,
    comments: opts.comments,
    required: opts.required ?? false,
    example: opts.example,
    placeholder: opts.placeholder,
    dataSource: opts.dataSource,
    default: opts.default,
    ...shape,
    clean: (value: unknown): Cleaned<T, R> => {
      const out = v.isEmpty(value) ? undefined : convert(value);
      if (out === undefined && opts.required) throw new v.RequiredError(opts.label);
      return out as Cleaned<T, R>;
    },
  } as Input<Cleaned<T, R>>;
}

const text: Shape = { type: "string" };
const valueList: Shape = { type: "string", collection: "valuelist" };

/** Free text: one line, trimmed; `multiline` for a text area, kept as typed. */
export const textInput = <R extends boolean = false>(
  opts: InputOptions<R> & { maxLength?: number; multiline?: boolean },
) =>
  define(opts, { type: opts.multiline ? "text" : "string" }, (value) => {
    const text = v.toText(opts.label, value, { maxLength: opts.maxLength });
    return opts.multiline ? text : text?.trim();
  });

/** A record id; pass the data source key that lists the records. */
export const idInput = <R extends boolean = false>(opts: InputOptions<R>) =>
  define(opts, text, (value) => v.toId(opts.label, value));

/** Several record ids, one per row or a list mapped from a previous step; repeats dropped. */
export const idListInput = <R extends boolean = false>(opts: InputOptions<R>) =>
  define(opts, valueList, (value) => {
    const ids = v.toList(opts.label, value)?.map((id) => v.toId(opts.label, id) as number);
    return ids && [...new Set(ids)];
  });

/** A user by id or email (the API's `user_id` parameters take either). */
export const userInput = <R extends boolean = false>(opts: Omit<InputOptions<R>, "dataSource">) =>
  define({ ...opts, dataSource: "selectUser" }, text, (value) => v.toIdOrEmail(opts.label, value));

/** Several users, by id or email, one per row or a list mapped from a previous step. */
export const userListInput = <R extends boolean = false>(opts: InputOptions<R>) =>
  define(opts, valueList, (value) =>
    v.toList(opts.label, value)?.map((user) => v.toIdOrEmail(opts.label, user) as string | number),
  );

// Placeholders show the expected form in the empty box, where an example says more than a comment.

export const phoneInput = <R extends boolean = false>(opts: InputOptions<R>) =>
  define({ placeholder: "+1 801 274 6798", ...opts }, text, (value) =>
    v.toPhone(opts.label, value),
  );

export const emailInput = <R extends boolean = false>(opts: InputOptions<R>) =>
  define({ placeholder: "name@company.com", ...opts }, text, (value) =>
    v.toEmail(opts.label, value),
  );

export const integerInput = <R extends boolean = false>(opts: InputOptions<R> & v.Range) =>
  define(opts, text, (value) => v.toInteger(opts.label, value, opts));

export const decimalInput = <R extends boolean = false>(opts: InputOptions<R> & v.Range) =>
  define(opts, text, (value) => v.toDecimal(opts.label, value, opts));

/**
 * A true/false toggle. The platform sends an untouched toggle as `false`, so use it only where
 * false is a safe value to send (or for local switches); for an optional API flag that must be
 * left out unless chosen, use `yesNoInput`.
 */
export const booleanInput = (opts: InputOptions<false>) =>
  define(opts, { type: "boolean" }, (value) => v.toBoolean(opts.label, value));

const dropdown = (choices: readonly string[], labels: Record<string, string | undefined> = {}) =>
  choices.map((value) => ({ label: labels[value] ?? value, value }));

/** An optional flag as a Yes / No dropdown that can stay empty (then it is not sent). */
export const yesNoInput = <R extends boolean = false>(opts: InputOptions<R>) =>
  define(
    opts,
    { type: "string", model: dropdown(["true", "false"], { true: "Yes", false: "No" }) },
    (value) => v.toBoolean(opts.label, value),
  );

interface Choices<T extends string> {
  choices: readonly T[];
  labels?: Partial<Record<T, string>>;
}

/** A dropdown of fixed values. `choices` are the API's values; labels default to them. */
export const choiceInput = <T extends string, R extends boolean = false>(
  opts: InputOptions<R> & Choices<T>,
) =>
  define(opts, { type: "string", model: dropdown(opts.choices, opts.labels) }, (value) =>
    v.toChoice(opts.label, value, opts.choices),
  );

/** Several values from a fixed set (e.g. statuses), sent as a list. */
export const choiceListInput = <T extends string, R extends boolean = false>(
  opts: InputOptions<R> & Choices<T>,
) =>
  define(opts, { ...valueList, model: dropdown(opts.choices, opts.labels) }, (value) =>
    v.toList(opts.label, value)?.map((item) => v.toChoice(opts.label, item, opts.choices) as T),
  );

/** A list of free values (tags, step names), typed one per row or mapped from a previous step. */
export const listInput = <R extends boolean = false>(opts: InputOptions<R>) =>
  define(opts, valueList, (value) => v.toList(opts.label, value));

/** Key/value pairs, returned as ordered [key, value] entries. */
export const keyValueInput = <R extends boolean = false>(opts: InputOptions<R>) =>
  define(opts, { type: "string", collection: "keyvaluelist" }, (value) =>
    v.toKeyValues(opts.label, value),
  );

/**
 * Date inputs that also take relative forms (today, -24h, +3d…). Clean keeps a valid relative
 * form as typed; the factory resolves it when the step runs, in the account's time zone
 * (endpoint/dates.ts). Kept beside the inputs rather than on them, so spectral never sees it.
 */
const relativeDateInputs = new WeakMap<object, "date" | "dateTime">();

/** Whether an input takes relative dates, and resolves them to a date or a date-time. */
export const relativeKindOf = (input: object) => relativeDateInputs.get(input);

function dateKind<R extends boolean>(
  kind: "date" | "dateTime",
  opts: InputOptions<R>,
  absolute: (label: string, value: unknown) => string | undefined,
) {
  const input = define(
    { ...opts, comments: `${opts.comments} Also: ${RELATIVE_DATE_FORMS}.` },
    text,
    (value) => {
      const problem = relativeDateProblem(value);
      if (problem) throw new InputError(opts.label, problem);
      return isRelativeDate(value) ? String(value).trim() : absolute(opts.label, value);
    },
  );
  relativeDateInputs.set(input, kind);
  return input;
}

/** A lead's contact fields as "Field: value" pairs; names the description could not hold are refused. */
export const contactFieldsInput = <R extends boolean = false>(opts: InputOptions<R>) =>
  define(opts, { type: "string", collection: "keyvaluelist" }, (value) => {
    const pairs = v.toKeyValues(opts.label, value);
    const problem = pairs && contactFieldsProblem(pairs);
    if (problem) throw new InputError(opts.label, problem);
    return pairs;
  });

export const dateInput = <R extends boolean = false>(opts: InputOptions<R>) =>
  dateKind("date", { example: "2026-03-12", placeholder: "YYYY-MM-DD or +3d", ...opts }, v.toDate);

export const dateTimeInput = <R extends boolean = false>(opts: InputOptions<R>) =>
  dateKind(
    "dateTime",
    { example: "2026-03-12 14:30:00", placeholder: "YYYY-MM-DD HH:MM:SS or -24h", ...opts },
    v.toDateTime,
  );

/** A time of day, HH:MM on a quarter hour (reminders). */
export const quarterHourInput = <R extends boolean = false>(opts: InputOptions<R>) =>
  define({ placeholder: "HH:MM (09:30)", ...opts }, text, (value) =>
    v.toQuarterHour(opts.label, value),
  );

/** A password: masked in the designer; an error names the input, never the value. */
export const passwordInput = <R extends boolean = false>(
  opts: Omit<InputOptions<R>, "example" | "placeholder" | "dataSource">,
) => define(opts, { type: "password" }, (value) => String(value));

/** JSON typed as code, or an object/array from a previous step. */
export const jsonInput = <R extends boolean = false>(opts: InputOptions<R>) =>
  define(opts, { type: "code", language: "json" }, (value) => v.toJson(opts.label, value));

/** Rows typed as JSON or mapped from a previous step; `convert` checks and converts them. */
export const rowsInput = <T, R extends boolean = false>(
  opts: InputOptions<R> & { convert: (label: string, value: unknown) => T | undefined },
) => define(opts, { type: "code", language: "json" }, (value) => opts.convert(opts.label, value));

/** A file from a previous step (Buffer, string, or spectral's { data, contentType }). */
export const fileInput = <R extends boolean = false>(opts: InputOptions<R>) =>
  define(opts, { type: "data" }, (value) => v.toFileData(opts.label, value));

// ---------------------------------------------------------------------------------------------
// Shared inputs

export const connectionInput = {
  label: "Connection",
  type: "connection",
  required: true,
  comments: "The Pro Pipe Lines connection to use (API Key, or User Login).",
} as const satisfies InputFieldDefinition;

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
  example: "12",
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
  example: "112",
  comments: "The prospecting list: pick it from the list, or map its id.",
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

export const debugRequest = booleanInput({
  label: "Debug Request",
  default: "false",
  comments:
    "Log the request and the response status in the step's logs (credentials are always hidden).",
});

/** The input definitions of an action, keyed as spectral expects. */
export type InputMap = Record<string, InputFieldDefinition>;
