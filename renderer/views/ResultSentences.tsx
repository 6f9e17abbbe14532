import type { Evaluation } from '../../shared/engine/interchange.ts';
import { useWorkspace } from '../app/context.tsx';
import { formatMoney, formatPercent } from '../lib/format.ts';
import { resultSentences, type SentenceTopic } from '../model/resultSentences.ts';
import { selectStructure } from '../store/selectors.ts';
import { useMoneyContext, usePartyNames } from './useResult.ts';

/** The sentences about `topic` for this evaluation, shown where the numbers are. */
export function ResultSentences({ evaluation, topic }: { evaluation: Evaluation; topic: SentenceTopic }) {
  const money = useMoneyContext();
  const nameOf = usePartyNames(evaluation.structure);
  const structure = useWorkspace((state) => state.project?.structures.find((s) => s.id === evaluation.structure) ?? selectStructure(state));
  const sentences = resultSentences(evaluation, {
    structure,
    nameOf,
    money: (value) => formatMoney(value, { ...money, compact: true }),
    percent: (value) => formatPercent(value, money.locale),
  }).filter((sentence) => sentence.topic === topic);
  if (sentences.length === 0) return null;
  return (
    <ul className="result-sentences" aria-label="What these results mean">
      {sentences.map((sentence) => (
        <li key={sentence.text}>{sentence.text}</li>
      ))}
    </ul>
  );
}
