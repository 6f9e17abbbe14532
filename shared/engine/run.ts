import type { Arithmetic } from './arithmetic.ts';
import { discountFactors, presentValue } from './discounting.ts';
import { funding, type FundingYears } from './funding.ts';
import type { DealTerms, VentureInputs } from './model.ts';
import { partyFlows, type PartyFlows } from './parties.ts';
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

export function runCase<T>(ar: Arithmetic<T>, inputs: VentureInputs<T>, deal: DealTerms<T>): CaseRun<T> {
  const venture = ventureYears(ar, inputs, deal);
  const fundingYears = funding(ar, deal, venture.freeCashFlow);
  const factors = discountFactors(ar, inputs.discountRate, inputs.discounting, inputs.years);
  const nominalWeights = factors.map((df, k) => ar.div(df, venture.escalation[k]!));
  const parties = partyFlows(ar, deal, venture, fundingYears).map((party) => ({ ...party, pv: presentValue(ar, party.flows, nominalWeights) }));
  const preTaxNpv = presentValue(ar, venture.preTaxNetCashFlow, nominalWeights);
  return { inputs, venture, funding: fundingYears, factors, nominalWeights, parties, preTaxNpv };
}
