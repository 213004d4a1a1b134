/** The fields of leads and client folders: what `fields_by_name` is keyed by. */

/** List Fields: the lead fields a lead's contact lines use, and the client folder fields. */
export const fieldList = [
  {
    id: 1,
    name: "Firstname",
    type: "first_name",
    parent_type: "lead",
    position: 1,
    created_at: "2013-09-13T20:34:05.000Z",
    updated_at: "2015-01-13T23:51:58.000Z",
  },
  {
    id: 2,
    name: "Lastname",
    type: "last_name",
    parent_type: "lead",
    position: 2,
    created_at: "2013-09-13T20:34:05.000Z",
    updated_at: "2015-01-13T23:51:58.000Z",
  },
  {
    id: 3,
    name: "Email",
    type: "email",
    parent_type: "lead",
    position: 3,
    created_at: "2013-09-13T20:34:05.000Z",
    updated_at: "2015-01-13T23:51:58.000Z",
  },
  {
    id: 1189,
    name: "Address",
    type: "address",
    parent_type: "client",
    position: 1,
    created_at: "2015-04-03T21:32:37.000Z",
    updated_at: "2017-02-20T18:39:28.000Z",
  },
  {
    id: 1190,
    name: "Billing address",
    type: "unset",
    parent_type: "client",
    position: 2,
    created_at: "2015-04-03T21:32:37.000Z",
    updated_at: "2017-02-20T18:39:28.000Z",
  },
];

/** Create Field: a lead field used to detect duplicates. */
export const createdField = {
  id: 640137,
  name: "Country",
  type: "country",
  parent_type: "lead",
  position: 10,
  is_key: true,
  created_at: "2020-11-04T14:50:06.000Z",
  updated_at: "2020-11-04T14:50:06.000Z",
};
