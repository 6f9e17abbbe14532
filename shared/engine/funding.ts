import type { Arithmetic } from './arithmetic.ts';
import type { DealTerms } from './model.ts';
import { split } from './split.ts';

/** §6: what each partner pays and receives each year; [k][i] is year k, partner i. */
export interface FundingYears<T> {
  /** Participating interests at the start of each year. */
  interests: T[][];
  paid: T[][];
  /** Distributions received, net of dividend withholding (carry repayments excluded). */
  distributions: T[][];
  carryRepayments: T[][];
  dividendWithholding: T[];
  /** Audit lines: each partner's carry balance at the end of the year (0 unless carried). */
  carryBalances: T[][];
  /** Audit lines: what each carried partner repaid of its carry out of its distribution. */
  carryRepaid: T[][];
  /** Audit lines: each partner's dividend withholding. */
  withholding: T[][];
  shortfalls: { yearIndex: number; amount: T }[];
}

interface CarryState<T> {
  balance: T;
  /** Cumulative principal each funding partner has put in for this carried partner. */
  stakes: T[];
}

export function funding<T>(ar: Arithmetic<T>, deal: DealTerms<T>, freeCashFlow: readonly T[]): FundingYears<T> {
  const partners = deal.partners;
  const carriedIdx = partners.flatMap((p, i) => (p.carried ? [i] : []));
  const isFunder = partners.map((p) => p.carried === null);
  const zeros = () => partners.map(() => ar.zero);
  const carry = new Map<number, CarryState<T>>(carriedIdx.map((c) => [c, { balance: ar.zero, stakes: zeros() }]));
  const deemed = deemedValues(ar, deal, isFunder);
  const carriedEquity = carriedIdx.reduce((s, c) => ar.add(s, partners[c]!.equity), ar.zero);
  /** 1 + the carry's interest rate, by carried partner. */
  const carryGrowth = new Map(carriedIdx.map((c) => [c, ar.add(ar.one, partners[c]!.carried!.interestRate)]));

  let interest = partners.map((p) => p.equity);
  const paidSoFar = zeros();
  /** paidSoFar as of the last dilution, or null once a cash call has changed it. */
  let dilutedFor: T[] | null = null;
  const out: FundingYears<T> = {
    interests: [], paid: [], distributions: [], carryRepayments: [], dividendWithholding: [], carryBalances: [], carryRepaid: [], withholding: [], shortfalls: [],
  };

  freeCashFlow.forEach((flow, k) => {
    out.interests.push(interest);
    for (const c of carriedIdx) {
      const state = carry.get(c)!;
      state.balance = ar.money(ar.mul(state.balance, carryGrowth.get(c)!));
    }
    const paid = zeros();
    const distributions = zeros();
    const repayments = zeros();
    const repaid = zeros();
    const withheld = zeros();
    let withholding = ar.zero;

    if (ar.sign(flow) < 0) {
      const call = ar.neg(flow);
      const shortfall = payCashCall(ar, deal, interest, isFunder, paidSoFar, call, paid);
      if (shortfall !== null) out.shortfalls.push({ yearIndex: k, amount: shortfall });
      for (const c of carriedIdx) {
        const state = carry.get(c)!;
        const attributable = ar.money(ar.mul(interest[c]!, call));
        state.balance = ar.add(state.balance, attributable);
        paid.forEach((amount, i) => {
          if (isFunder[i] && ar.sign(amount) !== 0) {
            state.stakes[i] = ar.add(state.stakes[i]!, ar.money(ar.div(ar.mul(attributable, amount), call)));
          }
        });
      }
      paid.forEach((amount, i) => { paidSoFar[i] = ar.add(paidSoFar[i]!, amount); });
      dilutedFor = null;
    } else if (ar.sign(flow) > 0) {
      const gross = split(ar, flow, interest);
      gross.forEach((g, i) => {
        let received = g;
        const state = carry.get(i);
        if (state) {
          const repayment = ar.min(state.balance, ar.money(ar.mul(partners[i]!.carried!.repaymentShare, g)));
          if (ar.sign(repayment) > 0) {
            split(ar, repayment, state.stakes).forEach((r, j) => { repayments[j] = ar.add(repayments[j]!, r); });
            state.balance = ar.sub(state.balance, repayment);
            received = ar.sub(g, repayment);
            repaid[i] = repayment;
          }
        }
        if (partners[i]!.foreign && ar.sign(received) !== 0) {
          const tax = ar.money(ar.mul(deal.withholding.dividends, received));
          withholding = ar.add(withholding, tax);
          withheld[i] = tax;
          received = ar.sub(received, tax);
        }
        distributions[i] = received;
      });
    }
    out.paid.push(paid);
    out.distributions.push(distributions);
    out.carryRepayments.push(repayments);
    out.dividendWithholding.push(withholding);
    out.carryRepaid.push(repaid);
    out.withholding.push(withheld);
    out.carryBalances.push(partners.map((_, i) => carry.get(i)?.balance ?? ar.zero));
    // Dilution depends on what has been paid so far and nothing else that changes: in a year
    // without a cash call the interests stay those of the last dilution.
    if (deal.dilution && dilutedFor !== paidSoFar) {
      interest = dilute(ar, interest, isFunder, deemed, paidSoFar, ar.sub(ar.one, carriedEquity));
      dilutedFor = paidSoFar;
    }
  });
  return out;
}

/** D_i = deemedValue × equity_i / Σ_U equity_j for funding partners, 0 for carried ones. */
function deemedValues<T>(ar: Arithmetic<T>, deal: DealTerms<T>, isFunder: readonly boolean[]): T[] {
  const funderEquity = deal.partners.reduce((s, p, i) => (isFunder[i] ? ar.add(s, p.equity) : s), ar.zero);
  return deal.partners.map((p, i) =>
    isFunder[i] && ar.sign(funderEquity) > 0 ? ar.money(ar.div(ar.mul(deal.deemedValue, p.equity), funderEquity)) : ar.zero);
}

/**
 * §6 step 2: rounds of the cash call among funding partners, in proportion to interest, within
 * their caps; writes each partner's payment into `paid` and returns the forced shortfall, if any.
 */
function payCashCall<T>(
  ar: Arithmetic<T>, deal: DealTerms<T>, interest: readonly T[], isFunder: readonly boolean[],
  paidSoFar: readonly T[], call: T, paid: T[],
): T | null {
  const partners = deal.partners;
  const room = (i: number): T | null => {
    const cap = partners[i]!.fundingCap;
    return cap === null ? null : ar.sub(ar.sub(cap, paidSoFar[i]!), paid[i]!);
  };
  let eligible = isFunder.slice();
  let unpaid = call;
  while (ar.sign(unpaid) > 0) {
    const shares = split(ar, unpaid, interest.map((pi, i) => (eligible[i] ? pi : ar.zero)));
    let rest = ar.zero;
    shares.forEach((share, i) => {
      if (!eligible[i] || ar.sign(share) === 0) return;
      const r = room(i);
      const pay = r === null ? share : ar.min(share, ar.max(ar.zero, r));
      paid[i] = ar.add(paid[i]!, pay);
      rest = ar.add(rest, ar.sub(share, pay));
    });
    unpaid = rest;
    if (ar.sign(unpaid) === 0) return null;
    eligible = isFunder.map((f, i) => {
      const r = room(i);
      return f && ar.sign(interest[i]!) > 0 && (r === null || ar.sign(r) > 0);
    });
    if (!eligible.some(Boolean)) {
      const forced = split(ar, unpaid, interest.map((pi, i) => (isFunder[i] ? pi : ar.zero)));
      forced.forEach((amount, i) => { paid[i] = ar.add(paid[i]!, amount); });
      return unpaid;
    }
  }
  return null;
}

/** §6 step 4: funding partners' interests follow deemed value plus everything they have paid. */
function dilute<T>(
  ar: Arithmetic<T>, interest: readonly T[], isFunder: readonly boolean[], deemed: readonly T[],
  paidSoFar: readonly T[], funderTotal: T,
): T[] {
  const weights = interest.map((_, i) => (isFunder[i] ? ar.add(deemed[i]!, paidSoFar[i]!) : ar.zero));
  if (ar.sign(weights.reduce((s, w) => ar.add(s, w), ar.zero)) === 0) return interest.slice();
  const shares = split(ar, funderTotal, weights, ar.interest);
  return interest.map((pi, i) => (isFunder[i] ? shares[i]! : pi));
}
