import { Module, OnModuleInit } from '@nestjs/common';
import { PersonErasureHooks } from '../people/erasure-hooks';
import { PeopleModule } from '../people/people.module';
import { ContactLookup } from './contact-lookup.service';
import { NotificationsRepository } from './notifications.repository';

/** Consular coordination: contacts, notifications, and the embassy's side of a case. */
@Module({
  imports: [PeopleModule],
  providers: [NotificationsRepository, ContactLookup],
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
