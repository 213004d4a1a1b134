/**
 * "Pro Pipe Lines Events": a webhook trigger that subscribes its flow's URL to the chosen
 * events when the instance is deployed (./subscriptions.ts), and for each delivery:
 *
 * 1. reads the event from the body in whatever form Prismatic hands it over, and verifies its
 *    signature with the connection's API key (./signature.ts); a forged delivery is refused
 *    (thrown: no step runs);
 * 2. an event this trigger did not subscribe to (another event, or another step) is answered
 *    200 and takes the Ignored branch with the reason: the flow's event branches never run;
 * 3. an event id already delivered (the API retries until it gets a 2xx) is answered 200 and
 *    takes the Ignored branch; the same id with another event or other data is refused, since
 *    the signature covers only the id (./delivered.ts keeps the ids, bounded, in the state the
 *    trigger returns, which Prismatic keeps per flow across executions and processes);
 * 4. otherwise it takes the event's branch with `{ id, event, data }`: lead data gains
 *    `contactFields` and `contact` (no request), and with Attach the New Comment a "Lead
 *    commented" delivery gains `comment` (./comment.ts: from the delivery, else 1 request).
 *
 * The signature is not passed on to the flow (the raw body is left out of the output): a
 * captured id and signature is what a forgery needs.
 */
import {
  type ActionContext,
  type Connection,
  type TriggerPayload,
  trigger,
} from "@prismatic-io/spectral";
import { connect } from "../client";
import { apiKeyOnly } from "../endpoint/access";
import { InputError } from "../errors";
import { booleanInput, choiceListInput, connectionInput, idInput } from "../inputs";
import {
  BRANCH_NAMES,
  branchFor,
  EVENT_LABELS,
  EVENT_NAMES,
  IGNORED_BRANCH,
  OTHER_BRANCH,
  STEP_EVENT_PREFIX,
  STEP_EVENT_TEMPLATE,
  stepEventName,
  type WebhookEventName,
} from "../webhookEvents";
import { type EventOutput, eventOutput, exampleOf } from "./branchExamples";
import { commentOf } from "./comment";
import { DeliveredEvents } from "./delivered";
import { examplePayload } from "./examplePayload";
import { DeliveryRefused, parseDelivery, verifySignature } from "./signature";
import { lifecycleClient, reconcile, removeAll } from "./subscriptions";

const TRIGGER = "The Pro Pipe Lines Events trigger";

const events = choiceListInput({
  label: "Events",
  required: true,
  choices: EVENT_NAMES,
  labels: EVENT_LABELS,
  example: "lead.creation",
  comments:
    'The events that start this flow (one subscription each, one branch each). Events marked (advanced) need an edition with advanced events. For a lead moved to one particular step, choose "Lead moved to a given step" and pick the step in Step. Deliveries of other events take the Ignored branch.',
});

const step = idInput({
  label: "Step",
  dataSource: "selectStep",
  example: "1191",
  comments:
    'Only with the event "Lead moved to a given step": the step to watch. Its pipeline and step names make the event name (lead.step.changed.to.PIPELINE.STEP).',
});

const attachComment = booleanInput({
  label: "Attach the New Comment",
  default: "false",
  comments:
    'With the event "Lead commented": add the new comment to the delivery as `comment`, so the flow needs no other step. Taken from the delivery when it lists the lead\'s comments (no request), else read from Pro Pipe Lines (1 request per delivery).',
});

const inputs = {
  connection: {
    ...connectionInput,
    comments:
      "An API Key connection without Act as User: Pro Pipe Lines refuses webhook calls with a user token, and signs every delivery with the API key.",
  },
  events,
  step,
  attachComment,
};

interface Params {
  connection: unknown;
  events?: WebhookEventName[];
  step?: number;
  attachComment?: boolean;
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

async function subscribe(context: ActionContext, params: Params): Promise<void> {
  apiKeyOnly(params.connection as Connection, TRIGGER);
  const url = flowUrl(context);
  const chosen = chosenEvents(params);
  const client = lifecycleClient(context, params.connection, TRIGGER);
  const wanted: string[] = [];
  for (const name of chosen) {
    wanted.push(
      name === STEP_EVENT_TEMPLATE ? await stepEventName(client, params.step as number) : name,
    );
  }
  const name = `Prismatic: ${context.instance?.name ?? "instance"} / ${context.flow.name}`.slice(
    0,
    255,
  );
  await reconcile(client, url, wanted, name);
}

async function unsubscribe(context: ActionContext, params: Params): Promise<void> {
  const client = lifecycleClient(context, params.connection, TRIGGER);
  await removeAll(client, flowUrl(context));
}

/** Why a delivered event is not one this trigger subscribed to, or undefined when it is. */
function notSubscribed(event: string, data: unknown, params: Params): string | undefined {
  const chosen = params.events ?? [];
  if ((chosen as string[]).includes(event)) return undefined;
  if (chosen.includes(STEP_EVENT_TEMPLATE) && event.startsWith(STEP_EVENT_PREFIX)) {
    // The lead moved to a step: its step_id tells which one (no request).
    const stepId = (data as { step_id?: unknown } | null)?.step_id;
    if (stepId === undefined || stepId === null || Number(stepId) === params.step) return undefined;
    return `the lead moved to step ${String(stepId)}, not to step ${params.step} chosen in Step`;
  }
  return `"${event}" is not one of the events this trigger subscribed to`;
}

const ok = { statusCode: 200, contentType: "application/json" };

/** Answered 200 (so the API stops retrying) without running an event branch. */
function ignored(
  payload: TriggerPayload,
  id: unknown,
  event: unknown,
  reason: string,
  message: string,
) {
  return {
    branch: IGNORED_BRANCH,
    payload: {
      ...payload,
      rawBody: { data: null },
      body: { data: { id, event, ignored: { reason, message } } },
    },
    response: { ...ok, body: JSON.stringify({ received: true, ignored: reason }) },
  };
}

/** The designer's test runs: the example of the first chosen event, on its branch. */
function simulated(payload: TriggerPayload, params: Params) {
  const first = params.events?.[0];
  if (!first) return { branch: OTHER_BRANCH, payload };
  const example = exampleOf(first);
  return {
    branch: branchFor(example.event),
    payload: { ...payload, body: { data: example, contentType: "application/json" } },
  };
}

export const proPipeLinesEvents = trigger({
  display: {
    label: "Pro Pipe Lines Events",
    description:
      "Start the flow when leads are created, won, lost, moved, commented, changed in any way… and when steps, pipelines, fields, client folders or prospects change. Subscribes the flow's URL to the chosen events on deploy (re-activating them if the API disabled them, and removing them on delete), verifies each delivery's signature with the API key, runs each event once however often the API retries it, and branches on the event; repeats and other events take the Ignored branch. Deliveries spend none of the account's daily requests.",
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
    const p = params as Params;
    let delivery: ReturnType<typeof parseDelivery>;
    try {
      delivery = parseDelivery(payload.rawBody?.data, payload.body?.data);
      if (!context.isSimulatedTestExecution) {
        verifySignature(delivery, apiKeyOnly(p.connection as Connection, TRIGGER));
      }
    } catch (error) {
      if (context.isSimulatedTestExecution) return simulated(payload, p);
      throw error;
    }
    const { id, data } = delivery;
    const event = typeof delivery.event === "string" ? delivery.event : String(delivery.event);

    const why = notSubscribed(event, data, p);
    if (why) return ignored(payload, id, event, "notSubscribed", `Not subscribed: ${why}.`);

    const memory = DeliveredEvents.from(context.instanceState);
    if (memory.problem) context.logger.warn(`${TRIGGER}: ${memory.problem}; starting afresh.`);
    const key = String(id);
    const fingerprint = DeliveredEvents.fingerprint(event, data);
    const seen = memory.check(key, fingerprint);
    if (seen === "conflict") {
      throw new DeliveryRefused(
        `event id ${key} was already delivered with other content: a repeated id must carry the same event and data. Refused as a possible forgery (the signature covers only the id).`,
      );
    }
    if (seen === "repeat") {
      return ignored(
        payload,
        id,
        event,
        "duplicate",
        `Event ${key} was already delivered to this flow: the API sent it again (a retry).`,
      );
    }

    const output: EventOutput = eventOutput(id, event, data);
    if (p.attachComment && event === "lead.commented") {
      const client = connect(p.connection as Connection, { logger: context.logger });
      output.comment = await commentOf(client, data);
    }
    // Remembered only once nothing can fail any more (a failure makes the API retry). Returned,
    // as spectral's TriggerResult persists it, and written into the context's record too, as the
    // platform keeps a polling trigger's state: either way, this flow's state.
    const remembered = memory.with(key, fingerprint);
    if (context.instanceState) Object.assign(context.instanceState, remembered);
    return {
      branch: branchFor(event),
      payload: {
        ...payload,
        rawBody: { data: null },
        body: { data: output, contentType: "application/json" },
      },
      response: { ...ok, body: JSON.stringify({ received: true }) },
      instanceState: remembered,
    };
  },
  examplePayload: {
    branch: branchFor("lead.status.changed.to.won"),
    payload: examplePayload<unknown>(exampleOf("lead.status.changed.to.won")),
  },
});
