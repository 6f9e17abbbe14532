import type { Arithmetic } from './arithmetic.ts';
import type { PartyKind } from './interchange.ts';
import type { DealTerms } from './model.ts';
import type { FundingYears } from './funding.ts';
import type { VentureYears } from './venture.ts';

export interface PartyFlows<T> {
  id: string;
  kind: PartyKind;
  /** Partner index for partners, -1 otherwise. */
  partnerIndex: number;
  /** Nominal flow per year. */
  flows: T[];
}

/**
 * §6–§7: every party's nominal flow per year, partners first in input order, then government,
 * community, external licensors and external offtakers. Parties whose flow is zero in every
 * year are left out.
 */
export function partyFlows<T>(ar: Arithmetic<T>, deal: DealTerms<T>, v: VentureYears<T>, f: FundingYears<T>): PartyFlows<T>[] {
  const n = v.years;
  const years = Array.from({ length: n }, (_, k) => k);
  const netTechnology = (licensorIndex: number, k: number) =>
    deal.technology.reduce((sum, t, i) => (t.licensorIndex === licensorIndex
      ? ar.add(sum, ar.sub(v.technologyByAgreement[i]![k]!, v.technologyWithholdingByAgreement[i]![k]!))
      : sum), ar.zero);
  const margins = (offtakerIndex: number, k: number) =>
    deal.offtake.reduce((sum, o, i) => (o.offtakerIndex === offtakerIndex ? ar.add(sum, v.offtakeMargins[i]![k]!) : sum), ar.zero);

  const partners: PartyFlows<T>[] = deal.partners.map((p, i) => ({
    id: p.id,
    kind: 'partner',
    partnerIndex: i,
    flows: years.map((k) => {
      let flow = ar.sub(f.distributions[k]![i]!, f.paid[k]![i]!);
      flow = ar.add(flow, f.carryRepayments[k]![i]!);
      flow = ar.add(flow, netTechnology(i, k));
      return ar.add(flow, margins(i, k));
    }),
  }));
  const government = years.map((k) => {
    const techTax = v.technologyWithholdingByAgreement.reduce((s, row) => ar.add(s, row[k]!), ar.zero);
    return [v.incomeTax[k]!, v.resourceRentTax[k]!, f.dividendWithholding[k]!, techTax].reduce((s, x) => ar.add(s, x), v.royalty[k]!);
  });
  const others: PartyFlows<T>[] = [
    { id: 'government', kind: 'government', partnerIndex: -1, flows: government },
    { id: 'community', kind: 'community', partnerIndex: -1, flows: v.community.slice() },
    { id: 'external-licensor', kind: 'external-licensor', partnerIndex: -1, flows: years.map((k) => netTechnology(-1, k)) },
    { id: 'external-offtaker', kind: 'external-offtaker', partnerIndex: -1, flows: years.map((k) => margins(-1, k)) },
  ];
  return [...partners, ...others].filter((party) => party.flows.some((x) => ar.sign(x) !== 0));
}
