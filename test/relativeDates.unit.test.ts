/** Relative date inputs: today, tomorrow, yesterday, ±Nd, ±Nh, resolved in a time zone. */
import { describe, expect, it } from "vitest";
import {
  isRelativeDate,
  MAX_RELATIVE_DAYS,
  MAX_RELATIVE_HOURS,
  relativeDateProblem,
  resolveDate,
  resolveDateTime,
  timeZoneProblem,
} from "../src/relativeDates";

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, options: Intl.DateTimeFormatOptions, ms: number): string {
  const id = `${locale} ${JSON.stringify(options)}`;
  let f = formats.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formats.set(id, f);
  }
  return f.format(ms);
}

/** The zone's calendar date at an instant, read by Intl directly (the test's own oracle). */
function localDate(ms: number, timeZone: string): string {
  return format("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }, ms);
}

function localTime(ms: number, timeZone: string): string {
  const options = {
    timeZone,
    hourCycle: "h23",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  } as const;
  return format("en-GB", options, ms);
}

describe("resolveDate", () => {
  const now = at("2026-03-12T23:30:00Z");

  it("gives YYYY-MM-DD in UTC by default", () => {
    expect(resolveDate("today", { now })).toBe("2026-03-12");
    expect(resolveDate("tomorrow", { now })).toBe("2026-03-13");
    expect(resolveDate("yesterday", { now })).toBe("2026-03-11");
    expect(resolveDate("+3d", { now })).toBe("2026-03-15");
    expect(resolveDate("-12d", { now })).toBe("2026-02-28");
    expect(resolveDate("+1h", { now })).toBe("2026-03-13");
    expect(resolveDate("-24h", { now })).toBe("2026-03-11");
    expect(resolveDate("+0d", { now })).toBe("2026-03-12");
  });

  it("reads the calendar of the time zone", () => {
    expect(resolveDate("today", { now, timeZone: "Asia/Tokyo" })).toBe("2026-03-13");
    expect(resolveDate("today", { now, timeZone: "America/Los_Angeles" })).toBe("2026-03-12");
    expect(resolveDate("today", { now, timeZone: "Pacific/Kiritimati" })).toBe("2026-03-13");
    expect(resolveDate("today", { now, timeZone: "Pacific/Pago_Pago" })).toBe("2026-03-12");
    expect(resolveDate("yesterday", { now, timeZone: "Asia/Tokyo" })).toBe("2026-03-12");
  });

  it("is case-insensitive, trims spaces and takes a Date or a number as now", () => {
    expect(resolveDate("  ToDay ", { now })).toBe("2026-03-12");
    expect(resolveDate("TOMORROW", { now: new Date(now) })).toBe("2026-03-13");
    expect(resolveDate(" + 3 D ", { now })).toBe("2026-03-15");
    expect(resolveDate("-2H", { now })).toBe("2026-03-12");
  });

  it("crosses month, year and leap-day boundaries by calendar", () => {
    expect(resolveDate("+1d", { now: at("2028-02-28T12:00:00Z") })).toBe("2028-02-29");
    expect(resolveDate("+1d", { now: at("2027-02-28T12:00:00Z") })).toBe("2027-03-01");
    expect(resolveDate("tomorrow", { now: at("2026-12-31T12:00:00Z") })).toBe("2027-01-01");
    expect(resolveDate("-365d", { now: at("2026-01-01T00:00:00Z") })).toBe("2025-01-01");
    expect(resolveDate(`+${MAX_RELATIVE_DAYS}d`, { now })).toBe("2036-03-09");
  });

  it("counts days by calendar across a daylight-saving change", () => {
    // Paris moves to summer time on 2026-03-29 at 02:00 local; a 23-hour day.
    const saturdayLate = at("2026-03-28T22:30:00Z"); // 23:30 CET
    expect(resolveDate("+1d", { now: saturdayLate, timeZone: "Europe/Paris" })).toBe("2026-03-29");
    expect(resolveDate("+2d", { now: saturdayLate, timeZone: "Europe/Paris" })).toBe("2026-03-30");
    expect(resolveDate("+24h", { now: saturdayLate, timeZone: "Europe/Paris" })).toBe("2026-03-30");
  });

  it("gives undefined for absolute dates and invalid relative forms", () => {
    for (const value of ["2026-03-12", "2026-03-12 10:00:00", "12/03/2026", "", "+3x", "tomorow"]) {
      expect(resolveDate(value, { now }), value).toBeUndefined();
    }
    expect(resolveDate(undefined, { now })).toBeUndefined();
    expect(resolveDate(42, { now })).toBeUndefined();
  });
});

describe("resolveDateTime", () => {
  it("gives the start of the day for keywords and now ± N for offsets, in UTC by default", () => {
    const now = at("2026-03-12T15:45:30.250Z");
    expect(resolveDateTime("today", { now })).toBe("2026-03-12T00:00:00.000Z");
    expect(resolveDateTime("tomorrow", { now })).toBe("2026-03-13T00:00:00.000Z");
    expect(resolveDateTime("yesterday", { now })).toBe("2026-03-11T00:00:00.000Z");
    expect(resolveDateTime("-24h", { now })).toBe("2026-03-11T15:45:30.250Z");
    expect(resolveDateTime("+3d", { now })).toBe("2026-03-15T15:45:30.250Z");
    expect(resolveDateTime("+0h", { now })).toBe("2026-03-12T15:45:30.250Z");
    expect(resolveDateTime(`-${MAX_RELATIVE_HOURS}h`, { now })).toBe("2016-03-14T15:45:30.250Z");
  });

  it("starts the day at the zone's midnight", () => {
    const now = at("2026-03-12T15:00:00Z");
    expect(resolveDateTime("today", { now, timeZone: "Europe/Paris" })).toBe(
      "2026-03-11T23:00:00.000Z",
    );
    expect(resolveDateTime("today", { now, timeZone: "America/New_York" })).toBe(
      "2026-03-12T04:00:00.000Z",
    );
    expect(resolveDateTime("today", { now, timeZone: "Asia/Kolkata" })).toBe(
      "2026-03-11T18:30:00.000Z",
    );
    expect(resolveDateTime("tomorrow", { now, timeZone: "Pacific/Kiritimati" })).toBe(
      "2026-03-13T10:00:00.000Z",
    );
  });

  it("handles the days daylight saving starts and ends", () => {
    const paris = { timeZone: "Europe/Paris" };
    // Spring forward (2026-03-29 02:00 → 03:00): the day is 23 hours long.
    const spring = at("2026-03-29T10:00:00Z");
    expect(resolveDateTime("today", { now: spring, ...paris })).toBe("2026-03-28T23:00:00.000Z");
    expect(resolveDateTime("tomorrow", { now: spring, ...paris })).toBe("2026-03-29T22:00:00.000Z");
    // ±Nd keeps the local time: 12:00 CEST on Sunday, 12:00 CET on Saturday (23 h earlier).
    expect(resolveDateTime("-1d", { now: spring, ...paris })).toBe("2026-03-28T11:00:00.000Z");
    expect(resolveDateTime("-24h", { now: spring, ...paris })).toBe("2026-03-28T10:00:00.000Z");
    // Fall back (2026-10-25 03:00 → 02:00): the day is 25 hours long.
    const fall = at("2026-10-25T12:00:00Z");
    expect(resolveDateTime("today", { now: fall, ...paris })).toBe("2026-10-24T22:00:00.000Z");
    expect(resolveDateTime("tomorrow", { now: fall, ...paris })).toBe("2026-10-25T23:00:00.000Z");
    expect(resolveDateTime("+1d", { now: at("2026-10-24T12:00:00Z"), ...paris })).toBe(
      "2026-10-25T13:00:00.000Z",
    );
    const ny = { timeZone: "America/New_York" };
    expect(resolveDateTime("+1d", { now: at("2026-03-07T17:00:00Z"), ...ny })).toBe(
      "2026-03-08T16:00:00.000Z",
    );
  });

  it("moves a local time skipped by the change forward, and takes the first of a repeated one", () => {
    const paris = { timeZone: "Europe/Paris" };
    // 02:30 on 2026-03-29 does not exist in Paris: it becomes 03:30 CEST.
    expect(resolveDateTime("+1d", { now: at("2026-03-28T01:30:00Z"), ...paris })).toBe(
      "2026-03-29T01:30:00.000Z",
    );
    expect(localTime(at("2026-03-29T01:30:00Z"), "Europe/Paris")).toBe("03:30:00");
    // 02:30 on 2026-10-25 happens twice in Paris: the first (CEST) is taken.
    expect(resolveDateTime("+1d", { now: at("2026-10-24T00:30:00Z"), ...paris })).toBe(
      "2026-10-25T00:30:00.000Z",
    );
    expect(resolveDateTime("-1d", { now: at("2026-10-26T01:30:00Z"), ...paris })).toBe(
      "2026-10-25T00:30:00.000Z",
    );
  });

  it("starts a day whose midnight is skipped or repeated at its first instant", () => {
    const sp = { timeZone: "America/Sao_Paulo" };
    // 2018-11-04: clocks jumped from 00:00 to 01:00; the day began at 01:00 -02.
    expect(resolveDateTime("today", { now: at("2018-11-04T15:00:00Z"), ...sp })).toBe(
      "2018-11-04T03:00:00.000Z",
    );
    expect(resolveDateTime("tomorrow", { now: at("2018-11-03T15:00:00Z"), ...sp })).toBe(
      "2018-11-04T03:00:00.000Z",
    );
    // 2018-02-18: clocks went back from 00:00 to 23:00 of the 17th; the 18th began at 00:00 -03.
    expect(resolveDateTime("today", { now: at("2018-02-18T15:00:00Z"), ...sp })).toBe(
      "2018-02-18T03:00:00.000Z",
    );
    // The 17th began once, at 00:00 -02, though its last hour happened twice.
    expect(resolveDateTime("yesterday", { now: at("2018-02-18T15:00:00Z"), ...sp })).toBe(
      "2018-02-17T02:00:00.000Z",
    );
    // Samoa skipped 2011-12-30 entirely: "tomorrow" on the 29th starts when the 31st does.
    expect(
      resolveDateTime("tomorrow", { now: at("2011-12-29T22:00:00Z"), timeZone: "Pacific/Apia" }),
    ).toBe("2011-12-30T10:00:00.000Z");
    // Lord Howe moves its clocks by 30 minutes.
    expect(
      resolveDateTime("+1d", { now: at("2026-04-04T02:00:00Z"), timeZone: "Australia/Lord_Howe" }),
    ).toBe("2026-04-05T02:30:00.000Z");
  });

  it("gives an ISO 8601 UTC string the date-time inputs accept", () => {
    for (const value of ["today", "-3d", "+5h"]) {
      expect(resolveDateTime(value, { timeZone: "Europe/Paris" })).toMatch(
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
      );
    }
  });

  it("gives undefined for absolute and invalid forms, and throws on an unknown zone", () => {
    expect(resolveDateTime("2026-03-12T10:00:00Z")).toBeUndefined();
    expect(resolveDateTime("+-1d")).toBeUndefined();
    expect(() => resolveDateTime("today", { timeZone: "Mars/Olympus" })).toThrow(RangeError);
    expect(() => resolveDateTime("today", { now: Number.NaN })).toThrow(RangeError);
  });

  it("holds its definitions at random instants in many zones", () => {
    const zones = [
      "UTC",
      "Europe/Paris",
      "Europe/London",
      "America/New_York",
      "America/Los_Angeles",
      "America/Sao_Paulo",
      "America/Santiago",
      "America/St_Johns",
      "Asia/Kolkata",
      "Asia/Kathmandu",
      "Asia/Tokyo",
      "Australia/Lord_Howe",
      "Australia/Adelaide",
      "Pacific/Auckland",
      "Pacific/Chatham",
      "Pacific/Kiritimati",
      "Pacific/Pago_Pago",
      "Africa/Casablanca",
    ];
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const start = at("2015-01-01T00:00:00Z");
    const span = at("2031-01-01T00:00:00Z") - start;
    for (let i = 0; i < 3000; i++) {
      const timeZone = zones[i % zones.length];
      const now = start + Math.floor(rand() * span);
      const context = `${timeZone} ${new Date(now).toISOString()}`;
      const today = resolveDate("today", { now, timeZone });
      expect(today, context).toBe(localDate(now, timeZone));

      // "today" is the first instant whose local date is today.
      const dayStart = Date.parse(resolveDateTime("today", { now, timeZone }) as string);
      expect(localDate(dayStart, timeZone), context).toBe(today);
      expect(localDate(dayStart - 1, timeZone), context).not.toBe(today);
      expect(dayStart, context).toBeLessThanOrEqual(now);
      const next = Date.parse(resolveDateTime("tomorrow", { now, timeZone }) as string);
      expect(localDate(next, timeZone), context).toBe(resolveDate("tomorrow", { now, timeZone }));
      expect(next - dayStart, context).toBeGreaterThanOrEqual(22 * HOUR);
      expect(next - dayStart, context).toBeLessThanOrEqual(26 * HOUR);

      // ±Nd keeps the local time (unless it falls in a gap) and lands on resolveDate's day.
      const n = 1 + Math.floor(rand() * 400);
      const sign = rand() < 0.5 ? "-" : "+";
      const moved = Date.parse(resolveDateTime(`${sign}${n}d`, { now, timeZone }) as string);
      const movedDate = resolveDate(`${sign}${n}d`, { now, timeZone });
      if (localTime(moved, timeZone) === localTime(now, timeZone)) {
        expect(localDate(moved, timeZone), context).toBe(movedDate);
      } else {
        // Only a skipped local time may move, forward, by at most the gap (≤ 1 h here).
        const shift =
          at(`1970-01-01T${localTime(moved, timeZone)}Z`) -
          at(`1970-01-01T${localTime(now, timeZone)}Z`);
        expect(shift, context).toBeGreaterThan(0);
        expect(shift, context).toBeLessThanOrEqual(HOUR);
      }
      expect(
        Math.abs(moved - now - Number(`${sign}1`) * n * 24 * HOUR),
        context,
      ).toBeLessThanOrEqual(2 * HOUR);
      // ±Nh is exact.
      expect(Date.parse(resolveDateTime(`${sign}${n}h`, { now, timeZone }) as string)).toBe(
        now + Number(`${sign}1`) * n * HOUR,
      );
    }
  });
});

describe("relativeDateProblem", () => {
  it("accepts the relative forms and leaves absolute dates to the caller", () => {
    for (const value of [
      "today",
      " Tomorrow ",
      "YESTERDAY",
      "+3d",
      "-24h",
      "+ 3 d",
      "+0d",
      `+${MAX_RELATIVE_DAYS}d`,
      `-${MAX_RELATIVE_HOURS}h`,
      "2026-03-12",
      "2026-03-12T10:00:00.000Z",
      "12/03/2026",
      "",
    ]) {
      expect(relativeDateProblem(value), value).toBeUndefined();
    }
    expect(relativeDateProblem(undefined)).toBeUndefined();
    expect(isRelativeDate("-2d")).toBe(true);
    expect(isRelativeDate("2026-03-12")).toBe(false);
    expect(isRelativeDate("+3x")).toBe(false);
  });

  it("refuses what looks relative but is not, saying how to fix it", () => {
    expect(relativeDateProblem("+3x")).toBe(
      '"+3x" is not a valid offset: write + or -, a whole number, then d (days) or h (hours), for example +3d or -24h.',
    );
    for (const value of ["+-3d", "++3d", "-d", "+3", "+3.5d", "+3days", "-3 weeks", "+"]) {
      expect(relativeDateProblem(value), value).toMatch(/is not a valid offset/);
    }
    expect(relativeDateProblem("+99999999d")).toBe(
      `"+99999999d" is too far from now: offsets go up to ${MAX_RELATIVE_DAYS} days (d) or ${MAX_RELATIVE_HOURS} hours (h).`,
    );
    expect(relativeDateProblem(`+${MAX_RELATIVE_DAYS + 1}d`)).toMatch(/too far/);
    expect(relativeDateProblem(`-${MAX_RELATIVE_HOURS + 1}h`)).toMatch(/too far/);
    expect(relativeDateProblem("+99999999999999999999999h")).toMatch(/too far/);
    expect(relativeDateProblem("tomorow")).toMatch(
      /^"tomorow" is not a date\. Did you mean tomorrow\?/,
    );
    expect(relativeDateProblem("yestreday")).toMatch(/Did you mean yesterday\?/);
    expect(relativeDateProblem("3d")).toBe(
      '"3d" needs a sign: +3d for the future or -3d for the past.',
    );
    for (const value of [
      "now",
      "next monday",
      "in 3 days",
      "3 days ago",
      "constructor",
      "March 3",
    ]) {
      expect(relativeDateProblem(value), value).toMatch(/is not a date\. Use a date, or today/);
    }
  });
});

describe("timeZoneProblem", () => {
  it("accepts IANA names and refuses others", () => {
    expect(timeZoneProblem("Europe/Paris")).toBeUndefined();
    expect(timeZoneProblem("UTC")).toBeUndefined();
    expect(timeZoneProblem("Mars/Olympus")).toMatch(/is not a time zone: use an IANA name/);
  });
});
