import { Type, type Static } from 'typebox';
import { AGENCY_KINDS } from './personnel.tables.js';

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
