import type { Platform } from '../../platform/index.js';
import { createPlaceService } from './region.places.js';

/** The region module's composition root: it wires the areas and holds no use case of its own. */
export function createRegionService(platform: Platform) {
  return { places: createPlaceService(platform) };
}

export type RegionService = ReturnType<typeof createRegionService>;
