// Every field of a project document (interchange.md, versions 1 and 2), declared once: its path,
// its label in the user's words, unit, kind, §9 range and whether it may be left out. Validation,
// the editor's labels and units, the term diff, the term sheet, the deal-term catalogue and the
// schema-coverage test all read it. Cross-field rules (equities summing to 1, ids that must
// exist, exactly one of gearing and drawdowns) stay as code in the validator.
import type { FieldDefinition, FieldKind, FieldRange, Presence } from './types.ts';

interface Options {
  toggle?: string;
  presence?: Presence;
  since?: 1 | 2;
  range?: FieldRange;
  unit?: string;
  meaning?: string;
}

const FRACTION: FieldRange = { min: '0', max: '1' };
const RATE: FieldRange = { above: '-1' };
const NON_NEGATIVE: FieldRange = { min: '0' };
const CALENDAR_YEAR: FieldRange = { min: '1', max: '9999' };

/** A catalogue entry that keeps its pattern, kind and presence as literal types (derived types read them). */
type Entry<P extends string, K extends FieldKind, O, D> = FieldDefinition & { readonly pattern: P; readonly kind: K; readonly presence: PresenceOf<O> } & D;
type PresenceOf<O> = O extends { readonly presence: infer R extends Presence } ? R : 'required';

function field<const P extends string, const K extends FieldKind, const D extends Partial<FieldDefinition>, const O extends Options = {}>(
  pattern: P,
  kind: K,
  label: string,
  defaults: D,
  options?: O,
): Entry<P, K, O, D> {
  const { presence = 'required', since = 1, ...rest } = options ?? {};
  return { pattern, kind, label, unit: '', meaning: label.toLowerCase(), presence, since, ...defaults, ...rest } as Entry<P, K, O, D>;
}

const fraction = <const P extends string, const O extends Options = {}>(pattern: P, label: string, options?: O) => field(pattern, 'fraction', label, { unit: '%', range: FRACTION }, options);
const rate = <const P extends string, const O extends Options = {}>(pattern: P, label: string, options?: O) => field(pattern, 'rate', label, { unit: '%', range: RATE }, options);
const money = <const P extends string, const O extends Options = {}>(pattern: P, label: string, options?: O) => field(pattern, 'money', label, { unit: '{currency}', range: NON_NEGATIVE }, options);
const perUnit = <const P extends string, const O extends Options = {}>(pattern: P, label: string, unit: string, options?: O) =>
  field(pattern, 'money-per-unit', label, { unit, range: NON_NEGATIVE }, options);
const factor = <const P extends string, const O extends Options = {}>(pattern: P, label: string, unit: string, options?: O) => field(pattern, 'factor', label, { unit, range: NON_NEGATIVE }, options);
const year = <const P extends string, const O extends Options = {}>(pattern: P, label: string, meaning: string, options?: O) =>
  field(pattern, 'calendar-year', label, { integer: true, range: CALENDAR_YEAR, meaning }, options);
const count = <const P extends string, const O extends Options = {}>(pattern: P, label: string, min: number, meaning: string, options?: O) =>
  field(pattern, 'whole-number', label, { integer: true, unit: 'years', range: { min: String(min) }, meaning }, options);
const id = <const P extends string, const O extends Options = {}>(pattern: P, label: string, options?: O) => field(pattern, 'id', label, { meaning: 'an id' }, options);
const text = <const P extends string, const O extends Options = {}>(pattern: P, label: string, key: string, options?: O) =>
  field(pattern, 'text', label, { meaning: key }, { presence: 'absent-or-null', ...options } as { readonly presence: 'absent-or-null' } & O);
const flag = <const P extends string, const O extends Options = {}>(pattern: P, label: string, meaning: string, options?: O) => field(pattern, 'boolean', label, { meaning }, options);
const choice = <const P extends string, const C extends readonly string[], const O extends Options = {}>(pattern: P, label: string, choices: C, meaning: string, options?: O) =>
  field(pattern, 'choice', label, { choices, meaning }, options);
const reference = <const P extends string, const O extends Options = {}>(pattern: P, label: string, options?: O) => field(pattern, 'reference', label, { meaning: 'a partner id or "external"' }, options);
const group = <const P extends string, const O extends Options = {}>(pattern: P, label: string, what: string, options?: O) => field(pattern, 'group', label, { what, meaning: what }, options);
const list = <const P extends string, const O extends Options = {}>(pattern: P, label: string, what: string, item: string, noun: string, extra: { nonEmpty?: boolean; keyed?: boolean }, options?: O) =>
  field(pattern, 'list', label, { what, item, noun, meaning: what, nonEmpty: extra.nonEmpty ?? false, keyed: extra.keyed ?? false }, options);
const series = <const P extends string, const K extends FieldKind, const O extends Options = {}>(pattern: P, kind: K, label: string, unit: string, range: FieldRange, options?: O) =>
  field(pattern, kind, label, { unit, range, series: true, meaning: 'yearly values' }, options);

export const PARTNER_KINDS = ['state', 'private', 'sovereign-fund', 'development-finance', 'strategic'] as const;
export const DISCOUNTING_CONVENTIONS = ['end-year', 'mid-year'] as const;
export const ROYALTY_BASES = ['gross', 'net'] as const;
export const REPAYMENT_PROFILES = ['equal-principal', 'annuity'] as const;
export const DEPRECIATION_METHODS = ['straight-line', 'declining-balance'] as const;

const V2 = { since: 2, presence: 'absent-or-null' } as const satisfies Options;

const ASSUMPTIONS = [
  group('assumptions', 'Venture assumptions', 'the assumptions'),
  text('assumptions.commodity', 'Commodity', 'commodity'),
  text('assumptions.productUnit', 'Product unit', 'productUnit'),
  text('assumptions.currency', 'Currency', 'currency'),
  year('assumptions.startYear', 'Start year', 'the first calendar year'),
  field('assumptions.years', 'whole-number', 'Years', { integer: true, unit: 'years', range: { min: '1', max: '100' }, meaning: 'the number of annual periods' }),
  rate('assumptions.discountRate', 'Discount rate (real)'),
  choice('assumptions.discounting', 'Discounting convention', DISCOUNTING_CONVENTIONS, 'the discounting convention'),
  rate('assumptions.inflation', 'Inflation'),
  group('assumptions.production', 'Production plan', 'the production plan'),
  series('assumptions.production.oreMined', 'tonnes', 'Ore mined', 't', NON_NEGATIVE),
  series('assumptions.production.wasteMined', 'tonnes', 'Waste mined', 't', NON_NEGATIVE),
  series('assumptions.production.grade', 'fraction', 'Grade', '%', FRACTION),
  series('assumptions.production.recovery', 'fraction', 'Recovery', '%', FRACTION),
  factor('assumptions.production.productFactor', 'Product factor', '× contained'),
  fraction('assumptions.production.payability', 'Payability'),
  series('assumptions.prices', 'money-per-unit', 'Price', '{currency} /{productUnit}', NON_NEGATIVE),
  group('assumptions.costs', 'Costs', 'the costs'),
  perUnit('assumptions.costs.miningPerTonne', 'Mining cost per tonne moved', '{currency} /t'),
  perUnit('assumptions.costs.processingPerTonneOre', 'Processing cost per tonne of ore', '{currency} /t ore'),
  series('assumptions.costs.fixed', 'money', 'Fixed cost', '{currency}', NON_NEGATIVE),
  perUnit('assumptions.costs.sellingPerUnit', 'Selling cost per product unit', '{currency} /{productUnit}'),
  group('assumptions.capex', 'Capital costs', 'the capital costs'),
  series('assumptions.capex.initial', 'money', 'Initial capex', '{currency}', NON_NEGATIVE),
  series('assumptions.capex.sustaining', 'money', 'Sustaining capex', '{currency}', NON_NEGATIVE),
  series('assumptions.capex.closure', 'money', 'Closure capex', '{currency}', NON_NEGATIVE),
  fraction('assumptions.workingCapitalRate', 'Working capital', { unit: '% of revenue' }),
] satisfies FieldDefinition[];

const T = 'structures[].terms' as const;

const PARTNERS = [
  list(`${T}.partners`, 'Partners', 'partners', 'a partner', 'partner', { nonEmpty: true, keyed: true }),
  id(`${T}.partners[].id`, 'Id of {partners}'),
  text(`${T}.partners[].name`, 'Name of {partners}', 'name'),
  text(`${T}.partners[].country`, 'Country of {partners}', 'country'),
  choice(`${T}.partners[].kind`, 'Kind of {partners}', PARTNER_KINDS, 'the kind of partner'),
  flag(`${T}.partners[].state`, '{Partners} is state-owned', 'whether the partner is a state entity'),
  fraction(`${T}.partners[].equity`, 'Equity of {partners}'),
  flag(`${T}.partners[].foreign`, '{Partners} is foreign', 'whether the partner is foreign for withholding tax'),
  rate(`${T}.partners[].hurdleRate`, 'Hurdle rate of {partners}'),
  group(`${T}.partners[].carried`, 'Carried terms of {partners}', 'carried terms', { presence: 'absent-or-null', toggle: '{Partners} is carried' }),
  rate(`${T}.partners[].carried.interestRate`, 'Carry interest rate of {partners}'),
  fraction(`${T}.partners[].carried.repaymentShare`, 'Carry repayment share of {partners}', { unit: '% of distributions' }),
  money(`${T}.partners[].fundingCap`, 'Funding cap of {partners}', { presence: 'absent-or-null' }),
] satisfies FieldDefinition[];

const FISCAL = [
  group(`${T}.fiscal`, 'Fiscal terms', 'the fiscal terms'),
  group(`${T}.fiscal.royalty`, 'Royalty', 'the royalty'),
  choice(`${T}.fiscal.royalty.base`, 'Royalty base', ROYALTY_BASES, 'the royalty base'),
  list(`${T}.fiscal.royalty.bands`, 'Royalty bands', 'royalty bands', 'a royalty band', 'band', { nonEmpty: true }),
  perUnit(`${T}.fiscal.royalty.bands[].fromPrice`, 'Band {bands#} from price', '{currency} /{productUnit}'),
  fraction(`${T}.fiscal.royalty.bands[].rate`, 'Band {bands#} royalty rate'),
  flag(`${T}.fiscal.royalty.interpolate`, 'Royalty rate between bands', 'whether band rates are interpolated'),
  group(`${T}.fiscal.incomeTax`, 'Income tax', 'the income tax'),
  fraction(`${T}.fiscal.incomeTax.rate`, 'Income tax rate'),
  count(`${T}.fiscal.incomeTax.depreciationYears`, 'Depreciation years', 1, 'years of straight-line depreciation'),
  count(`${T}.fiscal.incomeTax.lossCarryForwardYears`, 'Loss carry-forward years', 0, 'years a loss may be carried forward', { presence: 'absent-or-null' }),
  count(`${T}.fiscal.incomeTax.holidayYears`, 'Tax holiday years', 0, 'years without income tax from first production', V2),
  fraction(`${T}.fiscal.incomeTax.investmentAllowance`, 'Investment allowance', { ...V2, range: NON_NEGATIVE, unit: '% of capex' }),
  group(`${T}.fiscal.incomeTax.depreciation`, 'Depreciation method', 'a depreciation method', V2),
  choice(`${T}.fiscal.incomeTax.depreciation.method`, 'Depreciation', DEPRECIATION_METHODS, 'the depreciation method', { since: 2 }),
  fraction(`${T}.fiscal.incomeTax.depreciation.rate`, 'Declining-balance depreciation rate', V2),
  factor(`${T}.fiscal.incomeTax.thinCapRatio`, 'Thin capitalisation ratio', '× equity', V2),
  group(`${T}.fiscal.resourceRentTax`, 'Resource rent tax', 'the resource rent tax', { presence: 'absent-or-null', toggle: 'Resource rent tax applies' }),
  fraction(`${T}.fiscal.resourceRentTax.rate`, 'Resource rent tax rate'),
  rate(`${T}.fiscal.resourceRentTax.thresholdRate`, 'Resource rent tax threshold rate'),
  group(`${T}.fiscal.withholding`, 'Withholding taxes', 'the withholding taxes'),
  fraction(`${T}.fiscal.withholding.dividends`, 'Dividend withholding'),
  fraction(`${T}.fiscal.withholding.technology`, 'Technology withholding'),
  fraction(`${T}.fiscal.withholding.interest`, 'Interest withholding', V2),
  fraction(`${T}.fiscal.communityShare`, 'Community share', { unit: '% of revenue' }),
  group(`${T}.fiscal.capitalGrant`, 'Capital grant', 'a capital grant', { ...V2, toggle: 'The government pays a capital grant' }),
  fraction(`${T}.fiscal.capitalGrant.share`, 'Capital grant share', { since: 2, unit: '% of capex' }),
  money(`${T}.fiscal.capitalGrant.cap`, 'Capital grant cap', V2),
  flag(`${T}.fiscal.stabilized`, 'Fiscal terms stabilised', 'whether the fiscal terms are stabilised', V2),
  year(`${T}.fiscal.stabilizedUntilYear`, 'Stabilised until', 'the last calendar year of stabilisation', V2),
] satisfies FieldDefinition[];

const AGREEMENTS = [
  list(`${T}.technology`, 'Technology agreements', 'technology agreements', 'a technology agreement', 'agreement', { keyed: true }),
  id(`${T}.technology[].id`, 'Id of {technology}'),
  text(`${T}.technology[].name`, 'Name of {technology}', 'name'),
  reference(`${T}.technology[].licensor`, 'Licensor of {technology}'),
  flag(`${T}.technology[].foreign`, 'External licensor of {technology} is foreign', 'whether the licensor is foreign', { presence: 'absent-or-null' }),
  fraction(`${T}.technology[].recoveryUplift`, 'Recovery uplift of {technology}', { unit: '% points' }),
  list(`${T}.technology[].fees`, 'Fees of {technology}', 'fees', 'a fee', 'fee', {}),
  year(`${T}.technology[].fees[].year`, 'Fee {fees#} year, {technology}', 'the calendar year the fee is paid'),
  money(`${T}.technology[].fees[].amount`, 'Fee {fees#} amount, {technology}'),
  fraction(`${T}.technology[].royaltyRate`, 'Running royalty rate of {technology}', { unit: '% of revenue' }),
  year(`${T}.technology[].royaltyFromYear`, 'Royalty from year, {technology}', 'a calendar year', { presence: 'absent-or-null' }),
  year(`${T}.technology[].royaltyToYear`, 'Royalty to year, {technology}', 'a calendar year', { presence: 'absent-or-null' }),
  money(`${T}.technology[].royaltyCapPerYear`, 'Royalty cap per year, {technology}', { presence: 'absent-or-null' }),
  list(`${T}.offtake`, 'Offtake contracts', 'offtake contracts', 'an offtake contract', 'offtake', { keyed: true }),
  id(`${T}.offtake[].id`, 'Id of {offtake}'),
  reference(`${T}.offtake[].offtaker`, 'Offtaker of {offtake}'),
  fraction(`${T}.offtake[].share`, 'Share of {offtake}', { unit: '% of sales' }),
  fraction(`${T}.offtake[].discount`, 'Discount of {offtake}', { unit: '% to market' }),
  perUnit(`${T}.offtake[].floor`, 'Floor price of {offtake}', '{currency} /{productUnit}', { presence: 'absent-or-null' }),
  perUnit(`${T}.offtake[].ceiling`, 'Ceiling price of {offtake}', '{currency} /{productUnit}', { presence: 'absent-or-null' }),
  year(`${T}.offtake[].fromYear`, 'First year of {offtake}', 'a calendar year', { presence: 'absent-or-null' }),
  year(`${T}.offtake[].toYear`, 'Last year of {offtake}', 'a calendar year', { presence: 'absent-or-null' }),
] satisfies FieldDefinition[];

const DEBT = [
  list(`${T}.debt`, 'Loan tranches', 'loan tranches', 'a loan tranche', 'tranche', { keyed: true }, V2),
  id(`${T}.debt[].id`, 'Id of {debt}', { since: 2 }),
  text(`${T}.debt[].name`, 'Name of {debt}', 'name', V2),
  reference(`${T}.debt[].lender`, 'Lender of {debt}', { since: 2 }),
  flag(`${T}.debt[].foreign`, 'External lender of {debt} is foreign', 'whether the lender is foreign', V2),
  fraction(`${T}.debt[].gearing`, 'Gearing of {debt}', { ...V2, unit: '% of capex' }),
  year(`${T}.debt[].drawFromYear`, 'First drawdown year of {debt}', 'a calendar year', V2),
  year(`${T}.debt[].drawToYear`, 'Last drawdown year of {debt}', 'a calendar year', V2),
  list(`${T}.debt[].drawdowns`, 'Drawdowns of {debt}', 'drawdowns', 'a drawdown', 'drawdown', {}, V2),
  year(`${T}.debt[].drawdowns[].year`, 'Drawdown {drawdowns#} year, {debt}', 'the calendar year of the drawdown', { since: 2 }),
  money(`${T}.debt[].drawdowns[].amount`, 'Drawdown {drawdowns#} amount, {debt}', { since: 2 }),
  money(`${T}.debt[].maxAmount`, 'Maximum amount of {debt}', V2),
  fraction(`${T}.debt[].interestRate`, 'Interest rate of {debt}', { since: 2, range: NON_NEGATIVE }),
  count(`${T}.debt[].graceYears`, 'Grace years of {debt}', 0, 'years of interest only before repayments', { since: 2 }),
  count(`${T}.debt[].tenorYears`, 'Tenor of {debt}', 1, 'years over which the loan is repaid', { since: 2 }),
  choice(`${T}.debt[].repayment`, 'Repayment of {debt}', REPAYMENT_PROFILES, 'the repayment profile', { since: 2 }),
  list(`${T}.priceSupport`, 'Price support', 'price-support contracts', 'a price-support contract', 'price support', { keyed: true }, V2),
  id(`${T}.priceSupport[].id`, 'Id of {priceSupport}', { since: 2 }),
  text(`${T}.priceSupport[].name`, 'Name of {priceSupport}', 'name', V2),
  perUnit(`${T}.priceSupport[].strike`, 'Strike price of {priceSupport}', '{currency} /{productUnit}', { since: 2 }),
  fraction(`${T}.priceSupport[].share`, 'Share of {priceSupport}', { since: 2, unit: '% of sales' }),
  year(`${T}.priceSupport[].fromYear`, 'First year of {priceSupport}', 'the first calendar year of support', V2),
  year(`${T}.priceSupport[].toYear`, 'Last year of {priceSupport}', 'the last calendar year of support', V2),
  perUnit(`${T}.priceSupport[].capPrice`, 'Cap price of {priceSupport}', '{currency} /{productUnit}', V2),
  fraction(`${T}.priceSupport[].upsideShare`, 'Upside share of {priceSupport}', V2),
] satisfies FieldDefinition[];

const R = 'negotiation.reservations[]' as const;
const OPTIONAL = { presence: 'absent-or-null' } as const satisfies Options;

/**
 * What each party needs to sign (issue 12): one reservation per party, named by the party
 * ("Party 'State Mining Co': minimum IRR"); see docs/decisions.md, "Negotiation".
 */
const NEGOTIATION = [
  group('negotiation', 'Negotiation', 'the negotiation block', { presence: 'absent-or-null', toggle: 'Record reservation values' }),
  list('negotiation.reservations', 'Reservation values', 'reservations', 'a reservation', 'party', {}),
  field(`${R}.party`, 'reference', 'Party', { meaning: 'a partner id or "government"' }),
  money(`${R}.minPv`, '{Reservations}: minimum PV', { ...OPTIONAL, range: {}, meaning: 'the least PV the party signs for (its disagreement value)' }),
  rate(`${R}.minIrr`, '{Reservations}: minimum IRR', { ...OPTIONAL, meaning: 'the least IRR the party signs for' }),
  money(`${R}.minNpvAtHurdle`, '{Reservations}: minimum NPV at hurdle', { ...OPTIONAL, range: {}, meaning: 'the least NPV at its hurdle rate the party signs for' }),
  fraction(`${R}.minGovernmentTake`, '{Reservations}: minimum government take', { ...OPTIONAL, meaning: 'the least government take the government signs for' }),
  factor(`${R}.weight`, '{Reservations}: Nash weight', '×', { ...OPTIONAL, meaning: "the party's weight in the Nash product" }),
] satisfies FieldDefinition[];

function overrides<const W extends 'scenarios' | 'shocks'>(owner: W) {
  const o = `${owner}[].overrides` as const;
  const who = `{${owner}}`;
  const absent = { presence: 'absent' } as const satisfies Options;
  return [
    group(o, `Overrides, ${who}`, 'the overrides'),
    factor(`${o}.priceFactor`, `Price factor, ${who}`, '×', absent),
    factor(`${o}.capexFactor`, `Capex factor, ${who}`, '×', absent),
    factor(`${o}.opexFactor`, `Opex factor, ${who}`, '×', absent),
    factor(`${o}.gradeFactor`, `Grade factor, ${who}`, '×', absent),
    count(`${o}.delayYears`, `Delay, ${who}`, 0, 'years by which production starts later', absent),
    group(`${o}.disruption`, `Disruption, ${who}`, 'a disruption', absent),
    year(`${o}.disruption.fromYear`, `Disruption from year, ${who}`, 'the first calendar year of the disruption'),
    year(`${o}.disruption.toYear`, `Disruption to year, ${who}`, 'the last calendar year of the disruption'),
    series(`${o}.prices`, 'money-per-unit', `Price deck, ${who}`, '{currency} /{productUnit}', NON_NEGATIVE, { ...absent, toggle: `Own price deck, ${who}` }),
    rate(`${o}.discountRate`, `Discount rate, ${who}`, absent),
    group(`${o}.fiscalChange`, `Fiscal change, ${who}`, 'a fiscal change', V2),
    year(`${o}.fiscalChange.fromYear`, `Fiscal change from year, ${who}`, 'the first calendar year of the change', { since: 2 }),
    fraction(`${o}.fiscalChange.royaltyRateAdd`, `Royalty rate change, ${who}`, { ...V2, range: { min: '-1', max: '1' } }),
    fraction(`${o}.fiscalChange.incomeTaxRate`, `Income tax rate after the change, ${who}`, V2),
  ] satisfies FieldDefinition[];
}

const ENTRIES = [
  group('', 'Project', 'a project'),
  choice('format', 'Format', ['orebridge-project'], 'the document format'),
  field('version', 'whole-number', 'Format version', { integer: true, range: { min: '1', max: '2' }, meaning: 'the project format version' }),
  text('name', 'Project name', 'name'),
  text('notes', 'Project notes', 'notes'),
  ...ASSUMPTIONS,
  list('structures', 'Deal structures', 'deal structures', 'a deal structure', 'structure', { nonEmpty: true, keyed: true }),
  id('structures[].id', 'Structure id'),
  text('structures[].name', 'Structure name', 'name'),
  text('structures[].notes', 'Structure notes', 'notes'),
  group(T, 'Deal terms', 'the deal terms'),
  ...PARTNERS,
  money(`${T}.deemedValue`, 'Deemed value of contributed assets'),
  flag(`${T}.dilution`, 'Interests dilute with funding', 'whether funding dilutes interests'),
  ...FISCAL,
  ...AGREEMENTS,
  ...DEBT,
  list('scenarios', 'Scenarios', 'scenarios', 'a scenario', 'scenario', { nonEmpty: true, keyed: true }),
  id('scenarios[].id', 'Id of {scenarios}'),
  text('scenarios[].name', 'Name of {scenarios}', 'name'),
  text('scenarios[].notes', 'Notes of {scenarios}', 'notes'),
  ...overrides('scenarios'),
  list('shocks', 'Shocks', 'shocks', 'a shock', 'shock', { keyed: true }, {
    presence: 'absent-or-null',
    toggle: "Use the methodology's default shocks (capex +25 %, price −30 %, grade −15 %, opex +20 %, 2-year delay, 2-year disruption)",
  }),
  id('shocks[].id', 'Id of {shocks}'),
  text('shocks[].name', 'Name of {shocks}', 'name'),
  ...overrides('shocks'),
  field('risk', 'block', 'Risk simulation', { what: 'the risk block', meaning: 'the simulation inputs (shared/risk)' }, { presence: 'absent-or-null' }),
  ...NEGOTIATION,
] as const satisfies readonly FieldDefinition[];

/** Every field of a project document, in the order of the interchange document. */
export const FIELDS: readonly FieldDefinition[] = ENTRIES;

/** Every entry with its pattern, kind, presence and choices as literal types, for the types derived from the catalogue. */
export type CatalogueEntry = (typeof ENTRIES)[number];
