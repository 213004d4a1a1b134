/**
 * Real deliveries: `{"webhook_event": {id, event, signature, data}}` POSTed to every enabled URL
 * subscription of the event. Only loopback URLs are called (the emulator stays offline; other
 * URLs are recorded as not sent); email notifications are recorded as sent.
 *
 * A try that fails (non-2xx or no connection) leaves the event unsucceeded: `retry()` sends it
 * again with the same id and signature (try_count + 1), as the live API retries, without
 * waiting. After `settings.disableWebhookAfterFailures` failed tries in a row the subscription is
 * disabled; PUT /webhooks/{id}/activate enables it again.
 */
import type { Emulator } from "../../server";
import {
  signEvent,
  type WebhookEventRow,
  type WebhookRow,
  webhookEventsOf,
  webhooksOf,
} from "./model";

function isLoopback(target: string): boolean {
  try {
    const url = new URL(target);
    return ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  } catch {
    return false;
  }
}

/** The target's status, or null when it could not be reached. */
async function post(target: string, body: unknown): Promise<number | null> {
  try {
    const response = await fetch(target, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      redirect: "manual",
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}

export class Deliveries {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly emu: Emulator) {}

  /** Records and sends one event to every enabled subscription of `name`. */
  send(name: string, data: unknown): void {
    for (const hook of webhooksOf(this.emu).values()) {
      if (hook.event !== name || hook.is_disabled) continue;
      const id = this.emu.store.nextId();
      const row: WebhookEventRow = {
        id,
        event: name,
        signature: signEvent(id, hook.apiKey),
        has_succeeded: hook.target_type === "email",
        try_count: 1,
        last_returned_code: null,
        data,
        sentAt: Date.now(),
        webhookId: hook.id,
      };
      webhookEventsOf(this.emu).set(id, row);
      if (hook.target_type === "url" && isLoopback(hook.target))
        this.track(this.attempt(row, hook));
    }
  }

  /**
   * Sends again every failed event of an enabled loopback subscription (same id, try_count + 1);
   * resolves, once they are answered, with how many were sent.
   */
  async retry(): Promise<number> {
    await this.idle();
    const hooks = webhooksOf(this.emu);
    const sends: Array<Promise<void>> = [];
    for (const row of webhookEventsOf(this.emu).values()) {
      const hook = row.webhookId === null ? undefined : hooks.get(row.webhookId);
      if (row.has_succeeded || !hook || hook.is_disabled || hook.target_type !== "url") continue;
      if (!isLoopback(hook.target)) continue;
      row.try_count += 1;
      sends.push(this.track(this.attempt(row, hook)));
    }
    await Promise.all(sends);
    return sends.length;
  }

  /** Resolves when no delivery is in flight. */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  disable(id: number): void {
    const hook = webhooksOf(this.emu).get(id);
    if (!hook) throw new Error(`no webhook ${id}`);
    hook.is_disabled = true;
  }

  private track(promise: Promise<void>): Promise<void> {
    this.inFlight.add(promise);
    return promise.finally(() => this.inFlight.delete(promise));
  }

  private async attempt(row: WebhookEventRow, hook: WebhookRow): Promise<void> {
    const body = {
      webhook_event: { id: row.id, event: row.event, signature: row.signature, data: row.data },
    };
    const status = await post(hook.target, body);
    row.last_returned_code = status;
    row.has_succeeded = status !== null && status >= 200 && status < 300;
    hook.failures = row.has_succeeded ? 0 : hook.failures + 1;
    const limit = this.emu.settings.disableWebhookAfterFailures;
    if (limit !== null && hook.failures >= limit) hook.is_disabled = true;
  }
}
