// What each change between two structures (two rounds, or two structures side by side) does to
// every party: the term diff of the field catalogue, each change applied alone to the earlier
// structure and evaluated in the engine worker (shared/negotiation/concessions.ts).
import { useMemo } from 'react';
import { Dec } from '../../shared/engine/arithmetic.ts';
import type { Structure } from '../../shared/engine/interchange.ts';
import { partyName, projectValueContext } from '../../shared/fields/index.ts';
import { concessionCases, concessionTable, type ConcessionRow } from '../../shared/negotiation/index.ts';
import { useWorkspace } from '../app/context.tsx';
import { ExportableTable } from '../components/TableExport.tsx';
import { formatMoney } from '../lib/format.ts';
import { PARTY_NAMES, useMoneyContext } from './useResult.ts';
import { useEngineJob } from './useEngineJob.ts';

/** A change of PV, rounded to whole money units so that rounding noise reads 0. */
export function formatPvChange(value: string, currency: string, locale: string): string {
  const whole = new Dec(value).toDecimalPlaces(0).toNumber();
  return formatMoney(whole === 0 ? 0 : whole, { currency, locale, compact: true, signed: true });
}

/** A change of a fraction in percentage points: "+1.25 pts". */
export function formatPointsChange(value: string | null, locale: string): string {
  if (value === null) return '—';
  const points = new Dec(value).times(100).toDecimalPlaces(2).toNumber();
  const text = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(points));
  return `${points < 0 ? '−' : points > 0 ? '+' : ''}${text} pts`;
}

export function ConcessionsTable({ before, after, scenario, beforeName, afterName }: { before: Structure; after: Structure; scenario: string; beforeName: string; afterName: string }) {
  const project = useWorkspace((state) => state.project);
  const money = useMoneyContext();
  const cases = useMemo(
    () => (project ? concessionCases(project, before, after, projectValueContext(project.assumptions, money.locale)) : null),
    [project, before, after, money.locale],
  );
  const ids = cases ? [cases.beforeId, cases.afterId, ...cases.concessions.flatMap((c) => (c.structureId === null ? [] : [c.structureId]))] : [];
  const selections = cases && project?.scenarios.some((s) => s.id === scenario) ? ids.map((structure) => ({ structure, scenario })) : null;
  const job = useEngineJob(cases?.project ?? null, selections);
  if (!project || !cases) return null;
  const scenarioName = project.scenarios.find((s) => s.id === scenario)?.name || scenario;
  const heading = <h4 id="concessions-heading">What each change does to every party</h4>;
  if (cases.concessions.length === 0) return null;
  if (job.status === 'failed') return <div className="concessions">{heading}<p className="field-problem">The effects could not be computed: {job.message}</p></div>;
  const table = job.status === 'done'
    ? concessionTable(cases, (id) => {
        const result = job.results[ids.indexOf(id)];
        return result?.ok ? result.evaluation : null;
      })
    : null;
  const nameOf = (id: string) => PARTY_NAMES[id] ?? partyName(project, id);
  // A party no change moves (to the money unit) gets one sentence instead of a column of zeros.
  const rounded = (value: string | undefined) => new Dec(value ?? '0').toDecimalPlaces(0).isZero();
  const allRows = table ? [...table.rows, table.total] : [];
  const unmoved = table ? table.parties.filter((party) => allRows.every((row) => row.effect === null || rounded(row.effect.pv[party]))) : [];
  const shownParties = table ? table.parties.filter((party) => !unmoved.includes(party)) : [];
  const cells = (row: ConcessionRow) =>
    shownParties.map((party) => <td key={party}>{row.effect ? formatPvChange(row.effect.pv[party] ?? '0', money.currency, money.locale) : '—'}</td>);
  return (
    <div className="concessions" aria-labelledby="concessions-heading">
      {heading}
      <p className="muted small">
        From {beforeName} to {afterName}, under {scenarioName}: each change applied alone to {beforeName}, with the change of every party's PV and of the government take; the last row is the whole move.
      </p>
      {table === null ? (
        <p className="muted" role="status">Computing what each change does…</p>
      ) : (
        <ExportableTable name="Concessions">
          <table className="data-table concessions-table" aria-label="Concessions">
            <thead>
              <tr>
                <th scope="col">Change</th>
                {shownParties.map((party) => <th key={party} scope="col">Δ PV {nameOf(party)}</th>)}
                <th scope="col">Δ government take</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">
                    {row.label}
                    {row.problem && <span className="muted small"> (not shown alone: {row.problem})</span>}
                  </th>
                  {cells(row)}
                  <td>{row.effect ? formatPointsChange(row.effect.governmentTake, money.locale) : '—'}</td>
                </tr>
              ))}
              <tr className="total">
                <th scope="row">{table.total.label}</th>
                {cells(table.total)}
                <td>{formatPointsChange(table.total.effect!.governmentTake, money.locale)}</td>
              </tr>
            </tbody>
          </table>
        </ExportableTable>
      )}
      {table !== null && unmoved.length > 0 && <p className="muted small">No change moves the PV of {unmoved.map(nameOf).join(', ')}.</p>}
    </div>
  );
}
