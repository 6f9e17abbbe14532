import type { Arithmetic } from './arithmetic.ts';
import type { PartyKind } from './interchange.ts';
import type { DealTerms } from './model.ts';
import type { FundingYears } from './funding.ts';
import type { VentureYears } from './venture.ts';

/** §7 The parties other than partners, in the methodology's order (`external-lender` from v2, §10). */
export const NON_PARTNER_PARTIES = ['government', 'community', 'external-licensor', 'external-offtaker', 'external-lender'] as const;

export interface PartyFlows<T> {
  id: string;
  kind: PartyKind;
  /** Partner index for partners, -1 otherwise. */
  partnerIndex: number;
  /** Nominal flow per year. */
  flows: T[];
}

/** What the flows of the parties other than partners and government are made of: the venture's years and the structure's agreements, never the partners' funding. */
type VentureParts<T> = Pick<VentureYears<T>, 'years' | 'technologyByAgreement' | 'technologyWithholdingByAgreement' | 'offtakeMargins' | 'debt' | 'community'>;

function flowParts<T>(ar: Arithmetic<T>, deal: DealTerms<T>, v: VentureParts<T>) {
  const years = Array.from({ length: v.years }, (_, k) => k);
  const netTechnology = (licensorIndex: number, k: number) =>
    deal.technology.reduce((sum, t, i) => (t.licensorIndex === licensorIndex
      ? ar.add(sum, ar.sub(v.technologyByAgreement[i]![k]!, v.technologyWithholdingByAgreement[i]![k]!))
      : sum), ar.zero);
  const margins = (offtakerIndex: number, k: number) =>
    deal.offtake.reduce((sum, o, i) => (o.offtakerIndex === offtakerIndex ? ar.add(sum, v.offtakeMargins[i]![k]!) : sum), ar.zero);
  const lending = (lenderIndex: number, k: number) =>
    deal.debt.reduce((sum, d, i) => {
      if (d.lenderIndex !== lenderIndex) return sum;
      const t = v.debt.tranches[i]!;
      return ar.add(sum, ar.add(ar.sub(ar.sub(t.interest[k]!, t.drawdown[k]!), t.withholding[k]!), t.principal[k]!));
    }, ar.zero);
  return { years, netTechnology, margins, lending };
}

const nonZero = <T>(ar: Arithmetic<T>) => (party: PartyFlows<T>) => party.flows.some((x) => ar.sign(x) !== 0);

/**
 * The parties after the government (community, external licensors, offtakers and lenders), in
 * that order, those with a flow: the same for every structure with the same venture terms, since
 * their flows never read the partners' funding.
 */
export function ventureParties<T>(ar: Arithmetic<T>, deal: DealTerms<T>, v: VentureParts<T>): PartyFlows<T>[] {
  const { years, netTechnology, margins, lending } = flowParts(ar, deal, v);
  const parties: PartyFlows<T>[] = [
    { id: 'community', kind: 'community', partnerIndex: -1, flows: v.community.slice() },
    { id: 'external-licensor', kind: 'external-licensor', partnerIndex: -1, flows: years.map((k) => netTechnology(-1, k)) },
    { id: 'external-offtaker', kind: 'external-offtaker', partnerIndex: -1, flows: years.map((k) => margins(-1, k)) },
    { id: 'external-lender', kind: 'external-lender', partnerIndex: -1, flows: years.map((k) => lending(-1, k)) },
  ];
  return parties.filter(nonZero(ar));
}

/**
 * §6–§7 and §10: every party's nominal flow per year, partners first in input order, then
 * government, community, external licensors, external offtakers and external lenders. Parties
 * whose flow is zero in every year are left out. A lender's flow of tranche d is
 * LF_d,k = −Draw_d,k + Int_d,k − WHTint_d,k + Prin_d,k; the government adds WHTint_k − Grant_k − PS_k.
 * `others`, when given, is ventureParties of the same venture and deal terms (computed once).
 */
export function partyFlows<T>(ar: Arithmetic<T>, deal: DealTerms<T>, v: VentureYears<T>, f: FundingYears<T>, others?: readonly PartyFlows<T>[]): PartyFlows<T>[] {
  const { years, netTechnology, margins, lending } = flowParts(ar, deal, v);
  const partners: PartyFlows<T>[] = deal.partners.map((p, i) => ({
    id: p.id,
    kind: 'partner',
    partnerIndex: i,
    flows: years.map((k) => {
      let flow = ar.sub(f.distributions[k]![i]!, f.paid[k]![i]!);
      flow = ar.add(flow, f.carryRepayments[k]![i]!);
      flow = ar.add(flow, netTechnology(i, k));
      flow = ar.add(flow, margins(i, k));
      return deal.debt.length === 0 ? flow : ar.add(flow, lending(i, k));
    }),
  }));
  const government = years.map((k) => {
    const techTax = v.technologyWithholdingByAgreement.reduce((s, row) => ar.add(s, row[k]!), ar.zero);
    const v1 = [v.incomeTax[k]!, v.resourceRentTax[k]!, f.dividendWithholding[k]!, techTax].reduce((s, x) => ar.add(s, x), v.royalty[k]!);
    return ar.sub(ar.sub(ar.add(v1, v.debt.withholding[k]!), v.grant[k]!), v.priceSupport[k]!);
  });
  const own = [...partners, { id: 'government', kind: 'government' as const, partnerIndex: -1, flows: government }].filter(nonZero(ar));
  return [...own, ...(others ?? ventureParties(ar, deal, v))];
}
