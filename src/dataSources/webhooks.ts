/** Webhooks and email notifications of the account (API key connections only). */
import { webhookList } from "../examples/webhooks";
import { picklist } from "./picklist";

interface Webhook {
  id: number;
  name: string | null;
  event: string;
  target: string;
  is_disabled: boolean;
}

/** "Name (event)", or "event → target" for an unnamed one; disabled ones say so. */
const webhookLabel = (hook: Webhook): string => {
  const label = hook.name ? `${hook.name} (${hook.event})` : `${hook.event} → ${hook.target}`;
  return hook.is_disabled ? `${label} [disabled]` : label;
};

const selectWebhook = picklist({
  key: "selectWebhook",
  label: "Select Webhook",
  description:
    "Pick a webhook or email notification, by name and event. Needs an API Key connection (the API refuses user logins here).",
  path: "/webhooks",
  itemLabel: webhookLabel,
  example: webhookList,
});

export default [selectWebhook];
