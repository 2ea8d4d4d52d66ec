import { useNavigate, useSearchParams } from 'react-router';

/** The in-app path to return to after sign-in; anything that could leave the site becomes "/". */
export function safeNextPath(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw.startsWith('/masuk') || raw.startsWith('/daftar')) return '/';
  return raw;
}

/**
 * The page's `?next=` target and a way to go there, replacing the current entry so Back does not
 * return to a form already done. `asked` says whether the address carried a target at all.
 */
export function useNextPath() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNextPath(params.get('next'));
  return { next, asked: Boolean(params.get('next')), goNext: () => navigate(next, { replace: true }) };
}
