import { useEffect, useRef, useState } from 'react';
import { formatMoney, formatPercent } from '../../shared/reports/format.ts';
import type { SimulationDocument } from '../../shared/risk/index.ts';
import { useResults, useWorkspace } from '../app/context.tsx';
import { startRiskRun, type RiskRun } from '../engine/riskRunner.ts';
import { useMoneyContext } from './useResult.ts';

const COMPARE_ITERATIONS = 2_000;

/**
 * Probability of loss and P10 of every party, structure by structure, under the same draws
 * (common random numbers: the draws depend only on the seed): one simulation per structure,
 * run when asked.
 */
export function RiskCompare({ structures, scenario, nameOf }: { structures: string[]; scenario: string | null; nameOf: (id: string) => string }) {
  const project = useWorkspace((state) => state.project);
  const valid = useResults((state) => state.problems.length === 0);
  const { currency, locale } = useMoneyContext();
  const [documents, setDocuments] = useState<SimulationDocument[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const run = useRef<RiskRun | null>(null);
  useEffect(() => () => run.current?.cancel(), []);
  if (!project || scenario === null || structures.length === 0) return null;
  const iterations = Math.min(project.risk?.iterations ?? 10_000, COMPARE_ITERATIONS);
  const simulate = async () => {
    setDocuments([]);
    const found: SimulationDocument[] = [];
    for (const [index, structure] of structures.entries()) {
      setStatus(`Simulating ${structure} (${index + 1} of ${structures.length})…`);
      run.current = startRiskRun({ project, structure, scenario, iterations }, () => {});
      const outcome = await run.current.outcome;
      if (outcome.kind !== 'done') {
        setStatus(outcome.kind === 'cancelled' ? 'Cancelled.' : `The simulation failed: ${outcome.message}`);
        return;
      }
      found.push(outcome.summary.document);
      setDocuments([...found]);
    }
    setStatus(null);
  };
  const partyIds = [...new Set(documents.flatMap((d) => d.parties.map((p) => p.id)))];
  return (
    <section aria-labelledby="risk-compare-heading" className="risk-compare">
      <h3 id="risk-compare-heading">Risk by structure</h3>
      <p className="muted">
        {iterations.toLocaleString()} iterations of each structure under scenario {scenario}, with the same draws for every structure (seed {project.risk?.seed ?? 1}).
      </p>
      <button type="button" onClick={simulate} disabled={!valid || status !== null}>Simulate the risk of each structure</button>
      {status && (
        <span aria-live="polite">
          {status} <button type="button" onClick={() => run.current?.cancel()}>Cancel</button>
        </span>
      )}
      {documents.length > 0 && (
        <div className="risk-table-scroll">
          <table className="data-table" aria-label="Risk by structure">
            <thead>
              <tr>
                <th scope="col">party</th>
                {documents.map((doc) => <th key={`${doc.structure}-loss`} scope="col" data-structure={doc.structure}>{doc.structure}: probability of loss</th>)}
                {documents.map((doc) => <th key={`${doc.structure}-p10`} scope="col">{doc.structure}: P10</th>)}
              </tr>
            </thead>
            <tbody>
              {partyIds.map((id) => (
                <tr key={id} data-party={id}>
                  <th scope="row">{nameOf(id)}</th>
                  {documents.map((doc) => {
                    const p = doc.parties.find((x) => x.id === id);
                    return <td key={`${doc.structure}-loss`}>{p ? formatPercent(p.probabilityNegative, locale, 1) : '—'}</td>;
                  })}
                  {documents.map((doc) => {
                    const p = doc.parties.find((x) => x.id === id);
                    return <td key={`${doc.structure}-p10`}>{p?.pv.p10 ? formatMoney(p.pv.p10, { currency, locale, compact: true }) : '—'}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
