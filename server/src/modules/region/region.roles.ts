import { defineRoles } from '../../platform/roles.js';

/** The region module's permission: uploading boundaries and laying out the district grid. No role of its own (system administrators hold it). */
export const REGION_ROLES = defineRoles({
  module: 'region',
  permissions: ['region:manage'],
  roles: [],
});
