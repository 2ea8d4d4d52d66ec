import { useModuleT, type Locale, type ModuleTranslate } from '../../../lib/i18n';
import { notificationsEn } from './en';
import { notificationsId, type NotificationsKey } from './id';

const DICTIONARIES: Record<Locale, Record<NotificationsKey, string>> = { id: notificationsId, en: notificationsEn };

/** The translate function of the notification bell: its own keys first, then the platform's. */
export function useNotificationsT(): ModuleTranslate<NotificationsKey> {
  return useModuleT(DICTIONARIES);
}
