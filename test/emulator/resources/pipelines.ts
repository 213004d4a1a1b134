/** Pipelines and steps (read-only), served from the store's core tables. */
import { notFound, ordered } from "../http";
import type { Emulator } from "../server";

export function register(emu: Emulator): void {
  const { router, store } = emu;

  router.on("GET", "/steps", (ctx) => {
    const steps = ordered([...store.steps.values()], ctx.query.direction, (s) => s.position);
    return { body: steps.map((s) => store.stepJson(s)) };
  });

  // The id segment is a step's id or its name.
  router.on("GET", "/steps/:id", (ctx) => {
    const key = ctx.params.id;
    const step = /^\d+$/.test(key)
      ? store.steps.get(Number(key))
      : [...store.steps.values()].find((s) => s.name.toLowerCase() === key.toLowerCase());
    if (!step) throw notFound();
    return { body: store.stepJson(step) };
  });

  router.on("GET", "/pipelines", () => ({ body: [...store.pipelines.values()] }));
}
