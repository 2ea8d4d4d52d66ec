import { useMemo } from 'react';
import { format, useI18n, type MessageKey, type MessageValues } from '../../../lib/i18n';
import { personnelEn } from './en';
import { personnelId, type PersonnelKey } from './id';

export type { PersonnelKey } from './id';

/** A key of the platform dictionary or of SIMPEG's own. */
export type Key = MessageKey | PersonnelKey;

/** Looks up a SIMPEG or platform message in the current language and fills its placeholders. */
export type PersonnelTranslate = (key: Key, values?: MessageValues) => string;

const DICTIONARIES: Record<'id' | 'en', Record<PersonnelKey, string>> = { id: personnelId, en: personnelEn };

/** The translate function of the SIMPEG screens: their own keys first, then the platform's. */
export function usePersonnelT(): PersonnelTranslate {
  const { locale, t } = useI18n();
  return useMemo(() => {
    const own = DICTIONARIES[locale];
    return (key, values) => (Object.hasOwn(own, key) ? format(own[key as PersonnelKey], values) : t(key as MessageKey, values));
  }, [locale, t]);
}
