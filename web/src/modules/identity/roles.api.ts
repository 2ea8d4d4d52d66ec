import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { RoleList, RoleView } from './identity.types';

/**
 * The role catalogue the modules declared (GET /api/roles), for user administrators: every role's
 * labels and description, and whether the caller may grant it. It changes only with a release.
 */
export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ['roles'],
    queryFn: ({ signal }) => api<RoleList>('/api/roles', { signal }),
    staleTime: 30 * 60_000,
    enabled,
  });
}

/** A role's label and description in the interface language, from the catalogue. */
export interface RoleText {
  name: string;
  label: string;
  description: string | null;
  grantable: boolean;
}

/**
 * Turns role names into what the interface shows: the catalogue's label in the current language, or
 * the raw name (no description) while the catalogue loads or for a role no module declares any more.
 */
export function useRoleText(): (name: string) => RoleText {
  const { locale } = useI18n();
  const roles = useRoles();
  const items: readonly RoleView[] | undefined = roles.data?.items;
  return useCallback((name: string) => {
    const role = items?.find((r) => r.name === name);
    return role
      ? { name, label: role.label[locale], description: role.description[locale], grantable: role.grantable }
      : { name, label: name, description: null, grantable: false };
  }, [items, locale]);
}
