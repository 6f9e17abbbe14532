// Methodology v2's results (§11–§17) in the Results section: debt service (DSCR by year with its
// minimum and average), the loans and their schedule, the supply each offtaker secures, and what
// the structure's stabilisation clause is worth. Every number shown is the decimal engine's.
import { useEffect, useState } from 'react';
import { Dec } from '../../shared/engine/arithmetic.ts';
import type { Evaluation } from '../../shared/engine/interchange.ts';
import { fiscalChangeScenarios, stabilisationVariants, stabilisationWorth, type StabilisationWorth } from '../../shared/reports/stabilisation.ts';
import { useEditor, useWorkspace, useWorkspaceContext } from '../app/context.tsx';
import * as Plot from '@observablehq/plot';
import { axisFor, Chart, partyColor, SmallMultiples, thinnedLabels } from '../components/charts/index.ts';
import { ChoiceField, namedChoices } from '../components/controls.tsx';
import { ExportableTable } from '../components/TableExport.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { sumDecimals } from '../lib/decimalText.ts';
import { formatMoney, formatNumber } from '../lib/format.ts';
import { STABILISATION_PANEL_PATH } from '../store/editor.ts';
import { selectScenarioIndex, selectStructure } from '../store/selectors.ts';
import { useMoneyContext, usePartyNames } from './useResult.ts';

/** A cover ratio as the command line writes it: two decimals and "×" ("1.84×"); "none" without one. */
export function formatRatio(value: string | null | undefined, locale: string): string {
  return value === null || value === undefined ? 'none' : `${formatNumber(value, locale, 2)}×`;
}

const total = (values: readonly (string | null | undefined)[]) => sumDecimals(values.map((value) => value ?? '0')) ?? '0';

export function Version2Results({ evaluation }: { evaluation: Evaluation }) {
  // A version-1 project has no v2 results, but its stabilisation can still be priced once a
  // scenario carries a fiscal change (the panel says how), so the button beside the clause always lands here.
  if (evaluation.debt === undefined || evaluation.supply === undefined) return <StabilisationValue />;
  return (
    <>
      <DebtService evaluation={evaluation} />
      <Loans evaluation={evaluation} />
      <Supply evaluation={evaluation} />
      <StabilisationValue />
    </>
  );
}

function DebtService({ evaluation }: { evaluation: Evaluation }) {
  const money = useMoneyContext();
  const v = evaluation.venture;
  const tested = evaluation.years.filter((year) => year.dscr !== null && year.dscr !== undefined);
  return (
    <div className="panel">
      <h3>Debt service cover</h3>
      <dl className="metrics metrics-row">
        <div className="metric">
          <dt>Minimum DSCR</dt>
          <dd data-testid="results-min-dscr">{v.minDscr == null ? 'none' : `${formatRatio(v.minDscr, money.locale)} in ${v.minDscrYear}`}</dd>
        </div>
        <div className="metric">
          <dt>Average DSCR</dt>
          <dd data-testid="results-average-dscr">{formatRatio(v.averageDscr, money.locale)}</dd>
        </div>
        <div className="metric">
          <dt>Loans drawn</dt>
          <dd>{formatMoney(total(evaluation.years.map((year) => year.drawdown)), { ...money, compact: true })}</dd>
        </div>
        <div className="metric">
          <dt>Debt service</dt>
          <dd>{formatMoney(total(evaluation.years.map((year) => year.debtService)), { ...money, compact: true })}</dd>
        </div>
      </dl>
      <p className="muted small">
        Cash flow available for debt service over interest and principal, in each year with debt service; the minimum and average are over the years from first production (interest during
        construction is shown but not tested).
      </p>
      {tested.length === 0 ? (
        <p className="empty-list">No debt service in this case: the structure has no loans, or they are never drawn.</p>
      ) : (
        <DscrChart years={tested.map((year) => ({ year: String(year.year), dscr: year.dscr! }))} locale={money.locale} />
      )}
    </div>
  );
}

/** DSCR by year as bars, with the cover of 1× marked: below it the year's cash does not cover its debt service. */
function DscrChart({ years, locale }: { years: readonly { year: string; dscr: string }[]; locale: string }) {
  const data = years.map((y) => ({ year: y.year, value: Number(y.dscr), text: formatRatio(y.dscr, locale) }));
  const axis = axisFor({ kind: 'number', locale }, [1, ...data.map((d) => d.value)]);
  const labels = data.map((d) => d.year);
  return (
    <Chart
      title="Debt service cover ratio by year"
      description={`DSCR in each year with debt service, against a cover of 1×: ${data.map((d) => `${d.year} ${d.text}`).join(', ')}.`}
      table={{ columns: ['Year', 'DSCR'], rows: data.map((d) => ({ label: d.year, cells: [d.text] })) }}
      plot={(width) => ({
        height: 190,
        marginLeft: 48,
        x: { type: 'band', domain: labels, label: null, ticks: thinnedLabels(labels, width - 48), padding: 0.25 },
        y: { domain: axis.domain, ticks: axis.ticks, tickFormat: (value: number) => `${axis.tickFormat(value)}×`, label: null, grid: true },
        marks: [
          Plot.barY(data, { x: 'year', y: 'value', fill: (d: { value: number }) => (d.value < 1 ? 'var(--invalid)' : 'var(--accent)'), title: (d: { year: string; text: string }) => `${d.year}: ${d.text}` }),
          Plot.ruleY([0], { stroke: 'var(--muted)' }),
          Plot.ruleY([1], { stroke: 'var(--text)', strokeDasharray: '4 3' }),
          // Labelled at the left, above the line: the first years (construction) rarely reach it.
          Plot.text([1], { y: (v: number) => v, frameAnchor: 'left', textAnchor: 'start', dx: 4, dy: -8, text: () => 'cover 1×', fill: 'var(--text)', fontSize: 12 }),
        ],
      })}
    />
  );
}

function Loans({ evaluation }: { evaluation: Evaluation }) {
  const money = useMoneyContext();
  const nameOf = usePartyNames(evaluation.structure);
  const tranches = useWorkspace((state) => selectStructure(state)?.terms.debt ?? []);
  const debt = evaluation.debt ?? [];
  if (debt.length === 0) return null;
  const whole = { ...money, currency: '' };
  const trancheName = (id: string, index: number) => {
    const tranche = tranches.find((t) => t.id === id);
    return `Tranche ${index + 1}${tranche?.name ? `: ${tranche.name}` : ` (${id})`}`;
  };
  const lenderName = (lender: string, foreign: boolean) => `${lender === 'external' ? 'External' : nameOf(lender)}${foreign ? ', foreign' : ''}`;
  return (
    <div className="panel">
      <h3>Loans (nominal, {money.currency || 'money'})</h3>
      <ExportableTable name="Loans">
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Loans by tranche">
          <DataTable
            caption="Loans: totals over the horizon by tranche"
            columns={['Tranche', 'Lender', 'Drawn', 'Interest', 'Withholding', 'Repaid']}
            rows={debt.map((tranche, index) => ({
              key: tranche.id,
              heading: trancheName(tranche.id, index),
              cells: [lenderName(tranche.lender, tranche.foreign), ...(['drawdown', 'interest', 'withholding', 'principal'] as const).map((line) => formatMoney(total(tranche.years.map((y) => y[line])), whole))],
            }))}
          />
        </div>
      </ExportableTable>
      {debt.map((tranche, index) => {
        const active = tranche.years.filter((y) => [y.drawdown, y.interest, y.principal, y.balance].some((value) => Number(value) !== 0));
        return (
          <ExportableTable name={`Debt schedule, tranche ${index + 1}`} key={tranche.id}>
            <div className="table-scroll" tabIndex={0} role="region" aria-label={`Debt schedule of tranche ${index + 1}`}>
              <DataTable
                caption={`Debt schedule: ${trancheName(tranche.id, index)}, ${lenderName(tranche.lender, tranche.foreign)}`}
                captionShown
                columns={['Year', 'Drawdown', 'Interest', 'Withholding', 'Principal', 'Balance (end of year)']}
                rows={active.map((y) => ({ key: y.year, heading: y.year, cells: [y.drawdown, y.interest, y.withholding, y.principal, y.balance].map((value) => formatMoney(value, whole)) }))}
                empty="Never drawn in this case."
              />
            </div>
          </ExportableTable>
        );
      })}
    </div>
  );
}

function Supply({ evaluation }: { evaluation: Evaluation }) {
  const money = useMoneyContext();
  const nameOf = usePartyNames(evaluation.structure);
  const unit = useWorkspace((state) => state.project?.assumptions.productUnit || 'units');
  const supply = evaluation.supply!;
  const buyers = [
    ...Object.keys(supply.total.offtakers).map((id) => ({ id, name: id === 'external' ? 'External offtakers' : nameOf(id), values: supply.years.map((y) => y.offtakers[id] ?? '0'), total: supply.total.offtakers[id] ?? '0' })),
    { id: 'market', name: 'Open market', values: supply.years.map((y) => y.market), total: supply.total.market },
  ];
  const volume = (value: string) => formatNumber(value, money.locale, 0);
  const share = (value: string) => (new Dec(supply.total.volume).isZero() ? '—' : `${formatNumber(new Dec(value).div(supply.total.volume).times(100).toString(), money.locale, 1)} %`);
  return (
    <div className="panel">
      <h3>Supply secured ({unit})</h3>
      <ExportableTable name="Supply secured">
        <DataTable
          caption="Supply secured by each buyer over the whole horizon"
          columns={['Buyer', `Volume, whole horizon (${unit})`, 'Share of production']}
          rows={[...buyers, { id: 'volume', name: 'Production', total: supply.total.volume }].map((row) => ({
            key: row.id,
            heading: row.name,
            cells: [volume(row.total), share(row.total)],
            testIds: [`supply-total-${row.id}`],
          }))}
        />
      </ExportableTable>
      <SmallMultiples
        title={`Supply by buyer and year (${unit})`}
        description={`Volume each buyer takes each year, in ${unit}: ${buyers.map((buyer) => `${buyer.name} ${volume(buyer.total)} in total`).join('; ')}.`}
        years={supply.years.map((y) => y.year)}
        series={buyers.map((buyer, index) => ({ id: buyer.id, name: buyer.name, color: partyColor(index), values: buyer.values.map(Number) }))}
        measure={{ kind: 'number', locale: money.locale, unit }}
        rowHeight={56}
      />
    </div>
  );
}

type WorthState = { key: string; rows: StabilisationWorth[] | null; error: string | null } | null;

/** §15: the selected structure with and without its stabilisation clause under a fiscal-change scenario. */
function StabilisationValue() {
  const editor = useEditor();
  const { engine } = useWorkspaceContext();
  const project = useWorkspace((state) => state.project);
  const structure = useWorkspace((state) => selectStructure(state));
  const selectedScenario = useWorkspace((state) => state.project?.scenarios[selectScenarioIndex(state)]);
  const money = useMoneyContext();
  const nameOf = usePartyNames(structure?.id);
  const candidates = project ? fiscalChangeScenarios(project) : [];
  const [chosen, setChosen] = useState<string | null>(null);
  const scenario = candidates.find((s) => s.id === chosen) ?? candidates.find((s) => s.id === selectedScenario?.id) ?? candidates[0];
  const key = structure && scenario ? `${structure.id}\u0000${scenario.id}` : '';
  const [state, setState] = useState<WorthState>(null);

  useEffect(() => {
    if (!project || !structure || !scenario || !engine) return;
    const variants = stabilisationVariants(project, structure.id);
    if (!variants) return;
    let cancelled = false;
    const selections = [{ structure: structure.id, scenario: scenario.id }];
    const options = { shocks: false, breakeven: false };
    void Promise.all([engine.run({ project: variants.stabilised, selections, options }), engine.run({ project: variants.unstabilised, selections, options })]).then(([withClause, withoutClause]) => {
      if (cancelled) return;
      const evaluationOf = (response: typeof withClause) => (response.valid === true && response.results[0]?.ok ? response.results[0].evaluation : null);
      const a = evaluationOf(withClause);
      const b = evaluationOf(withoutClause);
      setState(a && b ? { key, rows: stabilisationWorth(a, b), error: null } : { key, rows: null, error: 'It can be priced once the inputs have no problems.' });
    });
    return () => {
      cancelled = true;
    };
  }, [project, structure, scenario, engine, key]);

  const until = structure?.terms.fiscal.stabilizedUntilYear;
  const shown = state && state.key === key ? state : null;
  const clause =
    structure?.terms.fiscal.stabilized === true
      ? `the structure's clause (stabilised${until == null ? ' for the whole horizon' : ` until ${until}`}) against the same structure without it`
      : 'the structure stabilised for the whole horizon against the structure as it is (not stabilised)';
  return (
    <div className="panel" aria-busy={Boolean(scenario) && !shown}>
      <h3 tabIndex={-1} data-path={STABILISATION_PANEL_PATH}>
        What stabilisation is worth
      </h3>
      {!scenario ? (
        <>
          <p className="muted">
            A stabilisation clause is priced under a fiscal change (a later royalty or income-tax change). No scenario carries one yet: add a fiscal change to a scenario in Scenarios and
            shocks.
          </p>
          <button type="button" onClick={() => editor.selectSection('scenarios')}>
            Go to Scenarios and shocks
          </button>
        </>
      ) : (
        <>
          {candidates.length > 1 && (
            <ChoiceField id="stabilisation-scenario" label="Under the fiscal change of" value={scenario.id} options={namedChoices(candidates)} onChange={setChosen} />
          )}
          <p className="muted small">
            Under “{scenario.name || scenario.id}”: {clause}. Each party's present value with the clause less its present value without.
          </p>
          {shown?.error && <p className="field-problem">{shown.error}</p>}
          {!shown ? (
            <p className="muted">Computing…</p>
          ) : (
            shown.rows && (
              <ExportableTable name="Stabilisation value">
                <DataTable
                  caption="What stabilisation is worth to each party"
                  columns={['Party', 'PV with stabilisation', 'PV without', 'Worth of stabilisation']}
                  rows={shown.rows.map((row) => ({
                    key: row.id,
                    heading: nameOf(row.id),
                    cells: [formatMoney(row.stabilisedPv, { ...money, compact: true }), formatMoney(row.unstabilisedPv, { ...money, compact: true }), formatMoney(row.worth, { ...money, compact: true, signed: true })],
                    testIds: [undefined, undefined, `stabilisation-worth-${row.id}`],
                  }))}
                />
              </ExportableTable>
            )
          )}
        </>
      )}
    </div>
  );
}
