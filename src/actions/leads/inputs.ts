/** Inputs and checks shared by several lead actions. */
import { InputError } from "../../errors";

/** The statuses the API knows (Update Lead, List Leads, action history values). */
export const LEAD_STATUSES = ["todo", "standby", "won", "lost", "cancelled"] as const;

/** Refuses a range whose start is after its end (values already checked by dateTimeInput). */
export function checkRange(
  start: { label: string; value: unknown },
  end: { label: string; value: unknown },
): void {
  if (typeof start.value !== "string" || typeof end.value !== "string") return;
  const from = Date.parse(toIso(start.value));
  const to = Date.parse(toIso(end.value));
  if (from > to) {
    throw new InputError(
      end.label,
      `${end.value} is before ${start.label} ${start.value}: swap them or correct one.`,
    );
  }
}

/** YYYY-MM-DD[ HH:MM:SS] or ISO → ISO in UTC, so both ends compare alike (same time zone). */
function toIso(value: string): string {
  const iso = value.length === 10 ? `${value}T00:00:00` : value.replace(" ", "T");
  return iso.endsWith("Z") ? iso : `${iso}Z`;
}
