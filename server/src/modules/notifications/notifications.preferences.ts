import { FieldError } from '../../platform/errors.js';
import type { Ctx, Platform } from '../../platform/index.js';
import type { NotificationKind } from '../../platform/notify.js';
import type { NotificationAccounts } from './notifications.audience.js';
import { MAILS_PER_HOUR, signedInUser } from './notifications.policy.js';
import { presentPreferences } from './notifications.present.js';
import { notificationsRepo } from './notifications.repo.js';
import type { PreferencesBody, PreferencesView } from './notifications.schema.js';

/** Each account's choice of e-mail per kind; a kind never chosen follows its declared default. */
export function createPreferenceService(platform: Platform, deps: { accounts: NotificationAccounts; kinds: readonly NotificationKind[] }) {
  const { db } = platform;
  const { accounts, kinds } = deps;
  const byName = new Map(kinds.map((k) => [k.name, k]));

  async function chosen(userId: string): Promise<Map<string, boolean>> {
    return new Map((await notificationsRepo.preferences(db, userId)).map((p) => [p.kind, p.email]));
  }

  async function view(userId: string): Promise<PreferencesView> {
    const emailAvailable = platform.mail.enabled && (await accounts.mailAddressOf(userId)) !== null;
    return presentPreferences(kinds, await chosen(userId), emailAvailable, MAILS_PER_HOUR);
  }


  return {
    /** Whether this account wants this kind by e-mail (for delivery). */
    async emailWanted(userId: string, kind: string): Promise<boolean> {
      return (await chosen(userId)).get(kind) ?? byName.get(kind)?.emailByDefault ?? false;
    },

    get: (ctx: Ctx): Promise<PreferencesView> => view(signedInUser(ctx)),

    /** Saves the choices given (others are left as they are); an unknown kind refuses the whole change. */
    async put(ctx: Ctx, body: PreferencesBody): Promise<PreferencesView> {
      const userId = signedInUser(ctx);
      const seen = new Set<string>();
      body.kinds.forEach((c, i) => {
        if (!byName.has(c.kind)) throw new FieldError(`body.kinds.${i}.kind`, `Jenis pemberitahuan "${c.kind}" tidak dikenal.`, 'unknown_kind');
        if (seen.has(c.kind)) throw new FieldError(`body.kinds.${i}.kind`, `Jenis pemberitahuan "${c.kind}" disebut dua kali.`, 'duplicate_kind');
        seen.add(c.kind);
      });
      await notificationsRepo.savePreferences(db, userId, body.kinds);
      return view(userId);
    },
  };
}
