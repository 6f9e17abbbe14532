// The "Solve for a target…" dialog: the metric, its party, the target typed as users type it,
// an optional interval and, for an equity, the partner that balances it. The answer lists every
// value that reaches the target (smallest first) with what each party gets there (decimal), or
// the metric's range when the target is out of reach; one click applies a value as one undo step.
import { useEffect, useRef, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { Project, Structure } from '../../shared/engine/interchange.ts';
import type { MetricName } from '../../shared/negotiation/index.ts';
import { dealTerm } from '../../shared/fields/index.ts';
import { useEditor, useWorkspace } from '../app/context.tsx';
import { ChoiceField } from '../components/controls.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { findFocusTarget } from '../app/FocusManager.tsx';
import { selectStructure } from '../store/selectors.ts';
import { useNegotiation } from './context.tsx';
import type { SolvedOutcome } from './protocol.ts';
import type { SolveState } from './solveStore.ts';
import { absoluteTermPath, isPerParty, METRIC_CHOICES, metricText, partiesFor, partyName, termText } from './text.ts';

export function SolveDialog() {
  const negotiation = useNegotiation();
  if (!negotiation) return null;
  return <SolveDialogFor store={negotiation.solve} />;
}

function SolveDialogFor({ store }: { store: NonNullable<ReturnType<typeof useNegotiation>>['solve'] }) {
  const open = useStore(store, (state) => state.open);
  if (!open) return null;
  return <OpenSolveDialog store={store} />;
}

function OpenSolveDialog({ store }: { store: NonNullable<ReturnType<typeof useNegotiation>>['solve'] }) {
  const state = useStore(store);
  const editor = useEditor();
  const project = useWorkspace((s) => s.project);
  const locale = useWorkspace((s) => s.locale);
  const scenarioId = useWorkspace((s) => s.scenarioId ?? s.project?.scenarios[0]?.id ?? null);
  const selected = useWorkspace((s) => selectStructure(s)?.id ?? null);
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocusTo = useRef<string>('');
  useEffect(() => {
    const element = dialog.current;
    if (project) returnFocusTo.current = absoluteTermPath(project, state.structureId, state.path);
    if (element && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    }
    // Once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (!project || !state.term) return null;
  const structure = project.structures.find((s) => s.id === state.structureId);
  const currency = project.assumptions.currency ?? '';
  const term = state.term;
  const absolute = absoluteTermPath(project, state.structureId, state.path);
  const perParty = isPerParty(state.metric);
  const parties = partiesFor(structure, state.metric);
  const close = () => {
    // Close the modal first (the page behind it is inert until then), then focus the field at
    // once: focusing later would race whatever the user (or a test) does next.
    const element = dialog.current;
    if (element?.open && typeof element.close === 'function') element.close();
    findFocusTarget(returnFocusTo.current)?.focus();
    state.close();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void state.solve(project, scenarioId, locale);
  };
  const otherPartners = (structure?.terms.partners ?? []).filter((p) => `terms.partners[${structure!.terms.partners.indexOf(p)}].equity` !== state.path);
  // An equity's range depends on the partner chosen to balance it.
  const described = dealTerm(project, state.structureId, state.path, state.balanceWith ? { balanceWith: state.balanceWith } : {});
  const range = described.ok ? described.value.range : term.range;
  const rangeText = `${range.min === null ? 'no minimum' : termText(absolute, range.min, project, locale)} to ${range.max === null ? 'no maximum' : termText(absolute, range.max, project, locale)}`;
  const forAssumption = state.path.startsWith('assumptions.');
  return (
    <dialog ref={dialog} className="solve-dialog" aria-labelledby="solve-heading" onCancel={(event) => { event.preventDefault(); close(); }}>
      <h2 id="solve-heading">Solve for a target</h2>
      <p className="solve-term">
        <strong>{term.label}</strong>, now {termText(absolute, term.value ?? '0', project, locale)}
        {forAssumption && selected ? <span className="muted"> (for structure {structure?.name || state.structureId})</span> : null}
      </p>
      <form onSubmit={submit} className="solve-form">
        <div className="solve-question">
          <ChoiceField id="solve-metric" label="Metric" value={state.metric} options={METRIC_CHOICES}
            onChange={(metric) => state.set({ metric: metric as MetricName, ...(isPerParty(metric) && !partiesFor(structure, metric).some((p) => p.value === state.party) ? { party: partiesFor(structure, metric)[0]?.value ?? '' } : {}) })} />
          {perParty && (
            <ChoiceField id="solve-party" label="Party" value={state.party} options={parties} prompt="Choose a party…" onChange={(party) => state.set({ party })} />
          )}
          <div className="field">
            <label htmlFor="solve-target">Target</label>
            <input id="solve-target" type="text" autoComplete="off" spellCheck={false} inputMode="decimal" autoFocus
              placeholder={perParty || !['venture.governmentTake', 'venture.irr', 'venture.aetr'].includes(state.metric) ? (state.metric === 'share' || state.metric === 'irr' ? '25 %' : `${currency === 'USD' ? 'US$ ' : ''}60 m`) : '55 %'}
              value={state.targetText} onChange={(event) => state.set({ targetText: event.target.value })} />
          </div>
          {term.balancedBy !== null && (
            <ChoiceField id="solve-balance" label="Balanced by" value={state.balanceWith}
              options={otherPartners.map((p) => ({ value: p.id, label: p.name || p.id }))} onChange={(balanceWith) => state.set({ balanceWith })} />
          )}
        </div>
        <fieldset className="group solve-range">
          <legend>Search between (optional)</legend>
          <div className="field">
            <label htmlFor="solve-min">From</label>
            <input id="solve-min" type="text" autoComplete="off" spellCheck={false} value={state.minText} onChange={(event) => state.set({ minText: event.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="solve-max">To</label>
            <input id="solve-max" type="text" autoComplete="off" spellCheck={false} value={state.maxText} onChange={(event) => state.set({ maxText: event.target.value })} />
          </div>
          <p className="muted small">Empty: the term’s whole valid range, {rangeText}.</p>
        </fieldset>
        {state.problem && <p className="solve-problem" role="alert">{state.problem}</p>}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={state.status === 'running'}>Solve</button>
          {state.status === 'running' && <button type="button" onClick={() => state.cancel()}>Stop</button>}
          <button type="button" onClick={close}>Close</button>
        </div>
      </form>
      <div aria-live="polite">
        {state.status === 'running' && <p role="status">Solving…</p>}
        {state.status === 'done' && state.answer && (
          <Answer state={state} project={project} locale={locale} currency={currency} absolute={absolute} onApply={(index) => state.apply(index, project, editor) && close()} />
        )}
      </div>
    </dialog>
  );
}

function Answer({ state, project, locale, currency, absolute, onApply }: { state: SolveState; project: Project; locale: string; currency: string; absolute: string; onApply: (index: number) => void }) {
    const term = state.term!;
    const answer = state.answer!;
    const shown = useRef<HTMLElement>(null);
    // A short window shows the answer without the user scrolling the dialog to find it.
    useEffect(() => {
      const section = shown.current;
      if (section && typeof section.scrollIntoView === 'function') section.scrollIntoView({ block: 'nearest' });
    }, []);
    const structure = project.structures.find((s) => s.id === state.structureId);
    const metric = answer.choice.metric;
    const targetShown = metricText(metric, answer.target, locale, currency);
    if (answer.solutions.length === 0) {
      return (
        <section className="solve-answer" aria-label="Answer" ref={shown}>
          <p role="status"><strong>The target is out of reach.</strong> {answer.message ? `${answer.message.charAt(0).toUpperCase()}${answer.message.slice(1)}.` : ''}</p>
        </section>
      );
    }
    return (
      <section className="solve-answer" aria-label="Answer" ref={shown}>
        <p role="status">
          {answer.solutions.length === 1
            ? `One value of ${term.label} gives ${targetShown}:`
            : `${answer.solutions.length} values of ${term.label} give ${targetShown} (the metric crosses the target ${answer.solutions.length} times), smallest first:`}
        </p>
        {answer.solutions.map((solution, index) => {
          const shown = termText(absolute, solution.value, project, locale);
          return (
            <div key={solution.value} className="solve-solution">
              <p>
                <strong data-testid="solve-value">{shown}</strong> gives {metricLabelText(metric, answer.choice.party, structure)} {metricText(metric, solution.achieved, locale, currency)}
                <span className="muted small"> (exactly {solution.achieved})</span>
              </p>
              <Outcomes outcome={state.outcomes[index]} structure={structure} locale={locale} currency={currency} />
              <button type="button" className="primary" onClick={() => onApply(index)} aria-label={`Apply ${term.label} ${shown}`}>
                Apply {shown}
              </button>
            </div>
          );
        })}
      </section>
    );
}

function metricLabelText(metric: MetricName, party: string | null, structure: Structure | undefined): string {
  const label = METRIC_CHOICES.find((m) => m.value === metric)?.label ?? metric;
  if (party === null) return label.replace(/ \(.*\)$/, '').toLowerCase().replace('npv', 'NPV').replace('irr', 'IRR').replace('aetr', 'AETR');
  const name = partyName(structure, party);
  return { pv: `${name}'s PV`, share: `${name}'s share of the pre-tax NPV`, npvAtHurdle: `${name}'s NPV at its hurdle`, irr: `${name}'s IRR` }[metric as 'pv'] ?? `${name}'s ${label}`;
}

function Outcomes({ outcome, structure, locale, currency }: { outcome: SolvedOutcome | undefined; structure: Structure | undefined; locale: string; currency: string }) {
  if (!outcome || outcome.parties.length === 0) return null;
  const v = outcome.venture;
  return (
    <>
    <DataTable
      className="data-table solve-outcomes"
      caption="Each party’s outcome at this value"
      columns={['Party', 'PV', 'Share', 'IRR']}
      rows={outcome.parties.map((party) => ({
        key: party.id,
        heading: partyName(structure, party.id),
        cells: [metricText('pv', party.pv, locale, currency), metricText('share', party.share, locale, currency), party.kind === 'partner' ? metricText('irr', party.irr, locale, currency) : ''],
      }))}
    />
    <p className="solve-venture">
      Venture: NPV {metricText('venture.npv', v.npv, locale, currency)}, IRR {metricText('venture.irr', v.irr, locale, currency)}, government take {metricText('venture.governmentTake', v.governmentTake, locale, currency)}, AETR {metricText('venture.aetr', v.aetr, locale, currency)}.
    </p>
    </>
  );
}
