import type { BoundaryLevel } from './region.features.js';
import type { CheckedGeometry } from './region.geometry.js';
import type { BoundarySummary, GridView } from './region.schema.js';

/** One stored boundary as a GeoJSON Feature: its code and the reference name, nothing else uploaded. */
export function presentBoundaryFeature(code: string, name: string, geometry: CheckedGeometry['geometry']) {
  return { type: 'Feature' as const, properties: { code, name }, geometry };
}

export function presentBoundarySummary(level: BoundaryLevel, count: number, expected: number): BoundarySummary {
  return { level, count, expected, complete: expected > 0 && count === expected };
}

/** A grid from its cells (each with the district's name), its size the smallest that holds them. */
export function presentGrid(source: GridView['source'], cells: GridView['cells']): GridView {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    source,
    rows: sorted.reduce((n, c) => Math.max(n, c.row + 1), 0),
    cols: sorted.reduce((n, c) => Math.max(n, c.col + 1), 0),
    cells: sorted,
  };
}
