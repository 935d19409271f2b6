import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CASE_STAFF } from '../common/roles';

/** What other features may ask about users (people: whether someone may be given a case). */
@Injectable()
export class UserLookup {
  /**
   * Whether the user exists, is not disabled and works cases (admin, supervisor, caseworker). The row
   * is share-locked until the caller's transaction ends, so a concurrent disable or role change
   * waits for the assignment and cannot slip in between the check and the write.
   */
  async isActiveCaseStaff(m: EntityManager, id: string): Promise<boolean> {
    const rows = (await m.query(
      `SELECT 1 FROM users WHERE id = $1 AND NOT disabled AND role = ANY($2::text[]) FOR SHARE`,
      [id, CASE_STAFF],
    )) as unknown[];
    return rows.length > 0;
  }
}
