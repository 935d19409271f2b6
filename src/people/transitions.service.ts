import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../common/auth.decorators';
import { ApiError } from '../common/errors';
import { expectedVersion, versionMismatch } from '../common/if-match';
import { FieldEncryption } from '../common/crypto/field-encryption.service';
import { PersonView } from './dto/person.view';
import { TransitionDto } from './dto/transition.dto';
import { PeopleRepository } from './people.repository';
import { PersonHistory } from './person-history';
import { toPersonView } from './person.mapper';
import { allowedTargets, canMove, mayMoveTo } from './workflow/case-workflow';
import { Transactions } from '../database/transactions';

@Injectable()
export class TransitionsService {
  constructor(
    private readonly tx: Transactions,
    private readonly people: PeopleRepository,
    private readonly history: PersonHistory,
    private readonly crypto: FieldEncryption,
    private readonly audit: AuditService,
  ) {}

  /**
   * A manual move along the workflow. Order: scope (404), If-Match (428/412), role for the target
   * (403), graph (422 INVALID_TRANSITION).
   */
  async transition(
    id: string,
    dto: TransitionDto,
    ifMatch: string | undefined,
    actor: Principal,
  ): Promise<PersonView> {
    return this.tx.run(async (m) => {
      const person = await this.people.find(m, id);
      if (!person) throw ApiError.notFound('Person');
      const version = expectedVersion(ifMatch, person.version);
      if (!mayMoveTo(actor.role, dto.to)) {
        throw ApiError.forbidden(`Only a supervisor or admin may move a case to ${dto.to}`);
      }
      const from = person.status;
      if (!canMove(from, dto.to, 'manual', person.hold_return_status)) {
        const allowed = allowedTargets(from, 'manual', person.hold_return_status);
        throw ApiError.rule(
          'INVALID_TRANSITION',
          `A case in ${from} cannot move to ${dto.to} here; allowed: ${allowed.join(', ') || 'none'}`,
        );
      }

      const columns: Record<string, unknown> = { status: dto.to };
      if (dto.to === 'on_hold') columns.hold_return_status = from;
      if (from === 'on_hold') columns.hold_return_status = null;
      if (dto.to === 'closed')
        Object.assign(columns, { closed_reason: dto.reason, closed_at: new Date().toISOString() });
      if (from === 'closed') Object.assign(columns, { closed_reason: null, closed_at: null });

      if ((await this.people.update(m, id, version, columns)) === undefined) throw versionMismatch();
      await this.history.add(m, {
        personId: id,
        kind: 'status_change',
        actorId: actor.id,
        fromStatus: from,
        toStatus: dto.to,
        reason: dto.reason,
        note: dto.note,
      });
      await this.audit.record(m, {
        actor,
        action: 'person.transition',
        entityType: 'person',
        entityId: id,
        // A closing reason is a code; any other reason is free text and stays out of the audit log.
        details: { from, to: dto.to, reason: dto.to === 'closed' ? dto.reason : undefined },
      });
      return toPersonView((await this.people.find(m, id))!, this.crypto);
    });
  }
}
