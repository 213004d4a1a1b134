/**
 * The emulator in a process of its own, so that timing the component is not timing the server
 * too: bench/throughput.ts forks this file and drives it over Node's IPC channel.
 * Messages in: `start` (options, leads to seed), `requests` (how many it answered), `stop`.
 * Each is answered with one message.
 */
import { fork } from "node:child_process";
import { Emulator, type EmulatorOptions } from "../test/emulator";

type Command =
  | { type: "start"; options: EmulatorOptions; leads: number }
  | { type: "requests" }
  | { type: "stop" };

/** Set in the forked process's environment: this module then serves instead of forking. */
const CHILD_FLAG = "BENCH_EMULATOR_PROCESS";

interface Answer {
  account?: string;
  requests?: number;
  error?: string;
}

/** The parent's handle on the emulator process. */
export interface RemoteEmulator {
  account: string;
  /** Requests the emulator answered so far. */
  requests(): Promise<number>;
  stop(): Promise<void>;
}

export async function startRemoteEmulator(
  options: EmulatorOptions,
  leads: number,
): Promise<RemoteEmulator> {
  const child = fork(__filename, [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, [CHILD_FLAG]: "1" },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const ask = (command: Command) =>
    new Promise<Answer>((resolve, reject) => {
      child.once("message", (answer) => {
        const a = answer as Answer;
        if (a.error) reject(new Error(`emulator process: ${a.error}`));
        else resolve(a);
      });
      child.send(command);
    });
  const { account } = await ask({ type: "start", options, leads });
  return {
    account: account as string,
    requests: async () => (await ask({ type: "requests" })).requests as number,
    stop: async () => {
      await ask({ type: "stop" });
      child.disconnect();
    },
  };
}

/** In the child: serve the commands. */
function serve(): void {
  let emu: Emulator | undefined;
  const answer = (a: Answer) => process.send?.(a);
  process.on("message", async (message) => {
    const command = message as Command;
    try {
      if (command.type === "start") {
        emu = await new Emulator(command.options).start();
        emu.store.leads.clear();
        emu.bulkCreateLeads(command.leads);
        answer({ account: emu.account });
      } else if (command.type === "requests") {
        answer({ requests: emu?.log.length ?? 0 });
      } else {
        await emu?.stop();
        answer({});
      }
    } catch (error) {
      answer({ error: error instanceof Error ? error.message : String(error) });
    }
  });
}

if (process.env[CHILD_FLAG] === "1") serve();
