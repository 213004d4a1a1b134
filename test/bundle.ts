/**
 * The built bundle's transport settings (`transportSettings`, exported by dist/index.js next to
 * the component), and fresh loads of the bundle standing for new processes. Tests shorten the
 * retry backoff and the deadlines here instead of sleeping through them.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Component } from "@prismatic-io/spectral/dist/serverTypes";
import { createHarness } from "@prismatic-io/spectral/dist/testing";
import { afterAll, beforeAll } from "vitest";

export interface TransportSettings {
  attemptTimeoutMs: number;
  retries: number;
  retryBaseDelayMs: number;
  requestBudgetMs: number;
  stepBudgetMs: number;
}

interface Bundle {
  default: Component;
  transportSettings: TransportSettings;
}

const requireFromRoot = createRequire(join(process.cwd(), "package.json"));
const BUNDLE = "./dist/index.js";

/** The settings of the bundle test/harness.ts runs (the same module instance). */
export const transportSettings = (requireFromRoot(BUNDLE) as Bundle).transportSettings;

/** The production values, to assert and to restore. */
export const DEFAULT_TRANSPORT: Readonly<TransportSettings> = { ...transportSettings };

/** Sets transport settings for the test file (backoff of 1 ms by default), restored after it. */
export function useFastTransport(overrides: Partial<TransportSettings> = {}): void {
  beforeAll(() => {
    Object.assign(transportSettings, { retryBaseDelayMs: 1, ...overrides });
  });
  afterAll(() => {
    Object.assign(transportSettings, DEFAULT_TRANSPORT);
  });
}

/**
 * A fresh load of dist/index.js, as a new process loads it: a new module instance with empty
 * memory caches (tokens, page sizes) and its own settings. The shared instance stays cached.
 */
export function freshBundle(settings: Partial<TransportSettings> = {}) {
  const path = requireFromRoot.resolve(BUNDLE);
  const shared = requireFromRoot.cache[path];
  delete requireFromRoot.cache[path];
  try {
    const bundle = requireFromRoot(BUNDLE) as Bundle;
    Object.assign(bundle.transportSettings, { retryBaseDelayMs: 1, ...settings });
    const harness = createHarness(bundle.default as Parameters<typeof createHarness>[0]);
    return { component: bundle.default, harness, transportSettings: bundle.transportSettings };
  } finally {
    if (shared) requireFromRoot.cache[path] = shared;
  }
}
