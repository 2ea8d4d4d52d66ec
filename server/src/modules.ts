import type { App, Platform } from './platform/index.js';
import { createIdentityModule } from './modules/identity/index.js';
import { createPersonnelModule } from './modules/personnel/index.js';
import { createRegionModule } from './modules/region/index.js';

/** What every module hands back: a name and its routes; the rest of its surface is its own. */
export interface ModuleRoutes {
  readonly name: string;
  routes(app: App): void | Promise<void>;
}

/**
 * The modules in dependency order: the architecture at a glance. Each factory receives the kernel
 * and, explicitly, the narrowed public surfaces of the modules it uses.
 */
export function createModules(platform: Platform) {
  const region = createRegionModule(platform);
  const personnel = createPersonnelModule(platform, { regions: region.api });
  const identity = createIdentityModule(platform, { agencies: personnel.api, employees: personnel.api });
  const list: readonly ModuleRoutes[] = [region, personnel, identity];
  return { region, personnel, identity, list };
}

export type Modules = ReturnType<typeof createModules>;
