/** The webhook events the live API accepts beyond its document (live-api-facts.md, Webhooks). */
export const LIVE_EVENTS = [
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
] as const;
