import { Dec, type Dec as Decimal } from './arithmetic.ts';
import {
  DISCOUNTING_CONVENTIONS, PARTNER_KINDS, RESERVED_PARTY_IDS, ROYALTY_BASES, type Project,
} from './interchange.ts';
import {
  MAX_YEAR, at, checkBoolean, checkChoice, checkDecimal, checkId, checkInteger, checkList, checkObject, checkSeries,
  checkString, isUnset, Problems, type Json, type Problem,
} from './validate-primitives.ts';
import { checkOverrides, checkShocks } from './validate-scenarios.ts';
import { duplicateIds, integerField, optionalText, type Horizon } from './validate-primitives.ts';

export type { Problem } from './validate-primitives.ts';
export type ValidationResult = { ok: true; project: Project } | { ok: false; problems: Problem[] };

/** §9: every problem of a project document at once; the project is returned only when there is none. */
export function validateProject(input: unknown): ValidationResult {
  const p = new Problems();
  const doc = isJsonValue(input) ? (JSON.parse(JSON.stringify(input)) as unknown) : input;
  const root = checkObject(p, doc, '', 'a project', ['format', 'version', 'assumptions', 'structures', 'scenarios'], ['name', 'notes', 'shocks']);
  if (root) {
    if (root.format !== 'orebridge-project') p.add('format', `must be "orebridge-project", not ${JSON.stringify(root.format)}: this is not an Orebridge project document`);
    if (root.version !== 1) p.add('version', `must be 1 (this version of Orebridge reads project documents of version 1), not ${JSON.stringify(root.version)}`);
    optionalText(p, root, '', ['name', 'notes']);
    const horizon = checkAssumptions(p, root.assumptions, 'assumptions');
    checkStructures(p, root.structures, horizon);
    const scenarios = checkList(p, root.scenarios, 'scenarios', 'scenarios', true);
    scenarios?.forEach((s, i) => {
      const path = at('scenarios', i);
      const scenario = checkObject(p, s, path, 'a scenario', ['id', 'overrides'], ['name', 'notes']);
      if (!scenario) return;
      checkId(p, scenario.id, at(path, 'id'));
      optionalText(p, scenario, path, ['name', 'notes']);
      checkOverrides(p, scenario.overrides, at(path, 'overrides'), horizon);
    });
    if (scenarios) duplicateIds(p, scenarios, 'scenarios');
    if (!isUnset(root.shocks)) checkShocks(p, root.shocks, 'shocks', horizon);
  }
  return p.list.length === 0 ? { ok: true, project: doc as Project } : { ok: false, problems: p.list };
}

function isJsonValue(input: unknown): boolean {
  try {
    JSON.stringify(input);
    return typeof input === 'object' && input !== null;
  } catch {
    return false;
  }
}

function checkAssumptions(p: Problems, value: unknown, path: string): Horizon {
  const horizon: Horizon = { startYear: null, years: null };
  const a = checkObject(p, value, path, 'the assumptions', [
    'startYear', 'years', 'discountRate', 'discounting', 'inflation', 'production', 'prices', 'costs', 'capex', 'workingCapitalRate',
  ], ['commodity', 'productUnit', 'currency']);
  if (!a) return horizon;
  optionalText(p, a, path, ['commodity', 'productUnit', 'currency']);
  horizon.startYear = integerField(p, a, 'startYear', path, 1, MAX_YEAR, 'the first calendar year');
  horizon.years = integerField(p, a, 'years', path, 1, 100, 'the number of annual periods');
  const n = horizon.years;
  checkDecimal(p, a.discountRate, at(path, 'discountRate'), 'rate');
  checkChoice(p, a.discounting, at(path, 'discounting'), DISCOUNTING_CONVENTIONS, 'the discounting convention');
  checkDecimal(p, a.inflation, at(path, 'inflation'), 'rate');
  checkDecimal(p, a.workingCapitalRate, at(path, 'workingCapitalRate'), 'fraction');
  checkSeries(p, a.prices, at(path, 'prices'), n, 'non-negative');

  const prodPath = at(path, 'production');
  const prod = checkObject(p, a.production, prodPath, 'the production plan', ['oreMined', 'wasteMined', 'grade', 'recovery', 'productFactor', 'payability']);
  if (prod) {
    checkSeries(p, prod.oreMined, at(prodPath, 'oreMined'), n, 'non-negative');
    checkSeries(p, prod.wasteMined, at(prodPath, 'wasteMined'), n, 'non-negative');
    checkSeries(p, prod.grade, at(prodPath, 'grade'), n, 'fraction');
    checkSeries(p, prod.recovery, at(prodPath, 'recovery'), n, 'fraction');
    checkDecimal(p, prod.productFactor, at(prodPath, 'productFactor'), 'non-negative');
    checkDecimal(p, prod.payability, at(prodPath, 'payability'), 'fraction');
  }
  const costPath = at(path, 'costs');
  const costs = checkObject(p, a.costs, costPath, 'the costs', ['miningPerTonne', 'processingPerTonneOre', 'fixed', 'sellingPerUnit']);
  if (costs) {
    checkDecimal(p, costs.miningPerTonne, at(costPath, 'miningPerTonne'), 'non-negative');
    checkDecimal(p, costs.processingPerTonneOre, at(costPath, 'processingPerTonneOre'), 'non-negative');
    checkSeries(p, costs.fixed, at(costPath, 'fixed'), n, 'non-negative');
    checkDecimal(p, costs.sellingPerUnit, at(costPath, 'sellingPerUnit'), 'non-negative');
  }
  const capexPath = at(path, 'capex');
  const capex = checkObject(p, a.capex, capexPath, 'the capital costs', ['initial', 'sustaining', 'closure']);
  if (capex) for (const key of ['initial', 'sustaining', 'closure']) checkSeries(p, capex[key], at(capexPath, key), n, 'non-negative');
  return horizon;
}

function checkStructures(p: Problems, value: unknown, horizon: Horizon): void {
  const structures = checkList(p, value, 'structures', 'deal structures', true);
  if (!structures) return;
  structures.forEach((s, i) => {
    const path = at('structures', i);
    const structure = checkObject(p, s, path, 'a deal structure', ['id', 'terms'], ['name', 'notes']);
    if (!structure) return;
    checkId(p, structure.id, at(path, 'id'));
    optionalText(p, structure, path, ['name', 'notes']);
    checkTerms(p, structure.terms, at(path, 'terms'), horizon);
  });
  duplicateIds(p, structures, 'structures');
}

function checkTerms(p: Problems, value: unknown, path: string, horizon: Horizon): void {
  const terms = checkObject(p, value, path, 'the deal terms', ['partners', 'deemedValue', 'dilution', 'fiscal', 'technology', 'offtake']);
  if (!terms) return;
  const partnerIds = checkPartners(p, terms.partners, at(path, 'partners'));
  checkDecimal(p, terms.deemedValue, at(path, 'deemedValue'), 'non-negative');
  checkBoolean(p, terms.dilution, at(path, 'dilution'), 'whether funding dilutes interests');
  checkFiscal(p, terms.fiscal, at(path, 'fiscal'));
  checkTechnology(p, terms.technology, at(path, 'technology'), partnerIds, horizon);
  checkOfftakes(p, terms.offtake, at(path, 'offtake'), partnerIds, horizon);
}

/** Returns the partner ids (null when the list itself is unusable). */
function checkPartners(p: Problems, value: unknown, path: string): Set<string> | null {
  const partners = checkList(p, value, path, 'partners', true);
  if (!partners) return null;
  const ids = new Set<string>();
  let equitySum: Decimal | null = new Dec(0);
  let fundingEquity = false;
  partners.forEach((item, i) => {
    const pp = at(path, i);
    const partner = checkObject(p, item, pp, 'a partner',
      ['id', 'kind', 'state', 'equity', 'foreign', 'hurdleRate'], ['name', 'country', 'carried', 'fundingCap']);
    if (!partner) {
      equitySum = null;
      return;
    }
    const id = checkId(p, partner.id, at(pp, 'id'));
    if (id !== null) {
      if (RESERVED_PARTY_IDS.includes(id)) p.add(at(pp, 'id'), `"${id}" is reserved for a party that is not a partner: choose another id`);
      ids.add(id);
    }
    optionalText(p, partner, pp, ['name', 'country']);
    checkChoice(p, partner.kind, at(pp, 'kind'), PARTNER_KINDS, 'the kind of partner');
    checkBoolean(p, partner.state, at(pp, 'state'), 'whether the partner is a state entity');
    checkBoolean(p, partner.foreign, at(pp, 'foreign'), 'whether the partner is foreign for withholding tax');
    const equity = checkDecimal(p, partner.equity, at(pp, 'equity'), 'fraction');
    equitySum = equity === null || equitySum === null ? null : equitySum.plus(equity);
    checkDecimal(p, partner.hurdleRate, at(pp, 'hurdleRate'), 'rate');
    if (!isUnset(partner.fundingCap)) checkDecimal(p, partner.fundingCap, at(pp, 'fundingCap'), 'non-negative');
    if (!isUnset(partner.carried)) {
      const cp = at(pp, 'carried');
      const carried = checkObject(p, partner.carried, cp, 'carried terms', ['interestRate', 'repaymentShare']);
      if (carried) {
        checkDecimal(p, carried.interestRate, at(cp, 'interestRate'), 'rate');
        checkDecimal(p, carried.repaymentShare, at(cp, 'repaymentShare'), 'fraction');
      }
    } else if (equity !== null && equity.gt(0)) fundingEquity = true;
  });
  const sum = equitySum as Decimal | null;
  if (sum !== null && partners.length > 0 && !sum.eq(1)) {
    p.add(path, `the partners' equities must add up to exactly 1 (100 %); they add up to ${sum.toString()}`);
  }
  if (partners.length > 0 && !fundingEquity && partners.every(isFundable)) {
    p.add(path, 'at least one partner without carried terms must hold equity above 0, or no one funds the venture');
  }
  duplicateIds(p, partners, path);
  return ids;
}

const isFundable = (item: unknown) => typeof item === 'object' && item !== null;

function checkFiscal(p: Problems, value: unknown, path: string): void {
  const fiscal = checkObject(p, value, path, 'the fiscal terms', ['royalty', 'incomeTax', 'withholding', 'communityShare'], ['resourceRentTax']);
  if (!fiscal) return;
  const rp = at(path, 'royalty');
  const royalty = checkObject(p, fiscal.royalty, rp, 'the royalty', ['base', 'bands', 'interpolate']);
  if (royalty) {
    checkChoice(p, royalty.base, at(rp, 'base'), ROYALTY_BASES, 'the royalty base');
    checkBoolean(p, royalty.interpolate, at(rp, 'interpolate'), 'whether band rates are interpolated');
    checkBands(p, royalty.bands, at(rp, 'bands'));
  }
  const tp = at(path, 'incomeTax');
  const tax = checkObject(p, fiscal.incomeTax, tp, 'the income tax', ['rate', 'depreciationYears'], ['lossCarryForwardYears']);
  if (tax) {
    checkDecimal(p, tax.rate, at(tp, 'rate'), 'fraction');
    integerField(p, tax, 'depreciationYears', tp, 1, Number.MAX_SAFE_INTEGER, 'years of straight-line depreciation');
    if (!isUnset(tax.lossCarryForwardYears)) integerField(p, tax, 'lossCarryForwardYears', tp, 0, Number.MAX_SAFE_INTEGER, 'years a loss may be carried forward');
  }
  if (!isUnset(fiscal.resourceRentTax)) {
    const xp = at(path, 'resourceRentTax');
    const rrt = checkObject(p, fiscal.resourceRentTax, xp, 'the resource rent tax', ['rate', 'thresholdRate']);
    if (rrt) {
      checkDecimal(p, rrt.rate, at(xp, 'rate'), 'fraction');
      checkDecimal(p, rrt.thresholdRate, at(xp, 'thresholdRate'), 'rate');
    }
  }
  const wp = at(path, 'withholding');
  const wht = checkObject(p, fiscal.withholding, wp, 'the withholding taxes', ['dividends', 'technology']);
  if (wht) {
    checkDecimal(p, wht.dividends, at(wp, 'dividends'), 'fraction');
    checkDecimal(p, wht.technology, at(wp, 'technology'), 'fraction');
  }
  checkDecimal(p, fiscal.communityShare, at(path, 'communityShare'), 'fraction');
}

function checkBands(p: Problems, value: unknown, path: string): void {
  const bands = checkList(p, value, path, 'royalty bands', true);
  if (!bands) return;
  let previous: Decimal | null = null;
  bands.forEach((item, i) => {
    const bp = at(path, i);
    const band = checkObject(p, item, bp, 'a royalty band', ['fromPrice', 'rate']);
    if (!band) {
      previous = null;
      return;
    }
    checkDecimal(p, band.rate, at(bp, 'rate'), 'fraction');
    const from = checkDecimal(p, band.fromPrice, at(bp, 'fromPrice'), 'non-negative');
    if (from !== null && i === 0 && !from.isZero()) p.add(at(bp, 'fromPrice'), `the first band must start at price 0, not ${from.toString()}`);
    const before = previous as Decimal | null;
    if (from !== null && before !== null && from.lte(before)) {
      p.add(at(bp, 'fromPrice'), `bands must be strictly ascending: ${from.toString()} is not above the previous band's ${before.toString()}`);
    }
    previous = from;
  });
}

function checkPartnerRef(p: Problems, value: unknown, path: string, partnerIds: Set<string> | null, role: string): string | null {
  const ref = checkString(p, value, path, `a partner id or "external"`);
  if (ref !== null && ref !== 'external' && partnerIds !== null && !partnerIds.has(ref)) {
    p.add(path, `"${ref}" is not a partner of this structure: the ${role} must be a partner id or "external"`);
  }
  return ref;
}

function checkWindow(p: Problems, obj: Json, path: string, fromKey: string, toKey: string): void {
  const from = isUnset(obj[fromKey]) ? null : integerField(p, obj, fromKey, path, 1, MAX_YEAR, 'a calendar year');
  const to = isUnset(obj[toKey]) ? null : integerField(p, obj, toKey, path, 1, MAX_YEAR, 'a calendar year');
  if (from !== null && to !== null && from > to) p.add(at(path, toKey), `must not be before ${fromKey} (${from}), not ${to}`);
}

function checkTechnology(p: Problems, value: unknown, path: string, partnerIds: Set<string> | null, horizon: Horizon): void {
  const list = checkList(p, value, path, 'technology agreements', false);
  if (!list) return;
  list.forEach((item, i) => {
    const tp = at(path, i);
    const t = checkObject(p, item, tp, 'a technology agreement',
      ['id', 'licensor', 'recoveryUplift', 'fees', 'royaltyRate'],
      ['name', 'foreign', 'royaltyFromYear', 'royaltyToYear', 'royaltyCapPerYear']);
    if (!t) return;
    checkId(p, t.id, at(tp, 'id'));
    optionalText(p, t, tp, ['name']);
    const licensor = checkPartnerRef(p, t.licensor, at(tp, 'licensor'), partnerIds, 'licensor');
    if (licensor === 'external' && isUnset(t.foreign)) {
      p.add(at(tp, 'foreign'), 'is missing: an external licensor needs a foreign flag (true or false) for withholding tax');
    } else if (!isUnset(t.foreign)) checkBoolean(p, t.foreign, at(tp, 'foreign'), 'whether the licensor is foreign');
    checkDecimal(p, t.recoveryUplift, at(tp, 'recoveryUplift'), 'fraction');
    checkDecimal(p, t.royaltyRate, at(tp, 'royaltyRate'), 'fraction');
    if (!isUnset(t.royaltyCapPerYear)) checkDecimal(p, t.royaltyCapPerYear, at(tp, 'royaltyCapPerYear'), 'non-negative');
    checkWindow(p, t, tp, 'royaltyFromYear', 'royaltyToYear');
    const fees = checkList(p, t.fees, at(tp, 'fees'), 'fees', false);
    fees?.forEach((f, j) => {
      const fp = at(at(tp, 'fees'), j);
      const fee = checkObject(p, f, fp, 'a fee', ['year', 'amount']);
      if (!fee) return;
      integerField(p, fee, 'year', fp, 1, MAX_YEAR, 'the calendar year the fee is paid');
      checkDecimal(p, fee.amount, at(fp, 'amount'), 'non-negative');
    });
  });
  duplicateIds(p, list, path);
  void horizon;
}

function checkOfftakes(p: Problems, value: unknown, path: string, partnerIds: Set<string> | null, horizon: Horizon): void {
  const list = checkList(p, value, path, 'offtake contracts', false);
  if (!list) return;
  const shares: { share: Decimal; from: number | null; to: number | null }[] = [];
  let usable = true;
  list.forEach((item, i) => {
    const op = at(path, i);
    const o = checkObject(p, item, op, 'an offtake contract', ['id', 'offtaker', 'share', 'discount'], ['floor', 'ceiling', 'fromYear', 'toYear']);
    if (!o) {
      usable = false;
      return;
    }
    checkId(p, o.id, at(op, 'id'));
    checkPartnerRef(p, o.offtaker, at(op, 'offtaker'), partnerIds, 'offtaker');
    const share = checkDecimal(p, o.share, at(op, 'share'), 'fraction');
    checkDecimal(p, o.discount, at(op, 'discount'), 'fraction');
    if (!isUnset(o.floor)) checkDecimal(p, o.floor, at(op, 'floor'), 'non-negative');
    if (!isUnset(o.ceiling)) checkDecimal(p, o.ceiling, at(op, 'ceiling'), 'non-negative');
    checkWindow(p, o, op, 'fromYear', 'toYear');
    const from = typeof o.fromYear === 'number' ? o.fromYear : null;
    const to = typeof o.toYear === 'number' ? o.toYear : null;
    if (share === null) usable = false;
    else shares.push({ share, from, to });
  });
  duplicateIds(p, list, path);
  if (!usable || horizon.startYear === null || horizon.years === null) return;
  for (let k = 0; k < horizon.years; k++) {
    const year = horizon.startYear + k;
    const sum = shares.reduce((s, o) => ((o.from === null || year >= o.from) && (o.to === null || year <= o.to) ? s.plus(o.share) : s), new Dec(0));
    if (sum.gt(1)) {
      p.add(path, `offtake shares add up to ${sum.toString()} in ${year}: at most the whole output (1) can be sold under offtakes`);
      return;
    }
  }
}
