/**
 * One step in a fresh Node process, as Prismatic runs each execution: a new load of
 * dist/index.js (empty token and page-size memory), the instance's state handed in and the state
 * the step hands back taken out. The emulator stays in the bench's process and counts requests.
 * The child is bench/freshStep.ts; they talk over Node's IPC channel.
 */
import { fork } from "node:child_process";
import { join } from "node:path";

export interface ConnectionSpec {
  type: "apiKey" | "userLogin";
  account: string;
  actAsUser?: string;
}

export interface FreshStep {
  kind: "action" | "trigger" | "dataSource";
  key: string;
  connection: ConnectionSpec;
  params?: Record<string, unknown>;
  /** The instance state Prismatic hands to the step (a polling trigger's state inside it). */
  state?: Record<string, unknown>;
  /** Measure the heap the step's result holds, and its peak while running. */
  heap?: boolean;
}

export interface FreshOutcome {
  /** The instance state after the step, to hand to the next one. */
  state: Record<string, unknown>;
  /** Records the step returned: a list's length, a picker's entries, a poll's leads. */
  records: number;
  /** A trigger's branch. */
  branch?: string;
  ms: number;
  /** Bytes: heap still used by the result after a collection, and the peak above the start. */
  heap?: { retained: number; peak: number };
  error?: string;
}

const CHILD = join(__dirname, "freshStep.ts");

export function runFresh(step: FreshStep): Promise<FreshOutcome> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], {
      execArgv: ["--import", "tsx", "--expose-gc"],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    let stderr = "";
    let outcome: FreshOutcome | undefined;
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.once("message", (message) => {
      outcome = message as FreshOutcome;
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (outcome) resolve(outcome);
      else reject(new Error(`fresh ${step.kind} ${step.key} exited ${code}: ${stderr.trim()}`));
    });
    child.send(step);
  });
}

/** Runs steps one after another, each in a fresh process, handing each the previous state. */
export async function runChain(
  steps: Array<Omit<FreshStep, "state">>,
  state: Record<string, unknown> = {},
  between?: (index: number) => void,
): Promise<{ outcomes: FreshOutcome[]; state: Record<string, unknown> }> {
  const outcomes: FreshOutcome[] = [];
  let current = state;
  for (const [index, step] of steps.entries()) {
    between?.(index);
    const outcome = await runFresh({ ...step, state: current });
    outcomes.push(outcome);
    current = outcome.state;
  }
  return { outcomes, state: current };
}
