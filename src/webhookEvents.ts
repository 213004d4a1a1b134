/**
 * The webhook events, shared by the webhook actions and the "Pro Pipe Lines Events" trigger:
 * each event's name, a readable label, and the trigger branch it takes. The API document's
 * events (Webhooks › List of events), then those the live API accepts beyond it
 * (live-api-facts.md: `lead.any_update`, `account.step.*`, `account.pipeline.updated`,
 * `account.step.pipeline.updated`, `account.default_field.*`, `client_folder.created`,
 * `prospect.updated`), marked advanced as well.
 *
 * "Step changed to a given step" is a family of events, `lead.step.changed.to.PIPE.NAME_OF_YOUR_STEP`.
 * Naming used here (the document gives only the placeholders): PIPE is the pipeline's name and
 * NAME_OF_YOUR_STEP the step's name, both exactly as entered in the application, e.g.
 * `lead.step.changed.to.Sales funnel.Closing`. `stepEventName` builds it from a step id.
 */
import type { ProPipeLinesClient } from "./client";
import { InputError } from "./errors";

/** The documented placeholder; choosing it means "the step picked in the Step input". */
export const STEP_EVENT_TEMPLATE = "lead.step.changed.to.PIPE.NAME_OF_YOUR_STEP";
export const STEP_EVENT_PREFIX = "lead.step.changed.to.";

interface EventInfo {
  label: string;
  branch: string;
  advanced: boolean;
}

export const WEBHOOK_EVENTS = {
  "lead.creation": { label: "Lead created", branch: "Lead Created", advanced: false },
  "lead.status.changed": {
    label: "Lead status changed (any status)",
    branch: "Lead Status Changed",
    advanced: false,
  },
  "lead.status.changed.to.cancelled": {
    label: "Lead cancelled",
    branch: "Lead Cancelled",
    advanced: false,
  },
  "lead.status.changed.to.lost": { label: "Lead lost", branch: "Lead Lost", advanced: false },
  "lead.status.changed.to.standby": {
    label: "Lead put on standby",
    branch: "Lead Standby",
    advanced: false,
  },
  "lead.status.changed.to.todo": {
    label: "Lead set to to-do",
    branch: "Lead To Do",
    advanced: false,
  },
  "lead.status.changed.to.won": { label: "Lead won", branch: "Lead Won", advanced: false },
  "lead.assigned": {
    label: "Lead reassigned (advanced)",
    branch: "Lead Assigned",
    advanced: true,
  },
  "lead.commented": {
    label: "Lead commented (advanced)",
    branch: "Lead Commented",
    advanced: true,
  },
  "lead.content_has_changed": {
    label: "Lead description changed (advanced)",
    branch: "Lead Description Changed",
    advanced: true,
  },
  "lead.deleted": {
    label: "Lead deleted / moved to trash (advanced)",
    branch: "Lead Deleted",
    advanced: true,
  },
  "lead.manual.trigger": {
    label: "Manual trigger from the lead's actions menu (advanced)",
    branch: "Lead Manual Trigger",
    advanced: true,
  },
  "lead.step.changed": {
    label: "Lead moved to another step (any step, advanced)",
    branch: "Lead Step Changed",
    advanced: true,
  },
  [STEP_EVENT_TEMPLATE]: {
    label: "Lead moved to a given step: pick the step in Step (advanced)",
    branch: "Lead Moved To Step",
    advanced: true,
  },
  "lead.unassigned": {
    label: "Lead created unassigned (advanced)",
    branch: "Lead Unassigned",
    advanced: true,
  },
  "prospect.created": {
    label: "Prospect created (advanced)",
    branch: "Prospect Created",
    advanced: true,
  },
  "task.status.changed": {
    label: "Task status changed (any status, advanced)",
    branch: "Task Status Changed",
    advanced: true,
  },
  "task.status.changed.to.done": {
    label: "Task done (advanced)",
    branch: "Task Done",
    advanced: true,
  },
  "task.status.changed.to.standby": {
    label: "Task put on standby (advanced)",
    branch: "Task Standby",
    advanced: true,
  },
  "task.status.changed.to.todo": {
    label: "Task set to to-do (advanced)",
    branch: "Task To Do",
    advanced: true,
  },
  // Live API events beyond the document.
  "lead.any_update": {
    label: "Lead changed: any change to a lead (advanced)",
    branch: "Lead Changed",
    advanced: true,
  },
  "account.step.created": {
    label: "Pipeline step created (advanced)",
    branch: "Step Created",
    advanced: true,
  },
  "account.step.updated": {
    label: "Pipeline step updated (advanced)",
    branch: "Step Updated",
    advanced: true,
  },
  "account.step.deleted": {
    label: "Pipeline step deleted (advanced)",
    branch: "Step Deleted",
    advanced: true,
  },
  "account.step.pipeline.updated": {
    label: "Pipeline step moved to another pipeline (advanced)",
    branch: "Step Pipeline Updated",
    advanced: true,
  },
  "account.pipeline.updated": {
    label: "Pipeline updated (advanced)",
    branch: "Pipeline Updated",
    advanced: true,
  },
  "account.default_field.created": {
    label: "Lead field created (advanced)",
    branch: "Field Created",
    advanced: true,
  },
  "account.default_field.updated": {
    label: "Lead field updated (advanced)",
    branch: "Field Updated",
    advanced: true,
  },
  "account.default_field.deleted": {
    label: "Lead field deleted (advanced)",
    branch: "Field Deleted",
    advanced: true,
  },
  "client_folder.created": {
    label: "Client folder created (advanced)",
    branch: "Client Folder Created",
    advanced: true,
  },
  "prospect.updated": {
    label: "Prospect updated (advanced)",
    branch: "Prospect Updated",
    advanced: true,
  },
} as const satisfies Record<string, EventInfo>;

export type WebhookEventName = keyof typeof WEBHOOK_EVENTS;
export const EVENT_NAMES = Object.keys(WEBHOOK_EVENTS) as WebhookEventName[];
export const EVENT_LABELS = Object.fromEntries(
  EVENT_NAMES.map((name) => [name, WEBHOOK_EVENTS[name].label]),
) as Record<WebhookEventName, string>;

/**
 * Kept so that flows built on earlier versions stay valid; no delivery takes it any more: an
 * event the trigger did not subscribe to takes IGNORED_BRANCH.
 */
export const OTHER_BRANCH = "Other";
/** Deliveries answered 200 without running the flow: repeats, events not subscribed to. */
export const IGNORED_BRANCH = "Ignored";
export const BRANCH_NAMES = [
  ...EVENT_NAMES.map((n) => WEBHOOK_EVENTS[n].branch),
  IGNORED_BRANCH,
  OTHER_BRANCH,
];

/** Events whose `data` is a lead. */
export const isLeadEvent = (event: string) => event.startsWith("lead.");

/** The trigger branch for a delivered event name. */
export function branchFor(event: unknown): string {
  if (typeof event !== "string") return OTHER_BRANCH;
  if (event in WEBHOOK_EVENTS) return WEBHOOK_EVENTS[event as WebhookEventName].branch;
  if (event.startsWith(STEP_EVENT_PREFIX)) return WEBHOOK_EVENTS[STEP_EVENT_TEMPLATE].branch;
  return OTHER_BRANCH;
}

interface StepJson {
  name?: unknown;
  pipeline?: { name?: unknown } | null;
}

/** `lead.step.changed.to.<pipeline name>.<step name>` for a step id (one GET /steps/{id}). */
export async function stepEventName(client: ProPipeLinesClient, stepId: number): Promise<string> {
  const { data } = await client.request<StepJson>({
    method: "GET",
    path: "/steps/{id}",
    pathParams: { id: stepId },
  });
  const step = typeof data?.name === "string" ? data.name : "";
  const pipeline = typeof data?.pipeline?.name === "string" ? data.pipeline.name : "";
  if (!step || !pipeline) {
    throw new InputError(
      "Step",
      `step ${stepId} came back without a step or pipeline name, so its event name cannot be built.`,
    );
  }
  return `${STEP_EVENT_PREFIX}${pipeline}.${step}`;
}
