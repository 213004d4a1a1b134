/** The event names a webhook can subscribe to, and the specific names a base event also fires. */

/** The document's standard events (every edition). */
export const STANDARD = [
  "lead.creation",
  "lead.status.changed",
  "lead.status.changed.to.cancelled",
  "lead.status.changed.to.lost",
  "lead.status.changed.to.standby",
  "lead.status.changed.to.todo",
  "lead.status.changed.to.won",
];

/** The document's advanced events (not on the starter edition). */
export const ADVANCED = [
  "lead.assigned",
  "lead.commented",
  "lead.content_has_changed",
  "lead.deleted",
  "lead.manual.trigger",
  "lead.step.changed",
  "lead.unassigned",
  "prospect.created",
  "task.status.changed",
  "task.status.changed.to.done",
  "task.status.changed.to.standby",
  "task.status.changed.to.todo",
];

/** Events the live API accepts beyond the document (treated as advanced). */
export const LIVE_ONLY = [
  "lead.any_update",
  "account.step.created",
  "account.step.updated",
  "account.step.deleted",
  "account.pipeline.updated",
  "account.step.pipeline.updated",
  "account.default_field.created",
  "account.default_field.updated",
  "account.default_field.deleted",
  "client_folder.created",
  "prospect.updated",
];

export const STEP_PREFIX = "lead.step.changed.to.";

export type EventKind = "standard" | "advanced" | "unknown";

export function eventKind(event: string): EventKind {
  if (STANDARD.includes(event)) return "standard";
  const isStepEvent = event.startsWith(STEP_PREFIX) && event.length > STEP_PREFIX.length;
  if (ADVANCED.includes(event) || LIVE_ONLY.includes(event) || isStepEvent) return "advanced";
  return "unknown";
}

/** The base events whose data is a lead. */
export const isLeadEvent = (name: string) => name.startsWith("lead.");

/** The specific events one base event also fires. */
export function derivedEvents(name: string, data: unknown): string[] {
  const lead = (data ?? {}) as Record<string, unknown>;
  const names = [name];
  if (name === "lead.creation" && (lead.user_id === null || lead.user_id === undefined)) {
    names.push("lead.unassigned");
  }
  if (name === "lead.status.changed" && typeof lead.status === "string") {
    names.push(`lead.status.changed.to.${lead.status.toLowerCase()}`);
  }
  if (name === "lead.step.changed" && typeof lead.step === "string") {
    names.push(`${STEP_PREFIX}${String(lead.pipeline ?? "")}.${lead.step}`);
  }
  return names;
}
