/** Activity types, seeded from the API document's example. */
import type { Emulator } from "../server";

export interface Activity {
  id: number;
  name: string;
  icon: string;
  parent_id: number | null;
  color: string | null;
  kind: string;
  is_disabled: boolean;
  position: number | null;
}

export const ACTIVITIES_TABLE = "activities";

export function register(emu: Emulator): void {
  const activities = emu.store.table<Activity>(ACTIVITIES_TABLE);
  const seed = (
    id: number,
    name: string,
    icon: string,
    kind: string,
    parent_id: number | null = null,
    color: string | null = null,
  ) =>
    activities.set(id, {
      id,
      name,
      icon,
      parent_id,
      color,
      kind,
      is_disabled: false,
      position: null,
    });
  seed(271, "Call", "phone", "call");
  seed(272, "Answered", "phone", "call", 271, "green");
  seed(273, "Unanswered", "phone", "call", 271, "red");
  seed(274, "E-mail", "envelope", "email");
  seed(275, "Meeting", "handshake-o", "meeting");

  emu.router.on("GET", "/activities", () => ({ body: [...activities.values()] }));
}
