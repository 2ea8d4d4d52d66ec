import { Type, type Static } from 'typebox';
import { IsoDate, Uuid } from '../personnel.schema.js';

export const StatisticsQuery = Type.Object({ agencyId: Type.Optional(Uuid) }, { additionalProperties: false });
export type StatisticsQuery = Static<typeof StatisticsQuery>;

/** One bar of a headcount breakdown: a stable key, its Indonesian label, and the count. */
export const Count = Type.Object({ key: Type.String(), label: Type.String(), count: Type.Integer() });
export type Count = Static<typeof Count>;

/** Headcounts of active employees, as the old Portal Data published them. */
export const PersonnelStatistics = Type.Object({
  /** The day the figures describe. */
  at: IsoDate,
  total: Type.Integer(),
  byKind: Type.Array(Count),
  byAgency: Type.Array(Count),
  byRank: Type.Array(Count),
  byGender: Type.Array(Count),
  byEducation: Type.Array(Count),
  byAgeBand: Type.Array(Count),
  byPositionKind: Type.Array(Count),
});
export type PersonnelStatistics = Static<typeof PersonnelStatistics>;
