import { Type, type Static } from 'typebox';

export const DistrictCode = Type.String({ pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}$', maxLength: 8, description: 'Kode kecamatan Kemendagri, mis. 33.28.10' });

export const RegencyView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  provinceCode: Type.String(),
  districtCount: Type.Integer(),
  villageCount: Type.Integer(),
  /** IANA time zone of the region (`TIME_ZONE`): the web shows dates and "today" in it. */
  timeZone: Type.String({ examples: ['Asia/Jakarta'] }),
});
export type RegencyView = Static<typeof RegencyView>;

export const DistrictView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  villageCount: Type.Integer(),
});
export type DistrictView = Static<typeof DistrictView>;

export const VillageView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal('desa'), Type.Literal('kelurahan')]),
});
export type VillageView = Static<typeof VillageView>;

export const DistrictParams = Type.Object({ code: DistrictCode }, { additionalProperties: false });

// ── Boundaries, locate, grid ────────────────────────────────────────────────────────────────

export const BoundaryLevelParams = Type.Object({
  level: Type.Union([Type.Literal('district'), Type.Literal('village')], { description: '`district` (kecamatan) atau `village` (desa/kelurahan)' }),
}, { additionalProperties: false });

/** Most features one upload may carry (a regency has a few hundred villages). */
export const MAX_FEATURES = 5000;

/**
 * An uploaded FeatureCollection. Only the outer shape is checked here; every feature is checked by
 * the service, which reports each fault with the feature's index and code.
 */
export const BoundaryUpload = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Type.Unknown(), { minItems: 1, maxItems: MAX_FEATURES }),
}, { description: 'GeoJSON FeatureCollection; tiap fitur membawa kode Kemendagri pada properti kode/code (atau KDCPUM/KDEPUM) dan geometri Polygon/MultiPolygon' });
export type BoundaryUpload = Static<typeof BoundaryUpload>;

export const BoundarySummary = Type.Object({
  level: Type.Union([Type.Literal('district'), Type.Literal('village')]),
  /** Features stored. */
  count: Type.Integer(),
  /** Codes of the level the regency has; when `count` equals it, a point outside every polygon is outside the regency. */
  expected: Type.Integer(),
  complete: Type.Boolean(),
});
export type BoundarySummary = Static<typeof BoundarySummary>;

export const FeatureProblem = Type.Object({ index: Type.Integer(), code: Type.Union([Type.String(), Type.Null()]), message: Type.String() });

/** The 422 answer: the error body every 4xx has, with the faults per feature in `details`. */
export const BoundariesRejected = Type.Object({
  code: Type.Literal('boundaries_rejected'),
  message: Type.String(),
  details: Type.Object({ problemCount: Type.Integer(), problems: Type.Array(FeatureProblem) }),
  requestId: Type.String(),
});

/** The stored boundaries as GeoJSON (sent pre-serialised; the schema documents it). */
export const BoundaryCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Type.Object({
    type: Type.Literal('Feature'),
    properties: Type.Object({ code: Type.String(), name: Type.String() }),
    geometry: Type.Object({ type: Type.Union([Type.Literal('Polygon'), Type.Literal('MultiPolygon')]), coordinates: Type.Array(Type.Unknown()) }),
  })),
});

export const LocateQuery = Type.Object({
  lat: Type.Number({ minimum: -90, maximum: 90, description: 'Lintang (WGS84), mis. -6.9742' }),
  lon: Type.Number({ minimum: -180, maximum: 180, description: 'Bujur (WGS84), mis. 109.1397' }),
}, { additionalProperties: false });
export type LocateQuery = Static<typeof LocateQuery>;

const Place = Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]);

export const LocationView = Type.Object({
  /** `unknown` when no boundaries cover the point and those stored are not the whole regency: never a guess. */
  inRegency: Type.Union([Type.Boolean(), Type.Literal('unknown')]),
  district: Place,
  village: Place,
});
export type LocationView = Static<typeof LocationView>;

const GridIndex = Type.Integer({ minimum: 0, maximum: 99 });

export const GridUpdate = Type.Object({
  cells: Type.Array(Type.Object({ code: DistrictCode, row: GridIndex, col: GridIndex }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }),
}, { additionalProperties: false });
export type GridUpdate = Static<typeof GridUpdate>;

export const GridView = Type.Object({
  /** `stored`: laid out by hand (seeded or saved by an administrator); `alphabetical`: computed until someone does. */
  source: Type.Union([Type.Literal('stored'), Type.Literal('alphabetical')]),
  rows: Type.Integer(),
  cols: Type.Integer(),
  cells: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), row: Type.Integer(), col: Type.Integer() })),
});
export type GridView = Static<typeof GridView>;
