// Format 3: the project's risk block (risk-model.md §R1). One row when the project has a block
// (or an explicit null), none when it has not; older files gain no row. The block is stored as
// its JSON text with every number literal as written: it is one self-contained document the
// simulation reads whole, never queried field by field.

export const version = 3;

export const statements: readonly string[] = [
  `CREATE TABLE risk (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    block TEXT,
    block_form TEXT NOT NULL CHECK (block_form IN ('v','z')),
    CHECK ((block_form = 'v') = (block IS NOT NULL))
  ) STRICT`,
];
