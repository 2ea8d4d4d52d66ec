import { Type, type Static } from 'typebox';
import { AGENCY_KINDS, ESELONS, POSITION_KINDS, UNIT_KINDS } from './personnel.tables.js';

export const AgencyKind = Type.Enum(AGENCY_KINDS);

export const AgencyView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  kind: AgencyKind,
  districtCode: Type.Union([Type.String(), Type.Null()]),
  validFrom: Type.String({ format: 'date' }),
  validTo: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  successorId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
});
export type AgencyView = Static<typeof AgencyView>;

export const ListAgenciesQuery = Type.Object(
  {
    kind: Type.Optional(AgencyKind),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Cari pada nama atau singkatan' })),
    at: Type.Optional(Type.String({ format: 'date', description: 'Struktur yang berlaku pada tanggal ini (bawaan: hari ini)' })),
  },
  { additionalProperties: false },
);
export type ListAgenciesQuery = Static<typeof ListAgenciesQuery>;

export const AgencyParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export const UnitKind = Type.Enum(UNIT_KINDS);
export const PositionKind = Type.Enum(POSITION_KINDS);
export const Eselon = Type.Union([Type.Enum(ESELONS), Type.Null()]);

/** The head post as shown on an org chart. */
export const UnitHead = Type.Union([
  Type.Object({ id: Type.String({ format: 'uuid' }), title: Type.String(), eselon: Eselon }),
  Type.Null(),
]);

/** The deepest unit level the tree answer carries (OPD → bidang → seksi → UPTD → sekolah → spare). */
export const UNIT_TREE_DEPTH = 6;

// A fixed-depth schema rather than a recursive one keeps the response serializer a plain compiled object.
function unitNode(depth: number): ReturnType<typeof Type.Object> {
  return Type.Object({
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    shortName: Type.String(),
    kind: UnitKind,
    head: UnitHead,
    children: depth > 1 ? Type.Array(unitNode(depth - 1)) : Type.Array(Type.Object({}), { maxItems: 0 }),
  });
}
/** The tree answer; its static type is the recursive UnitNode, which the bounded schema cannot express. */
export const UnitTree = Type.Unsafe<UnitNode[]>(Type.Array(unitNode(UNIT_TREE_DEPTH)));

/** One unit of the tree with its sub-units (typed by hand: the schema above is depth-bounded). */
export interface UnitNode {
  id: string;
  name: string;
  shortName: string;
  kind: (typeof UNIT_KINDS)[number];
  head: Static<typeof UnitHead>;
  children: UnitNode[];
}

export const SuperiorView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  eselon: Eselon,
  unitId: Type.String({ format: 'uuid' }),
});
export type SuperiorView = Static<typeof SuperiorView>;

export const PositionView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  kind: PositionKind,
  eselon: Eselon,
  isHead: Type.Boolean(),
  validFrom: Type.String({ format: 'date' }),
  validTo: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  unit: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), shortName: Type.String(), kind: UnitKind }),
  agency: Type.Object({ id: Type.String({ format: 'uuid' }), code: Type.String(), name: Type.String(), shortName: Type.String() }),
  /** Direct superior first, up to the agency head. */
  superiors: Type.Array(SuperiorView),
});
export type PositionView = Static<typeof PositionView>;

export const PositionParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export const UnitTreeQuery = Type.Object(
  { at: Type.Optional(Type.String({ format: 'date', description: 'Struktur yang berlaku pada tanggal ini (bawaan: hari ini)' })) },
  { additionalProperties: false },
);
export type UnitTreeQuery = Static<typeof UnitTreeQuery>;
