// The identity contract as the web app uses it. These mirror the server's schemas
// (server/src/modules/identity/identity.schema.ts); they are not imported from there because that
// file's imports reach the whole server kernel, which does not typecheck against the DOM library.
// e2e/contract.types.ts makes the server's typecheck fail if the two ever drift apart.

/** Keys of the platform's apps, as the server lists them in `Me.apps`. */
export type AppKey = 'segalengko' | 'dolan' | 'eoffice' | 'simpeg' | 'satudata' | 'sate' | 'smartcity';

/** The signed-in user. */
export interface Me {
  id: string;
  username: string;
  displayName: string;
  kind: 'staff' | 'citizen';
  agency: { id: string; name: string; shortName: string } | null;
  roles: string[];
  permissions: string[];
  apps: AppKey[];
  totpEnabled: boolean;
}

/** What sign-in, registration and /me answer. */
export interface SessionView {
  user: Me;
  csrfToken: string;
}

/** Body of POST /api/auth/login. */
export interface SignInInput {
  username: string;
  password: string;
  totp?: string;
}

/** Body of POST /api/auth/register. */
export interface RegisterInput {
  username: string;
  displayName: string;
  email?: string;
  phone?: string;
  password: string;
}
