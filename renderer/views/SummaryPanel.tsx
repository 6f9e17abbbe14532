import { useEffect, useState } from 'react';
import { formatFactor, formatIrr, formatMoney, formatPercent } from '../lib/format.ts';
import { useResults, useEditor, useWorkspace } from '../app/context.tsx';
import { PARTY_COLORS } from '../components/charts/index.ts';
import { problemInWords } from '../../shared/fields/messages.ts';
import type { Project } from '../../shared/engine/interchange.ts';
import { useActiveResult, useMoneyContext, usePartyNames } from './useResult.ts';
import { EngineFailure } from './EngineFailure.tsx';
import { CalculationProgress } from './CalculationProgress.tsx';
import { PlaceholderNotice } from './PlaceholderNotice.tsx';
import { ResultSentences } from './ResultSentences.tsx';
import { formatRatio } from './Version2Results.tsx';

/** The venture's headline numbers, always beside the editor so every edit shows its effect. */
export function SummaryPanel() {
  const { evaluation, error, stale } = useActiveResult();
  const full = useActiveResult(true);
  const money = useMoneyContext();
  const locale = money.locale;
  const problemCount = useResults((state) => state.problems.length);
  const nameOf = usePartyNames();
  const breakeven = full.evaluation ? formatFactor(full.evaluation.venture.breakevenPriceFactor, locale) : 'computing…';
  const v = evaluation?.venture;
  const engineFailed = useResults((state) => state.engineFailure !== null);
  const status = engineFailed ? 'The engine stopped' : problemCount > 0 ? 'Results are from the last valid inputs' : stale ? 'Updating…' : 'Up to date';
  return (
    <aside className="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Results</h2>
      {/* Shown at once but not read out on every keystroke: the announcer below speaks once typing pauses. */}
      <p className={`result-status${problemCount > 0 ? ' status-warn' : ''}`} role="status" aria-live="off">
        {status}
      </p>
      <SettledAnnouncement text={v && status === 'Up to date' ? `Results up to date: venture NPV ${formatMoney(v.npv, { ...money, compact: true })}.` : status === 'Updating…' ? null : status} />
      <CalculationProgress running={stale && !engineFailed && problemCount === 0} />
      <EngineFailure />
      <PlaceholderNotice compact />
      {evaluation && <ResultSentences evaluation={evaluation} topic="venture" />}
      {error && <p className="field-problem">{error}</p>}
      {v ? (
        <dl className="metrics" aria-busy={stale}>
          <Metric label="Venture NPV" value={formatMoney(v.npv, { ...money, compact: true })} testId="venture-npv" />
          <Metric label="Venture IRR" value={formatIrr(v.irr, v.irrRoots, locale)} testId="venture-irr" />
          <Metric label="Pre-tax NPV" value={formatMoney(v.preTaxNpv, { ...money, compact: true })} testId="pre-tax-npv" />
          <Metric label="Government take" value={formatPercent(v.governmentTake, locale)} testId="government-take" />
          <Metric label="Government take incl. state partners" value={formatPercent(v.governmentTakeInclState, locale)} testId="government-take-incl-state" />
          <Metric label="AETR" value={formatPercent(v.aetr, locale)} testId="aetr" />
          <Metric label="Breakeven price" value={breakeven} testId="breakeven" stale={full.stale} />
          <Metric label="Payback year" value={v.paybackYear === null ? 'never' : String(v.paybackYear)} testId="payback" />
          {v.minDscr !== undefined && <Metric label="Minimum DSCR" value={v.minDscr === null ? 'no debt service' : `${formatRatio(v.minDscr, locale)} in ${v.minDscrYear}`} testId="min-dscr" />}
        </dl>
      ) : (
        <p className="muted">{problemCount > 0 ? 'Fix the problems listed to see results.' : 'Computing…'}</p>
      )}
      {evaluation && (
        <>
          <h3>Benefit split</h3>
          <ul className="split-list" aria-label="Benefit split by party">
            {evaluation.parties.map((party, index) => (
              <li key={party.id}>
                <span className="swatch" style={{ background: PARTY_COLORS[index % PARTY_COLORS.length] }} aria-hidden="true" />
                <span className="split-name">{nameOf(party.id)}</span>
                <span className="split-value" data-testid={`party-pv-${party.id}`}>
                  {formatMoney(party.pv, { ...money, compact: true })}
                </span>
                <span className="split-share">{formatPercent(party.share, locale)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {evaluation && evaluation.warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {evaluation.warnings.map((warning) => (
            <li key={`${warning.code}-${warning.year}`}>{warning.message}</li>
          ))}
        </ul>
      )}
      <ProblemsList />
    </aside>
  );
}

function Metric({ label, value, testId, stale = false }: { label: string; value: string; testId: string; stale?: boolean }) {
  return (
    <div className={`metric${stale ? ' metric-stale' : ''}`}>
      <dt>{label}</dt>
      <dd data-testid={testId} title={stale ? 'Updating: this value is from the previous inputs' : undefined}>
        {value}
      </dd>
    </div>
  );
}

/** Every validation problem in the user's words, each a button that takes you to its field; the path is the detail. */
export function ProblemsList() {
  const problems = useResults((state) => state.problems);
  const editor = useEditor();
  const project = useWorkspace((state) => state.project);
  const locale = useWorkspace((state) => state.locale);
  if (problems.length === 0) return null;
  return (
    <section className="problems" aria-labelledby="problems-heading">
      <h3 id="problems-heading">
        {problems.length === 1 ? '1 problem' : `${problems.length} problems`} to fix
      </h3>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.path}:${problem.message}`}>
            <button type="button" className="problem-link" onClick={() => editor.goToProblem(problem.path)}>
              <span className="problem-where">{whereOf(problem.path, project)}</span>
              <span className="problem-message">{problemInWords(problem, project, locale).message}</span>
              <span className="problem-path">{problem.path || '(document)'}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The structure or scenario a problem is in, by name. */
function whereOf(path: string, project: Project | null): string {
  const structure = /^structures\[(\d+)\]/.exec(path);
  if (structure) {
    const s = project?.structures[Number(structure[1])];
    return s ? s.name || s.id : 'Structure';
  }
  const scenario = /^(scenarios|shocks)\[(\d+)\]/.exec(path);
  if (scenario) {
    const s = scenario[1] === 'scenarios' ? project?.scenarios[Number(scenario[2])] : project?.shocks?.[Number(scenario[2])];
    return s ? s.name || s.id : scenario[1] === 'scenarios' ? 'Scenario' : 'Shock';
  }
  return path.startsWith('assumptions') ? 'Venture' : 'Project';
}

const SETTLE_MS = 1200;

/** A polite live region that speaks `text` once it has stayed the same for a moment, and only when it changed. */
function SettledAnnouncement({ text }: { text: string | null }) {
  const [spoken, setSpoken] = useState('');
  useEffect(() => {
    if (text === null) return;
    const timer = setTimeout(() => setSpoken(text), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="results-announcement">
      {spoken}
    </p>
  );
}
