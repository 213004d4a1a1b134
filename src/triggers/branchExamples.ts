/**
 * An example delivery for every event of the trigger (hence every branch), in the live delivery
 * shape (src/examples/webhooks.ts), as the flow receives it: `{ id, event, data }`, lead data
 * with `contactFields` and `contact`, "Lead commented" with the new `comment`. The designer's
 * test runs return the example of the first chosen event on its branch.
 */
import {
  clientFolderCreatedDelivery,
  defaultFieldCreatedDelivery,
  defaultFieldDeletedDelivery,
  defaultFieldUpdatedDelivery,
  documentEventDeliveries,
  leadAnyUpdateDelivery,
  pipelineUpdatedDelivery,
  prospectUpdatedDelivery,
  stepCreatedDelivery,
  stepDeletedDelivery,
  stepPipelineUpdatedDelivery,
  stepUpdatedDelivery,
} from "../examples/webhooks";
import { withContact } from "../leads/contact";
import { isLeadEvent, type WebhookEventName } from "../webhookEvents";
import { newestComment } from "./comment";

interface EventObject {
  id: number;
  event: string;
  data: unknown;
}

const deliveries = {
  ...documentEventDeliveries,
  "lead.any_update": leadAnyUpdateDelivery,
  "account.step.created": stepCreatedDelivery,
  "account.step.updated": stepUpdatedDelivery,
  "account.step.deleted": stepDeletedDelivery,
  "account.step.pipeline.updated": stepPipelineUpdatedDelivery,
  "account.pipeline.updated": pipelineUpdatedDelivery,
  "account.default_field.created": defaultFieldCreatedDelivery,
  "account.default_field.updated": defaultFieldUpdatedDelivery,
  "account.default_field.deleted": defaultFieldDeletedDelivery,
  "client_folder.created": clientFolderCreatedDelivery,
  "prospect.updated": prospectUpdatedDelivery,
} satisfies Record<WebhookEventName, EventObject>;

/** What the flow receives (`body.data`) for a delivery of `event`, `comment` when attached. */
export interface EventOutput {
  id: unknown;
  event: string;
  data: unknown;
  comment?: unknown;
}

/** The flow's view of a delivered event: lead data gains its contact fields (no request). */
export function eventOutput(id: unknown, event: string, data: unknown): EventOutput {
  const lead = isLeadEvent(event) && data && typeof data === "object";
  return { id, event, data: lead ? withContact(data as object) : data };
}

/** The example output of each event the trigger offers. */
export function exampleOf(name: WebhookEventName): EventOutput {
  const { id, event, data } = deliveries[name] as EventObject;
  const output = eventOutput(id, event, data);
  return name === "lead.commented" ? { ...output, comment: newestComment(data) } : output;
}
