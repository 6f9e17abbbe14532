// The Inputs sheet: every assumption and term of one structure under one scenario, after the
// scenario's transforms, as values with labels and units. The labels live here, once.
import type { Dec } from '../../../shared/engine/arithmetic.ts';
import type { DealTerms, VentureInputs } from '../../../shared/engine/model.ts';
import type { Overrides, Project, Scenario, Structure } from '../../../shared/engine/interchange.ts';
import type { CellValue } from './formula.ts';
import { fiscalChangeStart } from '../../../shared/engine/fiscal-change.ts';
import { labelOf } from '../../../shared/fields/lookup.ts';
import { SheetBuilder, type RowHandle } from './sheet.ts';

export interface PartnerInputs {
  id: string;
  /** Carried partners do not fund; which partners are carried shapes the sheet. */
  carried: boolean;
  equity: RowHandle;
  funder: RowHandle;
  foreign: RowHandle;
  hurdleRate: RowHandle;
  carryInterestRate: RowHandle;
  repaymentShare: RowHandle;
  fundingCap: RowHandle;
  state: RowHandle;
}

export interface TechnologyInputs {
  id: string;
  /** Partner index, or -1 for an external licensor. */
  licensorIndex: number;
  foreign: RowHandle;
  recoveryUplift: RowHandle;
  royaltyRate: RowHandle;
  royaltyFromYear: RowHandle;
  royaltyToYear: RowHandle;
  royaltyCap: RowHandle;
  fees: RowHandle;
}

export interface OfftakeInputs {
  id: string;
  /** Partner index, or -1 for an external offtaker. */
  offtakerIndex: number;
  share: RowHandle;
  discount: RowHandle;
  floor: RowHandle;
  ceiling: RowHandle;
  fromYear: RowHandle;
  toYear: RowHandle;
}

export interface DebtInputs {
  id: string;
  /** Partner index, or -1 for an external lender. */
  lenderIndex: number;
  foreign: RowHandle;
  /** Gearing tranches: γ and the calendar window; dated tranches: the amounts by year. */
  gearing: { gearing: RowHandle; fromYear: RowHandle; toYear: RowHandle } | null;
  dated: RowHandle | null;
  maxAmount: RowHandle;
  interestRate: RowHandle;
  graceYears: RowHandle;
  tenorYears: RowHandle;
  annuity: RowHandle;
}

export interface PriceSupportInputs {
  id: string;
  strike: RowHandle;
  share: RowHandle;
  fromYear: RowHandle;
  toYear: RowHandle;
  capPrice: RowHandle;
  upsideShare: RowHandle;
}

/** Methodology v2's instruments (§11–§15); null for a version-1 project. */
export interface V2Inputs {
  fiscalChangeFrom: RowHandle;
  royaltyRateAdd: RowHandle;
  changedIncomeTaxRate: RowHandle;
  holidayYears: RowHandle;
  investmentAllowance: RowHandle;
  decliningBalance: RowHandle;
  decliningRate: RowHandle;
  thinCapRatio: RowHandle;
  interestWithholding: RowHandle;
  grantShare: RowHandle;
  grantCap: RowHandle;
  priceSupport: PriceSupportInputs[];
  debt: DebtInputs[];
}

export interface InputRows {
  v2: V2Inputs | null;
  startYear: RowHandle;
  years: RowHandle;
  discountRate: RowHandle;
  /** Years before the year's end at which its flow is discounted: 0.5 mid-year, 0 end-year. */
  timing: RowHandle;
  inflation: RowHandle;
  oreMined: RowHandle;
  wasteMined: RowHandle;
  grade: RowHandle;
  recovery: RowHandle;
  productFactor: RowHandle;
  payability: RowHandle;
  prices: RowHandle;
  miningPerTonne: RowHandle;
  processingPerTonneOre: RowHandle;
  fixed: RowHandle;
  sellingPerUnit: RowHandle;
  initial: RowHandle;
  sustaining: RowHandle;
  closure: RowHandle;
  workingCapitalRate: RowHandle;
  royaltyNet: RowHandle;
  royaltyInterpolate: RowHandle;
  bandFromPrices: { first: number; last: number };
  bandRates: { first: number; last: number };
  communityShare: RowHandle;
  incomeTaxRate: RowHandle;
  depreciationYears: RowHandle;
  lossCarryForwardYears: RowHandle;
  rrtRate: RowHandle;
  rrtThresholdRate: RowHandle;
  dividendWithholding: RowHandle;
  technologyWithholding: RowHandle;
  deemedValue: RowHandle;
  dilution: RowHandle;
  partners: PartnerInputs[];
  technology: TechnologyInputs[];
  offtake: OfftakeInputs[];
}

const n = (x: Dec) => x.toNumber();
const optional = (x: Dec | null): CellValue => (x === null ? null : x.toNumber());
const yesNo = (b: boolean) => (b ? 1 : 0);

/** Plain words for each transform a scenario applies, in the methodology's order (§2). */
export function describeTransforms(o: Overrides): string[] {
  const lines: string[] = [];
  if (o.delayYears) lines.push(`Delay: the mine plan, fixed costs, sustaining capex and closure move ${o.delayYears} year(s) later`);
  if (o.disruption) lines.push(`Disruption: no ore or waste mined from ${o.disruption.fromYear} to ${o.disruption.toYear}`);
  if (o.prices) lines.push('Price deck replaced by the scenario\'s deck');
  if (o.priceFactor !== undefined) lines.push(`Price factor ${o.priceFactor} on the price deck`);
  if (o.capexFactor !== undefined) lines.push(`Capex factor ${o.capexFactor} on initial and sustaining capex`);
  if (o.opexFactor !== undefined) lines.push(`Opex factor ${o.opexFactor} on unit costs, fixed costs and selling costs`);
  if (o.gradeFactor !== undefined) lines.push(`Grade factor ${o.gradeFactor} on every grade`);
  if (o.discountRate !== undefined) lines.push(`Discount rate replaced by ${o.discountRate}`);
  if (o.fiscalChange) lines.push(`Fiscal change from ${o.fiscalChange.fromYear}: royalty rate ${o.fiscalChange.royaltyRateAdd ?? 0} added, income tax rate ${o.fiscalChange.incomeTaxRate ?? 'unchanged'} (before any stabilisation)`);
  return lines;
}

export function buildInputs(
  b: SheetBuilder, project: Project, structure: Structure, scenario: Scenario,
  v: VentureInputs<Dec>, deal: DealTerms<Dec>, units: { currency: string; product: string },
): InputRows {
  const money = units.currency;
  const perProduct = `${money}/${units.product}`;
  const s = project.structures.indexOf(structure);
  /** The field catalogue's label for an interchange path (the words the editor uses), or ours where it has none. */
  const label = (path: string, fallback: string) => {
    const found = labelOf(path.replace(/^T\./, `structures[${s}].terms.`), { project, byName: true });
    return found.includes('[') || found.includes('.') && found.includes('terms') ? fallback : found;
  };
  const scalar = (label: string, unit: string, value: CellValue, note?: string) =>
    b.row(label, { unit, style: 'input', key: { value }, ...(note ? { note } : {}) });
  const series = (label: string, unit: string, values: readonly Dec[]) =>
    b.row(label, { unit, style: 'input', timeline: { values: values.map(n) } });
  const section = (label: string) => {
    b.blank();
    b.row(label, { style: 'section' });
  };

  b.row(`${project.name ?? 'Orebridge project'}: inputs`, { style: 'title' });
  b.row(`Structure "${structure.name ?? structure.id}" (${structure.id}) under scenario "${scenario.name ?? scenario.id}" (${scenario.id}). Blue cells are inputs; every other number in this workbook is a formula over them.`, { style: 'note' });
  const transforms = describeTransforms(scenario.overrides);
  b.row(transforms.length === 0 ? 'Scenario transforms applied: none' : 'Scenario transforms applied (the values below already include them):', { style: 'heading' });
  for (const line of transforms) b.row(`• ${line}`, { style: 'note' });
  b.row('Calendar year', { style: 'heading', timeline: { values: Array.from({ length: v.years }, (_, k) => v.startYear + k) } });

  section('Venture');
  const startYear = scalar(label('assumptions.startYear', 'First calendar year'), 'year', v.startYear);
  const years = scalar('Years of the venture (N)', 'years', v.years);
  const discountRate = scalar(label('assumptions.discountRate', 'Discount rate (real)'), 'rate', n(v.discountRate));
  const timing = scalar('Discounting: flows this far before the year end (0.5 = mid-year, 0 = end-year)', 'years', v.discounting === 'mid-year' ? 0.5 : 0);
  const inflation = scalar(label('assumptions.inflation', 'Inflation'), 'rate', n(v.inflation));

  section('Production');
  const oreMined = series(label('assumptions.production.oreMined', 'Ore mined'), 't', v.series.oreMined);
  const wasteMined = series(label('assumptions.production.wasteMined', 'Waste mined'), 't', v.series.wasteMined);
  const grade = series(label('assumptions.production.grade', 'Grade'), 'fraction', v.series.grade);
  const recovery = series(label('assumptions.production.recovery', 'Recovery'), 'fraction', v.series.recovery);
  const productFactor = scalar(label('assumptions.production.productFactor', 'Product factor'), `${units.product}/t contained`, n(v.productFactor));
  const payability = scalar(label('assumptions.production.payability', 'Payability'), 'fraction', n(v.payability));
  const prices = series('Price deck (real, money of year 1)', perProduct, v.series.prices);

  section('Costs and capital (real, money of year 1)');
  const miningPerTonne = scalar(label('assumptions.costs.miningPerTonne', 'Mining cost per tonne moved'), `${money}/t`, n(v.miningPerTonne));
  const processingPerTonneOre = scalar(label('assumptions.costs.processingPerTonneOre', 'Processing cost per tonne of ore'), `${money}/t`, n(v.processingPerTonneOre));
  const fixed = series(label('assumptions.costs.fixed', 'Fixed costs'), money, v.series.fixed);
  const sellingPerUnit = scalar(label('assumptions.costs.sellingPerUnit', 'Selling cost per unit of product'), perProduct, n(v.sellingPerUnit));
  const initial = series(label('assumptions.capex.initial', 'Initial capex'), money, v.series.initial);
  const sustaining = series(label('assumptions.capex.sustaining', 'Sustaining capex'), money, v.series.sustaining);
  const closure = series(label('assumptions.capex.closure', 'Closure costs'), money, v.series.closure);
  const workingCapitalRate = scalar(label('assumptions.workingCapitalRate', 'Working capital (share of revenue)'), 'fraction', n(v.workingCapitalRate));

  section('Fiscal terms');
  const royaltyNet = scalar('Royalty on net revenue (1 = net of selling costs, 0 = gross)', 'flag', yesNo(deal.royalty.base === 'net'));
  const royaltyInterpolate = scalar('Royalty bands interpolated (1 = linear, 0 = step)', 'flag', yesNo(deal.royalty.interpolate));
  const froms = deal.royalty.bands.map((band, i) => scalar(label(`T.fiscal.royalty.bands[${i}].fromPrice`, `Royalty band ${i + 1}: from price`), perProduct, n(band.fromPrice)));
  const rates = deal.royalty.bands.map((band, i) => scalar(label(`T.fiscal.royalty.bands[${i}].rate`, `Royalty band ${i + 1}: rate`), 'rate', n(band.rate)));
  const communityShare = scalar(label('T.fiscal.communityShare', 'Community share of revenue'), 'fraction', n(deal.communityShare));
  const incomeTaxRate = scalar(label('T.fiscal.incomeTax.rate', 'Income tax rate'), 'rate', n(deal.incomeTax.rate));
  const depreciationYears = scalar(label('T.fiscal.incomeTax.depreciationYears', 'Depreciation life'), 'years', deal.incomeTax.depreciationYears);
  const lossCarryForwardYears = scalar(label('T.fiscal.incomeTax.lossCarryForwardYears', 'Loss carry-forward'), 'years', deal.incomeTax.lossCarryForwardYears,
    deal.incomeTax.lossCarryForwardYears === null ? 'blank: without limit' : undefined);
  const rrt = deal.resourceRentTax;
  const rrtRate = scalar('Resource rent tax rate', 'rate', rrt ? n(rrt.rate) : 0, rrt ? undefined : 'no resource rent tax in this structure');
  const rrtThresholdRate = scalar('Resource rent tax threshold rate (nominal)', 'rate', rrt ? n(rrt.thresholdRate) : 0);
  const dividendWithholding = scalar(label('T.fiscal.withholding.dividends', 'Withholding tax on dividends to foreign partners'), 'rate', n(deal.withholding.dividends));
  const technologyWithholding = scalar(label('T.fiscal.withholding.technology', 'Withholding tax on technology payments to foreign licensors'), 'rate', n(deal.withholding.technology));

  section('Partners');
  const deemedValue = scalar(label('T.deemedValue', 'Deemed value (for dilution)'), money, n(deal.deemedValue));
  const dilution = scalar('Dilution (1 = interests follow contributions, 0 = fixed)', 'flag', yesNo(deal.dilution));
  const partners = deal.partners.map((p, i): PartnerInputs => {
    const at = (field: string, fallback: string) => label(`T.partners[${i}].${field}`, `${p.id}: ${fallback}`);
    const name = structure.terms.partners.find((x) => x.id === p.id)?.name ?? p.id;
    b.row(`${name} (${p.id})`, { style: 'heading' });
    return {
      id: p.id,
      carried: p.carried !== null,
      equity: scalar(at('equity', 'initial participating interest'), 'fraction', n(p.equity)),
      funder: scalar(`${p.id}: funds cash calls (1 = yes, 0 = carried)`, 'flag', yesNo(p.carried === null)),
      foreign: scalar(`${p.id}: foreign (dividends withheld)`, 'flag', yesNo(p.foreign)),
      state: scalar(`${p.id}: state party (counts in government take incl. state)`, 'flag', yesNo(p.state)),
      hurdleRate: scalar(at('hurdleRate', 'hurdle rate (real)'), 'rate', n(p.hurdleRate)),
      carryInterestRate: scalar(at('carried.interestRate', 'carry interest rate (nominal)'), 'rate', p.carried ? n(p.carried.interestRate) : 0),
      repaymentShare: scalar(at('carried.repaymentShare', 'share of distributions repaying the carry'), 'fraction', p.carried ? n(p.carried.repaymentShare) : 0),
      fundingCap: scalar(at('fundingCap', 'funding cap (nominal, cumulative)'), money, optional(p.fundingCap), p.fundingCap === null ? 'blank: no cap' : undefined),
    };
  });

  if (deal.technology.length > 0) section('Technology agreements');
  const technology = deal.technology.map((t): TechnologyInputs => {
    const licensor = t.licensorIndex < 0 ? 'external' : deal.partners[t.licensorIndex]!.id;
    b.row(`Agreement ${t.id} (licensor: ${licensor})`, { style: 'heading' });
    const feesByYear = Array.from({ length: v.years }, (_, k) =>
      t.fees.filter((f) => f.year === v.startYear + k).reduce((s, f) => s + n(f.amount), 0));
    return {
      id: t.id,
      licensorIndex: t.licensorIndex,
      foreign: scalar(`${t.id}: licensor is foreign (technology withholding)`, 'flag', yesNo(t.foreign)),
      recoveryUplift: scalar(`${t.id}: recovery uplift`, 'fraction', n(t.recoveryUplift)),
      royaltyRate: scalar(`${t.id}: running royalty rate`, 'rate', n(t.royaltyRate)),
      royaltyFromYear: scalar(`${t.id}: running royalty from (calendar year)`, 'year', t.royaltyFromYear, t.royaltyFromYear === null ? 'blank: from the start' : undefined),
      royaltyToYear: scalar(`${t.id}: running royalty to (calendar year)`, 'year', t.royaltyToYear, t.royaltyToYear === null ? 'blank: to the end' : undefined),
      royaltyCap: scalar(`${t.id}: running royalty cap per year (nominal)`, money, optional(t.royaltyCapPerYear), t.royaltyCapPerYear === null ? 'blank: no cap' : undefined),
      fees: b.row(`${t.id}: fees (nominal, by the year they are due)`, { unit: money, style: 'input', timeline: { values: feesByYear } }),
    };
  });

  if (deal.offtake.length > 0) section('Offtake contracts');
  const offtake = deal.offtake.map((o): OfftakeInputs => {
    const offtaker = o.offtakerIndex < 0 ? 'external' : deal.partners[o.offtakerIndex]!.id;
    b.row(`Offtake ${o.id} (offtaker: ${offtaker})`, { style: 'heading' });
    return {
      id: o.id,
      offtakerIndex: o.offtakerIndex,
      share: scalar(`${o.id}: share of production`, 'fraction', n(o.share)),
      discount: scalar(`${o.id}: discount to the market price`, 'fraction', n(o.discount)),
      floor: scalar(`${o.id}: floor price (nominal)`, perProduct, optional(o.floor), o.floor === null ? 'blank: no floor' : undefined),
      ceiling: scalar(`${o.id}: ceiling price (nominal)`, perProduct, optional(o.ceiling), o.ceiling === null ? 'blank: no ceiling' : undefined),
      fromYear: scalar(`${o.id}: from (calendar year)`, 'year', o.fromYear, o.fromYear === null ? 'blank: from the start' : undefined),
      toYear: scalar(`${o.id}: to (calendar year)`, 'year', o.toYear, o.toYear === null ? 'blank: to the end' : undefined),
    };
  });

  const v2 = Number(project.version) === 2 ? buildV2Inputs(b, scalar, section, v, deal, money, perProduct) : null;

  return {
    v2,
    startYear, years, discountRate, timing, inflation, oreMined, wasteMined, grade, recovery, productFactor, payability, prices,
    miningPerTonne, processingPerTonneOre, fixed, sellingPerUnit, initial, sustaining, closure, workingCapitalRate,
    royaltyNet, royaltyInterpolate,
    bandFromPrices: { first: froms[0]!.row, last: froms[froms.length - 1]!.row },
    bandRates: { first: rates[0]!.row, last: rates[rates.length - 1]!.row },
    communityShare, incomeTaxRate, depreciationYears, lossCarryForwardYears, rrtRate, rrtThresholdRate,
    dividendWithholding, technologyWithholding, deemedValue, dilution, partners, technology, offtake,
  };
}

type Scalar = (label: string, unit: string, value: CellValue, note?: string) => RowHandle;

function buildV2Inputs(
  b: SheetBuilder, scalar: Scalar, section: (label: string) => void, v: VentureInputs<Dec>, deal: DealTerms<Dec>, money: string, perProduct: string,
): V2Inputs {
  section('Public-finance instruments (methodology v2)');
  const change = v.fiscalChange;
  const from = fiscalChangeStart(deal, change);
  const fiscalChangeFrom = scalar('Fiscal change applies from (calendar year)', 'year', from,
    change === null ? 'blank: no fiscal change in this scenario' : from === null ? 'blank: the structure is stabilised without an end year' : deal.stabilized ? `stabilisation applied (the change is from ${change.fromYear})` : undefined);
  const royaltyRateAdd = scalar('Fiscal change: added to the royalty rate', 'rate', change?.royaltyRateAdd ? n(change.royaltyRateAdd) : 0);
  const changedIncomeTaxRate = scalar('Fiscal change: income tax rate', 'rate', change?.incomeTaxRate ? n(change.incomeTaxRate) : null, change?.incomeTaxRate ? undefined : 'blank: unchanged');
  const it = deal.incomeTax;
  const holidayYears = scalar('Tax holiday from first production', 'years', it.holidayYears);
  const investmentAllowance = scalar('Investment allowance (share of capex net of grants)', 'fraction', n(it.investmentAllowance));
  const decliningBalance = scalar('Depreciation declining-balance (1) or straight line (0)', 'flag', yesNo(it.depreciation.method === 'declining-balance'));
  const decliningRate = scalar('Declining-balance rate', 'rate', it.depreciation.method === 'declining-balance' ? n(it.depreciation.rate) : 0);
  const thinCapRatio = scalar('Thin-capitalisation ratio (debt to equity called)', 'factor', optional(it.thinCapRatio), it.thinCapRatio === null ? 'blank: no limit' : undefined);
  const interestWithholding = scalar('Withholding tax on interest to foreign lenders', 'rate', n(deal.withholding.interest));
  const grant = deal.capitalGrant;
  const grantShare = scalar('Capital grant (share of initial capex)', 'fraction', grant ? n(grant.share) : 0);
  const grantCap = scalar('Capital grant cap (nominal, cumulative)', money, grant ? optional(grant.cap) : null, grant?.cap ? undefined : 'blank: no cap');
  const priceSupport = deal.priceSupport.map((c): PriceSupportInputs => {
    b.row(`Price support ${c.id}`, { style: 'heading' });
    return {
      id: c.id,
      strike: scalar(`${c.id}: strike (nominal)`, perProduct, n(c.strike)),
      share: scalar(`${c.id}: share of production covered`, 'fraction', n(c.share)),
      fromYear: scalar(`${c.id}: from (calendar year)`, 'year', c.fromYear, c.fromYear === null ? 'blank: from the start' : undefined),
      toYear: scalar(`${c.id}: to (calendar year)`, 'year', c.toYear, c.toYear === null ? 'blank: to the end' : undefined),
      capPrice: scalar(`${c.id}: cap price for the clawback (nominal)`, perProduct, c.upside ? n(c.upside.capPrice) : null, c.upside ? undefined : 'blank: no clawback'),
      upsideShare: scalar(`${c.id}: share of the upside clawed back`, 'fraction', c.upside ? n(c.upside.share) : 0),
    };
  });
  const debt = deal.debt.map((d): DebtInputs => {
    const lender = d.lenderIndex < 0 ? 'external' : deal.partners[d.lenderIndex]!.id;
    b.row(`Loan ${d.id} (lender: ${lender})`, { style: 'heading' });
    const basis = d.drawdown;
    const dated = basis.basis === 'dated'
      ? b.row(`${d.id}: drawdowns (nominal, by year)`, { unit: money, style: 'input', timeline: { values: Array.from({ length: v.years }, (_, k) =>
        basis.amounts.filter((a) => a.year === v.startYear + k).reduce((s, a) => s + n(a.amount), 0)) } })
      : null;
    return {
      id: d.id,
      lenderIndex: d.lenderIndex,
      foreign: scalar(`${d.id}: lender is foreign (interest withholding)`, 'flag', yesNo(d.foreign)),
      gearing: basis.basis === 'gearing' ? {
        gearing: scalar(`${d.id}: gearing (share of capex drawn)`, 'fraction', n(basis.gearing)),
        fromYear: scalar(`${d.id}: draws from (calendar year)`, 'year', basis.fromYear, basis.fromYear === null ? 'blank: from the start' : undefined),
        toYear: scalar(`${d.id}: draws to (calendar year)`, 'year', basis.toYear, basis.toYear === null ? 'blank: to the end' : undefined),
      } : null,
      dated,
      maxAmount: scalar(`${d.id}: maximum amount (nominal)`, money, optional(d.maxAmount), d.maxAmount === null ? 'blank: no maximum' : undefined),
      interestRate: scalar(`${d.id}: interest rate (nominal)`, 'rate', n(d.interestRate)),
      graceYears: scalar(`${d.id}: grace years after the last drawdown`, 'years', d.graceYears),
      tenorYears: scalar(`${d.id}: repayment years`, 'years', d.tenorYears),
      annuity: scalar(`${d.id}: annuity (1) or equal principal (0)`, 'flag', yesNo(d.repayment === 'annuity')),
    };
  });
  return {
    fiscalChangeFrom, royaltyRateAdd, changedIncomeTaxRate, holidayYears, investmentAllowance, decliningBalance, decliningRate,
    thinCapRatio, interestWithholding, grantShare, grantCap, priceSupport, debt,
  };
}
