// The interchange documents of ../shared/spec/interchange.md, as TypeScript types.
// Input numbers are kept as written (a JSON number or a decimal string) and only ever read
// as decimals; output numbers are decimal strings; calendar years are integers.
import type { Reconciliation, YearAudit } from './audit.ts';
import { DEPRECIATION_METHODS, DISCOUNTING_CONVENTIONS, PARTNER_KINDS, REPAYMENT_PROFILES, ROYALTY_BASES } from '../fields/catalogue.ts';

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

export interface Production {
  oreMined: DecimalInput[];
  wasteMined: DecimalInput[];
  grade: DecimalInput[];
  recovery: DecimalInput[];
  productFactor: DecimalInput;
  payability: DecimalInput;
}

export interface Costs {
  miningPerTonne: DecimalInput;
  processingPerTonneOre: DecimalInput;
  fixed: DecimalInput[];
  sellingPerUnit: DecimalInput;
}

export interface Capex {
  initial: DecimalInput[];
  sustaining: DecimalInput[];
  closure: DecimalInput[];
}

export interface Assumptions {
  commodity?: string | null;
  productUnit?: string | null;
  currency?: string | null;
  startYear: number;
  years: number;
  discountRate: DecimalInput;
  discounting: Discounting;
  inflation: DecimalInput;
  production: Production;
  prices: DecimalInput[];
  costs: Costs;
  capex: Capex;
  workingCapitalRate: DecimalInput;
}

export interface CarriedTerms {
  interestRate: DecimalInput;
  repaymentShare: DecimalInput;
}

export interface Partner {
  id: string;
  name?: string | null;
  country?: string | null;
  kind: PartnerKind;
  state: boolean;
  equity: DecimalInput;
  foreign: boolean;
  hurdleRate: DecimalInput;
  carried?: CarriedTerms | null;
  fundingCap?: DecimalInput | null;
}

export interface RoyaltyBand {
  fromPrice: DecimalInput;
  rate: DecimalInput;
}

export interface Royalty {
  base: RoyaltyBase;
  bands: RoyaltyBand[];
  interpolate: boolean;
}

export interface IncomeTax {
  rate: DecimalInput;
  depreciationYears: number;
  lossCarryForwardYears?: number | null;
  /** Version 2 (§13). */
  holidayYears?: number | null;
  investmentAllowance?: DecimalInput | null;
  depreciation?: Depreciation | null;
  thinCapRatio?: DecimalInput | null;
}

/** Version 2 (§13): the depreciation method; the rate only for declining balance. */
export interface Depreciation {
  method: DepreciationMethod;
  rate?: DecimalInput | null;
}

export interface ResourceRentTax {
  rate: DecimalInput;
  thresholdRate: DecimalInput;
}

export interface Withholding {
  dividends: DecimalInput;
  technology: DecimalInput;
  /** Version 2 (§14). */
  interest?: DecimalInput | null;
}

/** Version 2 (§12). */
export interface CapitalGrant {
  share: DecimalInput;
  cap?: DecimalInput | null;
}

export interface Fiscal {
  royalty: Royalty;
  incomeTax: IncomeTax;
  resourceRentTax?: ResourceRentTax | null;
  withholding: Withholding;
  communityShare: DecimalInput;
  /** Version 2 (§12, §15). */
  capitalGrant?: CapitalGrant | null;
  stabilized?: boolean | null;
  stabilizedUntilYear?: number | null;
}

export interface TechnologyFee {
  year: number;
  amount: DecimalInput;
}

export interface TechnologyAgreement {
  id: string;
  name?: string | null;
  /** A partner id or "external". */
  licensor: string;
  /** Read only for an external licensor. */
  foreign?: boolean | null;
  recoveryUplift: DecimalInput;
  fees: TechnologyFee[];
  royaltyRate: DecimalInput;
  royaltyFromYear?: number | null;
  royaltyToYear?: number | null;
  royaltyCapPerYear?: DecimalInput | null;
}

export interface Offtake {
  id: string;
  /** A partner id or "external". */
  offtaker: string;
  share: DecimalInput;
  discount: DecimalInput;
  floor?: DecimalInput | null;
  ceiling?: DecimalInput | null;
  fromYear?: number | null;
  toYear?: number | null;
}

/** Version 2 (§14): a loan drawn on a gearing of capex or on dated drawdowns. */
export interface DebtTranche {
  id: string;
  name?: string | null;
  /** A partner id or "external". */
  lender: string;
  /** Read only for an external lender. */
  foreign?: boolean | null;
  gearing?: DecimalInput | null;
  drawFromYear?: number | null;
  drawToYear?: number | null;
  drawdowns?: { year: number; amount: DecimalInput }[] | null;
  maxAmount?: DecimalInput | null;
  interestRate: DecimalInput;
  graceYears: number;
  tenorYears: number;
  repayment: RepaymentProfile;
}

/** Version 2 (§11): a government contract for difference or strategic-reserve floor. */
export interface PriceSupportContract {
  id: string;
  name?: string | null;
  strike: DecimalInput;
  share: DecimalInput;
  fromYear?: number | null;
  toYear?: number | null;
  capPrice?: DecimalInput | null;
  upsideShare?: DecimalInput | null;
}

export interface Terms {
  partners: Partner[];
  deemedValue: DecimalInput;
  dilution: boolean;
  fiscal: Fiscal;
  technology: TechnologyAgreement[];
  offtake: Offtake[];
  /** Version 2 (§14, §11). */
  debt?: DebtTranche[] | null;
  priceSupport?: PriceSupportContract[] | null;
}

export interface Structure {
  id: string;
  name?: string | null;
  notes?: string | null;
  terms: Terms;
}

export interface Disruption {
  fromYear: number;
  toYear: number;
}

export interface Overrides {
  priceFactor?: DecimalInput;
  capexFactor?: DecimalInput;
  opexFactor?: DecimalInput;
  gradeFactor?: DecimalInput;
  delayYears?: number;
  disruption?: Disruption;
  prices?: DecimalInput[];
  discountRate?: DecimalInput;
  /** Version 2 (§15); on a shock, absent or null keeps the scenario's. */
  fiscalChange?: FiscalChange | null;
}

/** Version 2 (§15): fiscal terms that change from a calendar year on. */
export interface FiscalChange {
  fromYear: number;
  royaltyRateAdd?: DecimalInput | null;
  incomeTaxRate?: DecimalInput | null;
}

export interface Scenario {
  id: string;
  name?: string | null;
  notes?: string | null;
  overrides: Overrides;
}

export interface Shock {
  id: string;
  name?: string | null;
  overrides: Overrides;
}

export type ProjectVersion = 1 | 2;

export interface Project {
  format: 'orebridge-project';
  /** 1, or 2 for a project that may use the instruments of methodology §11–§17. */
  version: ProjectVersion;
  name?: string | null;
  notes?: string | null;
  assumptions: Assumptions;
  structures: Structure[];
  scenarios: Scenario[];
  /** null or absent: the methodology's default set (§8). */
  shocks?: Shock[] | null;
  /** null or absent: no simulation defined (a simulation then uses the defaults of risk §R6). */
  risk?: RiskBlock | null;
  /** null or absent: no reservation recorded (the negotiation instruments then reserve a PV of 0). */
  negotiation?: NegotiationBlock | null;
}

// ---------------------------------------------------------------- negotiation (the product's, docs/decisions.md "Negotiation")

/** What each party needs to sign, recorded once for the project (confidential: kept out of share copies unless chosen). */
export interface NegotiationBlock {
  reservations: PartyReservation[];
}

/** One party's reservation values: a partner id or "government", each minimum optional. */
export interface PartyReservation {
  party: string;
  /** The party's disagreement value d_i: the least PV (money) it signs for. */
  minPv?: DecimalInput | null;
  /** Partners only: the least venture-flow IRR it signs for. */
  minIrr?: DecimalInput | null;
  /** Partners only: the least NPV of its flows at its hurdle rate. */
  minNpvAtHurdle?: DecimalInput | null;
  /** The government only: the least government take (a fraction). */
  minGovernmentTake?: DecimalInput | null;
  /** Its weight in the Nash product (default 1). */
  weight?: DecimalInput | null;
}

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
