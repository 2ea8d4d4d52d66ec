import type { Platform } from '../../platform/index.js';
import { createRevision } from '../../platform/snapshot.js';
import { createBoundaryService } from './region.boundaries.js';
import { createGridService } from './region.grid.js';
import { createPlaceService } from './region.places.js';

/** The region module's composition root: it wires the areas and holds no use case of its own. */
export function createRegionService(platform: Platform) {
  // One revision for the module's cached data: boundary polygons and the grid layout.
  const revision = createRevision(platform.db, 'region');
  return {
    places: createPlaceService(platform),
    boundaries: createBoundaryService(platform, { revision }),
    grid: createGridService(platform, { revision }),
  };
}

export type RegionService = ReturnType<typeof createRegionService>;
