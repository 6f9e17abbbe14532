// The Calculation sheet: every line item of the methodology (§1–§7) year by year, one formula
// along each row, over the Inputs sheet. Section numbers refer to ../shared/spec/venture-model.md.
import type { Evaluation } from '../../../shared/engine/interchange.ts';
import {
  AND, COUNT, IF, INDEX, ISBLANK, MATCH, MAX, MIN, ONE, OR, SUM, SUMPRODUCT, ZERO,
  add, div, eq, flag, ge, gt, le, less, lt, mul, neg, pow, product, sub, sum, type Expr,
} from './formula.ts';
import type { InputRows } from './inputs.ts';
import { at, before, key, prev, rowsAt, whole, type RowHandle, type SheetBuilder } from './sheet.ts';

export interface PartyRows {
  id: string;
  kind: 'partner' | 'government' | 'community' | 'external-licensor' | 'external-offtaker' | 'external-lender';
  flow: RowHandle;
  real: RowHandle;
  discounted: RowHandle;
  /** Partners only. */
  partner?: { index: number; hurdleFactor: RowHandle; cumulative: RowHandle; payback: RowHandle };
}

export interface CalculationRows {
  calendarYear: RowHandle;
  freeCashFlow: RowHandle;
  realFreeCashFlow: RowHandle;
  discountedFreeCashFlow: RowHandle;
  cumulativeFreeCashFlow: RowHandle;
  paybackFreeCashFlow: RowHandle;
  preTaxNetCashFlow: RowHandle;
  realPreTaxNetCashFlow: RowHandle;
  discountedPreTaxNetCashFlow: RowHandle;
  identity: RowHandle;
  parties: PartyRows[];
}

const engineRow = (ev: Evaluation, pick: (y: Evaluation['years'][number]) => string | undefined) =>
  ev.years.map((y) => Number(pick(y) ?? '0'));

export function buildCalculation(b: SheetBuilder, inp: InputRows, ev: Evaluation, units: { currency: string; product: string }): CalculationRows {
  const money = units.currency;
  const perProduct = `${money}/${units.product}`;
  /** A row whose formula may refer to itself in the previous year. */
  const row = (label: string, unit: string, formula: (self: RowHandle) => Expr, engine?: readonly number[], style: 'calculation' | 'check' = 'calculation') => {
    const self = { sheet: b.sheet.name, row: b.nextRow };
    return b.row(label, { unit, style, timeline: { formula: formula(self), ...(engine ? { engine } : {}) } });
  };
  const section = (label: string) => {
    b.blank();
    b.row(label, { style: 'section' });
  };
  const partners = inp.partners;

  b.row('Calculation: every line item year by year (nominal unless marked real)', { style: 'title' });
  const yearIndex = row('Year index k', 'k', (self) => add(prev(self), ONE));
  const calendarYear = row('Calendar year', 'year', () => less(add(key(inp.startYear), at(yearIndex)), ONE));
  const lastYear = row('Last year of the venture', 'flag', () => flag(eq(at(yearIndex), key(inp.years))));
  const escalation = row('Escalation index E = (1 + inflation)^(k − 1)', 'index', () => pow(add(ONE, key(inp.inflation)), sub(at(yearIndex), ONE)));

  section('§3 Production and revenue');
  const uplift = sum(inp.technology.map((t) => key(t.recoveryUplift)));
  const recovery = row('Recovery with technology uplift', 'fraction', () => IF(gt(at(inp.recovery), ZERO), MIN(ONE, add(at(inp.recovery), uplift)), ZERO));
  const volume = row('Sales volume V', units.product, () => product(at(inp.oreMined), at(inp.grade), at(recovery), key(inp.productFactor)), engineRow(ev, (y) => y.volume));
  const price = row('Market price P (nominal)', perProduct, () => mul(at(inp.prices), at(escalation)));
  const marketRevenue = row('Market revenue Rm', money, () => product(key(inp.payability), at(volume), at(price)), engineRow(ev, (y) => y.marketRevenue));
  const margins = inp.offtake.map((o) => {
    const active = row(`${o.id}: contract active`, 'flag', () => flag(AND(
      OR(ISBLANK(key(o.fromYear)), ge(at(calendarYear), key(o.fromYear))),
      OR(ISBLANK(key(o.toYear)), le(at(calendarYear), key(o.toYear))))));
    const discounted = mul(at(price), sub(ONE, key(o.discount)));
    const floored = row(`${o.id}: discounted price, floor applied`, perProduct, () => IF(ISBLANK(key(o.floor)), discounted, MAX(discounted, key(o.floor))));
    const contract = row(`${o.id}: contract price CP`, perProduct, () => IF(ISBLANK(key(o.ceiling)), at(floored), MIN(at(floored), key(o.ceiling))));
    return {
      offtake: o,
      margin: row(`${o.id}: offtake margin M to ${o.offtakerIndex < 0 ? 'the external offtaker' : partners[o.offtakerIndex]!.id}`, money,
        () => product(key(inp.payability), at(volume), key(o.share), at(active), sub(at(price), at(contract)))),
    };
  });
  const revenue = row('Venture revenue R = Rm − Σ margins', money, () => less(at(marketRevenue), ...margins.map((m) => at(m.margin))), engineRow(ev, (y) => y.revenue));

  const v2 = inp.v2;
  const supports = (v2?.priceSupport ?? []).map((c) => {
    const active = row(`${c.id}: contract active`, 'flag', () => flag(AND(
      OR(ISBLANK(key(c.fromYear)), ge(at(calendarYear), key(c.fromYear))),
      OR(ISBLANK(key(c.toYear)), le(at(calendarYear), key(c.toYear))))));
    const covered = product(key(inp.payability), at(volume), key(c.share));
    const support = mul(covered, MAX(ZERO, sub(key(c.strike), at(price))));
    const clawback = IF(ISBLANK(key(c.capPrice)), ZERO, product(covered, key(c.upsideShare), MAX(ZERO, sub(at(price), key(c.capPrice)))));
    return row(`${c.id}: price support paid by the government (§11)`, money, () => mul(at(active), sub(support, clawback)));
  });
  const priceSupport = v2 ? row('Price support PS', money, () => sum(supports.map((h) => at(h))), engineRow(ev, (y) => y.priceSupport)) : null;

  section('§4 Costs, capital and working capital');
  const opex = row('Operating costs', money, () => mul(add(add(
    mul(add(at(inp.oreMined), at(inp.wasteMined)), key(inp.miningPerTonne)),
    mul(at(inp.oreMined), key(inp.processingPerTonneOre))), at(inp.fixed)), at(escalation)), engineRow(ev, (y) => y.opex));
  const selling = row('Selling costs', money, () => product(at(volume), key(inp.sellingPerUnit), at(escalation)), engineRow(ev, (y) => y.selling));
  const capex = row('Capex (initial + sustaining)', money, () => mul(add(at(inp.initial), at(inp.sustaining)), at(escalation)), engineRow(ev, (y) => y.capex));
  const initialCapex = v2 ? row('Initial capex (nominal)', money, () => mul(at(inp.initial), at(escalation))) : null;
  const grant = v2 ? row('Capital grant (§12)', money, (self) => {
    const wanted = mul(key(v2.grantShare), at(initialCapex!));
    return IF(ISBLANK(key(v2.grantCap)), wanted, MIN(wanted, sub(key(v2.grantCap), SUM(before(self)))));
  }, engineRow(ev, (y) => y.grant)) : null;
  const closure = row('Closure costs', money, () => mul(at(inp.closure), at(escalation)), engineRow(ev, (y) => y.closure));
  const workingCapital = row('Working capital', money, () => IF(eq(at(lastYear), ONE), ZERO, mul(key(inp.workingCapitalRate), at(revenue))));
  const deltaWorkingCapital = row('Change in working capital ΔWC', money, () => sub(at(workingCapital), prev(workingCapital)), engineRow(ev, (y) => y.deltaWorkingCapital));

  const tranches = (v2?.debt ?? []).map((d) => {
    b.row(`§14 Loan ${d.id}`, { style: 'heading' });
    const wanted = d.gearing
      ? row(`${d.id}: wanted drawdown`, money, () => IF(AND(
        OR(ISBLANK(key(d.gearing!.fromYear)), ge(at(calendarYear), key(d.gearing!.fromYear))),
        OR(ISBLANK(key(d.gearing!.toYear)), le(at(calendarYear), key(d.gearing!.toYear)))), mul(key(d.gearing!.gearing), at(capex)), ZERO))
      : d.dated!;
    const draw = row(`${d.id}: drawdown`, money, (self) => IF(ISBLANK(key(d.maxAmount)), at(wanted), MIN(at(wanted), sub(key(d.maxAmount), SUM(before(self))))));
    const drawYear = row(`${d.id}: year index of a drawdown`, 'k', () => IF(gt(at(draw), ZERO), at(yearIndex), ZERO));
    const lastDraw = b.row(`${d.id}: last drawdown year L`, {
      unit: 'k', key: { formula: MAX(whole(drawYear)) },
    });
    const drawn = b.row(`${d.id}: total drawn B*`, { unit: money, key: { formula: SUM(whole(draw)) } });
    const tenor = key(d.tenorYears);
    const annuity = b.row(`${d.id}: annuity A`, { unit: money, key: { formula: IF(eq(key(d.interestRate), ZERO), div(key(drawn), tenor),
      div(mul(key(drawn), key(d.interestRate)), sub(ONE, pow(add(ONE, key(d.interestRate)), neg(tenor))))) } });
    const closingRow = b.nextRow + 3;
    const closingRef = { sheet: b.sheet.name, row: closingRow };
    const opening = row(`${d.id}: opening balance`, money, () => prev(closingRef));
    const interest = row(`${d.id}: interest`, money, () => mul(key(d.interestRate), at(opening)));
    const repayStart = add(add(key(lastDraw), key(d.graceYears)), ONE);
    const repayEnd = add(add(key(lastDraw), key(d.graceYears)), tenor);
    const principal = row(`${d.id}: principal repaid`, money, () => IF(eq(key(lastDraw), ZERO), ZERO,
      IF(eq(at(lastYear), ONE), add(at(opening), at(draw)),
        IF(eq(at(yearIndex), repayEnd), at(opening),
          IF(AND(ge(at(yearIndex), repayStart), lt(at(yearIndex), repayEnd)),
            IF(eq(key(d.annuity), ONE), sub(key(annuity), at(interest)), div(key(drawn), tenor)), ZERO)))));
    const closing = row(`${d.id}: closing balance`, money, () => less(add(at(opening), at(draw)), at(principal)));
    if (closing.row !== closingRow) throw new Error('loan rows out of place');
    const withholding = row(`${d.id}: interest withholding`, money, () => product(key(d.foreign), key(v2!.interestWithholding), at(interest)));
    const lenderFlow = row(`${d.id}: lender's flow (−draw + interest − withholding + principal)`, money,
      () => add(sub(sub(at(interest), at(draw)), at(withholding)), at(principal)));
    return { d, draw, opening, interest, principal, withholding, lenderFlow };
  });
  const sumOf = (pick: (t: (typeof tranches)[number]) => RowHandle) => () => sum(tranches.map((t) => at(pick(t))));
  const debt = v2 ? {
    draw: row('Drawdowns', money, sumOf((t) => t.draw), engineRow(ev, (y) => y.drawdown)),
    interest: row('Interest', money, sumOf((t) => t.interest), engineRow(ev, (y) => y.interest)),
    principal: row('Principal repaid', money, sumOf((t) => t.principal), engineRow(ev, (y) => y.principal)),
    opening: row('Debt at the start of the year', money, sumOf((t) => t.opening)),
    withholding: row('Interest withholding', money, sumOf((t) => t.withholding), engineRow(ev, (y) => y.interestWithholding)),
  } : null;

  section('§5 Royalty');
  const froms = rowsAt('Inputs', inp.bandFromPrices.first, inp.bandFromPrices.last, true);
  const rates = rowsAt('Inputs', inp.bandRates.first, inp.bandRates.last, true);
  const band = row('Royalty band (last band whose from price ≤ P)', 'band', () => MATCH(at(price), froms, ONE));
  const stepRate = row('Band rate (step)', 'rate', () => INDEX(rates, at(band)));
  const nextBand = add(at(band), ONE);
  const linearRate = row('Band rate (linear between bands, flat beyond the last)', 'rate', () => IF(eq(at(band), COUNT(froms)), at(stepRate),
    add(at(stepRate), mul(sub(INDEX(rates, nextBand), at(stepRate)), div(sub(at(price), INDEX(froms, at(band))), sub(INDEX(froms, nextBand), INDEX(froms, at(band))))))));
  const bandRate = row(v2 ? 'Royalty rate from the bands' : 'Royalty rate', 'rate', () => IF(eq(key(inp.royaltyInterpolate), ONE), at(linearRate), at(stepRate)));
  const changed = v2 ? row('Fiscal change in force (§15)', 'flag', () => IF(ISBLANK(key(v2.fiscalChangeFrom)), ZERO, flag(ge(at(calendarYear), key(v2.fiscalChangeFrom))))) : null;
  const royaltyRate = v2
    ? row('Royalty rate', 'rate', () => IF(eq(at(changed!), ONE), MIN(ONE, MAX(ZERO, add(at(bandRate), key(v2.royaltyRateAdd)))), at(bandRate)))
    : bandRate;
  const royaltyBase = row('Royalty base', money, () => IF(eq(key(inp.royaltyNet), ONE), MAX(ZERO, sub(at(revenue), at(selling))), at(revenue)));
  const royalty = row('Royalty', money, () => mul(at(royaltyRate), at(royaltyBase)), engineRow(ev, (y) => y.royalty));
  const community = row('Community share', money, () => mul(key(inp.communityShare), at(revenue)), engineRow(ev, (y) => y.community));

  section('§5 Technology transfer');
  const agreements = inp.technology.map((t) => {
    const window = row(`${t.id}: running royalty window`, 'flag', () => flag(AND(
      OR(ISBLANK(key(t.royaltyFromYear)), ge(at(calendarYear), key(t.royaltyFromYear))),
      OR(ISBLANK(key(t.royaltyToYear)), le(at(calendarYear), key(t.royaltyToYear))))));
    const uncapped = mul(key(t.royaltyRate), at(revenue));
    const running = row(`${t.id}: running royalty (capped)`, money, () => mul(at(window), IF(ISBLANK(key(t.royaltyCap)), uncapped, MIN(key(t.royaltyCap), uncapped))));
    const payment = row(`${t.id}: payment (fees + running royalty)`, money, () => add(at(t.fees), at(running)));
    const withholding = row(`${t.id}: technology withholding`, money, () => product(key(t.foreign), key(inp.technologyWithholding), at(payment)));
    return { agreement: t, payment, withholding };
  });
  const technology = row('Technology payments', money, () => sum(agreements.map((a) => at(a.payment))), engineRow(ev, (y) => y.technology));
  const technologyWithholding = row('Technology withholding', money, () => sum(agreements.map((a) => at(a.withholding))));

  section('§5 Resource rent tax');
  const supported = priceSupport ? add(at(revenue), at(priceSupport)) : at(revenue);
  const netCapex = grant ? sub(at(capex), at(grant)) : at(capex);
  const rrtBase = row('RRT base', money, () => less(supported, at(royalty), at(opex), at(selling), at(technology), at(community), netCapex, at(closure)));
  const accumulatedAfterRow = b.nextRow + 2;
  const accumulatedAfter = { sheet: b.sheet.name, row: accumulatedAfterRow };
  const accumulated = row('RRT accumulation A (before tax is assessed)', money, () => add(mul(prev(accumulatedAfter), add(ONE, key(inp.rrtThresholdRate))), at(rrtBase)));
  const rrt = row('Resource rent tax', money, () => IF(gt(at(accumulated), ZERO), mul(key(inp.rrtRate), at(accumulated)), ZERO), engineRow(ev, (y) => y.resourceRentTax));
  const after = row('RRT accumulation carried forward', money, () => IF(gt(at(accumulated), ZERO), ZERO, at(accumulated)));
  if (after.row !== accumulatedAfterRow) throw new Error('RRT rows out of place');

  section('§5 Depreciation (one row per capex vintage)');
  const producing = row('Production has started', 'flag', (self) => flag(OR(eq(prev(self), ONE), gt(at(volume), ZERO))));
  const firstProduction = b.row('First production year index (N + 1 if none)', { unit: 'k', key: { formula: less(add(key(inp.years), ONE), SUM(whole(producing))) } });
  const n = ev.years.length;
  const vintageRows: RowHandle[] = [];
  /** §13: straight line or declining balance on Capex − Grant; the last instalment, and year N, take what is left. */
  const vintageV2 = (self: RowHandle, amount: Expr, start: Expr): Expr => {
    const life = key(inp.depreciationYears);
    const age = sub(at(yearIndex), start);
    const left = sub(amount, SUM(before(self)));
    return IF(lt(at(yearIndex), start), ZERO, IF(OR(eq(at(lastYear), ONE), eq(age, sub(life, ONE))), left,
      IF(ge(age, life), ZERO, IF(eq(key(v2!.decliningBalance), ONE), MAX(mul(key(v2!.decliningRate), left), div(left, sub(life, age))), div(amount, life)))));
  };
  for (let j = 1; j <= n; j++) {
    const self = { sheet: b.sheet.name, row: b.nextRow };
    const amount = grant ? sub(INDEX(whole(capex), key(self)), INDEX(whole(grant), key(self))) : INDEX(whole(capex), key(self));
    const start = MIN(MAX(key(self), key(firstProduction)), key(inp.years));
    vintageRows.push(b.row(`Depreciation of capex of year ${j}`, {
      unit: money, key: { value: j },
      timeline: { formula: v2 ? vintageV2(self, amount, start) : IF(lt(at(yearIndex), start), ZERO, IF(eq(at(lastYear), ONE), sub(amount, SUM(before(self))),
        IF(lt(at(yearIndex), add(start, key(inp.depreciationYears))), div(amount, key(inp.depreciationYears)), ZERO))) },
    }));
  }
  const depreciation = row('Depreciation', money, () => SUM(rowsAt('Calculation', vintageRows[0]!.row, vintageRows[vintageRows.length - 1]!.row)), engineRow(ev, (y) => y.depreciation));

  section('§5 Income tax and losses carried forward (one row per loss vintage)');
  const allowance = v2 ? row('Investment allowance (§13)', money, () => mul(key(v2.investmentAllowance), netCapex), engineRow(ev, (y) => y.investmentAllowance)) : null;
  const calledBefore = v2 ? b.row('Cash calls before this year (equity for thin capitalisation)', { unit: money }) : null;
  const deductible = v2 && debt ? row('Deductible interest (§13)', money, () => IF(OR(ISBLANK(key(v2.thinCapRatio)), le(at(debt.opening), mul(key(v2.thinCapRatio), at(calledBefore!)))),
    at(debt.interest), div(product(at(debt.interest), key(v2.thinCapRatio), at(calledBefore!)), at(debt.opening))), engineRow(ev, (y) => y.interestDeductible)) : null;
  const taxableIncome = row('Taxable income TI', money, () => less(supported, at(royalty), at(opex), at(selling), at(technology), at(community), at(closure), at(depreciation),
    ...(allowance ? [at(allowance)] : []), ...(deductible ? [at(deductible)] : []), at(rrt)),
    engineRow(ev, (y) => y.taxableIncome));
  const lossHeader = b.row('Loss of year j used in year k', { style: 'heading' });
  const lossRows: RowHandle[] = [];
  for (let j = 1; j <= n; j++) {
    const self = { sheet: b.sheet.name, row: b.nextRow };
    // The loss of year j read from the years before this one (position 1 is the spacer): a range
    // over the whole row would make taxable income depend on itself through thin capitalisation.
    const loss = MAX(ZERO, neg(INDEX(before(taxableIncome), ONE, add(key(self), ONE))));
    const usable = AND(gt(at(yearIndex), key(self)), OR(ISBLANK(key(inp.lossCarryForwardYears)), le(at(yearIndex), add(key(self), key(inp.lossCarryForwardYears)))));
    const room = sub(MAX(ZERO, at(taxableIncome)), SUM(rowsAt('Calculation', lossHeader.row, self.row - 1)));
    lossRows.push(b.row(`Loss of year ${j} used`, {
      unit: money, key: { value: j },
      timeline: { formula: IF(usable, MIN(sub(loss, SUM(before(self))), room), ZERO) },
    }));
  }
  const lossesUsed = row('Losses used', money, () => SUM(rowsAt('Calculation', lossRows[0]!.row, lossRows[lossRows.length - 1]!.row)));
  const taxRate = v2
    ? row('Income tax rate (holiday, fiscal change)', 'rate', () => IF(AND(ge(at(yearIndex), key(firstProduction)), le(at(yearIndex), sub(add(key(firstProduction), key(v2.holidayYears)), ONE))), ZERO,
      IF(OR(eq(at(changed!), ZERO), ISBLANK(key(v2.changedIncomeTaxRate))), key(inp.incomeTaxRate), key(v2.changedIncomeTaxRate))), engineRow(ev, (y) => y.incomeTaxRate))
    : null;
  const incomeTax = row('Income tax', money, () => mul(taxRate ? at(taxRate) : key(inp.incomeTaxRate), MAX(ZERO, sub(at(taxableIncome), at(lossesUsed)))), engineRow(ev, (y) => y.incomeTax));

  section('§6 Free cash flow');
  const beforeFinancing = row(v2 ? 'Cash flow before financing' : 'Free cash flow F', money, () => less(grant ? add(supported, at(grant)) : supported, at(royalty), at(opex), at(selling), at(community), at(technology), at(closure), at(capex),
    at(deltaWorkingCapital), at(incomeTax), at(rrt)), engineRow(ev, (y) => (v2 ? y.cashFlowBeforeFinancing : y.freeCashFlow)));
  const freeCashFlow = v2 && debt
    ? row('Free cash flow F (equity, after debt)', money, () => less(add(at(beforeFinancing), at(debt.draw)), at(debt.interest), at(debt.principal)), engineRow(ev, (y) => y.freeCashFlow))
    : beforeFinancing;
  if (calledBefore) b.define(calledBefore, add(prev(calledBefore), MAX(ZERO, neg(prev(freeCashFlow)))));
  const preTaxNetCashFlow = row('Pre-tax net cash flow NCF (market prices)', money, () => less(at(marketRevenue), at(opex), at(selling), at(capex), at(closure), at(deltaWorkingCapital)),
    engineRow(ev, (y) => y.preTaxNetCashFlow));

  const funded = buildFunding(b, row, section, inp, ev, { yearIndex, freeCashFlow }, money);

  section('§6–§7 Party flows');
  const partnerFlows = partners.map((p, i) => {
    const terms = [neg(at(funded.paid[i]!)), at(funded.distributions[i]!), at(funded.repaymentsReceived[i]!),
      ...agreements.filter((a) => a.agreement.licensorIndex === i).map((a) => sub(at(a.payment), at(a.withholding))),
      ...margins.filter((m) => m.offtake.offtakerIndex === i).map((m) => at(m.margin)),
      ...tranches.filter((t) => t.d.lenderIndex === i).map((t) => at(t.lenderFlow))];
    return { id: p.id, kind: 'partner' as const, flow: row(`${p.id}: flow`, money, () => sum(terms), engineRow(ev, (y) => y.flows[p.id])) };
  });
  const others: { id: string; kind: PartyRows['kind']; flow: RowHandle }[] = [
    { id: 'government', kind: 'government', flow: row('government: flow (royalty + income tax + RRT + withholding)', money,
      () => less(sum([at(royalty), at(incomeTax), at(rrt), at(funded.dividendWithholding), at(technologyWithholding), ...(debt ? [at(debt.withholding)] : [])]),
        ...(grant ? [at(grant)] : []), ...(priceSupport ? [at(priceSupport)] : [])), engineRow(ev, (y) => y.flows['government'])) },
    { id: 'community', kind: 'community', flow: row('community: flow', money, () => at(community), engineRow(ev, (y) => y.flows['community'])) },
  ];
  const external = agreements.filter((a) => a.agreement.licensorIndex < 0);
  if (external.length > 0) {
    others.push({ id: 'external-licensor', kind: 'external-licensor', flow: row('external-licensor: flow (net of withholding)', money,
      () => sum(external.map((a) => sub(at(a.payment), at(a.withholding)))), engineRow(ev, (y) => y.flows['external-licensor'])) });
  }
  const externalOfftakes = margins.filter((m) => m.offtake.offtakerIndex < 0);
  if (externalOfftakes.length > 0) {
    others.push({ id: 'external-offtaker', kind: 'external-offtaker', flow: row('external-offtaker: flow (offtake margins)', money,
      () => sum(externalOfftakes.map((m) => at(m.margin))), engineRow(ev, (y) => y.flows['external-offtaker'])) });
  }
  const externalLoans = tranches.filter((t) => t.d.lenderIndex < 0);
  if (externalLoans.length > 0) {
    others.push({ id: 'external-lender', kind: 'external-lender', flow: row('external-lender: flow (lenders\' flows)', money,
      () => sum(externalLoans.map((t) => at(t.lenderFlow))), engineRow(ev, (y) => y.flows['external-lender'])) });
  }
  const flows = [...partnerFlows, ...others];
  const identity = row('Check: Σ party flows − NCF (0 in every year)', money, () => less(sum(flows.map((f) => at(f.flow))), at(preTaxNetCashFlow)),
    ev.years.map(() => 0), 'check');

  section('§1 and §7 Valuation (real flows, discount factors, present values)');
  const deflator = row('Deflator 1 / E', 'index', () => div(ONE, at(escalation)));
  const discountFactor = row('Discount factor DF at the venture rate', 'factor', () => pow(add(ONE, key(inp.discountRate)), neg(sub(at(yearIndex), key(inp.timing)))));
  const valued = (label: string, nominal: RowHandle) => {
    const real = row(`${label}: real`, `${money} of year 1`, () => mul(at(nominal), at(deflator)));
    const discounted = row(`${label}: present value by year`, `${money} of year 1`, () => mul(at(real), at(discountFactor)));
    return { real, discounted };
  };
  const cumulativeAndPayback = (label: string, real: RowHandle) => {
    const cumulative = row(`${label}: cumulative real`, `${money} of year 1`, (self) => add(prev(self), at(real)));
    const negativeSoFar = row(`${label}: cumulative has been negative`, 'flag', (self) => flag(OR(eq(prev(self), ONE), lt(at(cumulative), ZERO))));
    const payback = row(`${label}: pays back this year`, 'flag', () => flag(AND(ge(at(cumulative), ZERO), eq(prev(negativeSoFar), ONE))));
    return { cumulative, payback };
  };
  const f = valued('Free cash flow', freeCashFlow);
  const fPayback = cumulativeAndPayback('Free cash flow', f.real);
  const ncf = valued('Pre-tax net cash flow', preTaxNetCashFlow);
  const parties: PartyRows[] = flows.map((party) => {
    const v = valued(party.id, party.flow);
    if (party.kind !== 'partner') return { ...party, ...v };
    const index = partners.findIndex((p) => p.id === party.id);
    const p = partners[index]!;
    const hurdleFactor = row(`${party.id}: discount factor at its hurdle rate`, 'factor', () => pow(add(ONE, key(p.hurdleRate)), neg(sub(at(yearIndex), key(inp.timing)))));
    return { ...party, ...v, partner: { index, hurdleFactor, ...cumulativeAndPayback(party.id, v.real) } };
  });

  return {
    calendarYear, freeCashFlow, realFreeCashFlow: f.real, discountedFreeCashFlow: f.discounted,
    cumulativeFreeCashFlow: fPayback.cumulative, paybackFreeCashFlow: fPayback.payback,
    preTaxNetCashFlow, realPreTaxNetCashFlow: ncf.real, discountedPreTaxNetCashFlow: ncf.discounted, identity, parties,
  };
}

type RowFn = (label: string, unit: string, formula: (self: RowHandle) => Expr, engine?: readonly number[]) => RowHandle;

interface FundingRows {
  paid: RowHandle[];
  distributions: RowHandle[];
  repaymentsReceived: RowHandle[];
  dividendWithholding: RowHandle;
}

/** §6: cash calls in rounds within caps, carry balances and stakes, distributions, dilution. */
function buildFunding(
  b: SheetBuilder, row: RowFn, section: (label: string) => void, inp: InputRows, ev: Evaluation,
  t: { yearIndex: RowHandle; freeCashFlow: RowHandle }, money: string,
): FundingRows {
  const partners = inp.partners;
  const funderIndexes = partners.flatMap((p, i) => (p.carried ? [] : [i]));
  const carriedIndexes = partners.flatMap((p, i) => (p.carried ? [i] : []));
  /** A row whose formula refers to rows further down; `b.define` fills it in once they exist. */
  const later = (label: string, unit: string) => b.row(label, { unit });

  section('§6 Participating interests (start of year)');
  const interests = partners.map((p) => later(`${p.id}: participating interest PI`, 'fraction'));
  const interestRange = rowsAt('Calculation', interests[0]!.row, interests[interests.length - 1]!.row);

  section('§6 Cash calls (rounds within funding caps)');
  const call = row('Cash call C = max(0, −F)', money, () => MAX(ZERO, neg(at(t.freeCashFlow))));
  const paidBefore = partners.map((p) => later(`${p.id}: paid in earlier years`, money));
  const rounds = funderIndexes.length + 1;
  const payRows: RowHandle[][] = partners.map(() => []);
  let unpaid: Expr = at(call);
  for (let r = 1; r <= rounds; r++) {
    b.row(`Round ${r}${r === 1 ? ': the call split by interest among the funding partners' : ': what is left, among those with room'}`, { style: 'heading' });
    const room = (i: number) => less(key(partners[i]!.fundingCap), at(paidBefore[i]!), ...payRows[i]!.map((h) => at(h)));
    const eligible = partners.map((p, i) => row(`Round ${r}: ${p.id} takes part`, 'flag', () => (r === 1
      ? key(p.funder)
      : flag(AND(eq(key(p.funder), ONE), gt(at(interests[i]!), ZERO), OR(ISBLANK(key(p.fundingCap)), gt(room(i), ZERO)))))));
    const eligibleRange = rowsAt('Calculation', eligible[0]!.row, eligible[eligible.length - 1]!.row);
    const unpaidRow = row(`Round ${r}: call to split`, money, () => unpaid);
    const forced = row(`Round ${r}: nobody has room, so it is split among all funders regardless of caps`, 'flag',
      () => (r === 1 ? ZERO : flag(eq(SUM(eligibleRange), ZERO))));
    const weight = row(`Round ${r}: interests of the partners sharing it`, 'fraction', () => IF(eq(at(forced), ONE),
      sum(partners.map((p, i) => mul(key(p.funder), at(interests[i]!)))), SUMPRODUCT(eligibleRange, interestRange)));
    const shares = partners.map((p, i) => row(`Round ${r}: ${p.id} share`, money, () => IF(eq(at(weight), ZERO), ZERO,
      div(product(at(unpaidRow), IF(eq(at(forced), ONE), key(p.funder), at(eligible[i]!)), at(interests[i]!)), at(weight)))));
    const pays = partners.map((p, i) => row(`Round ${r}: ${p.id} pays`, money, () => IF(OR(eq(at(forced), ONE), ISBLANK(key(p.fundingCap)), eq(key(p.funder), ZERO)),
      at(shares[i]!), MIN(at(shares[i]!), MAX(ZERO, room(i))))));
    pays.forEach((h, i) => payRows[i]!.push(h));
    const rest = row(`Round ${r}: left unpaid`, money, () => less(at(unpaidRow), ...pays.map((h) => at(h))));
    unpaid = at(rest);
  }
  const paid = partners.map((p, i) => row(`${p.id}: paid into the venture`, money, () => sum(payRows[i]!.map((h) => at(h)))));
  paidBefore.forEach((h, i) => b.define(h, add(prev(h), prev(paid[i]!))));

  section('§6 Carry (carried partners\' balances, funders\' stakes, repayments)');
  const gross = partners.map((p, i) => row(`${p.id}: gross distribution g = PI × max(0, F)`, money, () => mul(at(interests[i]!), MAX(ZERO, at(t.freeCashFlow)))));
  const repaymentTo: Expr[][] = partners.map(() => []);
  const repaymentBy = new Map<number, RowHandle>();
  for (const c of carriedIndexes) {
    const p = partners[c]!;
    const accrued = later(`${p.id}: carry balance with a year's interest`, money);
    const attributable = row(`${p.id}: share of the cash call carried`, money, () => mul(at(interests[c]!), at(call)));
    const repayment = row(`${p.id}: carry repaid from its distribution`, money, () => MIN(at(accrued), mul(key(p.repaymentShare), at(gross[c]!))));
    repaymentBy.set(c, repayment);
    const stakes = funderIndexes.map((i) => row(`${p.id}: stake of ${partners[i]!.id}`, money, (self) => add(prev(self),
      IF(gt(at(call), ZERO), div(mul(at(attributable), at(paid[i]!)), at(call)), ZERO))));
    const totalStake = row(`${p.id}: stakes in total`, money, () => sum(stakes.map((h) => at(h))));
    const repaid = funderIndexes.map((i, s) => row(`${p.id}: carry repaid to ${partners[i]!.id}`, money, () => IF(eq(at(totalStake), ZERO), ZERO,
      div(mul(at(repayment), at(stakes[s]!)), at(totalStake)))));
    funderIndexes.forEach((i, s) => repaymentTo[i]!.push(at(repaid[s]!)));
    const balance = row(`${p.id}: carry balance at the end of the year`, money, () => less(add(at(accrued), at(attributable)), at(repayment)));
    b.define(accrued, mul(prev(balance), add(ONE, key(p.carryInterestRate))));
  }

  section('§6 Distributions');
  const received = partners.map((p, i) => row(`${p.id}: distribution before withholding`, money, () => {
    const repayment = repaymentBy.get(i);
    return repayment ? sub(at(gross[i]!), at(repayment)) : at(gross[i]!);
  }));
  const withheld = partners.map((p, i) => row(`${p.id}: dividend withholding`, money, () => product(key(p.foreign), key(inp.dividendWithholding), at(received[i]!))));
  const distributions = partners.map((p, i) => row(`${p.id}: distribution received`, money, () => sub(at(received[i]!), at(withheld[i]!))));
  const repaymentsReceived = partners.map((p, i) => row(`${p.id}: carry repayments received`, money, () => sum(repaymentTo[i]!)));
  const dividendWithholding = row('Dividend withholding', money, () => sum(withheld.map((h) => at(h))));

  section('§6 Dilution (weights at the end of the year)');
  const funderEquity = sum(partners.map((p) => mul(key(p.funder), key(p.equity))));
  const carriedEquity = sum(partners.map((p) => mul(sub(ONE, key(p.funder)), key(p.equity))));
  const weights = partners.map((p, i) => {
    const deemed = IF(gt(funderEquity, ZERO), div(product(key(inp.deemedValue), key(p.equity), key(p.funder)), funderEquity), ZERO);
    return row(`${p.id}: dilution weight (deemed value + everything paid)`, money, () => mul(key(p.funder), add(deemed, add(at(paidBefore[i]!), at(paid[i]!)))));
  });
  const totalWeight = row('Dilution weights in total', money, () => sum(weights.map((h) => at(h))));
  interests.forEach((h, i) => {
    const p = partners[i]!;
    const diluted = div(mul(sub(ONE, carriedEquity), prev(weights[i]!)), prev(totalWeight));
    b.define(h, IF(eq(at(t.yearIndex), ONE), key(p.equity),
      IF(OR(eq(key(inp.dilution), ZERO), eq(key(p.funder), ZERO), eq(prev(totalWeight), ZERO)), prev(h), diluted)),
    ev.years.map((y) => Number(y.interests[p.id] ?? '0')));
  });
  return { paid, distributions, repaymentsReceived, dividendWithholding };
}
