import type { Arithmetic } from './arithmetic.ts';
import type { Assumptions, Discounting, FiscalChange, Overrides, RepaymentProfile, RoyaltyBase, Terms } from './interchange.ts';

/** The yearly series a scenario transform can move or scale (§2). */
export interface Series<T> {
  oreMined: T[];
  wasteMined: T[];
  grade: T[];
  recovery: T[];
  prices: T[];
  fixed: T[];
  initial: T[];
  sustaining: T[];
  closure: T[];
}

/** The venture's assumptions in one number type, after or before transforms. */
export interface VentureInputs<T> {
  startYear: number;
  years: number;
  discountRate: T;
  discounting: Discounting;
  inflation: T;
  series: Series<T>;
  productFactor: T;
  payability: T;
  miningPerTonne: T;
  processingPerTonneOre: T;
  sellingPerUnit: T;
  workingCapitalRate: T;
  /** §15: the fiscal change of the scenario or shock, if any. */
  fiscalChange: FiscalChangeTerms<T> | null;
}

export interface FiscalChangeTerms<T> {
  fromYear: number;
  royaltyRateAdd: T | null;
  incomeTaxRate: T | null;
}

export interface PartnerTerms<T> {
  id: string;
  state: boolean;
  foreign: boolean;
  equity: T;
  hurdleRate: T;
  carried: { interestRate: T; repaymentShare: T } | null;
  fundingCap: T | null;
}

export interface TechnologyTerms<T> {
  id: string;
  /** Partner index, or -1 for an external licensor. */
  licensorIndex: number;
  foreign: boolean;
  recoveryUplift: T;
  fees: { year: number; amount: T }[];
  royaltyRate: T;
  royaltyFromYear: number | null;
  royaltyToYear: number | null;
  royaltyCapPerYear: T | null;
}

export interface OfftakeTerms<T> {
  id: string;
  /** Partner index, or -1 for an external offtaker. */
  offtakerIndex: number;
  share: T;
  discount: T;
  floor: T | null;
  ceiling: T | null;
  fromYear: number | null;
  toYear: number | null;
}

/** §14 One loan tranche. */
export interface DebtTerms<T> {
  id: string;
  /** Partner index, or -1 for an external lender. */
  lenderIndex: number;
  foreign: boolean;
  drawdown:
    | { basis: 'gearing'; gearing: T; fromYear: number | null; toYear: number | null }
    | { basis: 'dated'; amounts: { year: number; amount: T }[] };
  maxAmount: T | null;
  interestRate: T;
  graceYears: number;
  tenorYears: number;
  repayment: RepaymentProfile;
}

/** §11 One government price-support contract. */
export interface PriceSupportTerms<T> {
  id: string;
  strike: T;
  share: T;
  fromYear: number | null;
  toYear: number | null;
  /** Both or neither. */
  upside: { capPrice: T; share: T } | null;
}

export type DepreciationTerms<T> = { method: 'straight-line' } | { method: 'declining-balance'; rate: T };

export interface DealTerms<T> {
  partners: PartnerTerms<T>[];
  deemedValue: T;
  dilution: boolean;
  royalty: { base: RoyaltyBase; bands: { fromPrice: T; rate: T }[]; interpolate: boolean };
  incomeTax: {
    rate: T;
    depreciationYears: number;
    lossCarryForwardYears: number | null;
    /** v2 §13; 0, zero, straight line and null (no limit) when not used. */
    holidayYears: number;
    investmentAllowance: T;
    depreciation: DepreciationTerms<T>;
    thinCapRatio: T | null;
  };
  resourceRentTax: { rate: T; thresholdRate: T } | null;
  withholding: { dividends: T; technology: T; interest: T };
  communityShare: T;
  technology: TechnologyTerms<T>[];
  offtake: OfftakeTerms<T>[];
  /** v2 §12, §15, §14, §11: absent instruments are null, false or empty. */
  capitalGrant: { share: T; cap: T | null } | null;
  stabilized: boolean;
  stabilizedUntilYear: number | null;
  debt: DebtTerms<T>[];
  priceSupport: PriceSupportTerms<T>[];
}

export interface TransformOverrides<T> {
  priceFactor: T | null;
  capexFactor: T | null;
  opexFactor: T | null;
  gradeFactor: T | null;
  delayYears: number;
  disruption: { fromYear: number; toYear: number } | null;
  prices: T[] | null;
  discountRate: T | null;
  /** §15; null keeps the fiscal change already applied (a shock on a scenario). */
  fiscalChange: FiscalChangeTerms<T> | null;
}

export function toFiscalChange<T>(ar: Arithmetic<T>, change: FiscalChange | null | undefined): FiscalChangeTerms<T> | null {
  if (change === null || change === undefined) return null;
  const optional = (v: number | string | null | undefined) => (v === null || v === undefined ? null : ar.of(v));
  return { fromYear: change.fromYear, royaltyRateAdd: optional(change.royaltyRateAdd), incomeTaxRate: optional(change.incomeTaxRate) };
}

export function toVentureInputs<T>(ar: Arithmetic<T>, a: Assumptions): VentureInputs<T> {
  const list = (values: readonly (number | string)[]) => values.map((v) => ar.of(v));
  return {
    startYear: a.startYear,
    years: a.years,
    discountRate: ar.of(a.discountRate),
    discounting: a.discounting,
    inflation: ar.of(a.inflation),
    series: {
      oreMined: list(a.production.oreMined),
      wasteMined: list(a.production.wasteMined),
      grade: list(a.production.grade),
      recovery: list(a.production.recovery),
      prices: list(a.prices),
      fixed: list(a.costs.fixed),
      initial: list(a.capex.initial),
      sustaining: list(a.capex.sustaining),
      closure: list(a.capex.closure),
    },
    productFactor: ar.of(a.production.productFactor),
    payability: ar.of(a.production.payability),
    miningPerTonne: ar.of(a.costs.miningPerTonne),
    processingPerTonneOre: ar.of(a.costs.processingPerTonneOre),
    sellingPerUnit: ar.of(a.costs.sellingPerUnit),
    workingCapitalRate: ar.of(a.workingCapitalRate),
    fiscalChange: null,
  };
}

export function toDealTerms<T>(ar: Arithmetic<T>, terms: Terms): DealTerms<T> {
  const optional = (v: number | string | null | undefined) => (v === null || v === undefined ? null : ar.of(v));
  const partnerIndex = (id: string) => terms.partners.findIndex((p) => p.id === id);
  const fiscal = terms.fiscal;
  return {
    partners: terms.partners.map((p) => ({
      id: p.id,
      state: p.state,
      foreign: p.foreign,
      equity: ar.of(p.equity),
      hurdleRate: ar.of(p.hurdleRate),
      carried: p.carried ? { interestRate: ar.of(p.carried.interestRate), repaymentShare: ar.of(p.carried.repaymentShare) } : null,
      fundingCap: optional(p.fundingCap),
    })),
    deemedValue: ar.of(terms.deemedValue),
    dilution: terms.dilution,
    royalty: {
      base: fiscal.royalty.base,
      bands: fiscal.royalty.bands.map((b) => ({ fromPrice: ar.of(b.fromPrice), rate: ar.of(b.rate) })),
      interpolate: fiscal.royalty.interpolate,
    },
    incomeTax: {
      rate: ar.of(fiscal.incomeTax.rate),
      depreciationYears: fiscal.incomeTax.depreciationYears,
      lossCarryForwardYears: fiscal.incomeTax.lossCarryForwardYears ?? null,
      holidayYears: fiscal.incomeTax.holidayYears ?? 0,
      investmentAllowance: optional(fiscal.incomeTax.investmentAllowance) ?? ar.zero,
      depreciation: fiscal.incomeTax.depreciation?.method === 'declining-balance'
        ? { method: 'declining-balance', rate: ar.of(fiscal.incomeTax.depreciation.rate ?? 0) }
        : { method: 'straight-line' },
      thinCapRatio: optional(fiscal.incomeTax.thinCapRatio),
    },
    resourceRentTax: fiscal.resourceRentTax
      ? { rate: ar.of(fiscal.resourceRentTax.rate), thresholdRate: ar.of(fiscal.resourceRentTax.thresholdRate) }
      : null,
    withholding: {
      dividends: ar.of(fiscal.withholding.dividends),
      technology: ar.of(fiscal.withholding.technology),
      interest: optional(fiscal.withholding.interest) ?? ar.zero,
    },
    communityShare: ar.of(fiscal.communityShare),
    technology: terms.technology.map((t) => {
      const licensorIndex = t.licensor === 'external' ? -1 : partnerIndex(t.licensor);
      return {
        id: t.id,
        licensorIndex,
        foreign: licensorIndex < 0 ? t.foreign === true : terms.partners[licensorIndex]!.foreign,
        recoveryUplift: ar.of(t.recoveryUplift),
        fees: t.fees.map((f) => ({ year: f.year, amount: ar.of(f.amount) })),
        royaltyRate: ar.of(t.royaltyRate),
        royaltyFromYear: t.royaltyFromYear ?? null,
        royaltyToYear: t.royaltyToYear ?? null,
        royaltyCapPerYear: optional(t.royaltyCapPerYear),
      };
    }),
    offtake: terms.offtake.map((o) => ({
      id: o.id,
      offtakerIndex: o.offtaker === 'external' ? -1 : partnerIndex(o.offtaker),
      share: ar.of(o.share),
      discount: ar.of(o.discount),
      floor: optional(o.floor),
      ceiling: optional(o.ceiling),
      fromYear: o.fromYear ?? null,
      toYear: o.toYear ?? null,
    })),
    capitalGrant: fiscal.capitalGrant ? { share: ar.of(fiscal.capitalGrant.share), cap: optional(fiscal.capitalGrant.cap) } : null,
    stabilized: fiscal.stabilized === true,
    stabilizedUntilYear: fiscal.stabilizedUntilYear ?? null,
    debt: (terms.debt ?? []).map((d) => {
      const lenderIndex = d.lender === 'external' ? -1 : partnerIndex(d.lender);
      return {
        id: d.id,
        lenderIndex,
        foreign: lenderIndex < 0 ? d.foreign === true : terms.partners[lenderIndex]!.foreign,
        drawdown: d.gearing !== null && d.gearing !== undefined
          ? { basis: 'gearing' as const, gearing: ar.of(d.gearing), fromYear: d.drawFromYear ?? null, toYear: d.drawToYear ?? null }
          : { basis: 'dated' as const, amounts: (d.drawdowns ?? []).map((x) => ({ year: x.year, amount: ar.of(x.amount) })) },
        maxAmount: optional(d.maxAmount),
        interestRate: ar.of(d.interestRate),
        graceYears: d.graceYears,
        tenorYears: d.tenorYears,
        repayment: d.repayment,
      };
    }),
    priceSupport: (terms.priceSupport ?? []).map((c) => ({
      id: c.id,
      strike: ar.of(c.strike),
      share: ar.of(c.share),
      fromYear: c.fromYear ?? null,
      toYear: c.toYear ?? null,
      upside: c.capPrice !== null && c.capPrice !== undefined && c.upsideShare !== null && c.upsideShare !== undefined
        ? { capPrice: ar.of(c.capPrice), share: ar.of(c.upsideShare) }
        : null,
    })),
  };
}

export function toOverrides<T>(ar: Arithmetic<T>, o: Overrides): TransformOverrides<T> {
  const optional = (v: number | string | undefined) => (v === undefined ? null : ar.of(v));
  return {
    priceFactor: optional(o.priceFactor),
    capexFactor: optional(o.capexFactor),
    opexFactor: optional(o.opexFactor),
    gradeFactor: optional(o.gradeFactor),
    delayYears: o.delayYears ?? 0,
    disruption: o.disruption ? { fromYear: o.disruption.fromYear, toYear: o.disruption.toYear } : null,
    prices: o.prices ? o.prices.map((p) => ar.of(p)) : null,
    discountRate: optional(o.discountRate),
    fiscalChange: toFiscalChange(ar, o.fiscalChange),
  };
}
