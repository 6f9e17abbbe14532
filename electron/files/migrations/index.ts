// The migrations, one per file, applied in order in one transaction.
import type { Database } from '../sqlite.ts';
import { APPLICATION_ID, CURRENT_FORMAT_VERSION } from '../format.ts';
import * as interchangeTables from './001-interchange-tables.ts';
import * as notesRevisions from './002-notes-revisions.ts';
import * as risk from './003-risk.ts';
import * as version2Terms from './004-version2-terms.ts';
import * as negotiation from './005-negotiation.ts';
import * as roundResultsPlaceholders from './006-round-results-placeholders.ts';

export interface Migration {
  version: number;
  statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [interchangeTables, notesRevisions, risk, version2Terms, negotiation, roundResultsPlaceholders];

/** Brings `db` from its user_version to `target` (default: the current format) in one transaction. */
export function migrate(db: Database, target: number = CURRENT_FORMAT_VERSION): void {
  const from = Number(db.pragma('user_version', { simple: true }));
  if (from > target) throw new Error(`cannot migrate format ${from} down to ${target}`);
  if (from === target) return;
  const run = db.transaction(() => {
    if (from === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
    for (const migration of MIGRATIONS) {
      if (migration.version <= from || migration.version > target) continue;
      for (const statement of migration.statements) db.exec(statement);
    }
    db.pragma(`user_version = ${target}`);
  });
  run();
}
