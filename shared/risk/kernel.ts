import { floatArithmetic } from '../engine/arithmetic.ts';
import { discountFactors } from '../engine/discounting.ts';
import { fiscalChangeStart } from '../engine/fiscal-change.ts';
import type { DealTerms, TransformOverrides, VentureInputs } from '../engine/model.ts';
import { NON_PARTNER_PARTIES } from '../engine/parties.ts';
import { isActive } from '../engine/production.ts';
import { createDebtKernel } from './kernel-debt.ts';

/**
 * The §2–§7 and §10–§15 schedule specialised for the simulation: the generic schedule
 * (`runCase` over `floatArithmetic`, shared/engine/venture.ts, funding.ts, parties.ts) step by
 * step in the same order of operations, on typed arrays allocated once, with everything the
 * overrides cannot change computed when the kernel is built (escalation, discount and hurdle
 * weights, fee and window calendars, the fiscal change's years, dated loan schedules). Money
 * rounding is the identity in float, as in `floatArithmetic`. test/risk/kernel.test.ts holds it
 * to the generic float schedule and to the decimal methodology on every example, the edges and
 * random version-1 and version-2 projects.
 */
export interface KernelResult {
  npv: number;
  preTaxNpv: number;
  /** Per party slot (partners, then NON_PARTNER_PARTIES); NaN when absent. */
  pv: Float64Array;
  npvAtHurdle: Float64Array;
  /** Nominal free cash flow and its real counterpart. */
  freeCashFlow: Float64Array;
  realFreeCashFlow: Float64Array;
  governmentPv: number;
  governmentReal: number;
  preTaxReal: number;
}

export interface Kernel {
  readonly slotCount: number;
  newResult(): KernelResult;
  run(o: TransformOverrides<number>, out: KernelResult): void;
}

interface Technology {
  licensor: number;
  foreign: boolean;
  fees: Float64Array;
  rate: number;
  active: Uint8Array;
  cap: number | null;
}

interface Offtake {
  offtaker: number;
  share: number;
  discount: number;
  floor: number | null;
  ceiling: number | null;
  active: Uint8Array;
}

interface Support {
  strike: number;
  share: number;
  upside: { capPrice: number; share: number } | null;
  active: Uint8Array;
}

export function createKernel(inputs: VentureInputs<number>, deal: DealTerms<number>): Kernel {
  const n = inputs.years;
  const s = inputs.series;
  const P = deal.partners.length;
  const slotCount = P + NON_PARTNER_PARTIES.length;
  const GOVERNMENT = P;
  const year = (k: number) => inputs.startYear + k;
  const calendar = (from: number | null, to: number | null, also = true) =>
    Uint8Array.from({ length: n }, (_, k) => (also && isActive(year(k), from, to) ? 1 : 0));

  // Everything the overrides leave alone.
  const escalation = new Float64Array(n);
  escalation[0] = 1;
  for (let k = 1; k < n; k++) escalation[k] = escalation[k - 1]! * (1 + inputs.inflation);
  const factors = discountFactors(floatArithmetic, inputs.discountRate, inputs.discounting, n);
  const weights = Float64Array.from(factors, (df, k) => df / escalation[k]!);
  const deflator = Float64Array.from(escalation, (e) => 1 / e);
  // hurdle[i × n + k]: DF_k at partner i's hurdle rate over E_k.
  const hurdle = new Float64Array(P * n);
  deal.partners.forEach((p, i) => {
    discountFactors(floatArithmetic, p.hurdleRate, inputs.discounting, n).forEach((df, k) => { hurdle[i * n + k] = deflator[k]! * df; });
  });
  const uplift = deal.technology.reduce((sum, t) => sum + t.recoveryUplift, 0);
  const technology: Technology[] = deal.technology.map((t) => {
    const fees = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      let fee = 0;
      for (const f of t.fees) if (f.year === year(k)) fee = fee + f.amount;
      fees[k] = fee;
    }
    return { licensor: t.licensorIndex, foreign: t.foreign, fees, rate: t.royaltyRate, cap: t.royaltyCapPerYear, active: calendar(t.royaltyFromYear, t.royaltyToYear) };
  });
  const offtakes: Offtake[] = deal.offtake.map((o) => ({
    offtaker: o.offtakerIndex, share: o.share, discount: o.discount, floor: o.floor, ceiling: o.ceiling,
    active: calendar(o.fromYear, o.toYear, o.share !== 0),
  }));
  const supports: Support[] = deal.priceSupport.map((c) => ({ strike: c.strike, share: c.share, upside: c.upside, active: calendar(c.fromYear, c.toYear, c.share !== 0) }));
  const bands = deal.royalty.bands;
  const grossRoyalty = deal.royalty.base === 'gross';
  const rrt = deal.resourceRentTax;
  const tax = deal.incomeTax;
  const life = tax.depreciationYears;
  const carryYears = tax.lossCarryForwardYears;
  const decliningRate = tax.depreciation.method === 'declining-balance' ? tax.depreciation.rate : null;
  const allowance = tax.investmentAllowance;
  const thinCap = tax.thinCapRatio;
  const grantTerms = deal.capitalGrant;
  // §15: the scenario's fiscal change (an iteration never brings its own).
  const change = inputs.fiscalChange;
  const changedFrom = fiscalChangeStart(deal, change);
  const changed = calendar(changedFrom, null, changedFrom !== null);
  const royaltyAdd = change?.royaltyRateAdd ?? null;
  const changedTaxRate = change?.incomeTaxRate ?? null;
  const debt = createDebtKernel(deal.debt, n, inputs.startYear, deal.withholding.interest);
  const partners = deal.partners;
  const isFunder = Uint8Array.from(partners, (p) => (p.carried === null ? 1 : 0));
  const isForeign = Uint8Array.from(partners, (p) => (p.foreign ? 1 : 0));
  const carried = Int32Array.from(partners.flatMap((p, i) => (p.carried ? [i] : [])));
  const carryGrowth = Float64Array.from(partners, (p) => (p.carried ? 1 + p.carried.interestRate : 1));
  const repaymentShare = Float64Array.from(partners, (p) => (p.carried ? p.carried.repaymentShare : 0));
  const fundingCap = Float64Array.from(partners, (p) => (p.fundingCap === null ? Infinity : p.fundingCap));
  const equity = Float64Array.from(partners, (p) => p.equity);
  const funderEquity = partners.reduce((sum, p, i) => (isFunder[i] ? sum + p.equity : sum), 0);
  const deemed = partners.map((p, i) => (isFunder[i] && funderEquity > 0 ? (deal.deemedValue * p.equity) / funderEquity : 0));
  const carriedEquity = carried.reduce((sum, c) => sum + partners[c]!.equity, 0);
  const funderTotal = 1 - carriedEquity;
  const dividendRate = deal.withholding.dividends;
  const technologyRate = deal.withholding.technology;
  // Which partners also license, take offtake or lend (their flows gain those lines).
  const licenses = partners.map((_, i) => technology.some((t) => t.licensor === i));
  const offtakesFor = partners.map((_, i) => offtakes.some((o) => o.offtaker === i));
  const lends = partners.map((_, i) => deal.debt.some((d) => d.lenderIndex === i));

  // Scratch, reused by every run.
  const f64 = () => new Float64Array(n);
  const [ore, waste, grade, recovery, fixed, initial, sustaining, closureReal] = [f64(), f64(), f64(), f64(), f64(), f64(), f64(), f64()];
  const [volume, opex, selling, capex, closure, dep, price, paidVolume, marketRevenue, revenue] = [f64(), f64(), f64(), f64(), f64(), f64(), f64(), f64(), f64(), f64()];
  const [deltaWc, royalty, community, techTotal, techTax, rrtYears, support, incomeTax, fcf, preTax] = [f64(), f64(), f64(), f64(), f64(), f64(), f64(), f64(), f64(), f64()];
  const [grant, depreciable, investmentAllowance] = [f64(), f64(), f64()];
  const techPay = technology.map(f64);
  const techWithholding = technology.map(f64);
  const margins = offtakes.map(f64);
  const poolYear = new Int32Array(n);
  const poolRemaining = new Float64Array(n);
  // Present values are summed as the flows arise, year by year (the order of presentValue).
  const pvSum = new Float64Array(slotCount);
  const hurdleSum = new Float64Array(P);
  const present = new Uint8Array(slotCount);
  const interest = new Float64Array(P);
  const paidSoFar = new Float64Array(P);
  const paid = new Float64Array(P);
  const shares = new Float64Array(P);
  const masked = new Float64Array(P);
  const dilutionWeights = new Float64Array(P);
  const distributions = new Float64Array(P);
  const repayments = new Float64Array(P);
  const balance = new Float64Array(P);
  const stakes = partners.map(() => new Float64Array(P));
  const eligible = new Uint8Array(P);

  /** §1 split of `amount` by `w` into `out` (float: no rounding). */
  function split(amount: number, w: Float64Array, out: Float64Array): void {
    let total = 0;
    let last = -1;
    for (let i = 0; i < w.length; i++) {
      out[i] = 0;
      if (w[i] !== 0) {
        total = total + w[i]!;
        last = i;
      }
    }
    if (last < 0 || total === 0) return;
    let allocated = 0;
    for (let i = 0; i < last; i++) {
      if (w[i] === 0) continue;
      const share = (w[i]! * amount) / total;
      out[i] = share;
      allocated = allocated + share;
    }
    out[last] = amount - allocated;
  }

  const room = (i: number) => {
    const cap = fundingCap[i]!;
    return cap === Infinity ? Infinity : cap - paidSoFar[i]! - paid[i]!;
  };

  /** Adds year k's flow of a party to its present values. */
  function book(slot: number, k: number, flow: number): void {
    pvSum[slot] = pvSum[slot]! + flow * weights[k]!;
    if (slot < P) hurdleSum[slot] = hurdleSum[slot]! + flow * hurdle[slot * n + k]!;
    if (flow !== 0) present[slot] = 1;
  }

  /** §6 step 2 (payCashCall of funding.ts). */
  function payCashCall(call: number): void {
    for (let i = 0; i < P; i++) eligible[i] = isFunder[i] ? 1 : 0;
    let unpaid = call;
    while (unpaid > 0) {
      for (let i = 0; i < P; i++) masked[i] = eligible[i] ? interest[i]! : 0;
      split(unpaid, masked, shares);
      let rest = 0;
      for (let i = 0; i < P; i++) {
        const share = shares[i]!;
        if (!eligible[i] || share === 0) continue;
        const r = room(i);
        const pay = r === Infinity ? share : Math.min(share, Math.max(0, r));
        paid[i] = paid[i]! + pay;
        rest = rest + (share - pay);
      }
      unpaid = rest;
      if (unpaid === 0) return;
      let any = false;
      for (let i = 0; i < P; i++) {
        const r = room(i);
        eligible[i] = isFunder[i] && interest[i]! > 0 && (r === Infinity || r > 0) ? 1 : 0;
        if (eligible[i]) any = true;
      }
      if (!any) {
        for (let i = 0; i < P; i++) masked[i] = isFunder[i] ? interest[i]! : 0;
        split(unpaid, masked, shares);
        for (let i = 0; i < P; i++) paid[i] = paid[i]! + shares[i]!;
        return;
      }
    }
  }

  function royaltyRate(p: number): number {
    let i = 0;
    while (i + 1 < bands.length && bands[i + 1]!.fromPrice <= p) i++;
    const band = bands[i]!;
    const next = bands[i + 1];
    if (!deal.royalty.interpolate || next === undefined) return band.rate;
    return band.rate + (next.rate - band.rate) * ((p - band.fromPrice) / (next.fromPrice - band.fromPrice));
  }

  function presentValue(x: Float64Array, w: Float64Array): number {
    let pv = 0;
    for (let k = 0; k < n; k++) pv = pv + x[k]! * w[k]!;
    return pv;
  }

  function shift(from: readonly number[], to: Float64Array, d: number): void {
    for (let k = 0; k < n; k++) to[k] = k < d ? 0 : from[k - d]!;
  }

  /** §2 on the scenario's series, into the scratch arrays. */
  function transform(o: TransformOverrides<number>): void {
    const d = o.delayYears;
    shift(s.oreMined, ore, d);
    shift(s.wasteMined, waste, d);
    shift(s.grade, grade, d);
    shift(s.recovery, recovery, d);
    shift(s.fixed, fixed, d);
    shift(s.sustaining, sustaining, d);
    shift(s.closure, closureReal, d);
    if (d > 0) {
      let overflow = 0;
      for (let k = Math.max(0, n - d); k < n; k++) overflow = overflow + s.closure[k]!;
      closureReal[n - 1] = closureReal[n - 1]! + overflow;
    }
    for (let k = 0; k < n; k++) initial[k] = s.initial[k]!;
    if (o.disruption) {
      for (let k = 0; k < n; k++) {
        if (year(k) >= o.disruption.fromYear && year(k) <= o.disruption.toYear) {
          ore[k] = 0;
          waste[k] = 0;
        }
      }
    }
    const prices = o.prices ?? s.prices;
    const { priceFactor, capexFactor, opexFactor, gradeFactor } = o;
    for (let k = 0; k < n; k++) {
      price[k] = priceFactor === null ? prices[k]! : prices[k]! * priceFactor;
      if (capexFactor !== null) {
        initial[k] = initial[k]! * capexFactor;
        sustaining[k] = sustaining[k]! * capexFactor;
      }
      if (opexFactor !== null) fixed[k] = fixed[k]! * opexFactor;
      if (gradeFactor !== null) grade[k] = grade[k]! * gradeFactor;
    }
  }

  /** §5 straight line (income-tax.ts `depreciation`) or §13 declining balance, on Bdep_j. */
  function depreciate(base: Float64Array, firstProduction: number): void {
    dep.fill(0);
    for (let j = 0; j < n; j++) {
      const amount = base[j]!;
      if (decliningRate === null ? amount === 0 : !(amount > 0)) continue;
      const start = Math.max(j, firstProduction);
      if (start >= n) {
        dep[n - 1] = dep[n - 1]! + amount;
        continue;
      }
      if (decliningRate === null) {
        const instalment = amount / life;
        const last = Math.min(start + life - 1, n - 1);
        for (let y = start; y < last; y++) dep[y] = dep[y]! + instalment;
        dep[last] = dep[last]! + (amount - instalment * (last - start));
        continue;
      }
      let left = amount;
      for (let i = 0; ; i++) {
        const y = start + i;
        if (y === n - 1 || i === life - 1) {
          dep[y] = dep[y]! + left;
          break;
        }
        const instalment = Math.max(decliningRate * left, left / (life - i));
        dep[y] = dep[y]! + instalment;
        left = left - instalment;
      }
    }
  }

  function run(o: TransformOverrides<number>, out: KernelResult): void {
    // The simulation never moves the discount rate nor brings a fiscal change of its own, so the
    // weights and the changed years are fixed when the kernel is built.
    if (o.discountRate !== null) throw new Error('the simulation kernel keeps the scenario\'s discount rate');
    if (o.fiscalChange !== null) throw new Error('the simulation kernel keeps the scenario\'s fiscal change');
    transform(o);
    const opexFactor = o.opexFactor;
    const miningPerTonne = opexFactor === null ? inputs.miningPerTonne : inputs.miningPerTonne * opexFactor;
    const processingPerTonne = opexFactor === null ? inputs.processingPerTonneOre : inputs.processingPerTonneOre * opexFactor;
    const sellingPerUnit = opexFactor === null ? inputs.sellingPerUnit : inputs.sellingPerUnit * opexFactor;

    // §3 volumes, §4 costs, §12 grants.
    let firstProduction = n;
    let granted = 0;
    for (let k = 0; k < n; k++) {
      const r = recovery[k]! > 0 ? Math.min(1, recovery[k]! + uplift) : 0;
      volume[k] = ore[k]! * grade[k]! * r * inputs.productFactor;
      if (firstProduction === n && volume[k]! > 0) firstProduction = k;
      const e = escalation[k]!;
      const mining = (ore[k]! + waste[k]!) * miningPerTonne;
      const processing = ore[k]! * processingPerTonne;
      opex[k] = (mining + processing + fixed[k]!) * e;
      selling[k] = volume[k]! * sellingPerUnit * e;
      capex[k] = (initial[k]! + sustaining[k]!) * e;
      closure[k] = closureReal[k]! * e;
      if (grantTerms !== null) {
        const due = grantTerms.share * (initial[k]! * e);
        const amount = grantTerms.cap === null ? due : Math.min(due, grantTerms.cap - granted);
        granted = granted + amount;
        grant[k] = amount;
        depreciable[k] = capex[k]! - amount;
      }
    }
    // §5, §12, §13 depreciation and the investment allowance on Bdep_k = Capex_k − Grant_k.
    const base = grantTerms === null ? capex : depreciable;
    depreciate(base, firstProduction);
    if (allowance !== 0) for (let k = 0; k < n; k++) investmentAllowance[k] = allowance * base[k]!;
    // §14 the loans' schedules (they depend on Capex_k only).
    debt.run(capex);
    // §3 prices and revenue, §4 working capital.
    let previousWc = 0;
    for (let k = 0; k < n; k++) {
      const p = price[k]! * escalation[k]!;
      price[k] = p;
      const paidV = inputs.payability * volume[k]!;
      paidVolume[k] = paidV;
      const rm = paidV * p;
      marketRevenue[k] = rm;
      let marginSum = 0;
      for (let i = 0; i < offtakes.length; i++) {
        const t = offtakes[i]!;
        let margin = 0;
        if (t.active[k]) {
          let contract = p * (1 - t.discount);
          if (t.floor !== null) contract = Math.max(contract, t.floor);
          if (t.ceiling !== null) contract = Math.min(contract, t.ceiling);
          margin = paidV * t.share * (p - contract);
        }
        margins[i]![k] = margin;
        marginSum = marginSum + margin;
      }
      revenue[k] = rm - marginSum;
      const wc = k < n - 1 ? inputs.workingCapitalRate * revenue[k]! : 0;
      deltaWc[k] = wc - previousWc;
      previousWc = wc;
    }
    // §11 price support, §5 and §15 royalty, community, technology, resource rent tax (§10 base).
    let accumulated = 0;
    const accumulation = rrt ? 1 + rrt.thresholdRate : 1;
    for (let k = 0; k < n; k++) {
      const r = revenue[k]!;
      const p = price[k]!;
      let ps = 0;
      for (let c = 0; c < supports.length; c++) {
        const contract = supports[c]!;
        if (!contract.active[k]) continue;
        const covered = paidVolume[k]! * contract.share;
        const paidOut = covered * Math.max(0, contract.strike - p);
        const clawback = contract.upside === null ? 0 : covered * contract.upside.share * Math.max(0, p - contract.upside.capPrice);
        ps = ps + (paidOut - clawback);
      }
      support[k] = ps;
      const royaltyBase = grossRoyalty ? r : Math.max(0, r - selling[k]!);
      let rate = royaltyRate(p);
      if (royaltyAdd !== null && changed[k]) rate = Math.min(1, Math.max(0, rate + royaltyAdd));
      royalty[k] = rate * royaltyBase;
      community[k] = deal.communityShare * r;
      let tech = 0;
      let techWh = 0;
      for (let t = 0; t < technology.length; t++) {
        const a = technology[t]!;
        let payment = a.fees[k]!;
        if (a.active[k]) {
          const running = a.rate * r;
          payment = payment + (a.cap === null ? running : Math.min(a.cap, running));
        }
        techPay[t]![k] = payment;
        const wh = a.foreign ? technologyRate * payment : 0;
        techWithholding[t]![k] = wh;
        tech = tech + payment;
        techWh = techWh + wh;
      }
      techTotal[k] = tech;
      techTax[k] = techWh;
      if (rrt) {
        const rrtBase = r + ps - royalty[k]! - opex[k]! - selling[k]! - tech - community[k]! - (capex[k]! - grant[k]!) - closure[k]!;
        accumulated = accumulated * accumulation + rrtBase;
        if (accumulated > 0) {
          rrtYears[k] = rrt.rate * accumulated;
          accumulated = 0;
        } else rrtYears[k] = 0;
      } else rrtYears[k] = 0;
    }
    // §10 step 8, year by year: interest deduction (thin capitalisation needs F_1 … F_(k−1)),
    // taxable income, losses, CIT at t_k (§13 holiday, §15 change), Fpre_k and F_k.
    let poolSize = 0;
    let equityCalled = 0;
    let openingDebt = 0;
    for (let k = 0; k < n; k++) {
      const income = revenue[k]! + support[k]!;
      let deductible = debt.interest[k]!;
      if (thinCap !== null && deductible !== 0 && openingDebt > thinCap * equityCalled) {
        deductible = (deductible * thinCap * equityCalled) / openingDebt;
      }
      const taxable = income - royalty[k]! - opex[k]! - selling[k]! - techTotal[k]! - community[k]! - closure[k]! - dep[k]!
        - investmentAllowance[k]! - deductible - rrtYears[k]!;
      let used = 0;
      if (taxable < 0) {
        if (carryYears !== 0) {
          poolYear[poolSize] = k;
          poolRemaining[poolSize++] = -taxable;
        }
      } else {
        let roomLeft = taxable;
        for (let l = 0; l < poolSize; l++) {
          if (roomLeft === 0) break;
          if (carryYears !== null && k > poolYear[l]! + carryYears) continue;
          if (poolRemaining[l] === 0) continue;
          const take = Math.min(poolRemaining[l]!, roomLeft);
          poolRemaining[l] = poolRemaining[l]! - take;
          roomLeft = roomLeft - take;
          used = used + take;
        }
      }
      let rate = tax.rate;
      if (k >= firstProduction && k < firstProduction + tax.holidayYears) rate = 0;
      else if (changedTaxRate !== null && changed[k]) rate = changedTaxRate;
      const cit = rate * Math.max(0, taxable - used);
      const beforeFinancing = income - royalty[k]! - opex[k]! - selling[k]! - community[k]! - techTotal[k]! - closure[k]! - capex[k]! + grant[k]!
        - deltaWc[k]! - cit - rrtYears[k]!;
      const f = beforeFinancing + (debt.drawdown[k]! - debt.interest[k]! - debt.principal[k]!);
      fcf[k] = f;
      incomeTax[k] = cit;
      if (f < 0) equityCalled = equityCalled - f;
      openingDebt = debt.balance[k]!;
      preTax[k] = marketRevenue[k]! - opex[k]! - selling[k]! - capex[k]! - closure[k]! - deltaWc[k]!;
    }

    // §6 funding, straight into the partners' flows; §7 and §10 the other parties.
    for (let i = 0; i < P; i++) {
      interest[i] = equity[i]!;
      paidSoFar[i] = 0;
      balance[i] = 0;
      stakes[i]!.fill(0);
    }
    pvSum.fill(0);
    hurdleSum.fill(0);
    present.fill(0);
    let governmentReal = 0;
    for (let k = 0; k < n; k++) {
      for (let c = 0; c < carried.length; c++) balance[carried[c]!] = balance[carried[c]!]! * carryGrowth[carried[c]!]!;
      for (let i = 0; i < P; i++) {
        paid[i] = 0;
        distributions[i] = 0;
        repayments[i] = 0;
      }
      let withholding = 0;
      const flow = fcf[k]!;
      if (flow < 0) {
        const call = -flow;
        payCashCall(call);
        for (let x = 0; x < carried.length; x++) {
          const c = carried[x]!;
          const attributable = interest[c]! * call;
          balance[c] = balance[c]! + attributable;
          for (let i = 0; i < P; i++) if (isFunder[i] && paid[i] !== 0) stakes[c]![i] = stakes[c]![i]! + (attributable * paid[i]!) / call;
        }
        for (let i = 0; i < P; i++) paidSoFar[i] = paidSoFar[i]! + paid[i]!;
      } else if (flow > 0) {
        split(flow, interest, shares);
        for (let i = 0; i < P; i++) {
          const g = shares[i]!;
          let received = g;
          if (!isFunder[i]) {
            const repayment = Math.min(balance[i]!, repaymentShare[i]! * g);
            if (repayment > 0) {
              split(repayment, stakes[i]!, masked);
              for (let j = 0; j < P; j++) repayments[j] = repayments[j]! + masked[j]!;
              balance[i] = balance[i]! - repayment;
              received = g - repayment;
            }
          }
          if (isForeign[i] && received !== 0) {
            const tax = dividendRate * received;
            withholding = withholding + tax;
            received = received - tax;
          }
          distributions[i] = received;
        }
      }
      for (let i = 0; i < P; i++) {
        let partnerFlow = distributions[i]! - paid[i]! + repayments[i]!;
        if (licenses[i]) {
          let tech = 0;
          for (let t = 0; t < technology.length; t++) if (technology[t]!.licensor === i) tech = tech + (techPay[t]![k]! - techWithholding[t]![k]!);
          partnerFlow = partnerFlow + tech;
        }
        if (offtakesFor[i]) {
          let margin = 0;
          for (let o = 0; o < offtakes.length; o++) if (offtakes[o]!.offtaker === i) margin = margin + margins[o]![k]!;
          partnerFlow = partnerFlow + margin;
        }
        if (lends[i]) partnerFlow = partnerFlow + debt.lending(i, k);
        book(i, k, partnerFlow);
      }
      const government = royalty[k]! + incomeTax[k]! + rrtYears[k]! + withholding + techTax[k]! + debt.withholding[k]! - grant[k]! - support[k]!;
      book(GOVERNMENT, k, government);
      governmentReal = governmentReal + government * deflator[k]!;
      book(P + 1, k, community[k]!);
      let externalTech = 0;
      for (let t = 0; t < technology.length; t++) if (technology[t]!.licensor === -1) externalTech = externalTech + (techPay[t]![k]! - techWithholding[t]![k]!);
      book(P + 2, k, externalTech);
      let externalMargin = 0;
      for (let o = 0; o < offtakes.length; o++) if (offtakes[o]!.offtaker === -1) externalMargin = externalMargin + margins[o]![k]!;
      book(P + 3, k, externalMargin);
      book(P + 4, k, debt.lending(-1, k));
      if (deal.dilution) {
        let total = 0;
        for (let i = 0; i < P; i++) {
          dilutionWeights[i] = isFunder[i] ? deemed[i]! + paidSoFar[i]! : 0;
          total = total + dilutionWeights[i]!;
        }
        if (total !== 0) {
          split(funderTotal, dilutionWeights, shares);
          for (let i = 0; i < P; i++) if (isFunder[i]) interest[i] = shares[i]!;
        }
      }
    }

    // §7 present values.
    out.npv = presentValue(fcf, weights);
    out.preTaxNpv = presentValue(preTax, weights);
    let preTaxReal = 0;
    for (let k = 0; k < n; k++) {
      out.freeCashFlow[k] = fcf[k]!;
      out.realFreeCashFlow[k] = fcf[k]! * deflator[k]!;
      preTaxReal = preTaxReal + preTax[k]! * deflator[k]!;
    }
    out.preTaxReal = preTaxReal;
    for (let slot = 0; slot < slotCount; slot++) {
      out.pv[slot] = present[slot] ? pvSum[slot]! : Number.NaN;
      if (slot < P) out.npvAtHurdle[slot] = present[slot] ? hurdleSum[slot]! : 0;
    }
    out.governmentPv = present[GOVERNMENT] ? pvSum[GOVERNMENT]! : 0;
    out.governmentReal = governmentReal;
  }

  return {
    slotCount,
    newResult: () => ({
      npv: 0, preTaxNpv: 0, pv: new Float64Array(slotCount), npvAtHurdle: new Float64Array(P), freeCashFlow: new Float64Array(n),
      realFreeCashFlow: new Float64Array(n), governmentPv: 0, governmentReal: 0, preTaxReal: 0,
    }),
    run,
  };
}
