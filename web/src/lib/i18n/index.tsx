import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
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

/** Provides the current language, persisted in localStorage and mirrored on `<html lang>`. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);

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
    return { locale, setLocale, t: (key, values) => format(dictionary[key], values) };
  }, [locale, setLocale]);

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

/** True when `key` is a message key (for codes that come from the server, like `errors.<code>`). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(id, key);
}
