/** The kinds of activity logged on leads; a sub-activity names its parent in `parent_id`. */

const CALL = 271;

/** List Activities. */
export const activityList = [
  { id: CALL, name: "Call", icon: "phone", parent_id: null, color: null, kind: "call" },
  { id: 272, name: "Answered", icon: "phone", parent_id: CALL, color: "green", kind: "call" },
  { id: 273, name: "Unanswered", icon: "phone", parent_id: CALL, color: "red", kind: "call" },
  { id: 274, name: "E-mail", icon: "envelope", parent_id: null, color: null, kind: "email" },
  { id: 275, name: "Meeting", icon: "handshake-o", parent_id: null, color: null, kind: "meeting" },
].map((activity) => ({ ...activity, is_disabled: false, position: null }));
