import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth.decorators';
import { CompoundsService } from '../compounds/compounds.service';
import { ContactsService } from '../consular/contacts.service';
import { EmbassyCasesService } from '../consular/embassy-cases.service';
import { NotificationsService } from '../consular/notifications.service';
import { HandoverRecorder } from '../handovers/handover-recorder.service';
import { PeopleService } from '../people/people.service';
import { TransitionsService } from '../people/transitions.service';
import { type CaseStatus, ROAD_HOME } from '../people/workflow/case-workflow';
import { DEMO_COMPOUNDS, DEMO_CONTACTS, demoName, pick } from './demo-data';

/** How one demo case goes: the case worker, the embassy and the handovers each do their part. */
export interface CaseScript {
  nationality: string;
  compound: string;
  rescuedAt: string;
  consentToNotify: boolean;
  /** The status to bring the case to, through the real workflow. */
  target: CaseStatus;
}

const DAY = 86_400_000;
const isoPlus = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();

/**
 * The demo's cases, made the way real ones are: through the app's own services (intake, transitions,
 * consular notification, the embassy's actions, handover events), so the data holds every history
 * entry, audit entry and side effect a real case would.
 */
export class DemoStory {
  private readonly people: PeopleService;
  private readonly transitions: TransitionsService;
  private readonly notifications: NotificationsService;
  private readonly embassy: EmbassyCasesService;
  private readonly handovers: HandoverRecorder;
  readonly compounds: Record<string, string> = {};
  private readonly contacts: Record<string, string> = {};
  private serial = 0;

  constructor(
    private readonly app: INestApplicationContext,
    private readonly actors: Record<'admin' | 'supervisor' | 'caseworker' | 'THA' | 'PHL', Principal>,
  ) {
    this.people = app.get(PeopleService);
    this.transitions = app.get(TransitionsService);
    this.notifications = app.get(NotificationsService);
    this.embassy = app.get(EmbassyCasesService);
    this.handovers = app.get(HandoverRecorder);
  }

  async places(): Promise<void> {
    for (const { key, ...compound } of DEMO_COMPOUNDS) {
      const created = await this.app
        .get(CompoundsService)
        .create({ ...compound, aliases: [...compound.aliases] }, this.actors.caseworker);
      this.compounds[key] = created.id;
    }
    for (const contact of DEMO_CONTACTS) {
      const created = await this.app.get(ContactsService).create({ ...contact }, this.actors.caseworker);
      this.contacts[contact.countryCode] = created.id;
    }
  }

  /** Registers a case and moves it as far as the handovers of the story will take it from. */
  async bring(script: CaseScript): Promise<string> {
    const n = this.serial++;
    const name = demoName(script.nationality, n);
    const cw = this.actors.caseworker;
    let person = await this.people.create(
      {
        ...name,
        sex: pick(['female', 'male', 'male', 'female', 'unknown'], n),
        nationalities: [{ code: script.nationality, verified: false }],
        estimatedAge: 17 + (n % 40),
        compoundId: this.compounds[script.compound],
        recruitedVia: pick(['facebook', 'telegram', 'job_site', 'person', 'wechat', 'line', 'tiktok'], n),
        rescuedAt: script.rescuedAt,
        narrative: 'Synthetic demo narrative: recruited through an online job advertisement.',
        consents: { services: true, consularNotification: script.consentToNotify },
      },
      cw,
    );
    const move = async (to: CaseStatus, by: Principal = cw, reason?: string) => {
      person = await this.transitions.transition(person.id, { to, reason }, `"${person.version}"`, by);
    };
    // Off the road home (screened out, a claim, declined, held): screened first, then that step.
    const offRoad = !ROAD_HOME.includes(script.target);
    const path = ROAD_HOME.slice(1, ROAD_HOME.indexOf(offRoad ? 'screening' : script.target) + 1);
    for (const step of path) {
      if (step === 'consular_notified') {
        await this.notifications.create(
          person.id,
          {
            countryCode: script.nationality,
            contactId: this.contacts[script.nationality],
            channel: 'email',
            notifiedAt: isoPlus(script.rescuedAt, 1 + (n % 6)),
          },
          cw,
        );
        person = await this.people.get(person.id, cw);
      } else if (step === 'identity_verified' && this.embassyOf(script.nationality)) {
        await this.embassy.verifyIdentity(person.id, { verified: true }, this.embassyOf(script.nationality)!);
        person = await this.people.get(person.id, cw);
      } else if (step === 'documents_issued' && this.embassyOf(script.nationality)) {
        await this.embassy.issueTravelDocument(
          person.id,
          {
            type: 'emergency_travel_document',
            number: `ETD-${script.nationality}-${String(100000 + n)}`,
            expiresAt: '2027-12-31',
          },
          this.embassyOf(script.nationality)!,
        );
        person = await this.people.get(person.id, cw);
      } else await move(step);
    }
    if (offRoad) await move(script.target, script.target === 'not_victim' ? this.actors.supervisor : cw);
    return person.id;
  }

  /** A supervisor closes a case that is home (the reason is required). */
  async close(personId: string, reason: 'reintegrated'): Promise<void> {
    const person = await this.people.get(personId, this.actors.supervisor);
    await this.transitions.transition(
      personId,
      { to: 'closed', reason },
      `"${person.version}"`,
      this.actors.supervisor,
    );
  }

  /** A handover event, after a dry run that must come back clean (as a caseworker would do it). */
  async handover(
    type: 'border_handover' | 'repatriation_departure' | 'arrival_home',
    occurredAt: string,
    personIds: string[],
    parties: { place: string; countryCode: string; fromParty: string; toParty: string },
  ): Promise<void> {
    const dto = { type, occurredAt, ...parties, people: personIds.map((personId) => ({ personId })) };
    const dry = await this.handovers.dryRun(dto, this.actors.caseworker);
    if (!dry.valid) throw new Error(`demo ${type} would refuse ${JSON.stringify(dry.offenders.slice(0, 3))}`);
    await this.handovers.record(dto, this.actors.caseworker);
  }

  /**
   * Makes the demo's clocks tell a story: the embassy acted days after notification (not today, when
   * the seed ran), and some cases have waited longer than their stage allows (the supervisor's
   * morning list). Synthetic data only; the app never back-dates its own records.
   */
  async age(overdueIds: string[]): Promise<void> {
    const db = this.app.get(DataSource);
    await db.query(`UPDATE consular_notifications n SET
        acknowledged_at = CASE WHEN acknowledged_at IS NOT NULL THEN notified_at + interval '1 day' END,
        identity_verified_at = CASE WHEN identity_verified_at IS NOT NULL
          THEN notified_at + (2 + abs(hashtext(id::text)) % 12) * interval '1 day' END,
        travel_document_issued_at = CASE WHEN travel_document_issued_at IS NOT NULL
          THEN notified_at + (14 + abs(hashtext(id::text)) % 5) * interval '1 day' END`);
    await db.query(
      `UPDATE people SET status_since = status_since - interval '30 days' WHERE id = ANY($1::uuid[])`,
      [overdueIds],
    );
  }

  private embassyOf(nationality: string): Principal | undefined {
    return nationality === 'THA' ? this.actors.THA : nationality === 'PHL' ? this.actors.PHL : undefined;
  }
}

export type DemoActors = ConstructorParameters<typeof DemoStory>[1];
