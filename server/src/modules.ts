import type { App, Platform } from './platform/index.js';
import type { NotificationKind } from './platform/notify.js';
import { assembleRoles, type ModuleRoles } from './platform/roles.js';
import { createIdentityModule, IDENTITY_ROLES } from './modules/identity/index.js';
import { createNotificationsModule } from './modules/notifications/index.js';
import { createPersonnelModule, PERSONNEL_NOTIFICATION_KINDS, PERSONNEL_ROLES } from './modules/personnel/index.js';
import { createRegionModule, REGION_ROLES } from './modules/region/index.js';

/** What every module hands back: a name and its routes; the rest of its surface is its own. */
export interface ModuleRoutes {
  readonly name: string;
  routes(app: App): void | Promise<void>;
}

/**
 * Every module's permissions and roles (each in its own `<m>.roles.ts`). Declarations are constants,
 * not parts of the built modules, so the catalogue is whole before identity is built, including the
 * roles of modules built after it (those that call identity, such as a marketplace granting owners).
 */
export const ROLE_DECLARATIONS: readonly ModuleRoles[] = [IDENTITY_ROLES, REGION_ROLES, PERSONNEL_ROLES];

/** Every module's notification kinds (each declared with `defineNotificationKind` by the module that sends it). */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = [...PERSONNEL_NOTIFICATION_KINDS];

/**
 * The modules in dependency order: the architecture at a glance. Each factory receives the kernel
 * and, explicitly, the narrowed public surfaces of the modules it uses. The role catalogue is
 * assembled first: inconsistent declarations stop the start with a message naming each problem.
 */
export function createModules(platform: Platform) {
  const roles = assembleRoles(ROLE_DECLARATIONS);
  const region = createRegionModule(platform);
  const personnel = createPersonnelModule(platform, { regions: region.api });
  const identity = createIdentityModule(platform, { agencies: personnel.api, employees: personnel.api, roles });
  const notifications = createNotificationsModule(platform, { kinds: NOTIFICATION_KINDS, holders: personnel.api, accounts: identity.api });
  const list: readonly ModuleRoutes[] = [region, personnel, identity, notifications];
  return { roles, region, personnel, identity, notifications, list };
}

export type Modules = ReturnType<typeof createModules>;
