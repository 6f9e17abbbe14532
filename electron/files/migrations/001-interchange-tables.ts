// Format 1: the interchange project as relational tables.
//
// Every number (whole numbers such as years included) is stored as the text it was written
// with, and `<column>_form` says how it was written: 'n' a JSON number, 's' a decimal string,
// 'z' null, 'a' absent. Optional strings and objects use 'v' (a value), 'z' (null) or 'a'
// (absent). So an export gives back exactly the document that was imported.

const decimal = (column: string): string =>
  `${column} TEXT NOT NULL, ${column}_form TEXT NOT NULL CHECK (${column}_form IN ('n','s'))`;
const optionalDecimal = (column: string): string =>
  `${column} TEXT, ${column}_form TEXT NOT NULL CHECK (${column}_form IN ('n','s','z','a'))`;
const optionalText = (column: string): string =>
  `${column} TEXT, ${column}_form TEXT NOT NULL CHECK (${column}_form IN ('v','z','a'))`;
const presence = (column: string): string => `${column}_form TEXT NOT NULL CHECK (${column}_form IN ('v','z','a'))`;

export const version = 1;

export const statements: readonly string[] = [
  `CREATE TABLE project (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    ${optionalText('name')},
    ${optionalText('notes')},
    ${presence('shocks')}
  ) STRICT`,
  `CREATE TABLE assumptions (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    ${optionalText('commodity')},
    ${optionalText('product_unit')},
    ${optionalText('currency')},
    ${decimal('start_year')},
    ${decimal('years')},
    ${decimal('discount_rate')},
    discounting TEXT NOT NULL,
    ${decimal('inflation')},
    ${decimal('product_factor')},
    ${decimal('payability')},
    ${decimal('mining_per_tonne')},
    ${decimal('processing_per_tonne_ore')},
    ${decimal('selling_per_unit')},
    ${decimal('working_capital_rate')}
  ) STRICT`,
  `CREATE TABLE yearly_series (
    series TEXT NOT NULL CHECK (series IN ('oreMined','wasteMined','grade','recovery','prices','fixed','initial','sustaining','closure')),
    position INTEGER NOT NULL CHECK (position >= 0),
    ${decimal('value')},
    PRIMARY KEY (series, position)
  ) STRICT`,
  `CREATE TABLE structures (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    ${optionalText('name')},
    ${optionalText('notes')},
    ${decimal('deemed_value')},
    dilution INTEGER NOT NULL CHECK (dilution IN (0,1))
  ) STRICT`,
  `CREATE TABLE partners (
    structure_id TEXT NOT NULL REFERENCES structures(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    ${optionalText('name')},
    ${optionalText('country')},
    kind TEXT NOT NULL,
    is_state INTEGER NOT NULL CHECK (is_state IN (0,1)),
    ${decimal('equity')},
    is_foreign INTEGER NOT NULL CHECK (is_foreign IN (0,1)),
    ${decimal('hurdle_rate')},
    ${presence('carried')},
    carried_interest_rate TEXT, carried_interest_rate_form TEXT CHECK (carried_interest_rate_form IN ('n','s')),
    carried_repayment_share TEXT, carried_repayment_share_form TEXT CHECK (carried_repayment_share_form IN ('n','s')),
    ${optionalDecimal('funding_cap')},
    PRIMARY KEY (structure_id, position)
  ) STRICT`,
  `CREATE TABLE fiscal_terms (
    structure_id TEXT PRIMARY KEY REFERENCES structures(id) ON DELETE CASCADE,
    royalty_base TEXT NOT NULL,
    royalty_interpolate INTEGER NOT NULL CHECK (royalty_interpolate IN (0,1)),
    ${decimal('income_tax_rate')},
    ${decimal('depreciation_years')},
    ${optionalDecimal('loss_carry_forward_years')},
    ${presence('resource_rent_tax')},
    rrt_rate TEXT, rrt_rate_form TEXT CHECK (rrt_rate_form IN ('n','s')),
    rrt_threshold_rate TEXT, rrt_threshold_rate_form TEXT CHECK (rrt_threshold_rate_form IN ('n','s')),
    ${decimal('withholding_dividends')},
    ${decimal('withholding_technology')},
    ${decimal('community_share')}
  ) STRICT`,
  `CREATE TABLE royalty_bands (
    structure_id TEXT NOT NULL REFERENCES structures(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    ${decimal('from_price')},
    ${decimal('rate')},
    PRIMARY KEY (structure_id, position)
  ) STRICT`,
  `CREATE TABLE technology_agreements (
    structure_id TEXT NOT NULL REFERENCES structures(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    ${optionalText('name')},
    licensor TEXT NOT NULL,
    is_foreign INTEGER CHECK (is_foreign IN (0,1)), is_foreign_form TEXT NOT NULL CHECK (is_foreign_form IN ('v','z','a')),
    ${decimal('recovery_uplift')},
    ${decimal('royalty_rate')},
    ${optionalDecimal('royalty_from_year')},
    ${optionalDecimal('royalty_to_year')},
    ${optionalDecimal('royalty_cap_per_year')},
    PRIMARY KEY (structure_id, position)
  ) STRICT`,
  `CREATE TABLE technology_fees (
    structure_id TEXT NOT NULL,
    agreement_position INTEGER NOT NULL,
    position INTEGER NOT NULL,
    ${decimal('year')},
    ${decimal('amount')},
    PRIMARY KEY (structure_id, agreement_position, position),
    FOREIGN KEY (structure_id, agreement_position) REFERENCES technology_agreements(structure_id, position) ON DELETE CASCADE
  ) STRICT`,
  `CREATE TABLE offtakes (
    structure_id TEXT NOT NULL REFERENCES structures(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    offtaker TEXT NOT NULL,
    ${decimal('share')},
    ${decimal('discount')},
    ${optionalDecimal('floor')},
    ${optionalDecimal('ceiling')},
    ${optionalDecimal('from_year')},
    ${optionalDecimal('to_year')},
    PRIMARY KEY (structure_id, position)
  ) STRICT`,
  `CREATE TABLE scenarios (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    ${optionalText('name')},
    ${optionalText('notes')}
  ) STRICT`,
  `CREATE TABLE shocks (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    ${optionalText('name')}
  ) STRICT`,
  `CREATE TABLE overrides (
    owner_kind TEXT NOT NULL CHECK (owner_kind IN ('scenario','shock')),
    owner_id TEXT NOT NULL,
    ${optionalDecimal('price_factor')},
    ${optionalDecimal('capex_factor')},
    ${optionalDecimal('opex_factor')},
    ${optionalDecimal('grade_factor')},
    ${optionalDecimal('delay_years')},
    ${presence('disruption')},
    disruption_from_year TEXT, disruption_from_year_form TEXT CHECK (disruption_from_year_form IN ('n','s')),
    disruption_to_year TEXT, disruption_to_year_form TEXT CHECK (disruption_to_year_form IN ('n','s')),
    ${presence('prices')},
    ${optionalDecimal('discount_rate')},
    PRIMARY KEY (owner_kind, owner_id)
  ) STRICT`,
  `CREATE TABLE override_prices (
    owner_kind TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    ${decimal('value')},
    PRIMARY KEY (owner_kind, owner_id, position),
    FOREIGN KEY (owner_kind, owner_id) REFERENCES overrides(owner_kind, owner_id) ON DELETE CASCADE
  ) STRICT`,
];
