import type { Role } from '../../api/client';
import { useSession } from '../../auth/session';

/** The signed-in user's role (the case page is only reached signed in). */
export function useCurrentRole(): Role | undefined {
  const session = useSession();
  return session.status === 'signed_in' ? session.user.role : undefined;
}
