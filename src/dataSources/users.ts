/** Users of the account (active ones unless asked). */
import { userList } from "../examples/users";
import { booleanInput } from "../inputs";
import { picklist } from "./picklist";

interface User {
  id: number;
  firstname: string | null;
  lastname: string | null;
  email: string;
  is_disabled: boolean;
}

/** "Firstname Lastname <email>", or just the email for a user with no name. */
const userLabel = (user: User): string => {
  const name = [user.firstname, user.lastname]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ");
  const label = name ? `${name} <${user.email}>` : user.email;
  return user.is_disabled ? `${label} (disabled)` : label;
};

const selectUser = picklist({
  key: "selectUser",
  label: "Select User",
  description:
    "Pick a user of the account, labelled “Firstname Lastname <email>”. Disabled (deleted) users are left out unless asked for.",
  path: "/users",
  inputs: {
    includeDisabled: booleanInput({
      label: "Include Disabled Users",
      default: "false",
      comments: "Also list users the administrator has deleted (they cannot sign in any more).",
    }),
  },
  keep: (user, values) => values.includeDisabled === true || !user.is_disabled,
  itemLabel: userLabel,
  example: userList,
});

export default [selectUser];
