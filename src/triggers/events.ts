/**
 * "Pro Pipe Lines Events": a webhook trigger that subscribes its flow's URL to the chosen
 * events when the instance is deployed, verifies every delivery's signature, and branches on
 * the event.
 *
 * Lifecycle (spectral's webhookLifecycleHandlers: deploys, redeploys, listening mode, delete).
 * The handlers keep no state: the account's webhook list, filtered on this flow's URL, is the
 * state. So they are safe to run again and again:
 * - create: list the webhooks; keep one enabled subscription of this URL per chosen event;
 *   delete duplicates, disabled ones and events no longer chosen; create the missing ones
 *   (409 "already exists" is success).
 * - delete: delete every subscription of this URL (404 "already gone" is success).
 * A delivery makes no request at all: verifying needs only the connection's API key.
 */
import { type ActionContext, type Connection, trigger } from "@prismatic-io/spectral";
import { connect, type ProPipeLinesClient } from "../client";
import { apiKeyOnly } from "../endpoint/access";
import { InputError } from "../errors";
import { webhookEvent } from "../examples/webhooks";
import { choiceListInput, connectionInput, idInput } from "../inputs";
import {
  BRANCH_NAMES,
  branchFor,
  EVENT_LABELS,
  EVENT_NAMES,
  OTHER_BRANCH,
  STEP_EVENT_TEMPLATE,
  stepEventName,
  type WebhookEventName,
} from "../webhookEvents";
import { examplePayload } from "./examplePayload";
import { parseDelivery, verifySignature } from "./signature";

const TRIGGER = "The Pro Pipe Lines Events trigger";

const events = choiceListInput({
  label: "Events",
  required: true,
  choices: EVENT_NAMES,
  labels: EVENT_LABELS,
  example: "lead.creation",
  comments:
    'The events that start this flow (one subscription each). Events marked (advanced) need an edition with advanced events. For a lead moved to one particular step, choose "Lead moved to a given step" and pick the step in Step.',
});

const step = idInput({
  label: "Step",
  dataSource: "selectStep",
  example: "1191",
  comments:
    'Only with the event "Lead moved to a given step": the step to watch. Its pipeline and step names make the event name (lead.step.changed.to.PIPELINE.STEP).',
});

const inputs = {
  connection: {
    ...connectionInput,
    comments:
      "An API Key connection without Act as User: Pro Pipe Lines refuses webhook calls with a user token, and signs every delivery with the API key.",
  },
  events,
  step,
};

interface Params {
  connection: unknown;
  events?: WebhookEventName[];
  step?: number;
}

interface Subscription {
  id: number;
  event: string;
  target: string;
  target_type: string;
  is_disabled?: boolean;
}

/** This flow's webhook URL, which every subscription of the flow targets. */
function flowUrl(context: ActionContext): string {
  const url = context.webhookUrls?.[context.flow?.name];
  if (!url) {
    throw new InputError(
      "Webhook URL",
      `Prismatic gave no webhook URL for the flow "${context.flow?.name ?? ""}": this trigger must start a deployed flow.`,
    );
  }
  return url;
}

/** Checks the chosen events and Step together, before any request. */
function chosenEvents(params: Params): WebhookEventName[] {
  const chosen = [...new Set(params.events ?? [])];
  const wantsStep = chosen.includes(STEP_EVENT_TEMPLATE);
  if (wantsStep && params.step === undefined) {
    throw new InputError(
      "Step",
      'is required with the event "Lead moved to a given step": pick the step to watch.',
    );
  }
  if (!wantsStep && params.step !== undefined) {
    throw new InputError(
      "Step",
      'is only used with the event "Lead moved to a given step": add that event or clear Step.',
    );
  }
  return chosen;
}

/** The API's event names, with the step template replaced by the picked step's event. */
async function eventNames(
  client: ProPipeLinesClient,
  chosen: WebhookEventName[],
  stepId: number | undefined,
): Promise<string[]> {
  const names: string[] = [];
  for (const name of chosen) {
    names.push(name === STEP_EVENT_TEMPLATE ? await stepEventName(client, stepId as number) : name);
  }
  return names;
}

/** The account's subscriptions that deliver to `url`. */
async function subscriptionsOf(client: ProPipeLinesClient, url: string): Promise<Subscription[]> {
  const { data } = await client.request<Subscription[]>({
    method: "GET",
    path: "/webhooks",
    expect: "list",
  });
  return (Array.isArray(data) ? data : []).filter(
    (s) => s.target_type === "url" && s.target === url,
  );
}

function deleteSubscription(client: ProPipeLinesClient, id: number) {
  return client.request({
    method: "DELETE",
    path: "/webhooks/{id}",
    pathParams: { id },
    acceptStatuses: [404],
  });
}

async function subscribe(context: ActionContext, params: Params): Promise<void> {
  apiKeyOnly(params.connection as Connection, TRIGGER);
  const url = flowUrl(context);
  const chosen = chosenEvents(params);
  const client = connect(params.connection as Connection, context);
  const wanted = await eventNames(client, chosen, params.step);
  const kept = new Set<string>();
  for (const sub of await subscriptionsOf(client, url)) {
    if (wanted.includes(sub.event) && !sub.is_disabled && !kept.has(sub.event)) {
      kept.add(sub.event);
    } else {
      await deleteSubscription(client, sub.id);
    }
  }
  const name = `Prismatic: ${context.instance?.name ?? "instance"} / ${context.flow.name}`.slice(
    0,
    255,
  );
  for (const event of wanted.filter((e) => !kept.has(e))) {
    await client.request({
      method: "POST",
      path: "/webhooks",
      body: { event, target_type: "url", target: url, name },
      acceptStatuses: [409],
    });
  }
}

async function unsubscribe(context: ActionContext, params: Params): Promise<void> {
  apiKeyOnly(params.connection as Connection, TRIGGER);
  const url = flowUrl(context);
  const client = connect(params.connection as Connection, context);
  for (const sub of await subscriptionsOf(client, url)) {
    await deleteSubscription(client, sub.id);
  }
}

/** A delivery as the flow receives it: `body.data` is the event's id, name and data. */
const example = {
  branch: branchFor(webhookEvent.event),
  payload: examplePayload<unknown>({
    id: webhookEvent.id,
    event: webhookEvent.event,
    data: webhookEvent.data,
  }),
};

export const proPipeLinesEvents = trigger({
  display: {
    label: "Pro Pipe Lines Events",
    description:
      "Start the flow when leads are created, won, lost, moved, commented… Subscribes the flow's URL to the chosen events on deploy (and removes the subscriptions on delete), verifies each delivery's signature with the API key, and branches on the event. Deliveries spend none of the account's daily requests.",
  },
  inputs,
  allowsBranching: true,
  staticBranchNames: BRANCH_NAMES,
  scheduleSupport: "invalid",
  synchronousResponseSupport: "valid",
  webhookLifecycleHandlers: {
    create: (context, params) => subscribe(context, params as Params),
    delete: (context, params) => unsubscribe(context, params as Params),
  },
  perform: async (context, payload, params) => {
    let delivery: ReturnType<typeof parseDelivery>;
    try {
      delivery = parseDelivery(payload.rawBody?.data, payload.body?.data);
      // Only the designer's simulated runs (sample data, no real delivery) skip the check.
      if (!context.isSimulatedTestExecution) {
        verifySignature(delivery, apiKeyOnly(params.connection as Connection, TRIGGER));
      }
    } catch (error) {
      if (context.isSimulatedTestExecution) return { branch: OTHER_BRANCH, payload };
      throw error;
    }
    const { id, event, data } = delivery;
    return {
      branch: branchFor(event),
      payload: { ...payload, body: { ...payload.body, data: { id, event, data } } },
      response: {
        statusCode: 200,
        contentType: "application/json",
        body: JSON.stringify({ received: true }),
      },
    };
  },
  examplePayload: example,
});
