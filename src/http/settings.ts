/**
 * Time limits and retries of every request, shared by all clients of the loaded bundle.
 *
 * Bounds, with the defaults:
 * - one attempt: 30 s from sending to the last byte of the answer, however slowly bytes keep
 *   coming (a timer over the whole transfer, not a per-socket idle timeout);
 * - one request with its retries: 60 s. GET, PUT and DELETE are retried 3 times after 0.3, 0.6
 *   and 1.2 s, each attempt cut to what is left of the 60 s;
 * - one step (one client, every request it makes, Fetch All and token fetches included):
 *   5 minutes, a third of Prismatic's 15-minute execution limit. No attempt runs past it.
 * So a step stuck on a stalled server fails after about 60 s per request, and any step ends
 * within 5 minutes.
 *
 * The bundle exports this object (`transportSettings` in src/index.ts) so that tests and the
 * bench, which load dist/index.js, can shorten the backoff and the deadlines of the copy they
 * run: `require("./dist/index.js").transportSettings.retryBaseDelayMs = 1`. A component in
 * production never changes it.
 */
export const transportSettings = {
  /** One attempt, whole transfer. */
  attemptTimeoutMs: 30_000,
  /** Retries of a GET, PUT or DELETE after a network error, a timeout, a 5xx or an unreadable answer. */
  retries: 3,
  /** Wait before the first retry; each further retry doubles it. */
  retryBaseDelayMs: 300,
  /** One request, its retries and their waits included. */
  requestBudgetMs: 60_000,
  /** Every request of one step. */
  stepBudgetMs: 300_000,
};
