import { Injectable } from '@nestjs/common';
import { Principal } from '../common/auth.decorators';
import { ApiError } from '../common/errors';
import { expectedVersion } from '../common/if-match';
import { Transactions } from '../database/transactions';
import { assertNotErased, PersonAccess } from './access/person-access.service';
import { PersonView } from './dto/person.view';
import { TransitionDto } from './dto/transition.dto';
import { PeopleRepository } from './people.repository';
import { PeopleMover } from './people-mover.service';
import {
  allowedTargets,
  canMove,
  type CaseStatus,
  type CloseReason,
  EVENT_ROUTES,
  eventsInto,
  mayMoveTo,
} from './workflow/case-workflow';

/**
 * 422 for a move the graph refuses. A target that only an event reaches (a departure, a consular
 * notification) says which event and where it is recorded, so the caller is sent there.
 */
function invalidTransition(from: CaseStatus, to: CaseStatus, allowed: CaseStatus[]): ApiError {
  const here = `allowed from ${from}: ${allowed.join(', ') || 'none'}`;
  const events = eventsInto(to, from);
  if (!events.length) {
    return ApiError.rule('INVALID_TRANSITION', `A case in ${from} cannot move to ${to} here; ${here}`);
  }
  const through = events.map((e) => `${EVENT_ROUTES[e].what} (${EVENT_ROUTES[e].route})`).join(' or ');
  const message = `A case moves to ${to} only when ${through} is recorded, not by a transition; ${here}`;
  return ApiError.rule('INVALID_TRANSITION', message, [
    {
      field: 'to',
      code: 'event_only',
      message,
      params: { events, routes: events.map((e) => EVENT_ROUTES[e].route) },
    },
  ]);
}

@Injectable()
export class TransitionsService {
  constructor(
    private readonly tx: Transactions,
    private readonly access: PersonAccess,
    private readonly mover: PeopleMover,
    private readonly people: PeopleRepository,
  ) {}

  /**
   * A manual move along the workflow. Order: scope (404), If-Match (428/412), role for the target (403),
   * erased (422 PERSON_ERASED), graph (422 INVALID_TRANSITION).
   */
  async transition(
    id: string,
    dto: TransitionDto,
    ifMatch: string | undefined,
    actor: Principal,
  ): Promise<PersonView> {
    return this.tx.run(async (m) => {
      const person = await this.access.loadVisible(m, id, actor, { forUpdate: true, allowErased: true });
      expectedVersion(ifMatch, person.version);
      if (!mayMoveTo(actor.role, dto.to)) {
        throw ApiError.forbidden(`Only a supervisor or admin may move a case to ${dto.to}`);
      }
      assertNotErased(person);
      const from = person.status;
      if (!canMove(from, dto.to, 'manual', person.hold_return_status)) {
        throw invalidTransition(from, dto.to, allowedTargets(from, 'manual', person.hold_return_status));
      }
      const closing = dto.to === 'closed';
      // The row is locked already (loadVisible forUpdate) and holds every column a move reads.
      await this.mover.move(m, [person], dto.to, {
        trigger: 'manual',
        actor,
        at: new Date(),
        closeReason: closing ? (dto.reason as CloseReason) : undefined,
        reason: closing ? undefined : dto.reason,
        note: dto.note,
      });
      return this.access.staffView((await this.people.find(m, id))!, actor);
    });
  }
}
