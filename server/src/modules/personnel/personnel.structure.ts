import { randomUUID } from 'node:crypto';
import type { AgencyRow, NewPosition, NewUnit } from './personnel.repo.js';
import type { ESELONS } from './personnel.tables.js';

/** A unit's name and the short form used in lists. */
export interface UnitName {
  name: string;
  shortName: string;
}

/** Unit names an installation knows for its agencies, keyed by agency code (`diskominfo`). */
export interface OrganisationReference {
  /** Bidang of a dinas/badan/satuan/rsud; three or four each. */
  bidang: Record<string, UnitName[]>;
  /** Bagian of a secretariat (`setda`, `setwan`), headed by a Kepala Bagian. */
  bagian: Record<string, UnitName[]>;
}

type Eselon = (typeof ESELONS)[number];

/** Bidang when the reference has none for an agency: generic but plausible for any dinas or badan. */
const GENERIC_BIDANG: UnitName[] = [
  { name: 'Bidang Perencanaan dan Pengembangan', shortName: 'Bidang Renbang' },
  { name: 'Bidang Pelayanan dan Pembinaan', shortName: 'Bidang Yanbin' },
  { name: 'Bidang Pengendalian dan Evaluasi', shortName: 'Bidang Dalev' },
];

const SUBBAGIAN: UnitName[] = [
  { name: 'Subbagian Umum dan Kepegawaian', shortName: 'Subbag Umpeg' },
  { name: 'Subbagian Keuangan dan Perencanaan', shortName: 'Subbag Keuren' },
];

const KECAMATAN_SEKSI: UnitName[] = [
  { name: 'Seksi Pemerintahan', shortName: 'Seksi Pem' },
  { name: 'Seksi Ketenteraman dan Ketertiban Umum', shortName: 'Seksi Trantibum' },
  { name: 'Seksi Pemberdayaan Masyarakat', shortName: 'Seksi PMD' },
];

/** The units and positions of one agency, with ids assigned so both can be inserted in bulk. */
export interface Structure {
  units: NewUnit[];
  positions: NewPosition[];
}

/**
 * Builds the standard structure of an agency by rule (SOTK pattern of PP 18/2016): the top unit
 * headed by the Kepala (or Camat, Sekda…), then Sekretariat, Bidang/Bagian/Seksi and, for a
 * kecamatan, its kelurahan. Each head's superior is the head of the parent unit; the agency head
 * has none (the Bupati and Sekda line above the OPD is not modelled yet).
 */
export function buildStructure(agency: AgencyRow, reference: OrganisationReference, kelurahan: string[]): Structure {
  const out: Structure = { units: [], positions: [] };
  const validFrom = agency.validFrom;

  const add = (parent: { unitId: string; headId: string } | null, unit: UnitName & { kind: NewUnit['kind'] },
    head: { title: string; kind: NewPosition['kind']; eselon: Eselon }) => {
    const unitId = randomUUID();
    const headId = randomUUID();
    const sortOrder = out.units.filter((u) => u.parentId === (parent?.unitId ?? null)).length + 1;
    out.units.push({ id: unitId, agencyId: agency.id, parentId: parent?.unitId ?? null, ...unit, sortOrder, validFrom });
    out.positions.push({
      id: headId, unitId, ...head, isHead: true, superiorId: parent?.headId ?? null, sortOrder: 1, validFrom,
    });
    return { unitId, headId };
  };

  const withSecretariat = (top: { unitId: string; headId: string }, secretary: string, eselon: Eselon) => {
    const sekretariat = add(top, { name: 'Sekretariat', shortName: 'Sekretariat', kind: 'sekretariat' },
      { title: secretary, kind: 'administrator', eselon });
    for (const sub of SUBBAGIAN) add(sekretariat, { ...sub, kind: 'subbagian' }, { title: `Kepala ${sub.name}`, kind: 'pengawas', eselon: 'IV.a' });
  };

  const topUnit = { name: agency.name, shortName: agency.shortName, kind: 'opd' as const };
  switch (agency.kind) {
    case 'kecamatan': {
      const place = agency.name.replace(/^Kecamatan /, '');
      const top = add(null, topUnit, { title: `Camat ${place}`, kind: 'administrator', eselon: 'III.a' });
      add(top, { name: 'Sekretariat Kecamatan', shortName: 'Sekcam', kind: 'sekretariat' },
        { title: `Sekretaris Kecamatan ${place}`, kind: 'administrator', eselon: 'III.b' });
      for (const seksi of KECAMATAN_SEKSI) add(top, { ...seksi, kind: 'seksi' }, { title: `Kepala ${seksi.name}`, kind: 'pengawas', eselon: 'IV.a' });
      for (const name of kelurahan) {
        add(top, { name: `Kelurahan ${name}`, shortName: `Kel. ${name}`, kind: 'kelurahan' }, { title: `Lurah ${name}`, kind: 'pengawas', eselon: 'IV.a' });
      }
      break;
    }
    case 'sekretariat': {
      // Setda is led by the Sekretaris Daerah (II.a); the Sekretariat DPRD by its Sekretaris (II.b).
      const isSetda = agency.code === 'setda';
      const top = add(null, topUnit, {
        title: isSetda ? 'Sekretaris Daerah' : `Sekretaris ${agency.name.replace(/^Sekretariat /, '')}`,
        kind: 'jpt_pratama', eselon: isSetda ? 'II.a' : 'II.b',
      });
      for (const bagian of reference.bagian[agency.code] ?? []) {
        add(top, { ...bagian, kind: 'bagian' }, { title: `Kepala ${bagian.name}`, kind: 'administrator', eselon: isSetda ? 'III.a' : 'III.b' });
      }
      break;
    }
    case 'inspektorat': {
      const top = add(null, topUnit, { title: 'Inspektur', kind: 'jpt_pratama', eselon: 'II.b' });
      withSecretariat(top, 'Sekretaris Inspektorat', 'III.a');
      for (const numeral of ['I', 'II', 'III', 'IV']) {
        const name = `Inspektur Pembantu Wilayah ${numeral}`;
        add(top, { name, shortName: `Irban ${numeral}`, kind: 'bidang' }, { title: name, kind: 'administrator', eselon: 'III.b' });
      }
      break;
    }
    default: {
      const top = add(null, topUnit, {
        title: `${agency.kind === 'rsud' ? 'Direktur' : 'Kepala'} ${agency.name}`, kind: 'jpt_pratama', eselon: 'II.b',
      });
      withSecretariat(top, `Sekretaris ${agency.name}`, 'III.a');
      for (const bidang of reference.bidang[agency.code] ?? GENERIC_BIDANG) {
        add(top, { ...bidang, kind: 'bidang' }, { title: `Kepala ${bidang.name}`, kind: 'administrator', eselon: 'III.b' });
      }
    }
  }
  return out;
}
