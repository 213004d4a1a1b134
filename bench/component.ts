/** The built component (dist/index.js) under spectral's harness, and connections to an emulator. */
import { join } from "node:path";

export {
  apiKeyConnection,
  type ConnectionValue,
  component,
  harness,
  loginConnection,
  USER_PASSWORD,
} from "../test/harness";

export const BUNDLE = join(process.cwd(), "dist", "index.js");

/** The message of whatever a step threw (spectral's error hook returns our errors). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
