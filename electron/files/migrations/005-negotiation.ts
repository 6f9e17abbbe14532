// Format 5: the project's negotiation block (docs/decisions.md, "Negotiation"): one row in
// `negotiation` when the project has a block (or an explicit null), none when it has not; one
// row per party's reservation, each minimum stored as the decimal text it was written with and
// its form ('n' number, 's' decimal string, 'z' null, 'a' absent), as in format 1.

const optionalDecimal = (column: string): string =>
  `${column} TEXT, ${column}_form TEXT NOT NULL CHECK (${column}_form IN ('n','s','z','a'))`;

export const version = 5;

export const statements: readonly string[] = [
  `CREATE TABLE negotiation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    block_form TEXT NOT NULL CHECK (block_form IN ('v','z'))
  ) STRICT`,
  `CREATE TABLE reservations (
    position INTEGER PRIMARY KEY,
    party TEXT NOT NULL,
    ${optionalDecimal('min_pv')},
    ${optionalDecimal('min_irr')},
    ${optionalDecimal('min_npv_at_hurdle')},
    ${optionalDecimal('min_government_take')},
    ${optionalDecimal('weight')}
  ) STRICT`,
];
