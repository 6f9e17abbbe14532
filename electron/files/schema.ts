// The schema objects (tables, indexes) an Orebridge file of each format version holds.
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
