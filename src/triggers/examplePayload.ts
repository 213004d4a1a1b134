import type { TriggerPayload } from "@prismatic-io/spectral";

/** A trigger payload as flow builders see it in examples: `body.data` is what matters. */
export function examplePayload<T>(data: T): TriggerPayload & { body: { data: T } } {
  return {
    headers: { "content-type": "application/json" },
    queryParameters: {},
    rawBody: { data: null },
    body: { data, contentType: "application/json" },
    pathFragment: "",
    webhookUrls: {},
    webhookApiKeys: {},
    invokeUrl: "",
    executionId: "",
    customer: { id: "", name: "", externalId: "" },
    instance: { id: "", name: "" },
    user: { id: "", email: "", name: "", externalId: "" },
    integration: { id: "", name: "", versionSequenceId: "", externalVersion: "" },
    flow: { id: "", name: "", stableId: "" },
    startedAt: "",
    globalDebug: false,
  };
}
