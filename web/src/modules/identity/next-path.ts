/** The in-app path to return to after sign-in; anything that could leave the site becomes "/". */
export function safeNextPath(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw.startsWith('/masuk') || raw.startsWith('/daftar')) return '/';
  return raw;
}
