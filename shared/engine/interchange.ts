// The interchange documents of ../shared/spec/interchange.md, as TypeScript types.
// Input numbers are kept as written (a JSON number or a decimal string) and only ever read
// as decimals; output numbers are decimal strings; calendar years are integers.
import type { Reconciliation, YearAudit } from './audit.ts';
import { DEPRECIATION_METHODS, DISCOUNTING_CONVENTIONS, PARTNER_KINDS, REPAYMENT_PROFILES, ROYALTY_BASES } from '../fields/catalogue.ts';
import type { CatalogueObject } from '../fields/derived.ts';

/** A number as it appears in a project document: a JSON number or a decimal string. */
export type DecimalInput = number | string;

// The choices of choice fields are declared once, in the field catalogue; their types follow from it.
export type Discounting = (typeof DISCOUNTING_CONVENTIONS)[number];
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export type RoyaltyBase = (typeof ROYALTY_BASES)[number];
export type RepaymentProfile = (typeof REPAYMENT_PROFILES)[number];
export type DepreciationMethod = (typeof DEPRECIATION_METHODS)[number];
export { DEPRECIATION_METHODS, DISCOUNTING_CONVENTIONS, PARTNER_KINDS, REPAYMENT_PROFILES, ROYALTY_BASES };

/** Ids that name parties other than partners, so no partner may use them. */
export const RESERVED_PARTY_IDS: readonly string[] = ['government', 'community', 'external', 'external-licensor', 'external-offtaker'];
/** Reserved as well in a version-2 project (§9 "Version 2"). */
export const EXTERNAL_LENDER_ID = 'external-lender';

// The project's objects are the field catalogue's (shared/fields/catalogue.ts): each type below
// is read from the catalogue's entries (keys, kinds, presence, choices), so a field added there
// is in the type at once. Version-2 fields (§11–§17) are optional and nullable, as the catalogue
// declares them; only the project's version and its risk block are typed by hand.
export type Production = CatalogueObject<'assumptions.production'>;
export type Costs = CatalogueObject<'assumptions.costs'>;
export type Capex = CatalogueObject<'assumptions.capex'>;
export type Assumptions = CatalogueObject<'assumptions'>;
export type CarriedTerms = CatalogueObject<'structures[].terms.partners[].carried'>;
export type Partner = CatalogueObject<'structures[].terms.partners[]'>;
export type RoyaltyBand = CatalogueObject<'structures[].terms.fiscal.royalty.bands[]'>;
export type Royalty = CatalogueObject<'structures[].terms.fiscal.royalty'>;
export type IncomeTax = CatalogueObject<'structures[].terms.fiscal.incomeTax'>;
/** Version 2 (§13): the depreciation method; the rate only for declining balance. */
export type Depreciation = CatalogueObject<'structures[].terms.fiscal.incomeTax.depreciation'>;
export type ResourceRentTax = CatalogueObject<'structures[].terms.fiscal.resourceRentTax'>;
export type Withholding = CatalogueObject<'structures[].terms.fiscal.withholding'>;
/** Version 2 (§12). */
export type CapitalGrant = CatalogueObject<'structures[].terms.fiscal.capitalGrant'>;
export type Fiscal = CatalogueObject<'structures[].terms.fiscal'>;
export type TechnologyFee = CatalogueObject<'structures[].terms.technology[].fees[]'>;
/** `licensor` is a partner id or "external"; `foreign` is read only for an external licensor. */
export type TechnologyAgreement = CatalogueObject<'structures[].terms.technology[]'>;
/** `offtaker` is a partner id or "external". */
export type Offtake = CatalogueObject<'structures[].terms.offtake[]'>;
/** Version 2 (§14): a loan drawn on a gearing of capex or on dated drawdowns (exactly one: a rule of the validator). */
export type DebtTranche = CatalogueObject<'structures[].terms.debt[]'>;
/** Version 2 (§11): a government contract for difference or strategic-reserve floor. */
export type PriceSupportContract = CatalogueObject<'structures[].terms.priceSupport[]'>;
export type Terms = CatalogueObject<'structures[].terms'>;
export type Structure = CatalogueObject<'structures[]'>;
export type Disruption = CatalogueObject<'scenarios[].overrides.disruption'>;
/** On a shock, an absent or null `fiscalChange` keeps the scenario's. */
export type Overrides = CatalogueObject<'scenarios[].overrides'>;
/** Version 2 (§15): fiscal terms that change from a calendar year on. */
export type FiscalChange = CatalogueObject<'scenarios[].overrides.fiscalChange'>;
export type Scenario = CatalogueObject<'scenarios[]'>;
export type Shock = CatalogueObject<'shocks[]'>;

export type ProjectVersion = 1 | 2;

/**
 * The catalogue says a version is a whole number and the risk block a block of its own; the
 * types are narrower: 1 or 2, and the risk module's block.
 */
export interface Project extends Omit<CatalogueObject<''>, 'version' | 'risk'> {
  /** 1, or 2 for a project that may use the instruments of methodology §11–§17. */
  version: ProjectVersion;
  /** null or absent: no simulation defined (a simulation then uses the defaults of risk §R6). */
  risk?: RiskBlock | null;
}

// ---------------------------------------------------------------- negotiation (the product's, docs/decisions.md "Negotiation")

/** What each party needs to sign, recorded once for the project (confidential: kept out of share copies unless chosen). */
export type NegotiationBlock = CatalogueObject<'negotiation'>;
/** One party's reservation values (a partner id or "government"), each minimum optional: see the catalogue's entries. */
export type PartyReservation = CatalogueObject<'negotiation.reservations[]'>;

// ---------------------------------------------------------------- risk (risk-model.md §R1)

export type RiskTarget = 'priceLevel' | 'capexFactor' | 'opexFactor' | 'gradeFactor' | 'delayYears';
export const RISK_TARGETS: readonly RiskTarget[] = ['priceLevel', 'capexFactor', 'opexFactor', 'gradeFactor', 'delayYears'];

export type Distribution =
  | { type: 'fixed'; value: DecimalInput }
  | { type: 'uniform'; min: DecimalInput; max: DecimalInput }
  | { type: 'triangular'; min: DecimalInput; mode: DecimalInput; max: DecimalInput }
  | { type: 'pert'; min: DecimalInput; mode: DecimalInput; max: DecimalInput }
  | { type: 'normal'; mean: DecimalInput; sd: DecimalInput; min?: DecimalInput | null; max?: DecimalInput | null }
  | { type: 'lognormal'; mean: DecimalInput; sd: DecimalInput }
  | { type: 'lognormal'; p10: DecimalInput; p90: DecimalInput }
  | { type: 'discrete'; values: DecimalInput[]; probabilities: DecimalInput[] };
export type DistributionType = Distribution['type'];
export const DISTRIBUTION_TYPES: readonly DistributionType[] = ['fixed', 'uniform', 'triangular', 'pert', 'normal', 'lognormal', 'discrete'];

export interface RiskVariable {
  id: string;
  target: RiskTarget;
  distribution: Distribution;
}

export interface RiskCorrelation {
  a: string;
  b: string;
  rho: DecimalInput;
}

export interface RiskBlock {
  iterations?: number | null;
  seed?: number | null;
  variables?: RiskVariable[] | null;
  correlations?: RiskCorrelation[] | null;
  pricePath?: { volatility: DecimalInput; persistence: DecimalInput } | null;
  disruption?: { annualProbability: DecimalInput; years: number } | null;
}

// ---------------------------------------------------------------- evaluation

export type PartyKind = 'partner' | 'government' | 'community' | 'external-licensor' | 'external-offtaker' | 'external-lender';

export interface Warning {
  code: 'fundingShortfall';
  year: number;
  amount: string;
  message: string;
}

export interface VentureMetrics {
  npv: string;
  irr: string | null;
  irrRoots: string[];
  preTaxNpv: string;
  governmentTake: string | null;
  governmentTakeInclState: string | null;
  aetr: string | null;
  breakevenPriceFactor: string | null;
  paybackYear: number | null;
  /** Version 2 (§16). */
  minDscr?: string | null;
  minDscrYear?: number | null;
  averageDscr?: string | null;
}

export interface PartyResult {
  id: string;
  kind: PartyKind;
  pv: string;
  share: string | null;
  total: string;
  /** Partners only. */
  npvAtHurdle?: string;
  irr?: string | null;
  irrRoots?: string[];
  paybackYear?: number | null;
  peakExposure?: string;
}

/** Audit lines (escalation, deflator, discount factor, each partner's funding) are extra fields: see audit.ts. */
export interface YearRow extends Partial<YearAudit> {
  year: number;
  volume: string;
  marketRevenue: string;
  revenue: string;
  royalty: string;
  opex: string;
  selling: string;
  community: string;
  technology: string;
  closure: string;
  capex: string;
  deltaWorkingCapital: string;
  depreciation: string;
  taxableIncome: string;
  incomeTax: string;
  resourceRentTax: string;
  withholdingTax: string;
  freeCashFlow: string;
  preTaxNetCashFlow: string;
  /** Version 2 (§10–§16). */
  priceSupport?: string;
  grant?: string;
  investmentAllowance?: string;
  incomeTaxRate?: string;
  interestDeductible?: string;
  drawdown?: string;
  interest?: string;
  principal?: string;
  debtBalance?: string;
  interestWithholding?: string;
  cashFlowBeforeFinancing?: string;
  cfads?: string;
  debtService?: string;
  dscr?: string | null;
  interests: Record<string, string>;
  flows: Record<string, string>;
}

/** Version 2 (§14): one tranche's schedule. */
export interface DebtResult {
  id: string;
  lender: string;
  foreign: boolean;
  years: { year: number; drawdown: string; interest: string; withholding: string; principal: string; balance: string }[];
}

/** Version 2 (§17): volumes by buyer. */
export interface SupplyResult {
  years: { year: number; volume: string; offtakers: Record<string, string>; market: string }[];
  total: { volume: string; offtakers: Record<string, string>; market: string };
}

export interface ShockPartyRow {
  id: string;
  deltaPv: string;
  bearShare: string | null;
}

export interface ShockResult {
  id: string;
  name?: string | null;
  parties: ShockPartyRow[];
}

export interface Evaluation {
  structure: string;
  scenario: string;
  warnings: Warning[];
  venture: VentureMetrics;
  parties: PartyResult[];
  years: YearRow[];
  shocks: ShockResult[];
  /** Venture NPV reconciled with the parties' PVs: an extra field, see audit.ts. */
  reconciliation?: Reconciliation;
  /** Version 2 only. */
  debt?: DebtResult[];
  supply?: SupplyResult;
}
