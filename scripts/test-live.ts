/**
 * `npm run test:live`: the live suite (test/live/) against a real Pro Pipe Lines account, given
 * as Prismatic's PRISMATIC_CONNECTION_VALUE or the PROPIPELINES_* variables
 * (test/liveConnection.ts). Read-only unless PROPIPELINES_LIVE_WRITE=1. Without an account it
 * runs nothing and says so: it is not part of `npm test` or CI, which have no account.
 */
import { spawnSync } from "node:child_process";
import { LIVE_SETUP, liveConnection } from "../test/liveConnection";

const live = liveConnection();
if (!live) {
  console.log(`No Pro Pipe Lines account given: no live test ran. To run them, ${LIVE_SETUP}.`);
  process.exit(0);
}
const writes = process.env.PROPIPELINES_LIVE_WRITE === "1";
console.log(
  `Live tests on ${live.account} (from ${live.source}), ${writes ? "reads and writes" : "read-only (PROPIPELINES_LIVE_WRITE=1 adds the write tests)"}.`,
);
const run = spawnSync("npx", ["vitest", "run", "--config", "vitest.live.config.mts"], {
  stdio: "inherit",
});
process.exit(run.status ?? 1);
