import { useState } from 'react';
import type { Evaluation, PartyResult } from '../../shared/engine/interchange.ts';
import { useEditor, useResults, useWorkspace } from '../app/context.tsx';
import { partyColor, ShareBars } from '../components/charts/index.ts';
import { selectionKey } from '../engine/protocol.ts';
import { formatIrr, formatMoney, formatPercent } from '../lib/format.ts';
import { compareTerms, projectValueContext } from '../../shared/fields/index.ts';
import { PARTY_NAMES, useMoneyContext } from './useResult.ts';
import { ChoiceField, namedChoices } from '../components/controls.tsx';

export const COMPARE_METRICS = [
  { id: 'npv', label: 'Venture NPV' },
  { id: 'governmentTake', label: 'Government take' },
  { id: 'aetr', label: 'AETR' },
  { id: 'partyPv', label: "Each party's PV" },
  { id: 'partyShare', label: "Each party's share" },
  { id: 'partnerIrr', label: 'Partner IRRs' },
] as const;

interface MatrixRow {
  id: string;
  label: string;
  kind: 'money' | 'percent' | 'irr';
  read: (evaluation: Evaluation) => { value: string | null; roots?: string[] };
}

function partyOf(evaluation: Evaluation, id: string): PartyResult | undefined {
  return evaluation.parties.find((party) => party.id === id);
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

  const cells = structures.flatMap((structure) => scenarios.map((scenario) => ({ structure, scenario, result: latest[selectionKey({ structure: structure.id, scenario: scenario.id })] })));
  const partyIds = [...new Set(cells.flatMap((cell) => cell.result?.evaluation?.parties.map((p) => p.id) ?? []))];
  const partnerIds = [...new Set(cells.flatMap((cell) => cell.result?.evaluation?.parties.filter((p) => p.kind === 'partner').map((p) => p.id) ?? []))];
  const rows: MatrixRow[] = [];
  const chosen = new Set(compare.metrics);
  if (chosen.has('npv')) rows.push({ id: 'npv', label: 'Venture NPV', kind: 'money', read: (e) => ({ value: e.venture.npv }) });
  if (chosen.has('governmentTake')) rows.push({ id: 'governmentTake', label: 'Government take', kind: 'percent', read: (e) => ({ value: e.venture.governmentTake }) });
  if (chosen.has('aetr')) rows.push({ id: 'aetr', label: 'AETR', kind: 'percent', read: (e) => ({ value: e.venture.aetr }) });
  if (chosen.has('partyPv')) for (const id of partyIds) rows.push({ id: `pv:${id}`, label: `PV of ${nameOf(id)}`, kind: 'money', read: (e) => ({ value: partyOf(e, id)?.pv ?? '0' }) });
  if (chosen.has('partyShare')) for (const id of partyIds) rows.push({ id: `share:${id}`, label: `Share of ${nameOf(id)}`, kind: 'percent', read: (e) => ({ value: partyOf(e, id)?.share ?? null }) });
  if (chosen.has('partnerIrr')) for (const id of partnerIds) rows.push({ id: `irr:${id}`, label: `IRR of ${nameOf(id)}`, kind: 'irr', read: (e) => { const p = partyOf(e, id); return { value: p?.irr ?? null, roots: p?.irrRoots ?? [] }; } });

  const show = (row: MatrixRow, value: { value: string | null; roots?: string[] }) =>
    row.kind === 'money' ? formatMoney(value.value, { ...money, compact: true }) : row.kind === 'percent' ? formatPercent(value.value, money.locale) : formatIrr(value.value, value.roots, money.locale);
  /** Whether a cell differs from the reference, and by how much when both are numbers. */
  const difference = (row: MatrixRow, value: { value: string | null; roots?: string[] }, base: { value: string | null; roots?: string[] }): { differs: boolean; text: string | null } => {
    if (value.value === null || base.value === null) return { differs: show(row, value) !== show(row, base), text: null };
    const delta = Number(value.value) - Number(base.value);
    if (Math.abs(delta) < 1e-9 * Math.max(1, Math.abs(Number(base.value)))) return { differs: false, text: null };
    return { differs: true, text: row.kind === 'money' ? formatMoney(delta, { ...money, compact: true, signed: true }) : `${formatPercent(delta, money.locale, 1, true).replace(' %', '')} pts` };
  };
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
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
      {cells.length === 0 ? (
        <p className="muted">Choose at least one structure and one scenario.</p>
      ) : (
        <div className="table-scroll panel">
          <table className="data-table compare-matrix">
            <caption>Metrics by structure and scenario; differences against {reference?.name || reference?.id}</caption>
            <thead>
              <tr>
                <th scope="col">Metric</th>
                {cells.map((cell) => (
                  <th scope="col" key={`${cell.structure.id}|${cell.scenario.id}`} className={cell.structure.id === reference?.id ? 'reference' : undefined}>
                    {cell.structure.name || cell.structure.id}
                    <span className="muted small"> · {cell.scenario.name || cell.scenario.id}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.label}</th>
                  {cells.map((cell) => {
                    const evaluation = cell.result?.evaluation;
                    const baseCell = cells.find((c) => c.structure.id === reference?.id && c.scenario.id === cell.scenario.id);
                    if (!evaluation) return <td key={`${cell.structure.id}|${cell.scenario.id}`} className="muted">{cell.result?.error ?? 'computing…'}</td>;
                    const value = row.read(evaluation);
                    const baseEvaluation = baseCell?.result?.evaluation;
                    const delta = baseEvaluation && cell.structure.id !== reference?.id ? difference(row, value, row.read(baseEvaluation)) : null;
                    const stale = cell.result !== undefined && cell.result.version !== version;
                    return (
                      <td key={`${cell.structure.id}|${cell.scenario.id}`} className={`${delta?.differs ? 'differs' : ''}${stale ? ' stale' : ''}`.trim() || undefined}>
                        {show(row, value)}
                        {delta?.text && <span className="delta"> ({delta.text})</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
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
      <TermSheet />
    </section>
  );
}

function TermSheet() {
  const editor = useEditor();
  const project = useWorkspace((state) => state.project);
  const termSheet = useWorkspace((state) => state.termSheet);
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
    </div>
  );
}
