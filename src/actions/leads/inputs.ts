/** Inputs and checks shared by several lead actions. */
import { input } from "@prismatic-io/spectral";
import { InputError } from "../../errors";
import { textInput } from "../../inputs";

/** The statuses the API knows (Update Lead, List Leads, action history values). */
export const LEAD_STATUSES = ["todo", "standby", "won", "lost", "cancelled"] as const;
export const STATUS_LABELS = {
  todo: "To do",
  standby: "Standby (needs a reminder date)",
  won: "Won",
  lost: "Lost",
  cancelled: "Cancelled",
};

/** A step by name, as the API's `step` parameters also accept. */
export function stepNameInput(comments: string) {
  return textInput({
    label: "Step Name",
    dataSource: "selectStepName",
    example: "In-touch",
    comments,
  });
}

/** A multi-line text input whose value must not be empty when given. */
export function contentInput(opts: { label: string; comments: string; example: string }) {
  return input({
    label: opts.label,
    type: "text",
    required: true,
    example: opts.example,
    comments: opts.comments,
    clean: (value: unknown): string => {
      const text = typeof value === "string" ? value : value == null ? "" : String(value);
      if (!text.trim()) {
        throw new InputError(
          opts.label,
          "is required: fill it in or map a value from a previous step.",
        );
      }
      return text;
    },
  });
}

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
      `(${end.value}) is before ${start.label} (${start.value}): swap them or correct one.`,
    );
  }
}

/** YYYY-MM-DD[ HH:MM:SS] or ISO → ISO in UTC, so both ends compare alike (same time zone). */
function toIso(value: string): string {
  const iso = value.length === 10 ? `${value}T00:00:00` : value.replace(" ", "T");
  return iso.endsWith("Z") ? iso : `${iso}Z`;
}
