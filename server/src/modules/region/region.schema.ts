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
