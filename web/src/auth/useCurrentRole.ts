import type { Role } from '../api/client';
import { useSession } from './session';

/** The signed-in user's role (pages are only reached signed in). */
export function useCurrentRole(): Role | undefined {
  const session = useSession();
  return session.status === 'signed_in' ? session.user.role : undefined;
}
