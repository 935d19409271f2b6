import type { TFunction } from 'i18next';
import type { components } from '../../api/schema';

type Actor = components['schemas']['ActorView'] | null;

/** "Demo Caseworker (Caseworker)"; the system when no user acted (a load, a seed). */
export function actorLabel(actor: Actor, t: TFunction): string {
  if (!actor) return t('people.case.system');
  const name = actor.displayName ?? t('people.case.unknownUser');
  return actor.role ? `${name} (${t(`shell.roles.${actor.role}`)})` : name;
}
