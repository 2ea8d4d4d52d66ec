import { defineRoles } from '../../platform/roles.js';

/**
 * SIMPEG's permissions and roles. `personnel:read-personal` is separate from the directory so an API
 * token sees personal data (NIK, birth date, address, phone) only when scoped with it.
 */
export const PERSONNEL_ROLES = defineRoles({
  module: 'personnel',
  permissions: ['personnel:manage', 'personnel:manage-agency', 'personnel:read-directory', 'personnel:read-personal'],
  roles: [
    {
      name: 'personnel_admin', kind: 'staff', includes: ['employee'], permissions: ['personnel:manage', 'users:disable-leavers'], grantedBy: 'administrators',
      label: { id: 'Admin kepegawaian', en: 'Personnel administrator' },
      description: {
        id: 'BKPSDM: data SIMPEG semua perangkat daerah, data pribadi semua pegawai, dan mengakhiri akses pegawai yang keluar.',
        en: "BKPSDM: SIMPEG records of every agency, everyone's personal data, and ending leavers' access.",
      },
    },
  ],
});
