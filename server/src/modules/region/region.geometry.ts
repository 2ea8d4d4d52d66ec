// Pure geometry of boundary polygons: checking an uploaded GeoJSON geometry, and deciding whether a
// point lies inside a checked one. No database, no HTTP; region.boundaries.ts uses both.

/** `[minLon, minLat, maxLon, maxLat]`, WGS84 degrees. */
export type BBox = [number, number, number, number];

/** A Polygon as GeoJSON holds it: rings of `[lon, lat]` positions, the first ring outside, the rest holes. */
export type PolygonCoordinates = number[][][];

/** A checked geometry, normalised to a MultiPolygon of 2-D positions, with its bounding box. */
export interface CheckedGeometry {
  geometry: { type: 'Polygon'; coordinates: PolygonCoordinates } | { type: 'MultiPolygon'; coordinates: PolygonCoordinates[] };
  polygons: PolygonCoordinates[];
  bbox: BBox;
}

/** A polygon compiled for lookups: each ring as a flat `lon, lat, lon, lat, …` array. */
export interface Shape {
  polygons: Float64Array[][];
  bbox: BBox;
}

/** Why a geometry was refused, in the words an administrator reads. */
export class GeometryProblem extends Error {}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks one position and answers it as `[lon, lat]` (a third value, the altitude, is dropped). */
function checkPosition(value: unknown, where: string): [number, number] {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3 || !value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    throw new GeometryProblem(`${where} bukan pasangan angka [bujur, lintang].`);
  }
  const [lon, lat] = value as number[];
  if (lon! < -180 || lon! > 180 || lat! < -90 || lat! > 90) {
    throw new GeometryProblem(`${where} [${lon}, ${lat}] di luar jangkauan: bujur -180..180, lintang -90..90 (urutan GeoJSON adalah [bujur, lintang]).`);
  }
  return [lon!, lat!];
}

/** Checks one ring: a list of at least four positions whose last repeats the first. */
function checkRing(value: unknown, where: string): number[][] {
  if (!Array.isArray(value)) throw new GeometryProblem(`${where} bukan daftar posisi.`);
  if (value.length < 4) {
    throw new GeometryProblem(`${where} hanya ${value.length} posisi; sebuah cincin paling sedikit 4 posisi (posisi pertama diulang di akhir).`);
  }
  const ring = value.map((position, i) => checkPosition(position, `Posisi [${i}] ${where.toLowerCase()}`));
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    throw new GeometryProblem(`${where} tidak tertutup: posisi terakhir harus sama dengan posisi pertama.`);
  }
  return ring;
}

function checkPolygon(value: unknown, where: string): PolygonCoordinates {
  if (!Array.isArray(value) || value.length === 0) throw new GeometryProblem(`${where} harus berupa daftar cincin (paling sedikit satu).`);
  return value.map((ring, i) => checkRing(ring, `Cincin [${i}] ${where.toLowerCase()}`));
}

function bboxOf(polygons: PolygonCoordinates[]): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  // Holes lie inside their outer ring, so the outer rings alone bound the shape.
  for (const polygon of polygons) {
    for (const [lon, lat] of polygon[0]!) {
      if (lon! < box[0]) box[0] = lon!;
      if (lat! < box[1]) box[1] = lat!;
      if (lon! > box[2]) box[2] = lon!;
      if (lat! > box[3]) box[3] = lat!;
    }
  }
  return box;
}

/**
 * Checks a GeoJSON geometry: a Polygon or MultiPolygon whose rings are closed, have at least four
 * positions, and whose positions are longitude/latitude pairs in range. Throws a GeometryProblem
 * naming the first fault (polygon, ring and position index) otherwise.
 */
export function checkGeometry(value: unknown): CheckedGeometry {
  if (!isObject(value)) throw new GeometryProblem('Geometri tidak ada; harus Polygon atau MultiPolygon.');
  const { type, coordinates } = value;
  if (type === 'Polygon') {
    const polygon = checkPolygon(coordinates, 'Poligon');
    return { geometry: { type, coordinates: polygon }, polygons: [polygon], bbox: bboxOf([polygon]) };
  }
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) throw new GeometryProblem('MultiPolygon harus berisi paling sedikit satu poligon.');
    const polygons = coordinates.map((polygon, i) => checkPolygon(polygon, `Poligon [${i}]`));
    return { geometry: { type, coordinates: polygons }, polygons, bbox: bboxOf(polygons) };
  }
  throw new GeometryProblem(`Geometri harus Polygon atau MultiPolygon, bukan ${typeof type === 'string' ? type.slice(0, 40) : 'tanpa jenis'}.`);
}

/** Compiles a stored, checked geometry for lookups. */
export function compileShape(geometry: CheckedGeometry['geometry'], bbox: BBox): Shape {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return { bbox, polygons: polygons.map((rings) => rings.map((ring) => Float64Array.from(ring.flat()))) };
}

/** Even-odd crossing test of one ring (a flat, closed `lon, lat, …` array). */
function crosses(ring: Float64Array, lon: number, lat: number): boolean {
  let inside = false;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[2 * i]!;
    const yi = ring[2 * i + 1]!;
    const xj = ring[2 * j]!;
    const yj = ring[2 * j + 1]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Whether the point lies inside the shape: inside the outer ring of one of its polygons and in none
 * of that polygon's holes. The bounding box is checked first, so most shapes cost four comparisons.
 */
export function shapeContains(shape: Shape, lon: number, lat: number): boolean {
  const [minLon, minLat, maxLon, maxLat] = shape.bbox;
  if (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat) return false;
  return shape.polygons.some(([outer, ...holes]) => crosses(outer!, lon, lat) && !holes.some((hole) => crosses(hole, lon, lat)));
}
