/** Users of the account, and the short forms other records embed them in. */
import { accountUrl } from ".";

/** The short form: a lead's `created_by`, a client folder's `user`, a delivery's `extended_info.created_by`. */
export const userSummary = {
  id: 514,
  lastname: "Stone",
  firstname: "Stéphanie",
  email: "stef@example.com",
};

/** With phone numbers: a lead's or a comment's `user`, a prospecting list's owner. */
export const userContact = { ...userSummary, phone: "2223334444", mobile_phone: "" };

/** Juliette Rose, to whom Assign Lead and Assign Prospecting List hand records over. */
export const assigneeContact = {
  id: 436,
  lastname: "Rose",
  firstname: "Juliette",
  email: "juliette@example.com",
  phone: "",
  mobile_phone: "3334445555",
};

/**
 * A user as Get User and List Users return it: the document's fields, and the live ones —
 * `teams` (each with whether the user manages it), `has_activated`, `is_disabled`, `permalink`.
 */
export const user = {
  ...userContact,
  job_title: "CEO",
  im_type: "Skype",
  im: "stef.stone",
  updated_at: "2014-02-19T16:58:43.000Z",
  created_at: "2014-02-11T22:41:26.000Z",
  is_admin: true,
  has_activated: true,
  is_disabled: false,
  locale: "en",
  time_zone: "America/Denver",
  // Team 2 "Sales" of ./teams (not imported: teams embed users).
  teams: [{ id: 2, name: "Sales", is_manager: true }],
  permalink: accountUrl("/users/514"),
};

/** List Users: the users of the account, disabled ones included. */
export const userList = [
  user,
  {
    ...user,
    id: 515,
    lastname: "Support",
    firstname: "",
    email: "support@mycompany.com",
    phone: "+33 1 22 23 34 45",
    mobile_phone: "+33 6 66 67 78 89",
    job_title: "QA tester",
    im_type: "Google Chat",
    im: "support.mycompany",
    updated_at: "2014-02-20T16:58:43.000Z",
    created_at: "2014-02-20T22:41:26.000Z",
    is_admin: false,
    time_zone: "Europe/Paris",
    teams: [],
    permalink: accountUrl("/users/515"),
  },
];

/** Create User: a new user, not activated yet and in no team. */
export const newUser = {
  ...user,
  id: 639,
  lastname: "Einstein",
  firstname: "Albert",
  email: "albert.einstein@genius.com",
  phone: "",
  mobile_phone: "",
  job_title: "",
  im_type: "",
  im: "",
  updated_at: "2015-07-22T16:58:43.000Z",
  created_at: "2015-07-22T16:58:43.000Z",
  is_admin: false,
  has_activated: false,
  teams: [],
  permalink: accountUrl("/users/639"),
};

/** Disable User: the user, now disabled. */
export const disabledUser = {
  ...newUser,
  has_activated: true,
  is_disabled: true,
  updated_at: "2015-09-01T10:12:00.000Z",
};
