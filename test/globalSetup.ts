import { execSync } from "node:child_process";

/** Tests run against the built bundle (dist/index.js), as Prismatic runs it. */
export default function setup(): void {
  execSync("node scripts/ensure-build.mjs", { stdio: "inherit" });
}
