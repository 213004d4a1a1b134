/** The kinds of activity (call, email, meeting…) that can be logged on leads. */
import { endpoint, resource } from "../endpoint";
import { activityList } from "../examples/activities";

const listActivities = endpoint({
  key: "listActivities",
  label: "List Activities",
  description:
    "List the activity types of the account (call, email, meeting…), including sub-activities such as Answered or Unanswered calls (their parent_id is the main activity).",
  method: "GET",
  path: "/activities",
  example: activityList,
});

export default resource("Activities", [listActivities]);
