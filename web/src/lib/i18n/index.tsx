import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTimeZone } from '../clock';
import { en } from './en';
import { id, type MessageKey } from './id';

export type { MessageKey } from './id';

/** The interface languages: Bahasa Indonesia (default) and English. */
export type Locale = 'id' | 'en';

/** Values filled into a message's `{name}` placeholders. */
export type MessageValues = Record<string, string | number>;

/** Looks up a message and fills its placeholders. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { id, en };
const STORAGE_KEY = 'tsc.locale';

interface I18nValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
  /** The zone dates are shown in (lib/clock.ts). Part of the value so that every component that
   * translates, and so formats, renders again when the region's zone arrives. */
  timeZone: string;
}

const I18nContext = createContext<I18nValue | null>(null);

/** The language chosen earlier on this device, else Bahasa Indonesia. */
function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id'; // storage blocked (private mode): fall back to the default
  }
}

/** Fills `{name}` placeholders; an unknown placeholder is left visible so it gets noticed. */
export function format(message: string, values?: MessageValues): string {
  if (!values) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * Provides the current language, persisted in localStorage and mirrored on `<html lang>`, and the
 * time zone the formats use.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const timeZone = useTimeZone();

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // The choice then lasts only for this visit.
    }
  }, []);

  const value = useMemo<I18nValue>(() => {
    const dictionary = DICTIONARIES[locale];
    return { locale, setLocale, t: (key, values) => format(dictionary[key], values), timeZone };
  }, [locale, setLocale, timeZone]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, its setter and the translate function. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useI18n().t;
}

/** Looks up a message of a module's own dictionary or of the platform's, and fills its placeholders. */
export type ModuleTranslate<K extends string> = (key: MessageKey | K, values?: MessageValues) => string;

/**
 * The translate function of a module that keeps its own messages out of the platform dictionary (so
 * they load with its chunk): its keys first, then the platform's. `dictionaries` must be a constant.
 */
export function useModuleT<K extends string>(dictionaries: Record<Locale, Record<K, string>>): ModuleTranslate<K> {
  const { locale, t } = useI18n();
  return useMemo(() => {
    const own = dictionaries[locale];
    return (key, values) => (Object.hasOwn(own, key) ? format(own[key as K], values) : t(key as MessageKey, values));
  }, [dictionaries, locale, t]);
}

/** True when `key` is a message key (for codes that come from the server, like `errors.<code>`). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(id, key);
}
