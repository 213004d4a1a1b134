/**
 * Webhooks and webhook events: subscribe a URL (webhook) or an email address (notification) to
 * an event (the document's events and the live API's others: src/webhookEvents.ts), list,
 * re-activate and delete subscriptions, and read the events sent in the last 10 days.
 * Subscriptions are managed with the API key only; the events history is for admins.
 */

import { endpoint, inBody, inPath, local, resource } from "../endpoint";
import { InputError } from "../errors";
import {
  activatedWebhook,
  webhook,
  webhookEvent,
  webhookEventList,
  webhookList,
} from "../examples/webhooks";
import { booleanInput, choiceInput, idInput, textInput } from "../inputs";
import { isEmpty, toEmail } from "../validate";
import { EVENT_LABELS, EVENT_NAMES, STEP_EVENT_TEMPLATE, stepEventName } from "../webhookEvents";

const event = choiceInput({
  label: "Event",
  required: true,
  choices: EVENT_NAMES,
  labels: EVENT_LABELS,
  example: "lead.creation",
  comments:
    'What to be notified of. Events marked (advanced) need an edition with advanced events. For a lead moved to one particular step, choose "Lead moved to a given step" and pick the step in Step.',
});

const step = idInput({
  label: "Step",
  dataSource: "selectStep",
  example: "1191",
  comments:
    'Only with the event "Lead moved to a given step": the step to watch. Its pipeline and step names make the event name (lead.step.changed.to.PIPELINE.STEP); this costs one extra request.',
});

const targetType = choiceInput({
  label: "Send To",
  required: true,
  default: "url",
  choices: ["url", "email"] as const,
  labels: { url: "A URL (webhook)", email: "An email address (notification)" },
  comments:
    "url: Pro Pipe Lines POSTs each event, signed with the connection's API key, to Target. email: it emails the event to Target.",
});

const target = textInput({
  label: "Target",
  required: true,
  example: "https://hooks.example.com/propipelines",
  comments:
    "The https:// URL that receives the events (Send To: url), signed with the connection's API key, or the email address that receives the notifications (Send To: email). To start a flow on events, use the Pro Pipe Lines Events trigger instead: it subscribes its own URL.",
});

const webhookName = textInput({
  label: "Name",
  example: "New leads to billing",
  comments: "Optional: a name to recognise the webhook in the account's admin section.",
});

const addToLeadActionMenu = booleanInput({
  label: "Add to Lead Action Menu",
  comments:
    'Only with the event "Manual trigger from the lead\'s actions menu": also add it to the actions menu of every lead, so users can fire it by hand.',
});

const webhookId = idInput({
  label: "Webhook ID",
  required: true,
  dataSource: "selectWebhook",
  example: "62",
  comments: "The webhook or notification: pick it from the list, or map its id.",
});

const webhookEventId = idInput({
  label: "Webhook Event ID",
  required: true,
  example: "3",
  comments:
    "The id of a sent event, from List Webhook Events or from a delivery received by the Pro Pipe Lines Events trigger.",
});

function checkTarget(type: unknown, value: unknown): void {
  const raw = String(value ?? "").trim();
  if (type === "email") {
    toEmail("Target", raw);
    return;
  }
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new InputError(
      "Target",
      `"${raw}" is not a web address: enter a URL such as https://hooks.example.com/propipelines, or set Send To to email.`,
    );
  }
}

const listWebhooks = endpoint({
  key: "listWebhooks",
  label: "List Webhooks",
  description:
    "List the account's webhooks and email notifications, each with its event and target. API Key only.",
  method: "GET",
  path: "/webhooks",
  access: "apiKey",
  example: webhookList,
});

const createWebhook = endpoint({
  key: "createWebhook",
  label: "Create Webhook",
  description: "Subscribe a URL or an email address to a Pro Pipe Lines event. API Key only.",
  access: "apiKey",
  method: "POST",
  path: "/webhooks",
  params: {
    event: inBody(event),
    step: local(step),
    targetType: inBody(targetType),
    target: inBody(target),
    name: inBody(webhookName),
    // The toggle shows false by default: sent only when on (validate ties it to its event).
    addToLeadActionMenu: inBody(addToLeadActionMenu, { send: "trueOnly" }),
  },
  validate: (values) => {
    const isStepEvent = values.event === STEP_EVENT_TEMPLATE;
    if (isStepEvent && isEmpty(values.step)) {
      throw new InputError(
        "Step",
        'is required with the event "Lead moved to a given step": pick the step to watch.',
      );
    }
    if (!isStepEvent && !isEmpty(values.step)) {
      throw new InputError(
        "Step",
        'is only used with the event "Lead moved to a given step": clear it or change Event.',
      );
    }
    if (values.addToLeadActionMenu === true && values.event !== "lead.manual.trigger") {
      throw new InputError(
        "Add to Lead Action Menu",
        'only applies to the event "Manual trigger from the lead\'s actions menu": clear it or change Event.',
      );
    }
    checkTarget(values.targetType, values.target);
  },
  // "Lead moved to a given step" subscribes to the event named after the picked step.
  run: async (client, request, values) => {
    const event =
      values.step === undefined ? values.event : await stepEventName(client, values.step);
    const response = await client.request({
      ...request,
      body: { ...(request.body as object), event },
    });
    return response.data;
  },
  example: webhook,
});

const deleteWebhook = endpoint({
  key: "deleteWebhook",
  label: "Delete Webhook",
  description:
    "Delete a webhook or email notification: its target stops receiving events. API Key only.",
  method: "DELETE",
  path: "/webhooks/{webhookId}",
  params: { webhookId: inPath(webhookId) },
  access: "apiKey",
  example: { id: 62 },
});

const activateWebhook = endpoint({
  key: "activateWebhook",
  label: "Activate Webhook",
  description:
    "Re-enable a webhook Pro Pipe Lines disabled after failed deliveries. Safe to repeat. API Key only.",
  method: "PUT",
  path: "/webhooks/{webhookId}/activate",
  params: { webhookId: inPath(webhookId) },
  access: "apiKey",
  example: activatedWebhook,
});

const listWebhookEvents = endpoint({
  key: "listWebhookEvents",
  label: "List Webhook Events",
  description:
    "List the webhook events of the last 10 days and their delivery results. Admins only.",
  access: "admin",
  method: "GET",
  path: "/webhook_events",
  example: webhookEventList,
});

const getWebhookEvent = endpoint({
  key: "getWebhookEvent",
  label: "Get Webhook Event",
  description:
    "Retrieve one sent webhook event, with its delivery result and the object it carried. Admins only.",
  access: "admin",
  method: "GET",
  path: "/webhook_events/{webhookEventId}",
  params: { webhookEventId: inPath(webhookEventId) },
  example: webhookEvent,
});

export default resource("Webhooks", [
  listWebhooks,
  createWebhook,
  activateWebhook,
  deleteWebhook,
  listWebhookEvents,
  getWebhookEvent,
]);
