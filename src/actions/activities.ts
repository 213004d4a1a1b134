/** The kinds of activity (call, email, meeting…) that can be logged on leads. */
import { endpoint, resource } from "../endpoint";
import { activityList } from "../examples/activities";

const listActivities = endpoint({
  key: "listActivities",
  label: "List Activities",
  description:
    "List the account's activity types (call, email, meeting…) and their sub-activities.",
  method: "GET",
  path: "/activities",
  example: activityList,
});

export default resource("Activities", [listActivities]);
