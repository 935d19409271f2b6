import { Module, OnModuleInit } from '@nestjs/common';
import { PersonErasureHooks } from '../people/erasure-hooks';
import { PeopleModule } from '../people/people.module';
import { ContactLookup } from './contact-lookup.service';
import { ContactsController } from './contacts.controller';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';
import { EmbassyCasesController } from './embassy-cases.controller';
import { EmbassyCasesService } from './embassy-cases.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/**
 * Consular coordination: contacts, notifications, and the embassy's side of a case. People are seen
 * through PersonAccess and moved through PeopleMover; this module writes only its own two tables.
 */
@Module({
  imports: [PeopleModule],
  controllers: [ContactsController, NotificationsController, EmbassyCasesController],
  providers: [
    ContactsRepository,
    ContactsService,
    NotificationsRepository,
    NotificationsService,
    EmbassyCasesService,
    ContactLookup,
  ],
  exports: [ContactLookup],
})
export class ConsularModule implements OnModuleInit {
  constructor(
    private readonly erasure: PersonErasureHooks,
    private readonly notifications: NotificationsRepository,
  ) {}

  onModuleInit(): void {
    this.erasure.register(this.notifications);
  }
}
