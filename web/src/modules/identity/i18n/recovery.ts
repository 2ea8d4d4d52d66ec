import { useModuleT, type Locale, type ModuleTranslate } from '../../../lib/i18n';
import { recoveryEn } from './recovery.en';
import { recoveryId, type RecoveryKey } from './recovery.id';

const DICTIONARIES: Record<Locale, Record<RecoveryKey, string>> = { id: recoveryId, en: recoveryEn };

/** The translate function of the password pages: their own keys first, then the platform's. */
export function useRecoveryT(): ModuleTranslate<RecoveryKey> {
  return useModuleT(DICTIONARIES);
}
