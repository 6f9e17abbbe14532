import { useEffect, useRef } from 'react';
import { conventionLabel } from '../model/numberText.ts';
import type { PasteChoices, PastePlan } from '../model/pastePlan.ts';
import { formatDecimalForInput } from '../lib/decimalText.ts';
import { useWorkspace } from '../app/context.tsx';

export interface PasteQuestionProps {
  plan: PastePlan;
  onAnswer: (choices: PasteChoices) => void;
  onCancel: () => void;
}

/** Asks what a pasted block means before anything is written: a label in front, or separators
 * that read two ways. Both readings are shown, so the user picks the numbers, not a rule. */
export function PasteQuestion({ plan, onAnswer, onCancel }: PasteQuestionProps) {
  const locale = useWorkspace((state) => state.locale);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [plan]);
  const show = (decimal: string) => formatDecimalForInput(decimal, locale, false);
  if (plan.kind === 'ask-label') {
    const labels = plan.labels.map((label) => `“${label}”`).join(', ');
    return (
      <div className="paste-question" role="alertdialog" aria-labelledby="paste-question-text" onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
        <p id="paste-question-text">
          The pasted row starts with {labels}, which is a label, not a number. Skip it, or paste it as a value (every number then lands one year later)?
        </p>
        <button type="button" ref={first} onClick={() => onAnswer({ skipLabel: true })}>Skip the label</button>
        <button type="button" onClick={() => onAnswer({ skipLabel: false })}>Paste it as a value</button>
        <button type="button" onClick={onCancel}>Cancel paste</button>
      </div>
    );
  }
  if (plan.kind !== 'ask-convention') return null;
  const reading = (convention: 'point' | 'comma') => plan.samples.map((sample) => `${sample.text} → ${show(sample[convention])}${sample.unit ? ` ${sample.unit}` : ''}`).join(', ');
  return (
    <div className="paste-question" role="alertdialog" aria-labelledby="paste-question-text" onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <p id="paste-question-text">
        These numbers read differently depending on whether a point or a comma marks decimals. Which did the source use?
      </p>
      <button type="button" ref={first} onClick={() => onAnswer({ convention: 'point' })}>
        The {conventionLabel('point')}: {reading('point')}
      </button>
      <button type="button" onClick={() => onAnswer({ convention: 'comma' })}>
        The {conventionLabel('comma')}: {reading('comma')}
      </button>
      <button type="button" onClick={onCancel}>Cancel paste</button>
    </div>
  );
}
