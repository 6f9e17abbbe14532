import type { Arithmetic } from './arithmetic.ts';
import { discountFactors, presentValue } from './discounting.ts';
import { funding, type FundingYears } from './funding.ts';
import type { DealTerms, VentureInputs } from './model.ts';
import { partyFlows, ventureParties, type PartyFlows } from './parties.ts';
import { ventureYears, type VentureYears } from './venture.ts';

export interface PartyRun<T> extends PartyFlows<T> {
  pv: T;
}

/** One full run of the schedule (§3–§7) on transformed inputs. */
export interface CaseRun<T> {
  inputs: VentureInputs<T>;
  venture: VentureYears<T>;
  funding: FundingYears<T>;
  factors: T[];
  /** DF_k / E_k: the present value of one nominal unit of year k. */
  nominalWeights: T[];
  parties: PartyRun<T>[];
  preTaxNpv: T;
}

/** The venture's part of a run (§3–§5, §10 before the partners): what venture metrics need. */
export type VentureRun<T> = Pick<CaseRun<T>, 'inputs' | 'venture' | 'factors' | 'nominalWeights' | 'preTaxNpv'>;

export function runVenture<T>(ar: Arithmetic<T>, inputs: VentureInputs<T>, deal: DealTerms<T>): VentureRun<T> {
  const venture = ventureYears(ar, inputs, deal);
  const factors = discountFactors(ar, inputs.discountRate, inputs.discounting, inputs.years);
  const nominalWeights = factors.map((df, k) => ar.div(df, venture.escalation[k]!));
  const preTaxNpv = presentValue(ar, venture.preTaxNetCashFlow, nominalWeights);
  return { inputs, venture, factors, nominalWeights, preTaxNpv };
}

const withPresentValue = <T>(ar: Arithmetic<T>, run: VentureRun<T>) => (party: PartyFlows<T>): PartyRun<T> =>
  ({ ...party, pv: presentValue(ar, party.flows, run.nominalWeights) });

/** The parties after the government with their present values: the same for every structure with the same venture terms. */
export function runVentureParties<T>(ar: Arithmetic<T>, deal: DealTerms<T>, run: VentureRun<T>): PartyRun<T>[] {
  return ventureParties(ar, deal, run.venture).map(withPresentValue(ar, run));
}

/**
 * The partners' and parties' part of a run (§6, §7) on the venture's part. `others`, when given,
 * is runVentureParties of the same venture and deal terms (computed once for many structures).
 */
export function runParties<T>(ar: Arithmetic<T>, deal: DealTerms<T>, run: VentureRun<T>, others?: readonly PartyRun<T>[]): CaseRun<T> {
  const fundingYears = funding(ar, deal, run.venture.freeCashFlow);
  const own = partyFlows(ar, deal, run.venture, fundingYears, []).map(withPresentValue(ar, run));
  return { ...run, funding: fundingYears, parties: [...own, ...(others ?? runVentureParties(ar, deal, run))] };
}

export function runCase<T>(ar: Arithmetic<T>, inputs: VentureInputs<T>, deal: DealTerms<T>): CaseRun<T> {
  return runParties(ar, deal, runVenture(ar, inputs, deal));
}
