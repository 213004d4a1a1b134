export { FakeClock } from "./clock";
export { HttpError } from "./http";
export {
  DEFAULT_API_KEY,
  type Edition,
  Emulator,
  type EmulatorOptions,
  type LoggedRequest,
  type Profile,
  type RequestHook,
  type Settings,
  startEmulator,
} from "./server";
export { PAGED_LISTS } from "./settings";
