/** Every resource of the emulated API; each module registers its routes and seeds its tables. */
import type { Emulator } from "../server";
import * as auth from "./auth";

const modules: Array<{ register: (emu: Emulator) => void }> = [auth];

export function registerResources(emu: Emulator): void {
  for (const module of modules) module.register(emu);
}
