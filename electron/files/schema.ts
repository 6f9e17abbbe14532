// The schema objects (tables, indexes) an Orebridge file of each format version holds.
import { CURRENT_FORMAT_VERSION } from './format.ts';
import { migrate } from './migrations/index.ts';
import { openMemoryDatabase } from './sqlite.ts';

export interface SchemaObject {
  type: string;
  name: string;
  tableName: string;
  sql: string | null;
}

/** Built by running the migrations on an empty database, so it always matches what we create. */
export function expectedSchema(formatVersion: number): SchemaObject[] {
  const db = openMemoryDatabase();
  try {
    migrate(db, formatVersion);
    return db.prepare('SELECT type, name, tbl_name AS tableName, sql FROM sqlite_schema').all() as SchemaObject[];
  } finally {
    db.close();
  }
}

/**
 * The current format's schema, built once when the module loads (running the migrations takes a
 * few ms, and nearly every file opened is of the current format); older formats as above.
 */
const CURRENT_SCHEMA: readonly SchemaObject[] = Object.freeze(expectedSchema(CURRENT_FORMAT_VERSION).map((object) => Object.freeze(object)));

export function schemaOfFormat(formatVersion: number): readonly SchemaObject[] {
  return formatVersion === CURRENT_FORMAT_VERSION ? CURRENT_SCHEMA : expectedSchema(formatVersion);
}
