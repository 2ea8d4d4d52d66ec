import { defineNotificationKind } from '../../platform/notify.js';

/** Sent to an employee's account when they are appointed Plt, Plh, Pj or Pjs of a position. */
export const DELEGATION_ASSIGNED = defineNotificationKind({
  name: 'personnel.delegation_assigned',
  label: { id: 'Penunjukan Plt/Plh', en: 'Acting appointment (Plt/Plh)' },
  emailByDefault: true,
});

/** The notification kinds SIMPEG sends, listed in `NOTIFICATION_KINDS` in modules.ts. */
export const PERSONNEL_NOTIFICATION_KINDS = [DELEGATION_ASSIGNED];
