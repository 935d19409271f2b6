/**
 * Who did something, for the features that show it (history, consents, access log, audit): a join on
 * users inside the reader's own statement, so a page of entries costs one statement, not one query
 * per entry. The users module owns the table; this is where its columns are named for the others.
 *
 * `alias`: the join's alias, unique in the statement; `idColumn`: the column holding the user id;
 * `roleColumn`: a role recorded with the act (audit), else the user's current role.
 */
export const actorJoin = (alias: string, idColumn: string): string =>
  `LEFT JOIN users ${alias} ON ${alias}.id = ${idColumn}`;

/** `{ id, displayName, role }` as JSON, or NULL when the act had no actor (a failed sign-in). */
export const actorJson = (alias: string, idColumn: string, roleColumn?: string): string =>
  `CASE WHEN ${idColumn} IS NULL THEN NULL ELSE json_build_object(
     'id', ${idColumn}, 'displayName', ${alias}.display_name, 'role', ${roleColumn ?? `${alias}.role`}) END`;
