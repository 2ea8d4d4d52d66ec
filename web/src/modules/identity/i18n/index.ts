import { useModuleT, type Locale, type ModuleTranslate } from '../../../lib/i18n';
import { identityEn } from './en';
import { identityId, type IdentityKey } from './id';

/** Looks up a user-administration or platform message in the current language and fills its placeholders. */
export type IdentityTranslate = ModuleTranslate<IdentityKey>;

const DICTIONARIES: Record<Locale, Record<IdentityKey, string>> = { id: identityId, en: identityEn };

/** The translate function of the user-administration screen: its own keys first, then the platform's. */
export function useIdentityT(): IdentityTranslate {
  return useModuleT(DICTIONARIES);
}
