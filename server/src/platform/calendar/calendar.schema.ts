import { Type, type Static } from 'typebox';
import { RecordDate, Text } from '../http/schema.js';

const HolidayKind = Type.Union([Type.Literal('libur_nasional'), Type.Literal('cuti_bersama'), Type.Literal('libur_daerah')], {
  description: 'libur_nasional (hari libur nasional), cuti_bersama (SKB 3 Menteri) atau libur_daerah (hanya di daerah ini)',
});

export const HolidayView = Type.Object({
  date: Type.String({ format: 'date' }),
  kind: HolidayKind,
  name: Type.String(),
  source: Type.String(),
});
export type HolidayView = Static<typeof HolidayView>;

export const HolidayYearQuery = Type.Object({
  year: Type.Integer({ minimum: 1900, maximum: 2200, description: 'Tahun, mis. 2026' }),
}, { additionalProperties: false });

export const HolidayYearView = Type.Object({
  year: Type.Integer(),
  /** Working days of the year (Monday to Friday minus the holidays), for a quick check of the data. */
  workingDays: Type.Integer(),
  holidays: Type.Array(HolidayView),
});
export type HolidayYearView = Static<typeof HolidayYearView>;

export const SetHolidayBody = Type.Object({
  date: RecordDate({ description: 'Tanggal libur (yyyy-mm-dd)' }),
  kind: HolidayKind,
  name: Text({ maxLength: 200, description: 'Nama hari libur dalam Bahasa Indonesia' }),
  source: Type.Optional(Text({ maxLength: 300, description: 'Dasar penetapan, mis. nomor SKB; bila kosong dicatat siapa yang mengisi' })),
}, { additionalProperties: false });
export type SetHolidayBody = Static<typeof SetHolidayBody>;

export const HolidayDateParams = Type.Object({
  date: Type.String({ format: 'date', description: 'Tanggal libur (yyyy-mm-dd)' }),
}, { additionalProperties: false });
