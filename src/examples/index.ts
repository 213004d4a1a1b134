/**
 * Example records, one module per API resource (named like the spec files in src/actions):
 * what the API returns, in the shape of the live API (live-api-facts.md: HTML
 * descriptions, `extended_info`, users' teams, comments' `raw_content`, webhook deliveries'
 * `client`…), with the values of the API document's examples.
 *
 * The rule: a spec file, data source or trigger never writes an example record itself; it imports
 * one from here, or builds its result from one (a list of records, a variant spread from one).
 * The factory adds to an example what it adds to real results (a lead's contact fields). Only
 * results that carry no record stay inline: the `{ id }` echo of a delete, and what the
 * component computes itself (`{ sent, alreadyActivated }`, `{ loggedOut }`, `{ deleted, notDeleted }`).
 *
 * One account, one cast: lead 8113 "Loretta Inc." (contact Natalia Bawer) owned by user 514
 * Stéphanie Stone <stef@example.com> of team 2 "Sales", in client folder 12 "Acme", at step 1189
 * "Incoming" of pipeline 25 "Sales funnel". A variant of a record is a spread of it, so a value
 * changed here changes everywhere it appears.
 */

/** The account's web address as the API document writes it. */
const ACCOUNT_URL = "https://YOUR_SLUG_HERE.propipelines.com";

/** An address in the account's web application: a record's `permalink`, an attachment's `url`. */
export const accountUrl = (path: string): string => `${ACCOUNT_URL}${path}`;

/** Every predefined field type of a lead's `fields`, none filled. */
export const noFields = {
  email: null,
  phone: null,
  mobile: null,
  address: null,
  web: null,
  first_name: null,
  last_name: null,
  full_name: null,
  job: null,
  fax: null,
  vat: null,
};
