/** The kinds of activity (call, email, meeting…) that can be logged on leads. */
import { endpoint, resource } from "../endpoint";

const activity = (
  id: number,
  name: string,
  icon: string,
  kind: string,
  parent_id: number | null = null,
  color: string | null = null,
) => ({ id, name, icon, parent_id, color, kind, is_disabled: false, position: null });

const listActivities = endpoint({
  key: "listActivities",
  label: "List Activities",
  description:
    "List the activity types of the account (call, email, meeting…), including sub-activities such as Answered or Unanswered calls (their parent_id is the main activity).",
  method: "GET",
  path: "/activities",
  example: [
    activity(271, "Call", "phone", "call"),
    activity(272, "Answered", "phone", "call", 271, "green"),
    activity(273, "Unanswered", "phone", "call", 271, "red"),
    activity(274, "E-mail", "envelope", "email"),
    activity(275, "Meeting", "handshake-o", "meeting"),
  ],
});

export default resource("Activities", [listActivities]);
