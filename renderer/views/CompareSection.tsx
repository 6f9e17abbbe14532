import { RiskCompare } from './RiskCompare.tsx';
import { useState } from 'react';
import { ExportableTable } from '../components/TableExport.tsx';
import type { Evaluation, Scenario, Structure } from '../../shared/engine/interchange.ts';
import { useEditor, useResults, useWorkspace } from '../app/context.tsx';
import { partyColor, ShareBars } from '../components/charts/index.ts';
import { selectionKey } from '../engine/protocol.ts';
import { hasBreakeven } from '../engine/resultsStore.ts';
import { formatPercent } from '../lib/format.ts';
import { COMPARE_METRICS, headerFor, matrixMetrics, scaleFor, showCell } from '../model/compareMatrix.ts';
import { compareTerms, projectValueContext } from '../../shared/fields/index.ts';
import { PARTY_NAMES, useMoneyContext } from './useResult.ts';
import { ConcessionsTable } from './ConcessionsTable.tsx';
import { ProgressivityPanel } from './ProgressivityPanel.tsx';
import { ChoiceField, namedChoices } from '../components/controls.tsx';

/** One case of the matrix: a structure under a scenario. */
interface Case {
  structure: Structure;
  scenario: Scenario;
  evaluation: Evaluation | null;
  /** The result has the breakeven price: a lean one does not yet (its column reads "computing…"). */
  breakeven: boolean;
  status: string | null;
  stale: boolean;
}

export function CompareSection() {
  const editor = useEditor();
  const project = useWorkspace((state) => state.project);
  const compare = useWorkspace((state) => state.compare);
  const money = useMoneyContext();
  const latest = useResults((state) => state.latest);
  const version = useResults((state) => state.version);
  if (!project) return null;
  const structures = project.structures.filter((s) => compare.structures.includes(s.id));
  const scenarios = project.scenarios.filter((s) => compare.scenarios.includes(s.id));
  const reference = structures.find((s) => s.id === compare.reference) ?? structures[0];
  const names = new Map<string, string>();
  for (const structure of project.structures) for (const partner of structure.terms.partners) if (!names.has(partner.id)) names.set(partner.id, partner.name || partner.id);
  const nameOf = (id: string) => names.get(id) ?? PARTY_NAMES[id] ?? id;

  const cases: Case[] = structures.flatMap((structure) =>
    scenarios.map((scenario) => {
      const result = latest[selectionKey({ structure: structure.id, scenario: scenario.id })];
      return { structure, scenario, evaluation: result?.evaluation ?? null, breakeven: result !== undefined && hasBreakeven(result.kind), status: result ? result.error : 'computing…', stale: result !== undefined && result.version !== version };
    }),
  );
  const evaluations = cases.flatMap((c) => (c.evaluation ? [c.evaluation] : []));
  const partyIds = [...new Set(evaluations.flatMap((e) => e.parties.map((p) => p.id)))];
  const partnerIds = [...new Set(evaluations.flatMap((e) => e.parties.filter((p) => p.kind === 'partner').map((p) => p.id)))];
  const metrics = matrixMetrics(compare.metrics, partyIds, partnerIds, { project, locale: money.locale, nameOf });
  const columns = metrics.map((metric) => {
    const readable = (c: Case): c is Case & { evaluation: Evaluation } => c.evaluation !== null && (metric.id !== 'breakeven' || c.breakeven);
    const readings = cases.map((c) => (readable(c) ? metric.read(c.evaluation) : null));
    const scale = scaleFor(metric, readings.map((r) => r?.value ?? null), project, money.locale);
    const cells = cases.map((c, index) => {
      const reading = readings[index];
      if (!reading) return null;
      const baseCase = cases.find((b) => b.structure.id === reference?.id && b.scenario.id === c.scenario.id);
      const base = baseCase && baseCase !== c && readable(baseCase) ? metric.read(baseCase.evaluation) : null;
      return showCell(metric, scale, reading, base, money.locale);
    });
    return { metric, header: headerFor(metric, scale), cells };
  });
  const caseName = (c: Case) => ({ structure: c.structure.name || c.structure.id, scenario: c.scenario.name || c.scenario.id });
  const matrixTable = () => ({
    columns: ['Structure', 'Scenario', ...columns.map((column) => column.header)],
    rows: cases.map((c, index) => [caseName(c).structure, caseName(c).scenario, ...columns.map((column) => { const cell = column.cells[index]; return cell ? (cell.shown ?? cell.text) : (c.status ?? 'computing…'); })]),
  });
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const metricsAsRows = compare.layout === 'metrics-as-rows';
  const valueCell = (c: Case, index: number, column: (typeof columns)[number]) => {
    const key = `${c.structure.id}|${c.scenario.id}|${column.metric.id}`;
    const cell = column.cells[index];
    if (!cell) return <td key={key} className="muted">{c.status ?? 'computing…'}</td>;
    return (
      <td key={key} className={[cell.differs ? 'differs' : '', c.stale ? 'stale' : ''].filter(Boolean).join(' ') || undefined}>
        {cell.text}
        {cell.deltaText && <span className="delta"> ({cell.deltaText})</span>}
      </td>
    );
  };
  const chartScenario = scenarios[0];
  return (
    <section aria-labelledby="compare-heading" className="section">
      <h2 id="compare-heading">Compare structures</h2>
      <div className="compare-choices">
        <fieldset className="group">
          <legend>Structures</legend>
          {project.structures.map((s) => (
            <label key={s.id} className="check">
              <input type="checkbox" checked={compare.structures.includes(s.id)} onChange={() => editor.setCompare({ structures: toggle(compare.structures, s.id) })} /> {s.name || s.id}
            </label>
          ))}
        </fieldset>
        <fieldset className="group">
          <legend>Scenarios</legend>
          {project.scenarios.map((s) => (
            <label key={s.id} className="check">
              <input type="checkbox" checked={compare.scenarios.includes(s.id)} onChange={() => editor.setCompare({ scenarios: toggle(compare.scenarios, s.id) })} /> {s.name || s.id}
            </label>
          ))}
        </fieldset>
        <fieldset className="group">
          <legend>Metrics</legend>
          {COMPARE_METRICS.map((m) => (
            <label key={m.id} className="check">
              <input type="checkbox" checked={compare.metrics.includes(m.id)} onChange={() => editor.setCompare({ metrics: toggle(compare.metrics, m.id) })} /> {m.label}
            </label>
          ))}
        </fieldset>
        <ChoiceField id="compare-reference" label="Reference structure" value={reference?.id ?? ''} options={namedChoices(structures)}
          onChange={(id) => editor.setCompare({ reference: id })} />
      </div>
      {cases.length === 0 ? (
        <p className="muted">Choose at least one structure and one scenario.</p>
      ) : (
        <div className="panel">
          <div className="matrix-toolbar">
            <button type="button" aria-pressed={metricsAsRows} onClick={() => editor.setCompare({ layout: metricsAsRows ? 'cases-as-rows' : 'metrics-as-rows' })}>
              {metricsAsRows ? 'Show cases as rows' : 'Show metrics as rows'}
            </button>
            <span className="muted small">Differences in brackets are against {reference?.name || reference?.id}, on the values as shown.</span>
          </div>
          <ExportableTable name="Compare matrix" table={matrixTable} copyLabel="Copy as a table">
            <div className="table-scroll" tabIndex={0} role="region" aria-label="Compare matrix">
              <table className={`data-table compare-matrix ${metricsAsRows ? 'metrics-as-rows' : 'cases-as-rows'}`}>
                <caption className="visually-hidden">Metrics by structure and scenario; differences against {reference?.name || reference?.id}</caption>
                {metricsAsRows ? (
                  <>
                    <thead>
                      <tr>
                        <th scope="col">Metric</th>
                        {cases.map((c) => (
                          <th scope="col" key={`${c.structure.id}|${c.scenario.id}`} className={c.structure.id === reference?.id ? 'reference' : undefined}>
                            {caseName(c).structure}
                            <span className="muted small"> · {caseName(c).scenario}</span>
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {columns.map((column) => (
                        <tr key={column.metric.id}>
                          <th scope="row"><MetricHeader text={column.header} /></th>
                          {cases.map((c, index) => valueCell(c, index, column))}
                        </tr>
                      ))}
                    </tbody>
                  </>
                ) : (
                  <>
                    <thead>
                      <tr>
                        <th scope="col">Structure</th>
                        <th scope="col">Scenario</th>
                        {columns.map((column) => (
                          <th scope="col" key={column.metric.id}>
                            <MetricHeader text={column.header} />
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {cases.map((c, index) => {
                        const firstOfStructure = index === 0 || cases[index - 1]!.structure.id !== c.structure.id;
                        const reference = c.structure.id === compare.reference || (!compare.reference && c.structure.id === structures[0]?.id);
                        return (
                          <tr key={`${c.structure.id}|${c.scenario.id}`} className={firstOfStructure && index > 0 ? 'structure-start' : undefined}>
                            {firstOfStructure && (
                              <th scope="rowgroup" rowSpan={scenarios.length} className="case-structure">
                                {caseName(c).structure}
                                {reference && <span className="muted small"> (reference)</span>}
                              </th>
                            )}
                            <th scope="row" className="case-scenario">{caseName(c).scenario}</th>
                            {columns.map((column) => valueCell(c, index, column))}
                          </tr>
                        );
                      })}
                    </tbody>
                  </>
                )}
              </table>
            </div>
          </ExportableTable>
        </div>
      )}
      {chartScenario && structures.length > 0 && (
        <div className="panel">
          <h3>Benefit split by structure ({chartScenario.name || chartScenario.id})</h3>
          <ShareBars
            title="Share of pre-tax present value by party, per structure"
            description={structures
              .map((s) => {
                const e = latest[selectionKey({ structure: s.id, scenario: chartScenario.id })]?.evaluation;
                return `${s.name || s.id}: ${e ? e.parties.map((p) => `${nameOf(p.id)} ${formatPercent(p.share, money.locale, 0)}`).join(', ') : 'computing'}`;
              })
              .join('. ')}
            rows={structures.map((s) => {
              const e = latest[selectionKey({ structure: s.id, scenario: chartScenario.id })]?.evaluation;
              return { label: s.name || s.id, values: Object.fromEntries((e?.parties ?? []).map((p) => [p.id, Number(p.share ?? 0)])) };
            })}
            series={partyIds.map((id, index) => ({ id, name: nameOf(id), color: partyColor(index) }))}
            measure={{ kind: 'percent', locale: money.locale }}
            split
          />
        </div>
      )}
      {scenarios[0] && structures.length > 0 && <ProgressivityPanel structures={structures} scenario={scenarios[0].id} />}
      <RiskCompare structures={structures.map((s) => s.id)} scenario={scenarios[0]?.id ?? null} nameOf={nameOf} />
      <TermSheet />
    </section>
  );
}

/** "Venture NPV (US$ m)" with its unit kept on one line. */
function MetricHeader({ text }: { text: string }) {
  const unit = /^(.*) (\([^()]*\))$/.exec(text);
  if (!unit) return <>{text}</>;
  return (
    <>
      {unit[1]} <span className="unit">{unit[2]}</span>
    </>
  );
}

function TermSheet() {
  const editor = useEditor();
  const project = useWorkspace((state) => state.project);
  const termSheet = useWorkspace((state) => state.termSheet);
  const scenario = useWorkspace((state) => state.compare.scenarios.find((id) => state.project?.scenarios.some((s) => s.id === id)) ?? state.project?.scenarios[0]?.id ?? null);
  const money = useMoneyContext();
  const [onlyDifferences, setOnlyDifferences] = useState(true);
  if (!project) return null;
  const left = project.structures.find((s) => s.id === termSheet.left) ?? project.structures[0];
  const right = project.structures.find((s) => s.id === termSheet.right) ?? project.structures[1] ?? project.structures[0];
  if (!left || !right) return null;
  // A partner, band or agreement shows as its terms; as a whole only when one side lacks it.
  const rows = compareTerms(left, right, projectValueContext(project.assumptions, money.locale)).filter((row) => !row.item || row.differs);
  const shown = onlyDifferences ? rows.filter((row) => row.differs) : rows;
  const format = (text: string | null): string => text ?? '—';
  return (
    <div className="panel">
      <h3>Term sheet side by side</h3>
      <div className="compare-choices">
        <ChoiceField id="term-sheet-left" label="Left structure" value={left.id} options={namedChoices(project.structures)}
          onChange={(id) => editor.setTermSheet('left', id)} />
        <ChoiceField id="term-sheet-right" label="Right structure" value={right.id} options={namedChoices(project.structures)}
          onChange={(id) => editor.setTermSheet('right', id)} />
        <div className="field field-check">
          <input id="term-sheet-only" type="checkbox" checked={onlyDifferences} onChange={(event) => setOnlyDifferences(event.target.checked)} />
          <label htmlFor="term-sheet-only">Only terms that differ</label>
        </div>
      </div>
      <p className="muted" aria-live="polite">
        {rows.filter((row) => row.differs).length} of {rows.length} terms differ.
      </p>
      <ExportableTable name="Term sheet">
        <table className="data-table term-sheet" aria-label="Term sheet">
          <thead>
            <tr>
              <th scope="col">Term</th>
              <th scope="col">{left.name || left.id}</th>
              <th scope="col">{right.name || right.id}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.key} className={row.differs ? 'differs' : undefined}>
                <th scope="row">{row.label}</th>
                <td>{format(row.left)}</td>
                <td>{format(row.right)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ExportableTable>
      {scenario && left.id !== right.id && (
        <ConcessionsTable before={left} after={right} scenario={scenario} beforeName={left.name || left.id} afterName={right.name || right.id} />
      )}
    </div>
  );
}
