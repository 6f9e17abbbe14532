// What the numbers mean where they could mislead, said in a sentence beside them: a carry that
// is never repaid, a partner that receives nothing, a government take above 100 %, a party that
// disappears under a shock.
import Decimal from 'decimal.js';
import type { Evaluation, Structure } from '../../shared/engine/interchange.ts';

export type SentenceTopic = 'venture' | 'partners' | 'shocks';

export interface ResultSentence {
  topic: SentenceTopic;
  text: string;
}

export interface SentenceContext {
  structure: Structure | null;
  nameOf: (id: string) => string;
  money: (value: string) => string;
  percent: (value: string) => string;
}

const D = (value: string) => new Decimal(value);

export function resultSentences(evaluation: Evaluation, context: SentenceContext): ResultSentence[] {
  const sentences: ResultSentence[] = [];
  const { nameOf, money, percent } = context;
  const take = evaluation.venture.governmentTake;
  if (take !== null && D(take).gt(1)) {
    sentences.push({
      topic: 'venture',
      text: `Government take is ${percent(take)}: the government receives more than the venture's whole pre-tax net cash flow, so the partners together are left with a loss.`,
    });
  }
  const last = evaluation.years[evaluation.years.length - 1];
  const partners = context.structure?.terms.partners ?? [];
  for (const partner of partners) {
    const name = nameOf(partner.id);
    const owed = last?.partners?.[partner.id]?.carryBalance;
    if (partner.carried && owed !== undefined && D(owed).gt(0.005)) {
      sentences.push({
        topic: 'partners',
        text: `${name}'s carry is never fully repaid: ${money(owed)} (nominal) is still owed to the funding partners at the end of ${last!.year}.`,
      });
    }
    const result = evaluation.parties.find((party) => party.id === partner.id);
    if (!result) {
      sentences.push({ topic: 'partners', text: `${name} neither pays nor receives anything in this structure and scenario.` });
      continue;
    }
    const received = evaluation.years.some((year) => D(year.flows[partner.id] ?? '0').gt(0));
    if (!received) {
      sentences.push({ topic: 'partners', text: `${name} receives nothing over the venture's life: it only pays (${money(result.total)} in real terms).` });
    }
  }
  for (const shock of evaluation.shocks) {
    for (const base of evaluation.parties) {
      if (D(base.pv).abs().lt(1)) continue;
      const row = shock.parties.find((party) => party.id === base.id);
      const shocked = row ? D(base.pv).plus(D(row.deltaPv)) : new Decimal(0);
      if (shocked.abs().lt(0.5)) {
        sentences.push({ topic: 'shocks', text: `Under “${shock.name || shock.id}”, ${nameOf(base.id)} disappears from the split: its present value of ${money(base.pv)} falls to nothing.` });
      }
    }
  }
  return sentences;
}
