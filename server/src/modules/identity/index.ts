import type { App, Platform } from '../../platform/index.js';
import type { Authenticate } from '../../platform/http/access.js';
import { ANONYMOUS } from '../../platform/http/actor.js';

/** The identity module (placeholder: everyone is anonymous until sign-in lands). */
export function createIdentityModule(_platform: Platform) {
  const authenticate: Authenticate = async () => ({ actor: ANONYMOUS, via: 'none' });
  return { name: 'identity', authenticate, routes: (_app: App) => {} };
}
