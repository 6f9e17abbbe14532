// The file layer's columns come from the field catalogue: every column of the interchange tables
// is some field's (or a key the table adds), and every field a row holds has its column.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { columnsOf } from '../../electron/files/columns.ts';
import { migrate } from '../../electron/files/migrations/index.ts';
import { SCENARIO_ROW, SHOCK_ROW, STRUCTURE_ROW } from '../../electron/files/store-write.ts';

const T = 'structures[].terms';
/** Each table, the catalogue object one row holds, and the columns the table adds (keys, order, file flags). */
const TABLES = [
  ['assumptions', 'assumptions', {}, ['id']],
  ['structures', 'structures[]', STRUCTURE_ROW, ['position']],
  ['partners', `${T}.partners[]`, {}, ['structure_id', 'position']],
  ['fiscal_terms', `${T}.fiscal`, {}, ['structure_id']],
  ['royalty_bands', `${T}.fiscal.royalty.bands[]`, {}, ['structure_id', 'position']],
  ['technology_agreements', `${T}.technology[]`, {}, ['structure_id', 'position']],
  ['technology_fees', `${T}.technology[].fees[]`, {}, ['structure_id', 'agreement_position', 'position']],
  ['offtakes', `${T}.offtake[]`, {}, ['structure_id', 'position']],
  ['scenarios', 'scenarios[]', SCENARIO_ROW, ['position', 'internal']],
  ['shocks', 'shocks[]', SHOCK_ROW, ['position']],
  ['overrides', 'scenarios[].overrides', {}, ['owner_kind', 'owner_id']],
  ['overrides', 'shocks[].overrides', {}, ['owner_kind', 'owner_id']],
  ['reservations', 'negotiation.reservations[]', {}, ['position']],
] as const;

describe('the columns of the project tables', () => {
  const db = new Database(':memory:');
  migrate(db);
  it.each(TABLES)('%s holds exactly the catalogue fields of %s', (table, pattern, parts, added) => {
    const columns = (db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name);
    expect([...added, ...columnsOf(pattern, parts)].sort()).toEqual([...columns].sort());
  });
});
