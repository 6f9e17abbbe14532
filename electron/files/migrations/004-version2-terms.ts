// Format 4: the methodology-v2 terms of a version-2 project (venture-model.md §11–§15:
// tranches and their drawdowns, price-support contracts, grants, incentives, stabilisation, and
// the fiscal changes of scenarios and shocks). One row when the project is version 2, none for a
// version-1 project (so a version-1 file stays version 1). The terms are stored as one JSON text
// keyed by structure, scenario and shock id, with every number literal exactly as written (decimals
// as text, like the rest), absent and null kept apart.

export const version = 4;

export const statements: readonly string[] = [
  `CREATE TABLE version2_terms (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    document_version TEXT NOT NULL,
    terms TEXT NOT NULL
  ) STRICT`,
];
