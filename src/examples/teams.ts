/** Teams and their members. */
import { userSummary } from "./users";

/** John Doe, a member of team 2 who manages nothing. */
const johnDoe = {
  id: 518,
  lastname: "Doe",
  firstname: "John",
  email: "john@propipelines.com",
};

/** Team 2 "Sales", managed by Stéphanie Stone: Get Team, and a lead's `extended_info.team`. */
export const team = {
  id: 2,
  name: "Sales",
  users: [
    { ...userSummary, is_manager: true },
    { ...johnDoe, is_manager: false },
  ],
  updated_at: "2014-02-19T16:58:43.000Z",
  created_at: "2014-02-11T22:41:26.000Z",
};

/** List Teams. */
export const teamList = [
  team,
  {
    id: 517,
    name: "Marketing",
    users: [
      {
        id: 524,
        lastname: "Jane",
        firstname: "Cheryl",
        email: "cheryl@example.com",
        is_manager: true,
      },
      {
        id: 525,
        lastname: "Doe",
        firstname: "Albert",
        email: "albert@example.com",
        is_manager: false,
      },
    ],
    updated_at: "2014-02-19T16:58:43.000Z",
    created_at: "2014-02-11T22:41:26.000Z",
  },
];

/** Create Team: a new team has no members. */
export const createdTeam = {
  id: 15,
  name: "Web Sales",
  users: [],
  updated_at: "2015-07-22T16:58:43.000Z",
  created_at: "2015-07-22T16:58:43.000Z",
};

/** Update Team: the team renamed. */
export const renamedTeam = { ...team, name: "Web Sales", updated_at: "2016-04-07T16:58:43.000Z" };

/** Add Team Member: the team's id and members (the API leaves the name out here). */
export const teamMembersAfterAdd = {
  id: team.id,
  users: team.users,
  updated_at: "2016-04-07T16:58:43.000Z",
  created_at: team.created_at,
};

/** Remove Team Member: Stéphanie Stone removed. */
export const teamMembersAfterRemove = {
  ...teamMembersAfterAdd,
  users: team.users.filter((member) => member.id !== userSummary.id),
};
