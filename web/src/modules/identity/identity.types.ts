// The identity contract as the web app uses it, taken from the server's own schemas by type-only
// import: nothing of the server reaches the bundle, and a change there fails the web typecheck.
export type { AppKey } from '../../../../server/src/modules/identity/identity.policy';
export type {
  Me,
  SessionView,
  LoginBody as SignInInput,
  RegisterBody as RegisterInput,
  UserView,
  UserList,
  ListUsersQuery,
  LinkEmployeeBody,
  RoleList,
  RoleView,
} from '../../../../server/src/modules/identity/identity.schema';
