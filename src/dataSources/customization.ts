/** Account customisation: lead and client fields, and activity types. */
import { booleanInput, choiceInput } from "../inputs";
import type { PicklistSpec } from "./picklist";

interface Field {
  id: number;
  name: string;
  parent_type: string;
}

interface Activity {
  id: number;
  name: string;
  parent_id: number | null;
  is_disabled?: boolean;
}

const PARENT_LABELS: Record<string, string> = { lead: "Lead", client: "Client folder" };

const selectField: PicklistSpec<Field> = {
  key: "selectField",
  label: "Select Field",
  description: "Pick a lead or client folder field, labelled “Lead › Email”.",
  path: "/fields",
  inputs: {
    type: choiceInput({
      label: "Fields Of",
      choices: ["lead", "client"] as const,
      labels: { lead: "Leads", client: "Client folders" },
      comments: "Only the fields of leads, or of client folders (empty: both).",
    }),
  },
  query: (values) => ({ type: values.type as string | undefined }),
  itemLabel: (field) => `${PARENT_LABELS[field.parent_type] ?? field.parent_type} › ${field.name}`,
  example: [
    { key: "1189", label: "Client folder › Shipping Address" },
    { key: "3", label: "Lead › Email" },
    { key: "1", label: "Lead › Firstname" },
  ],
};

/** "Call › Answered" for a sub-activity, "Call" for a top-level one. */
const activityLabel = (activity: Activity, all: Activity[]): string => {
  const parent =
    activity.parent_id === null ? undefined : all.find((a) => a.id === activity.parent_id);
  return parent ? `${parent.name} › ${activity.name}` : activity.name;
};

const selectActivity: PicklistSpec<Activity> = {
  key: "selectActivity",
  label: "Select Activity",
  description:
    "Pick an activity type, labelled with its parent (“Call › Answered”). Disabled activities are left out unless asked for.",
  path: "/activities",
  inputs: {
    includeDisabled: booleanInput({
      label: "Include Disabled Activities",
      default: "false",
      comments: "Also list activity types that are disabled in the account.",
    }),
  },
  keep: (activity, values) => values.includeDisabled === true || activity.is_disabled !== true,
  itemLabel: activityLabel,
  example: [
    { key: "271", label: "Call" },
    { key: "272", label: "Call › Answered" },
    { key: "273", label: "Call › Unanswered" },
    { key: "274", label: "E-mail" },
  ],
};

export default [selectField, selectActivity];
