export { HttpError } from "./http";
export {
  DEFAULT_API_KEY,
  type Edition,
  Emulator,
  type EmulatorOptions,
  type LoggedRequest,
  startEmulator,
} from "./server";
