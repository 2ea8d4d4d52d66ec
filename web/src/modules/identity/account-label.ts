import { isMessageKey, type Translate } from '../../lib/i18n';
import type { Me } from './identity.types';

/** What the role is called in the interface (`roles.<role>`), or the raw role if unknown. */
export function roleLabel(role: string, t: Translate): string {
  const key = `roles.${role}`;
  return isMessageKey(key) ? t(key) : role;
}

/** The second line under a user's name: their agency, else what kind of account it is. */
export function accountLabel(me: Me, t: Translate): string {
  if (me.agency) return me.agency.shortName || me.agency.name;
  const role = me.roles[0];
  if (role) return roleLabel(role, t);
  return me.kind === 'citizen' ? t('shell.citizenAccount') : t('shell.staffAccount');
}
