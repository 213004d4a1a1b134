/** A local listener for webhook deliveries made by the emulator, so none leaves the machine. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the sink received. */
export interface Received {
  /** The raw body. */
  body: Buffer;
  /** Header names in lower case, each value as one string. */
  headers: Record<string, string>;
}

export interface Sink {
  url: string;
  /** Requests received, in order. */
  received: Received[];
  /** The status the sink answers with (200 unless a test sets a failure, e.g. 500). */
  status: number;
  /** Resolves with a copy of `received` once it holds `count` requests; rejects after `timeoutMs`. */
  waitFor: (count: number, timeoutMs?: number) => Promise<Received[]>;
  stop: () => Promise<void>;
}

export async function startSink(): Promise<Sink> {
  const received: Received[] = [];
  let waiting: Array<() => void> = [];
  const sink = { status: 200 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) headers[name] = String(value);
      received.push({ body: Buffer.concat(chunks), headers });
      res.statusCode = sink.status;
      res.end();
      for (const wake of waiting) wake();
      waiting = [];
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  async function waitFor(count: number, timeoutMs = 5000): Promise<Received[]> {
    const deadline = Date.now() + timeoutMs;
    while (received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`only ${received.length} of ${count} deliveries`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return [...received];
  }

  return Object.assign(sink, {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    waitFor,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
