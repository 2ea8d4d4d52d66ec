import type { HolidayEntry } from '../../src/platform/calendar/index.js';

/**
 * 2026: Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun
 * 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 tentang Hari Libur Nasional dan Cuti Bersama Tahun
 * 2026 (announced by the Menko PMK on 19 September 2025): 17 hari libur nasional and 8 hari cuti
 * bersama. Transcribed from the lists published at
 * https://disdiksmg.semarangkota.go.id/post-detail/resmi-daftar-hari-libur-nasional-dan-cuti-bersama-tahun-2026-berdasarkan-skb-3-menteri
 * (decree numbers and totals), https://pembelajaranbermaknaid.blogspot.com/2025/11/skb-3-menteri-rilis-daftar-cuti-bersama.html
 * (every date with its weekday) and https://mimbarjumat.com/2025/11/26/siap-siap-liburan-pemerintah-tetapkan-25-hari-libur-dan-cuti-bersama-di-2026
 * (the same national holidays). Names follow the SKB (Keppres 8/2024: "Yesus Kristus").
 */
const SKB_2026 = 'SKB Menag, Menaker, MenPANRB No. 1497/2025, 2/2025, 5/2025';

/**
 * 2027: no SKB for 2027 was found when this was written, so only the holidays fixed by date are
 * seeded (1 January, 1 May, 1 June, 17 August, 25 December). The religious holidays and cuti bersama
 * of 2027 follow the lunar and Saka calendars and are set by that year's SKB: an administrator adds
 * them in the calendar screen (`POST /api/calendar/holidays`) once it is published.
 */
const FIXED_2027 = 'Hari libur bertanggal tetap (SKB 2027 belum dimuat)';

const national = (date: string, name: string, source: string): HolidayEntry => ({ date, kind: 'libur_nasional', name, source });
const joint = (date: string, name: string, source: string): HolidayEntry => ({ date, kind: 'cuti_bersama', name, source });

/** The reference non-working days the platform ships with (seedReference adds those not yet present). */
export const INDONESIAN_HOLIDAYS: readonly HolidayEntry[] = [
  national('2026-01-01', 'Tahun Baru 2026 Masehi', SKB_2026),
  national('2026-01-16', 'Isra Mikraj Nabi Muhammad S.A.W.', SKB_2026),
  joint('2026-02-16', 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili', SKB_2026),
  national('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', SKB_2026),
  joint('2026-03-18', 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)', SKB_2026),
  national('2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', SKB_2026),
  joint('2026-03-20', 'Cuti Bersama Idul Fitri 1447 Hijriah', SKB_2026),
  national('2026-03-21', 'Idul Fitri 1447 Hijriah', SKB_2026),
  national('2026-03-22', 'Idul Fitri 1447 Hijriah', SKB_2026),
  joint('2026-03-23', 'Cuti Bersama Idul Fitri 1447 Hijriah', SKB_2026),
  joint('2026-03-24', 'Cuti Bersama Idul Fitri 1447 Hijriah', SKB_2026),
  national('2026-04-03', 'Wafat Yesus Kristus', SKB_2026),
  national('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', SKB_2026),
  national('2026-05-01', 'Hari Buruh Internasional', SKB_2026),
  national('2026-05-14', 'Kenaikan Yesus Kristus', SKB_2026),
  joint('2026-05-15', 'Cuti Bersama Kenaikan Yesus Kristus', SKB_2026),
  national('2026-05-27', 'Idul Adha 1447 Hijriah', SKB_2026),
  joint('2026-05-28', 'Cuti Bersama Idul Adha 1447 Hijriah', SKB_2026),
  national('2026-05-31', 'Hari Raya Waisak 2570 BE', SKB_2026),
  national('2026-06-01', 'Hari Lahir Pancasila', SKB_2026),
  national('2026-06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah', SKB_2026),
  national('2026-08-17', 'Proklamasi Kemerdekaan', SKB_2026),
  national('2026-08-25', 'Maulid Nabi Muhammad S.A.W.', SKB_2026),
  joint('2026-12-24', 'Cuti Bersama Kelahiran Yesus Kristus', SKB_2026),
  national('2026-12-25', 'Kelahiran Yesus Kristus', SKB_2026),

  national('2027-01-01', 'Tahun Baru 2027 Masehi', FIXED_2027),
  national('2027-05-01', 'Hari Buruh Internasional', FIXED_2027),
  national('2027-06-01', 'Hari Lahir Pancasila', FIXED_2027),
  national('2027-08-17', 'Proklamasi Kemerdekaan', FIXED_2027),
  national('2027-12-25', 'Kelahiran Yesus Kristus', FIXED_2027),
];
