// Loads better-sqlite3 on first use, so modules that never open a database do not pay for it.
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

export type Database = BetterSqlite3.Database;
type DatabaseConstructor = typeof BetterSqlite3;

const requireFromHere = createRequire(import.meta.url);

export function sqlite(): DatabaseConstructor {
  // require() caches the module, so this costs one lookup after the first call.
  return requireFromHere('better-sqlite3') as DatabaseConstructor;
}

/** Opens (or creates) a database file we own, with the settings every working copy uses. */
export function openOwnDatabase(path: string): Database {
  const Database = sqlite();
  const db = new Database(path);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('trusted_schema = OFF');
  return db;
}

/** A fresh in-memory database with our settings. */
export function openMemoryDatabase(): Database {
  const Database = sqlite();
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.pragma('trusted_schema = OFF');
  return db;
}
