import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth.decorators';
import { FieldEncryption } from '../common/crypto/field-encryption.service';
import { ApiError } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination';
import { Transactions } from '../database/transactions';
import { PersonAccess } from '../people/access/person-access.service';
import { PersonReadLog } from '../people/access/person-reads';
import type { PersonRow, PersonSummaryRow } from '../people/people.repository';
import { PeopleMover } from '../people/people-mover.service';
import { canMove, type CaseStatus } from '../people/workflow/case-workflow';
import type {
  AcknowledgeDto,
  IdentityVerificationDto,
  ListCasesQueryDto,
  TravelDocumentDto,
} from './dto/notification.dto';
import type { ConsularCaseView } from './dto/notification.view';
import { toEmbassyNotification, TRAVEL_DOCUMENT_NUMBER } from './notification.mapper';
import { NotificationRow, NotificationsRepository } from './notifications.repository';

/**
 * The embassy's side of a case. Who the officer may see is PersonAccess's answer (own nationals who
 * asked for their embassy, no protection claim, not erased); anyone else is a 404 like a missing
 * record. Every read and every action is audited in its own transaction.
 */
@Injectable()
export class EmbassyCasesService {
  constructor(
    private readonly tx: Transactions,
    private readonly access: PersonAccess,
    private readonly mover: PeopleMover,
    private readonly notifications: NotificationsRepository,
    private readonly crypto: FieldEncryption,
    private readonly audit: AuditService,
    private readonly reads: PersonReadLog,
  ) {}

  /** A page of the officer's cases; every person shown gets an audit entry, as in the people list. */
  async list(query: ListCasesQueryDto, actor: Principal): Promise<Page<ConsularCaseView>> {
    const after = decodeCursor(query.cursor);
    // An officer of one country: the list walks that nationality's index instead of all people.
    const own = actor.nationalities;
    const filter = {
      status: query.status ? [query.status] : undefined,
      nationality: own.length === 1 ? own : undefined,
    };
    return this.tx.run(async (m) => {
      const rows = await this.access.page(m, actor, filter, query.limit, {
        key: 'createdAt',
        direction: 'desc',
        after: after && { value: after.at, id: after.id },
      });
      const shown = rows.slice(0, query.limit);
      const latest = await this.notifications.latestTo(
        m,
        shown.map((r) => r.id),
        own,
      );
      await this.reads.record(m, actor, { action: 'person.list', personIds: shown.map((r) => r.id) });
      return toPage(
        rows,
        query.limit,
        (r) => ({ at: r.created_at.toISOString(), id: r.id }),
        (r) => this.view(r, latest.get(r.id), actor),
      );
    });
  }

  async get(id: string, actor: Principal): Promise<ConsularCaseView> {
    return this.tx.run(async (m) => {
      const person = await this.access.loadVisible(m, id, actor);
      await this.reads.record(m, actor, { action: 'person.read', personIds: [id] });
      return this.current(m, person, actor);
    });
  }

  /** The embassy has received the notification: no status change, a history entry and a new version. */
  async acknowledge(id: string, dto: AcknowledgeDto, actor: Principal): Promise<ConsularCaseView> {
    return this.tx.run(async (m) => {
      const person = await this.access.loadVisible(m, id, actor, { forUpdate: true });
      const notification = await this.notificationOf(m, id, actor);
      await this.notifications.acknowledge(m, notification.id, actor.id, dto.note);
      await this.mover.touch(m, [id], {
        actor,
        event: { type: 'consular_acknowledgement', id: notification.id },
        action: 'consular.acknowledge',
      });
      return this.reread(m, person.id, actor);
    });
  }

  async verifyIdentity(
    id: string,
    dto: IdentityVerificationDto,
    actor: Principal,
  ): Promise<ConsularCaseView> {
    return this.tx.run(async (m) => {
      const person = await this.access.loadVisible(m, id, actor, { forUpdate: true });
      this.assertCanMove(person, 'identity_verified');
      const notification = await this.notificationOf(m, id, actor);
      await this.notifications.verifyIdentity(m, notification.id, actor.id, dto.note);
      await this.mover.confirmNationality(m, person.id, notification.country_code);
      await this.moveBy(m, person, 'identity_verified', actor, 'consular.verify_identity', {
        type: 'identity_verification',
        id: notification.id,
      });
      return this.reread(m, person.id, actor);
    });
  }

  async issueTravelDocument(id: string, dto: TravelDocumentDto, actor: Principal): Promise<ConsularCaseView> {
    return this.tx.run(async (m) => {
      const person = await this.access.loadVisible(m, id, actor, { forUpdate: true });
      this.assertCanMove(person, 'documents_issued');
      const notification = await this.notificationOf(m, id, actor);
      await this.notifications.recordTravelDocument(m, notification.id, {
        type: dto.type,
        numberEnc: this.crypto.seal(TRAVEL_DOCUMENT_NUMBER, notification.id, dto.number),
        numberBidx: this.crypto.blindIndex(dto.number),
        expiresAt: dto.expiresAt,
      });
      await this.moveBy(m, person, 'documents_issued', actor, 'consular.issue_travel_document', {
        type: 'travel_document',
        id: notification.id,
      });
      return this.reread(m, person.id, actor);
    });
  }

  /** An action's status effect must be an edge of the graph for the embassy (DESIGN.md §3). */
  private assertCanMove(person: PersonRow, to: CaseStatus): void {
    if (!canMove(person.status, to, 'embassy_action', person.hold_return_status)) {
      throw ApiError.rule('INVALID_TRANSITION', `A case in ${person.status} cannot move to ${to}`);
    }
  }

  /** The notification an action belongs to: the latest to one of the officer's countries. */
  private async notificationOf(
    m: EntityManager,
    personId: string,
    actor: Principal,
  ): Promise<NotificationRow> {
    const row = await this.notifications.latestToForUpdate(m, personId, actor.nationalities);
    if (!row) {
      throw ApiError.rule('NOT_NOTIFIED', 'Your embassy has not been notified about this person');
    }
    return row;
  }

  /** The move is audited as a transition by the mover; the embassy's act gets its own entry. */
  private async moveBy(
    m: EntityManager,
    person: PersonRow,
    to: CaseStatus,
    actor: Principal,
    action: string,
    event: { type: 'identity_verification' | 'travel_document'; id: string },
  ): Promise<void> {
    await this.mover.move(m, [person], to, { trigger: 'embassy_action', actor, at: new Date(), event });
    await this.audit.record(m, {
      actor,
      action,
      entityType: 'person',
      entityId: person.id,
      details: { event },
    });
  }

  /** The case as it stands after an action (still in scope: no action changes consent or claim). */
  private async reread(m: EntityManager, id: string, actor: Principal): Promise<ConsularCaseView> {
    return this.current(m, await this.access.loadVisible(m, id, actor), actor);
  }

  private async current(m: EntityManager, person: PersonRow, actor: Principal): Promise<ConsularCaseView> {
    const latest = await this.notifications.latestTo(m, [person.id], actor.nationalities);
    return this.view(person, latest.get(person.id), actor);
  }

  private view(
    person: PersonSummaryRow,
    notification: NotificationRow | undefined,
    actor: Principal,
  ): ConsularCaseView {
    return {
      ...this.access.consularView(person, actor),
      notification: notification ? toEmbassyNotification(notification, this.crypto) : null,
    };
  }
}
