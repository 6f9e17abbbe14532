// The lines a person needs to rebuild every figure of an evaluation by hand (issue 8, item 3).
// They are extra fields of the evaluation document (the interchange allows extra fields).
//
// Per year k:  E_k (escalation index, §2), deflator 1/E_k, DF_k (discount factor, §7);
// per partner i: PI_i,k, paid_i,k, carry balance B_i,k (end of year, §6), carry repaid by i out of
// its distribution, carry repayments received by i, distribution received (net of withholding),
// dividend withholding, and the flow (§6: −paid + distribution + repayments received + technology
// net + offtake margins).
// Reconciliation (§7): Σ_parties PV_p = pre-tax NPV (the benefit split), and
// Σ_partners PV_i = venture NPV − PV(dividend withholding) + PV(technology and offtake receipts of
// partners); each identity's residual (money rounding) is shown.
import type { Arithmetic } from './arithmetic.ts';
import { presentValue } from './discounting.ts';
import type { CaseRun } from './run.ts';

export interface PartnerYearAudit {
  interest: string;
  cashCallPaid: string;
  carryBalance: string;
  carryRepaid: string;
  carryReceived: string;
  distribution: string;
  withholding: string;
  flow: string;
}

export interface YearAudit {
  escalationIndex: string;
  deflator: string;
  discountFactor: string;
  partners: Record<string, PartnerYearAudit>;
}

export interface Reconciliation {
  ventureNpv: string;
  preTaxNpv: string;
  partnersPv: string;
  governmentPv: string;
  communityPv: string;
  /** External licensors, external offtakers and (v2) external lenders. */
  othersPv: string;
  /** pre-tax NPV − Σ of every party's PV: money rounding, nothing else. */
  splitResidual: string;
  /** PV of the dividend withholding the government takes from partners' distributions. */
  dividendWithholdingPv: string;
  /** PV of what partners receive besides the venture's free cash flow: technology payments (net), offtake margins and (v2) their loans' flows. */
  partnerReceiptsPv: string;
  /** venture NPV − withholding PV + receipts PV − Σ partner PVs: money rounding, nothing else. */
  ventureResidual: string;
}

/** The audit lines that do not depend on the partners: the same for every structure with the same venture. */
export interface VentureAudit<T> {
  years: Omit<YearAudit, 'partners'>[];
  ventureNpv: T;
}

export function ventureAuditOf<T>(ar: Arithmetic<T>, run: Pick<CaseRun<T>, 'venture' | 'factors' | 'nominalWeights'>): VentureAudit<T> {
  const str = (x: T) => ar.toString(x);
  const v = run.venture;
  return {
    years: Array.from({ length: v.years }, (_, k) => ({
      escalationIndex: str(v.escalation[k]!),
      deflator: str(ar.div(ar.one, v.escalation[k]!)),
      discountFactor: str(run.factors[k]!),
    })),
    ventureNpv: presentValue(ar, v.freeCashFlow, run.nominalWeights),
  };
}

/** Text of the yearly lines a partner's audit lines repeat: interest and flow by partner id. */
export interface PartnerYearText {
  interests: Record<string, string>;
  /** Parties whose flow is zero in every year are absent: their flow is 0. */
  flows: Record<string, string>;
}

/** Each partner's audit lines of year k. */
export function partnerYearAudit<T>(ar: Arithmetic<T>, run: CaseRun<T>, partnerIds: readonly string[], k: number, text: PartnerYearText): Record<string, PartnerYearAudit> {
  const str = (x: T) => ar.toString(x);
  const f = run.funding;
  return Object.fromEntries(partnerIds.map((id, i) => [id, {
    interest: text.interests[id]!,
    cashCallPaid: str(f.paid[k]![i]!),
    carryBalance: str(f.carryBalances[k]![i]!),
    carryRepaid: str(f.carryRepaid[k]![i]!),
    carryReceived: str(f.carryRepayments[k]![i]!),
    distribution: str(f.distributions[k]![i]!),
    withholding: str(f.withholding[k]![i]!),
    flow: text.flows[id] ?? '0',
  }]));
}

/** §7 reconciliation of the venture NPV with every party's present value. */
export function reconciliationOf<T>(ar: Arithmetic<T>, run: CaseRun<T>, partnerIds: readonly string[], ventureNpv: T): Reconciliation {
  const str = (x: T) => ar.toString(x);
  const v = run.venture;
  const f = run.funding;
  const flowsOf = new Map(run.parties.map((party) => [party.id, party.flows]));
  const pvOf = (id: string) => run.parties.find((party) => party.id === id)?.pv ?? ar.zero;
  const sum = (values: readonly T[]) => values.reduce((s, x) => ar.add(s, x), ar.zero);
  const partnersPv = sum(partnerIds.map(pvOf));
  const governmentPv = pvOf('government');
  const communityPv = pvOf('community');
  const othersPv = ar.add(ar.add(pvOf('external-licensor'), pvOf('external-offtaker')), pvOf('external-lender'));
  const everyone = sum(run.parties.map((party) => party.pv));
  const dividendWithholdingPv = presentValue(ar, f.dividendWithholding, run.nominalWeights);
  // What partners receive beyond distributions net of calls: their flow minus their share of F.
  const receipts = Array.from({ length: v.years }, (_, k) => partnerIds.reduce((s, id, i) => {
    const flow = flowsOf.get(id)?.[k] ?? ar.zero;
    const fromVenture = ar.add(ar.sub(f.distributions[k]![i]!, f.paid[k]![i]!), f.carryRepayments[k]![i]!);
    return ar.add(s, ar.sub(flow, fromVenture));
  }, ar.zero));
  const partnerReceiptsPv = presentValue(ar, receipts, run.nominalWeights);
  return {
    ventureNpv: str(ventureNpv),
    preTaxNpv: str(run.preTaxNpv),
    partnersPv: str(partnersPv),
    governmentPv: str(governmentPv),
    communityPv: str(communityPv),
    othersPv: str(othersPv),
    splitResidual: str(ar.sub(run.preTaxNpv, everyone)),
    dividendWithholdingPv: str(dividendWithholdingPv),
    partnerReceiptsPv: str(partnerReceiptsPv),
    ventureResidual: str(ar.sub(ar.add(ar.sub(ventureNpv, dividendWithholdingPv), partnerReceiptsPv), partnersPv)),
  };
}
