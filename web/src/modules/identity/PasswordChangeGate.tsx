import { Navigate, useLocation } from 'react-router';
import { useMe } from './session';

const CHANGE_PATH = '/ganti-sandi';

/**
 * Sends a user whose administrator gave them a temporary password to change it before anything
 * else (the server says so in `mustChangePassword`); renders nothing otherwise.
 */
export function PasswordChangeGate() {
  const { data: me } = useMe();
  const location = useLocation();
  if (!me?.mustChangePassword || location.pathname === CHANGE_PATH) return null;
  return <Navigate replace to={`${CHANGE_PATH}?next=${encodeURIComponent(location.pathname + location.search)}`} />;
}
