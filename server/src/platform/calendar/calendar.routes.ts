import { Type } from 'typebox';
import type { App } from '../http/types.js';
import { HolidayDateParams, HolidayView, HolidayYearQuery, HolidayYearView, SetHolidayBody } from './calendar.schema.js';
import type { Calendar } from './index.js';

const tags = ['calendar'];
const MANAGE = { permission: 'calendar:manage' } as const;

/**
 * The holiday table: read by anyone signed in (the dates are public decrees; the staff screens and the
 * apps' forms show due dates from them), changed by holders of `calendar:manage`.
 */
export function calendarRoutes(app: App, calendar: Calendar): void {
  app.get('/api/calendar/holidays', {
    schema: {
      tags, summary: 'Hari libur dan cuti bersama dalam satu tahun', querystring: HolidayYearQuery,
      response: { 200: HolidayYearView },
    },
    config: { access: 'authenticated' },
  }, (req) => calendar.listYear(req.query.year));

  app.post('/api/calendar/holidays', {
    schema: {
      tags, summary: 'Tetapkan hari libur pada satu tanggal (menambah atau mengganti)',
      body: SetHolidayBody, response: { 200: HolidayView, 201: HolidayView },
    },
    config: { access: MANAGE },
  }, async (req, reply) => {
    const { holiday, created } = await calendar.setHoliday(req.ctx, req.body);
    return reply.code(created ? 201 : 200).send(holiday);
  });

  app.delete('/api/calendar/holidays/:date', {
    schema: {
      tags, summary: 'Hapus hari libur pada satu tanggal (menjadi hari kerja biasa)',
      params: HolidayDateParams, response: { 204: Type.Null() },
    },
    config: { access: MANAGE },
  }, async (req, reply) => {
    await calendar.removeHoliday(req.ctx, req.params.date);
    return reply.code(204).send(null);
  });
}
