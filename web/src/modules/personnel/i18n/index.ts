import { useModuleT, type Locale, type MessageKey, type ModuleTranslate } from '../../../lib/i18n';
import { personnelEn } from './en';
import { personnelId, type PersonnelKey } from './id';

export type { PersonnelKey } from './id';

/** A key of the platform dictionary or of SIMPEG's own. */
export type Key = MessageKey | PersonnelKey;

/** Looks up a SIMPEG or platform message in the current language and fills its placeholders. */
export type PersonnelTranslate = ModuleTranslate<PersonnelKey>;

const DICTIONARIES: Record<Locale, Record<PersonnelKey, string>> = { id: personnelId, en: personnelEn };

/** The translate function of the SIMPEG screens: their own keys first, then the platform's. */
export function usePersonnelT(): PersonnelTranslate {
  return useModuleT(DICTIONARIES);
}
