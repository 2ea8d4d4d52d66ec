// Compile-time check that the web app's copy of the identity contract matches the server's schemas.
// The server typecheck (`tsc -p tsconfig.json`) includes e2e/, so any drift fails `npm run typecheck`.
import type { AppKey as ServerAppKey, Me as ServerMe } from '../server/src/modules/identity/index.js';
// Type-only, and only to compare shapes: the request bodies are not part of the module's public surface.
// eslint-disable-next-line no-restricted-imports
import type { LoginBody, RegisterBody, SessionView as ServerSession } from '../server/src/modules/identity/identity.schema.js';
// eslint-disable-next-line no-restricted-imports
import type { AppKey, Me, RegisterInput, SessionView, SignInInput } from '../web/src/modules/identity/identity.types.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type ContractChecks = [
  Assert<Same<AppKey, ServerAppKey>>,
  Assert<Same<Me, ServerMe>>,
  Assert<Same<SessionView, ServerSession>>,
  Assert<Same<SignInInput, LoginBody>>,
  Assert<Same<RegisterInput, RegisterBody>>,
];
