import type { PersonSummaryView, PersonView } from './dto/person.view';
import type { FieldEncryption } from '../common/crypto/field-encryption.service';
import type { PersonRow, PersonSummaryRow } from './people.repository';
import type { RecruitedVia, Sex, Vulnerability } from './dto/person-fields';
import type { Role } from '../common/roles';
import { choosableTargets } from './workflow/case-workflow';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The full record; sensitive fields decrypted. Erased records show null for every personal field.
 * `viewerRole`: whose next steps `allowedTransitions` lists (none for an erased record: nothing more
 * may be recorded about the person).
 */
export function toPersonView(row: PersonRow, crypto: FieldEncryption, viewerRole: Role): PersonView {
  const erased = row.erased_at !== null;
  return {
    id: row.id,
    caseNumber: row.case_number,
    status: row.status,
    allowedTransitions: erased ? [] : choosableTargets(viewerRole, row.status, row.hold_return_status),
    version: row.version,
    erased,
    erasedAt: iso(row.erased_at),
    givenName: row.given_name,
    familyName: row.family_name,
    nameNative: row.name_native,
    aliases: erased ? null : row.aliases,
    sex: row.sex as Sex,
    dateOfBirth: row.date_of_birth,
    estimatedAge: row.estimated_age,
    nationalities: row.nationalities,
    languages: erased ? null : row.languages,
    compoundId: row.compound_id,
    recruitedVia: row.recruited_via as RecruitedVia | null,
    traffickedAt: iso(row.trafficked_at),
    rescuedAt: row.rescued_at.toISOString(),
    rescuePlace: row.rescue_place,
    vulnerabilities: erased ? null : (row.vulnerabilities as Vulnerability[]),
    documentNumber: crypto.open('people.document_number', row.id, row.document_number_enc),
    narrative: crypto.open('people.narrative', row.id, row.narrative_enc),
    consents: row.consents,
    assignedCaseworkerId: row.assigned_caseworker_id,
    closedReason: row.closed_reason,
    departedAt: iso(row.departed_at),
    receivedHomeAt: iso(row.received_home_at),
    closedAt: iso(row.closed_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toPersonSummary(row: PersonSummaryRow): PersonSummaryView {
  return {
    id: row.id,
    caseNumber: row.case_number,
    status: row.status,
    version: row.version,
    erased: row.erased_at !== null,
    givenName: row.given_name,
    familyName: row.family_name,
    nameNative: row.name_native,
    sex: row.sex as Sex,
    dateOfBirth: row.date_of_birth,
    estimatedAge: row.estimated_age,
    nationalities: row.nationalities,
    compoundId: row.compound_id,
    rescuedAt: row.rescued_at.toISOString(),
    vulnerabilities: row.erased_at !== null ? null : (row.vulnerabilities as Vulnerability[]),
    assignedCaseworkerId: row.assigned_caseworker_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(row.overdue_since ? { overdueSince: row.overdue_since.toISOString() } : {}),
  };
}
