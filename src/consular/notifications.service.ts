import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth.decorators';
import { FieldEncryption } from '../common/crypto/field-encryption.service';
import { ApiError } from '../common/errors';
import { decodeCursor, type Page, type PageQueryDto, toPage } from '../common/pagination';
import { Transactions } from '../database/transactions';
import { NationalitiesService } from '../nationalities/nationalities.service';
import { PersonAccess } from '../people/access/person-access.service';
import { PeopleMover } from '../people/people-mover.service';
import { canMove } from '../people/workflow/case-workflow';
import { ContactsRepository } from './contacts.repository';
import { NOT_A_COUNTRY } from './dto/consular-fields';
import type { CreateNotificationDto } from './dto/notification.dto';
import type { CreatedNotificationView, NotificationView } from './dto/notification.view';
import { assertMayNotify } from './notification-rules';
import { toNotificationView } from './notification.mapper';
import { NotificationsRepository } from './notifications.repository';

/** Caseworkers record that an embassy was told about a person, and read what came of it. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly tx: Transactions,
    private readonly access: PersonAccess,
    private readonly mover: PeopleMover,
    private readonly notifications: NotificationsRepository,
    private readonly contacts: ContactsRepository,
    private readonly nationalities: NationalitiesService,
    private readonly crypto: FieldEncryption,
    private readonly audit: AuditService,
  ) {}

  /**
   * Order: validation (400: the country, the contact, the time), scope (404), then the rules (422,
   * the protection claim first). From presumed_victim the case moves to consular_notified; later
   * notifications (another nationality, a reminder) leave the status and show in the history.
   */
  async create(
    personId: string,
    dto: CreateNotificationDto,
    actor: Principal,
  ): Promise<CreatedNotificationView> {
    if (!this.nationalities.isKnown(dto.countryCode) || NOT_A_COUNTRY.includes(dto.countryCode)) {
      throw ApiError.field(
        'countryCode',
        this.nationalities.isKnown(dto.countryCode) ? 'not_allowed' : 'unknown_code',
        `${dto.countryCode} is not a country that can be notified`,
      );
    }
    return this.tx.run(async (m) => {
      if (dto.contactId) {
        const contact = await this.contacts.find(m, dto.contactId);
        if (contact?.country_code !== dto.countryCode) {
          throw ApiError.field(
            'contactId',
            'unknown_reference',
            `no consular contact with this id represents ${dto.countryCode}`,
          );
        }
      }
      const person = await this.access.loadVisible(m, personId, actor, {
        forUpdate: true,
        allowErased: true,
      });
      if (Date.parse(dto.notifiedAt) < person.rescued_at.getTime()) {
        throw ApiError.field(
          'notifiedAt',
          'conflict',
          'notifiedAt must not be before the rescue (rescuedAt)',
          {
            with: 'rescuedAt',
          },
        );
      }
      assertMayNotify(person, dto.countryCode);

      const row = await this.notifications.insert(m, {
        id: randomUUID(),
        personId,
        countryCode: dto.countryCode,
        contactId: dto.contactId ?? null,
        channel: dto.channel,
        notifiedAt: dto.notifiedAt,
        createdBy: actor.id,
      });
      const event = { type: 'consular_notification' as const, id: row.id };
      const action = 'consular.notify';
      let versions: Map<string, number>;
      if (canMove(person.status, 'consular_notified', 'consular_notification')) {
        versions = await this.mover.move(m, [person], 'consular_notified', {
          trigger: 'consular_notification',
          actor,
          at: new Date(),
          event,
        });
        // The move is audited as a transition; the notification gets its own entry, as when touched.
        await this.audit.record(m, {
          actor,
          action,
          entityType: 'person',
          entityId: personId,
          details: { event },
        });
      } else {
        versions = await this.mover.touch(m, [personId], { actor, event, action });
      }
      return { ...toNotificationView(row, this.crypto), personVersion: versions.get(personId)! };
    });
  }

  /** The case page's list of notifications, newest first; an audited read of the person. */
  async list(personId: string, query: PageQueryDto, actor: Principal): Promise<Page<NotificationView>> {
    const after = decodeCursor(query.cursor);
    return this.tx.run(async (m) => {
      await this.access.loadVisible(m, personId, actor, { allowErased: true });
      const rows = await this.notifications.pageForPerson(m, personId, query.limit, after);
      await this.audit.record(m, {
        actor,
        action: 'consular.notifications.read',
        entityType: 'person',
        entityId: personId,
      });
      return toPage(
        rows,
        query.limit,
        (r) => ({ at: r.notified_at.toISOString(), id: r.id }),
        (r) => toNotificationView(r, this.crypto),
      );
    });
  }
}
