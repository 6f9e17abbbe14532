import type { Evaluation } from '../../shared/engine/interchange.ts';
import { V2_LINE_GROUPS, YEAR_LINE_GROUPS, type V2LineUnit } from '../../shared/reports/yearly.ts';
import { ExportableTable } from '../components/TableExport.tsx';
import { DataTable, TableBodyRow, TableHead } from '../components/DataTable.tsx';
import { useEditor, useResults, useWorkspace } from '../app/context.tsx';
import { EngineFailure } from './EngineFailure.tsx';
import { PlaceholderNotice } from './PlaceholderNotice.tsx';
import { ResultSentences } from './ResultSentences.tsx';
import { partyColor, ShareBars, SmallMultiples } from '../components/charts/index.ts';
import { formatIrr, formatMoney, formatNumber, formatPercent } from '../lib/format.ts';
import { useActiveResult, useMoneyContext, usePartyNames } from './useResult.ts';
import { selectScenarioIndex, selectStructure } from '../store/selectors.ts';
import { auditGroups, Reconciliation } from './auditLines.tsx';
import { formatRatio, Version2Results } from './Version2Results.tsx';

export function ResultsSection() {
  const { evaluation, stale } = useActiveResult();
  const full = useActiveResult(true);
  const structureName = useWorkspace((state) => {
    const structure = selectStructure(state);
    return structure?.name || structure?.id || '';
  });
  const scenarioName = useWorkspace((state) => {
    const scenario = state.project?.scenarios[selectScenarioIndex(state)];
    return scenario?.name || scenario?.id || '';
  });
  return (
    <section aria-labelledby="results-heading" className="section results" aria-busy={stale}>
      <h2 id="results-heading">Results by party</h2>
      <p className="muted section-subtitle">
        {structureName} · {scenarioName}
      </p>
      <PlaceholderNotice />
      {!evaluation ? (
        <NoResults />
      ) : (
        <>
          <BenefitSplit evaluation={evaluation} />
          <ResultSentences evaluation={evaluation} topic="venture" />
          <PartnerMetrics evaluation={evaluation} />
          <ResultSentences evaluation={evaluation} topic="partners" />
          <Version2Results evaluation={evaluation} />
          <PartyFlowsChart evaluation={evaluation} />
          <CashFlowTable evaluation={evaluation} />
          <Reconciliation evaluation={evaluation} />
          {full.evaluation ? <RiskSharing evaluation={full.evaluation} stale={full.stale} /> : <p className="muted">Computing the risk-sharing shocks…</p>}
          {full.evaluation && <ResultSentences evaluation={full.evaluation} topic="shocks" />}
        </>
      )}
    </section>
  );
}

function NoResults() {
  const failed = useResults((state) => state.engineFailure !== null);
  const problems = useResults((state) => state.problems.length);
  if (failed) return <EngineFailure />;
  return <p className="muted">{problems > 0 ? 'No results yet: fix the problems listed.' : 'Computing the results…'}</p>;
}

function BenefitSplit({ evaluation }: { evaluation: Evaluation }) {
  const money = useMoneyContext();
  const nameOf = usePartyNames(evaluation.structure);
  const segments = evaluation.parties.map((party, index) => ({ id: party.id, name: nameOf(party.id), value: Number(party.pv), color: partyColor(index) }));
  return (
    <div className="panel">
      <h3>Benefit split</h3>
      <ShareBars
        title="Present value by party"
        description={`Each party's present value at the venture discount rate: ${segments.map((s) => `${s.name} ${formatMoney(s.value, { ...money, compact: true })}`).join('; ')}.`}
        rows={segments.map((segment) => ({ label: segment.name, values: { [segment.id]: segment.value } }))}
        series={segments}
        measure={{ kind: 'money', ...money }}
      />
      <ExportableTable name="Benefit split">
        <DataTable
          caption="Benefit split by party"
          columns={['Party', 'Present value', 'Share of pre-tax PV', 'Undiscounted total (real)']}
          rows={evaluation.parties.map((party, index) => ({
            key: party.id,
            heading: (
              <>
                <span className="swatch" style={{ background: partyColor(index) }} aria-hidden="true" /> {nameOf(party.id)}
              </>
            ),
            cells: [formatMoney(party.pv, money), formatPercent(party.share, money.locale), formatMoney(party.total, money)],
          }))}
        />
      </ExportableTable>
    </div>
  );
}

function PartnerMetrics({ evaluation }: { evaluation: Evaluation }) {
  const money = useMoneyContext();
  const nameOf = usePartyNames(evaluation.structure);
  const partners = evaluation.parties.filter((party) => party.kind === 'partner');
  return (
    <div className="panel">
      <h3>Partners</h3>
      <ExportableTable name="Partner metrics">
        <DataTable
          caption="Partner metrics"
          columns={['Partner', 'NPV at hurdle', 'IRR', 'Payback', 'Peak exposure']}
          rows={partners.map((party) => ({
            key: party.id,
            heading: nameOf(party.id),
            cells: [formatMoney(party.npvAtHurdle, money), formatIrr(party.irr ?? null, party.irrRoots, money.locale), party.paybackYear ?? 'never', formatMoney(party.peakExposure, money)],
          }))}
        />
      </ExportableTable>
    </div>
  );
}

function PartyFlowsChart({ evaluation }: { evaluation: Evaluation }) {
  const money = useMoneyContext();
  const nameOf = usePartyNames(evaluation.structure);
  const series = evaluation.parties.map((party, index) => ({
    id: party.id,
    name: nameOf(party.id),
    color: partyColor(index),
    values: evaluation.years.map((year) => Number(year.flows[party.id] ?? 0)),
  }));
  const categories = evaluation.years.map((year) => String(year.year));
  return (
    <div className="panel">
      <h3>Party cash flows by year (nominal)</h3>
      <SmallMultiples
        title="Cash flow of each party by year"
        description={`Nominal cash flows of ${series.map((s) => s.name).join(', ')} from ${categories[0] ?? ''} to ${categories[categories.length - 1] ?? ''}, one row per party; funding shows below zero.`}
        years={categories}
        series={series}
        measure={{ kind: 'money', ...money }}
      />
    </div>
  );
}

function CashFlowTable({ evaluation }: { evaluation: Evaluation }) {
  const editor = useEditor();
  const expanded = useWorkspace((state) => state.expandedCashFlowGroups);
  const money = useMoneyContext();
  const nameOf = usePartyNames(evaluation.structure);
  const unit = useWorkspace((state) => state.project?.assumptions.productUnit ?? '');
  const isOpen = (id: string) => id === 'cash' ? !expanded.includes(id) : expanded.includes(id);
  const partyIds = evaluation.parties.map((party) => party.id);
  const partnerIds = Object.keys(evaluation.years[0]?.interests ?? {});
  const groups = [
    ...YEAR_LINE_GROUPS.map((group) => ({ id: group.id, label: group.label, rows: group.lines.map((line) => ({ label: line.volume ? `${line.label} (${unit || 'units'})` : line.label, values: evaluation.years.map((year) => (line.volume ? formatNumber(year[line.key] as string, money.locale) : formatMoney(year[line.key] as string, { ...money, currency: '' }))) })) })),
    // Methodology v2's lines, in a version-2 project's evaluation only.
    ...(evaluation.debt === undefined ? [] : V2_LINE_GROUPS).map((group) => ({ id: group.id, label: group.label, rows: group.lines.map((line) => ({ label: line.label, values: evaluation.years.map((year) => v2Cell(year[line.key] ?? null, line.unit, money.locale)) })) })),
    { id: 'flows', label: 'Party flows', rows: partyIds.map((id) => ({ label: nameOf(id), values: evaluation.years.map((year) => formatMoney(year.flows[id] ?? '0', { ...money, currency: '' })) })) },
    { id: 'interests', label: 'Participating interests', rows: partnerIds.map((id) => ({ label: nameOf(id), values: evaluation.years.map((year) => formatPercent(year.interests[id] ?? null, money.locale, 2)) })) },
    ...auditGroups(evaluation, nameOf, money),
  ];
  return (
    <div className="panel">
      <h3>Yearly cash flow (nominal, {money.currency || 'money'})</h3>
      <ExportableTable name="Yearly cash flow">
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Yearly cash flow table">
          <table className="data-table cash-flow">
            <caption className="visually-hidden">Yearly cash flow, every line of the evaluation</caption>
            <TableHead columns={['Line', ...evaluation.years.map((year) => year.year)]} />
            {groups.map((group) => {
              const open = isOpen(group.id);
              return (
                <tbody key={group.id}>
                  <tr className="group-row">
                    <th scope="rowgroup" colSpan={evaluation.years.length + 1}>
                      <button type="button" aria-expanded={open} onClick={() => editor.toggleCashFlowGroup(group.id)}>
                        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {group.label}
                      </button>
                    </th>
                  </tr>
                  {open && group.rows.map((row) => <TableBodyRow key={row.label} row={{ key: row.label, heading: row.label, cells: row.values }} />)}
                </tbody>
              );
            })}
          </table>
        </div>
      </ExportableTable>
    </div>
  );
}

function v2Cell(value: string | null, unit: V2LineUnit, locale: string): string {
  if (unit === 'ratio') return value === null ? '—' : formatRatio(value, locale);
  if (unit === 'rate') return formatPercent(value, locale, 1);
  return formatMoney(value ?? '0', { currency: '', locale });
}

function RiskSharing({ evaluation, stale }: { evaluation: Evaluation; stale: boolean }) {
  const money = useMoneyContext();
  const nameOf = usePartyNames(evaluation.structure);
  const partyIds = [...new Set(evaluation.shocks.flatMap((shock) => shock.parties.map((party) => party.id)))];
  const colorOf = (id: string) => {
    const index = evaluation.parties.findIndex((party) => party.id === id);
    return partyColor(index >= 0 ? index : partyIds.indexOf(id));
  };
  const shockName = (shock: { id: string; name?: string | null }) => shock.name || shock.id;
  return (
    <div className="panel" aria-busy={stale}>
      <h3>Risk sharing: who bears each shock{stale ? ' (updating…)' : ''}</h3>
      <ShareBars
        title="Share of each shock borne by each party"
        description={`For each shock, the share of the change in total present value borne by each party. ${evaluation.shocks
          .map((shock) => `${shockName(shock)}: ${shock.parties.map((p) => `${nameOf(p.id)} ${formatPercent(p.bearShare, money.locale, 0)}`).join(', ')}`)
          .join('. ')}.`}
        rows={evaluation.shocks.map((shock) => ({ label: shockName(shock), values: Object.fromEntries(shock.parties.map((party) => [party.id, Number(party.bearShare ?? 0)])) }))}
        series={partyIds.map((id) => ({ id, name: nameOf(id), color: colorOf(id) }))}
        measure={{ kind: 'percent', locale: money.locale }}
      />
      <ExportableTable name="Shocks">
        <div className="table-scroll">
          <DataTable
            className="data-table risk-table"
            caption="Risk sharing: share of each shock borne by each party, and the change in its present value"
            columns={['Shock', ...partyIds.map((id) => nameOf(id))]}
            rows={evaluation.shocks.map((shock) => ({
              key: shock.id,
              heading: shockName(shock),
              cells: partyIds.map((id) => {
                const row = shock.parties.find((party) => party.id === id);
                return row ? (
                  <>
                    <strong>{formatPercent(row.bearShare, money.locale, 1)}</strong>
                    <span className="muted small"> {formatMoney(row.deltaPv, { ...money, compact: true, signed: true })}</span>
                  </>
                ) : (
                  '—'
                );
              }),
            }))}
          />
        </div>
      </ExportableTable>
    </div>
  );
}
