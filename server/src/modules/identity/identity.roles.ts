import { defineRoles } from '../../platform/roles.js';
import { APP_KEYS } from './identity.policy.js';

/**
 * Identity's permissions and roles, and the kernel's (jobs, audit, calendar: the kernel names no
 * role). Roles whose app has no module yet (SATE, Satu Data, Dolan) are declared here until that
 * module declares them in its own `<m>.roles.ts`. Every staff role includes `employee`: the
 * directory, one's own personal data, E-office and SIMPEG.
 */
export const IDENTITY_ROLES = defineRoles({
  module: 'identity',
  permissions: [
    'users:manage', 'users:manage-agency', 'users:disable-leavers', 'audit:read', 'jobs:manage', 'calendar:manage',
    'dashboard:read', 'opendata:review', 'opendata:publish', 'marketplace:manage-own',
    ...APP_KEYS.map((key) => `app:${key}` as const),
  ],
  roles: [
    {
      name: 'system_admin', kind: 'staff', permissions: 'all', grantedBy: 'administrators',
      label: { id: 'Administrator sistem', en: 'System administrator' },
      description: { id: 'Memegang semua izin: semua akun, antrean tugas, log audit.', en: 'Holds every permission: all accounts, the job queue, the audit log.' },
    },
    {
      name: 'agency_admin', kind: 'staff', includes: ['employee'], permissions: ['users:manage-agency', 'personnel:manage-agency'], grantedBy: 'administrators',
      label: { id: 'Admin perangkat daerah', en: 'Agency administrator' },
      description: { id: 'Mengelola akun dan data SIMPEG perangkat daerahnya sendiri.', en: "Manages the accounts and SIMPEG records of their own agency." },
    },
    {
      name: 'employee', kind: 'staff', permissions: ['personnel:read-directory', 'personnel:read-personal', 'app:eoffice', 'app:simpeg'], grantedBy: 'administrators',
      label: { id: 'Pegawai', en: 'Civil servant' },
      description: { id: 'Setiap ASN: direktori pegawai, data pribadinya sendiri, E-office dan SIMPEG.', en: 'Every civil servant: the directory, their own personal data, E-office and SIMPEG.' },
    },
    {
      name: 'executive', kind: 'staff', includes: ['employee'], permissions: ['dashboard:read', 'app:sate', 'app:smartcity'], grantedBy: 'administrators',
      label: { id: 'Pimpinan daerah', en: 'Regional leadership' },
      description: { id: 'Dasbor eksekutif SATE dan Smart City.', en: 'The SATE and Smart City executive dashboards.' },
    },
    {
      name: 'data_steward', kind: 'staff', includes: ['employee'], permissions: ['opendata:review', 'opendata:publish', 'app:satudata'], grantedBy: 'administrators',
      label: { id: 'Walidata', en: 'Data steward (walidata)' },
      description: { id: 'Memeriksa dan menerbitkan dataset Satu Data.', en: 'Reviews and publishes Satu Data datasets.' },
    },
    {
      name: 'data_producer', kind: 'staff', includes: ['employee'], permissions: ['app:satudata'], grantedBy: 'administrators',
      label: { id: 'Produsen data', en: 'Data producer' },
      description: { id: 'Menyiapkan dataset perangkat daerahnya untuk Satu Data.', en: "Prepares their agency's datasets for Satu Data." },
    },
    {
      name: 'citizen', kind: 'citizen', permissions: ['app:segalengko', 'app:dolan', 'app:satudata'], grantedBy: 'administrators',
      label: { id: 'Warga', en: 'Citizen' },
      description: { id: 'Akun warga: Segalengko, Dolan dan Satu Data.', en: 'A citizen account: Segalengko, Dolan and Satu Data.' },
    },
    {
      // The one self-service role: a citizen who registers a business becomes its owner.
      name: 'business_owner', kind: 'citizen', permissions: ['marketplace:manage-own', 'app:dolan'], grantedBy: 'self-service',
      label: { id: 'Pelaku UMKM', en: 'Business owner' },
      description: { id: 'Mengelola usahanya sendiri di Dolan; didapat saat mendaftarkan usaha.', en: 'Manages their own business in Dolan; gained by registering a business.' },
    },
  ],
});
