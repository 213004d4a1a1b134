/** The account's activity types (call, meeting, …). */
import { activityList } from "../examples/activities";
import { booleanInput } from "../inputs";
import { picklist } from "./picklist";

interface Activity {
  id: number;
  name: string;
  parent_id: number | null;
  is_disabled?: boolean;
}

/** "Call › Answered" for a sub-activity, "Call" for a top-level one. */
const activityLabel = (activity: Activity, all: Activity[]): string => {
  const parent =
    activity.parent_id === null ? undefined : all.find((a) => a.id === activity.parent_id);
  return parent ? `${parent.name} › ${activity.name}` : activity.name;
};

const selectActivity = picklist({
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
  example: activityList,
});

export default [selectActivity];
