import type { Arithmetic } from './arithmetic.ts';
import type { Assumptions, Discounting, Overrides, RoyaltyBase, Terms } from './interchange.ts';

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

export interface DealTerms<T> {
  partners: PartnerTerms<T>[];
  deemedValue: T;
  dilution: boolean;
  royalty: { base: RoyaltyBase; bands: { fromPrice: T; rate: T }[]; interpolate: boolean };
  incomeTax: { rate: T; depreciationYears: number; lossCarryForwardYears: number | null };
  resourceRentTax: { rate: T; thresholdRate: T } | null;
  withholding: { dividends: T; technology: T };
  communityShare: T;
  technology: TechnologyTerms<T>[];
  offtake: OfftakeTerms<T>[];
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
    },
    resourceRentTax: fiscal.resourceRentTax
      ? { rate: ar.of(fiscal.resourceRentTax.rate), thresholdRate: ar.of(fiscal.resourceRentTax.thresholdRate) }
      : null,
    withholding: { dividends: ar.of(fiscal.withholding.dividends), technology: ar.of(fiscal.withholding.technology) },
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
  };
}
