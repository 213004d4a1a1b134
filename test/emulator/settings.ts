/**
 * What the emulator can be told to behave like. Profile "live" (the default) answers as public
 * clients of the live service show it (../shared/reference/live-api-facts.md); "document" as
 * the API document reads. Explicit options override the profile's values; every value stays
 * mutable at run time through `emu.settings`.
 *
 * `EMULATOR_PROFILE=document` (environment, read only here) changes the default profile, so the
 * whole suite can be run against the document's behaviour.
 */

export type Edition = "starter" | "expert" | "dreamteam";
export type Profile = "live" | "document";

/** The paged lists (path templates as the document writes them); only these take `limit`. */
export const PAGED_LISTS = [
  "/leads",
  "/leads/unassigned",
  "/leads/{lead_id}/action_histories",
  "/spreadsheets",
] as const;

export interface EmulatorOptions {
  /** Requests allowed per day before 429 (the live API: 2000). */
  dailyQuota?: number;
  edition?: Edition;
  /** "live" (default): as public clients of the live service show; "document": as the API document reads. */
  profile?: Profile;
  /** Lead descriptions answered as HTML (`<br />` lines, `<p>` notes). Live default: true. */
  htmlDescriptions?: boolean;
  /** The largest `limit` per list path template (see PAGED_LISTS); null = no cap. */
  limitCaps?: Record<string, number | null>;
  /** A `limit` above the cap: lowered to the cap, or refused with 400 bad_parameter_format. */
  overCap?: "truncate" | "refuse";
  /** List path templates that ignore `offset` (default none). */
  ignoreOffset?: string[];
  /** 429's API-LIMIT-RESET: an ISO date or epoch seconds. Live default: "epoch". */
  resetHeader?: "iso" | "epoch";
}

export interface Settings {
  dailyQuota: number;
  edition: Edition;
  profile: Profile;
  htmlDescriptions: boolean;
  limitCaps: Record<string, number | null>;
  overCap: "truncate" | "refuse";
  ignoreOffset: string[];
  resetHeader: "iso" | "epoch";
  /** false: the account (slug) does not exist — every request answers 401 unauthorized_invalid_token. */
  accountExists: boolean;
  /** The account's subscription is unpaid: every request answers 402 suspended_account. */
  suspended: boolean;
  /**
   * Requests a key may make after its first 429 of the day before the key is deactivated (the
   * live document warns it may be); null: never.
   */
  deactivateKeyAfter429s: number | null;
  /** Failed tries in a row after which a webhook is disabled (as the live API does); null: never. */
  disableWebhookAfterFailures: number | null;
}

type ProfileValues = Pick<
  Settings,
  "htmlDescriptions" | "limitCaps" | "overCap" | "ignoreOffset" | "resetHeader"
>;

/** The values each profile gives. The document caps only the list it says is 1–100. */
export function profileValues(profile: Profile): ProfileValues {
  if (profile === "document") {
    return {
      htmlDescriptions: false,
      limitCaps: {
        "/leads": null,
        "/leads/unassigned": null,
        "/leads/{lead_id}/action_histories": 100,
        "/spreadsheets": null,
      },
      overCap: "truncate",
      ignoreOffset: [],
      resetHeader: "iso",
    };
  }
  return {
    htmlDescriptions: true,
    limitCaps: Object.fromEntries(PAGED_LISTS.map((path) => [path, 100])),
    overCap: "truncate",
    ignoreOffset: [],
    resetHeader: "epoch",
  };
}

function defaultProfile(): Profile {
  return process.env.EMULATOR_PROFILE === "document" ? "document" : "live";
}

export function resolveSettings(opts: EmulatorOptions = {}): Settings {
  const profile = opts.profile ?? defaultProfile();
  const base = profileValues(profile);
  return {
    dailyQuota: opts.dailyQuota ?? 2000,
    edition: opts.edition ?? "dreamteam",
    profile,
    htmlDescriptions: opts.htmlDescriptions ?? base.htmlDescriptions,
    limitCaps: { ...base.limitCaps, ...opts.limitCaps },
    overCap: opts.overCap ?? base.overCap,
    ignoreOffset: [...(opts.ignoreOffset ?? base.ignoreOffset)],
    resetHeader: opts.resetHeader ?? base.resetHeader,
    accountExists: true,
    suspended: false,
    deactivateKeyAfter429s: null,
    disableWebhookAfterFailures: 5,
  };
}
