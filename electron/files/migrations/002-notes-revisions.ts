// Format 2: file metadata next to the interchange content. Notes move to their own table with a
// `private` flag, scenarios get an `internal` flag (both decide what "save a copy to share"
// keeps), and revisions record a structure's terms at a negotiation round.

export const version = 2;

export const statements: readonly string[] = [
  `CREATE TABLE notes (
    owner_kind TEXT NOT NULL CHECK (owner_kind IN ('project','structure','scenario')),
    owner_id TEXT NOT NULL,
    body TEXT,
    body_form TEXT NOT NULL CHECK (body_form IN ('v','z')),
    private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0,1)),
    PRIMARY KEY (owner_kind, owner_id)
  ) STRICT`,
  `INSERT INTO notes (owner_kind, owner_id, body, body_form)
     SELECT 'project', '', notes, notes_form FROM project WHERE notes_form <> 'a'`,
  `INSERT INTO notes (owner_kind, owner_id, body, body_form)
     SELECT 'structure', id, notes, notes_form FROM structures WHERE notes_form <> 'a'`,
  `INSERT INTO notes (owner_kind, owner_id, body, body_form)
     SELECT 'scenario', id, notes, notes_form FROM scenarios WHERE notes_form <> 'a'`,
  `ALTER TABLE project DROP COLUMN notes`,
  `ALTER TABLE project DROP COLUMN notes_form`,
  `ALTER TABLE structures DROP COLUMN notes`,
  `ALTER TABLE structures DROP COLUMN notes_form`,
  `ALTER TABLE scenarios DROP COLUMN notes`,
  `ALTER TABLE scenarios DROP COLUMN notes_form`,
  `ALTER TABLE scenarios ADD COLUMN internal INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0,1))`,
  `CREATE TABLE revisions (
    id INTEGER PRIMARY KEY,
    structure_id TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    party TEXT NOT NULL,
    note TEXT,
    snapshot TEXT NOT NULL
  ) STRICT`,
];
