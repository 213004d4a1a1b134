/** Prospecting lists (the API's /spreadsheets). */
import { prospectingListList } from "../examples/prospectingLists";
import { booleanInput, integerInput } from "../inputs";
import { picklist } from "./picklist";

interface ProspectingList {
  id: number;
  title: string;
  is_archived?: boolean;
}

const DEFAULT_MAXIMUM = 500;

const selectProspectingList = picklist({
  key: "selectProspectingList",
  label: "Select Prospecting List",
  description:
    "Pick a prospecting list the connection's user can see, by title. Archived lists are left out unless asked for.",
  path: "/spreadsheets",
  inputs: {
    includeArchived: booleanInput({
      label: "Include Archived Lists",
      default: "false",
      comments: "Also list archived prospecting lists (labelled “(archived)”).",
    }),
    maximum: integerInput({
      label: "Maximum",
      min: 1,
      max: 5000,
      default: String(DEFAULT_MAXIMUM),
      comments: "Fetch at most this many lists, newest first (one request).",
    }),
  },
  // The endpoint takes a limit but documents no offset: one request for the newest lists.
  query: (values) => ({
    direction: "desc",
    limit: values.maximum ?? DEFAULT_MAXIMUM,
  }),
  keep: (list, values) => values.includeArchived === true || list.is_archived !== true,
  itemLabel: (list: ProspectingList) =>
    list.is_archived ? `${list.title} (archived)` : list.title,
  example: prospectingListList,
});

export default [selectProspectingList];
