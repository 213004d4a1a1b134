/**
 * The emulator's in-memory account, seeded from the API document's examples. The core tables
 * (users, pipelines, steps, leads) live here; resource modules keep further tables with
 * `store.table(name)` and seed them in their own `seed` function. Writes take their timestamps
 * from `clock` (a FakeClock tests can set, freeze, step back or advance).
 */
import { FakeClock } from "./clock";

export interface User {
  id: number;
  firstname: string;
  /** The live API answers null for a user created without one. */
  lastname: string | null;
  email: string;
  password: string;
  phone: string;
  mobile_phone: string;
  job_title: string;
  is_admin: boolean;
  has_activated: boolean;
  is_disabled: boolean;
  locale: string;
  time_zone: string;
  created_at: string;
  updated_at: string;
  team_ids: number[];
}

export interface Pipeline {
  id: number;
  name: string;
  is_default: boolean;
  created_at: string;
  updated_at: string;
}

export interface Step {
  id: number;
  name: string;
  position: number;
  pipeline_id: number;
  created_at: string;
  updated_at: string;
}

export type Lead = Record<string, unknown> & {
  id: number;
  title: string;
  status: string;
  step_id: number;
  user_id: number | null;
  created_at: string;
  updated_at: string;
  description: string;
  tags: string[];
};

export const SEED_TIME = "2026-01-15T09:00:00.000Z";

export class Store {
  users = new Map<number, User>();
  pipelines = new Map<number, Pipeline>();
  steps = new Map<number, Step>();
  leads = new Map<number, Lead>();
  private readonly tables = new Map<string, Map<number, unknown>>();
  private lastId = 20_000;
  /** Every write moves it forward one second (unless frozen), so `updated_at` orders writes. */
  readonly clock = new FakeClock("2026-02-01T08:00:00.000Z");
  /**
   * How a lead is shown in lists (installed by the leads resource, which knows the tables and
   * settings its computed fields need).
   */
  presentLead: (lead: Lead) => Record<string, unknown> = (lead) => ({ ...lead });

  constructor() {
    this.seed();
  }

  nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  /** The timestamp of a write (see `clock`). */
  now(): string {
    return this.clock.tick();
  }

  /** A resource module's own table. */
  table<T>(name: string): Map<number, T> {
    let table = this.tables.get(name);
    if (!table) {
      table = new Map();
      this.tables.set(name, table);
    }
    return table as Map<number, T>;
  }

  /** Find a user by id or email (the API's `user_id` parameters take either). */
  findUser(idOrEmail: string | number | undefined): User | undefined {
    if (idOrEmail === undefined || idOrEmail === "") return undefined;
    const key = String(idOrEmail).trim();
    if (/^\d+$/.test(key)) return this.users.get(Number(key));
    return [...this.users.values()].find((u) => u.email.toLowerCase() === key.toLowerCase());
  }

  /** The first admin who is not disabled (the owner the API falls back to). */
  firstAdmin(): User | undefined {
    return [...this.users.values()].find((u) => u.is_admin && !u.is_disabled);
  }

  pipelineOf(step: Step): Pipeline | undefined {
    return this.pipelines.get(step.pipeline_id);
  }

  stepJson(step: Step) {
    return { ...step, pipeline: this.pipelineOf(step) ?? null };
  }

  userSummary(user: User | undefined) {
    if (!user) return null;
    return { id: user.id, lastname: user.lastname, firstname: user.firstname, email: user.email };
  }

  /** The summary with phone numbers: comment authors, history actors, list owners. */
  userContact(user: User | undefined) {
    if (!user) return null;
    return { ...this.userSummary(user), phone: user.phone, mobile_phone: user.mobile_phone };
  }

  /** A lead as the API lists it (GET one adds `extended_info`: see resources/leads/present). */
  leadJson(lead: Lead): Record<string, unknown> {
    return this.presentLead(lead);
  }

  addLead(fields: Partial<Lead> & { title: string }): Lead {
    const time = this.now();
    const lead: Lead = {
      id: this.nextId(),
      description: "",
      status: "todo",
      step_id: 1189,
      user_id: null,
      amount: null,
      probability: null,
      currency: "USD",
      starred: null,
      remind_date: null,
      remind_time: null,
      reminder_duration: null,
      estimated_closing_date: null,
      closed_at: null,
      tags: [],
      created_from: "api",
      created_by_id: null,
      client_folder_id: null,
      team_id: null,
      created_at: time,
      ...fields,
      updated_at: time,
    };
    this.leads.set(lead.id, lead);
    return lead;
  }

  /**
   * Adds `count` leads (titles "Seeded lead 1…count", owned by user 514 unless `fields` says
   * otherwise), each written one clock second after the previous: for paging and polling tests.
   */
  seedLeads(count: number, fields: Partial<Lead> = {}): Lead[] {
    return this.bulkLeads(count, { fields });
  }

  /**
   * Adds `count` leads directly (no request, no event): owned by user 514 unless `fields` says
   * otherwise, titled by `title(i)` (i from 1). `sameSecond`: all stamped in one second, as a
   * bulk import of the live application is.
   */
  bulkLeads(
    count: number,
    opts: { fields?: Partial<Lead>; title?: (i: number) => string; sameSecond?: boolean } = {},
  ): Lead[] {
    const { fields = {}, title = (i: number) => `Seeded lead ${i}`, sameSecond = false } = opts;
    const add = () =>
      Array.from({ length: count }, (_, i) =>
        this.addLead({ user_id: 514, ...fields, title: title(i + 1) }),
      );
    if (!sameSecond) return add();
    this.clock.tick();
    return this.clock.frozenDuring(add);
  }

  private seed(): void {
    const user = (
      u: Partial<User> & Pick<User, "id" | "firstname" | "lastname" | "email">,
    ): User => ({
      password: "correct horse battery staple",
      phone: "",
      mobile_phone: "",
      job_title: "",
      is_admin: false,
      has_activated: true,
      is_disabled: false,
      locale: "en",
      time_zone: "America/Denver",
      created_at: "2014-02-11T22:41:26.000Z",
      updated_at: "2014-02-19T16:58:43.000Z",
      team_ids: [],
      ...u,
    });
    for (const u of [
      user({
        id: 514,
        firstname: "Stéphanie",
        lastname: "Stone",
        email: "stef@example.com",
        is_admin: true,
        phone: "2223334444",
        team_ids: [2],
      }),
      user({
        id: 515,
        firstname: "John",
        lastname: "Doe",
        email: "john.doe@mycompany.com",
        job_title: "CEO",
        team_ids: [2],
      }),
      user({
        id: 516,
        firstname: "",
        lastname: "Support",
        email: "support@mycompany.com",
        job_title: "QA tester",
        time_zone: "Europe/Paris",
      }),
      user({
        id: 517,
        firstname: "Former",
        lastname: "Employee",
        email: "former@mycompany.com",
        is_disabled: true,
      }),
    ]) {
      this.users.set(u.id, u);
    }
    for (const p of [
      {
        id: 25,
        name: "Sales funnel",
        is_default: true,
        created_at: "2016-04-22T22:03:20.000Z",
        updated_at: "2016-04-22T22:03:20.000Z",
      },
      {
        id: 26,
        name: "Accounting funnel",
        is_default: false,
        created_at: "2016-04-26T22:03:20.000Z",
        updated_at: "2016-04-26T22:03:20.000Z",
      },
    ]) {
      this.pipelines.set(p.id, p);
    }
    const stepAt = (id: number, name: string, position: number, pipeline_id: number): Step => ({
      id,
      name,
      position,
      pipeline_id,
      created_at: "2015-04-22T22:03:20.000Z",
      updated_at: "2015-04-22T22:03:20.000Z",
    });
    for (const s of [
      stepAt(1189, "Incoming", 1, 25),
      stepAt(1190, "In-touch", 2, 25),
      stepAt(1191, "Closing", 3, 25),
      stepAt(1192, "Invoice sent", 1, 26),
      stepAt(1193, "Paid", 2, 26),
    ]) {
      this.steps.set(s.id, s);
    }
    this.leads.set(8113, {
      id: 8113,
      title: "Loretta Inc.",
      step_id: 1189,
      status: "standby",
      amount: 2400.0,
      probability: 30,
      currency: "USD",
      starred: true,
      remind_date: "2014-03-12",
      remind_time: "09:30",
      reminder_duration: null,
      created_at: "2014-02-28T17:37:33.000Z",
      estimated_closing_date: null,
      updated_at: "2014-02-28T17:38:05.000Z",
      description:
        "Firstname: Natalia\nLastname: Bawer\nEmail: natalia.bawer@loretta-inc.com\nPhone: 801 274 6798",
      tags: ["small", "US"],
      created_from: "api",
      closed_at: null,
      created_by_id: 514,
      user_id: 514,
      client_folder_id: null,
      team_id: 2,
    });
    this.leads.set(8112, {
      id: 8112,
      title: "Acme Corp",
      step_id: 1189,
      status: "todo",
      amount: 1500.0,
      probability: 70,
      currency: "USD",
      starred: null,
      remind_date: null,
      remind_time: null,
      reminder_duration: null,
      created_at: "2014-02-28T17:31:04.000Z",
      estimated_closing_date: null,
      updated_at: "2014-02-28T17:31:04.000Z",
      description:
        "Firstname: John\nLastname: Doe\nEmail: john.doe@acme.corp.com\nPhone: 201 418 1625",
      tags: [],
      created_from: "api",
      closed_at: null,
      created_by_id: 514,
      user_id: 514,
      client_folder_id: null,
      team_id: 2,
    });
  }
}
