import type { Project } from '../../shared/engine/index.ts';
import type { SimulationDocument } from '../../shared/risk/index.ts';
import { formatDecimal, millions, percent, table } from './report.ts';

const orNone = (value: string | null | undefined, format: (x: string) => string) => (value === null || value === undefined ? '—' : format(value));
const signed = (value: string) => `${value.startsWith('-') ? '−' : '+'}${formatDecimal(value.replace(/^-/, ''), 2)}`;

/** The readable report of `orebridge simulate` without --json. */
export function renderSimulationReport(project: Project, doc: SimulationDocument): string {
  const structure = project.structures.find((s) => s.id === doc.structure);
  const scenario = project.scenarios.find((s) => s.id === doc.scenario);
  const currency = project.assumptions.currency ?? 'money';
  const v = doc.venture;
  const lines: string[] = [];
  lines.push(`${project.name ?? 'Project'} — risk of structure "${structure?.name ?? doc.structure}" (${doc.structure}), scenario "${scenario?.name ?? doc.scenario}" (${doc.scenario})`);
  lines.push(`${doc.iterations.toLocaleString('en-US')} iterations, seed ${doc.seed}${project.risk ? '' : ' (no risk block: the default variables of the methodology)'}; present values in real ${currency} of ${project.assumptions.startYear}, millions`);
  lines.push('', 'Venture');
  lines.push(...table(['', 'mean', 'P10', 'P50', 'P90'], [
    ['NPV (after tax)', millions(v.npv.mean!), millions(v.npv.p10!), millions(v.npv.p50!), millions(v.npv.p90!)],
    ['Pre-tax NPV', millions(v.preTaxNpv.mean!), millions(v.preTaxNpv.p10!), millions(v.preTaxNpv.p50!), millions(v.preTaxNpv.p90!)],
    ['IRR (real)', orNone(v.irr.mean, percent), orNone(v.irr.p10, percent), orNone(v.irr.p50, percent), orNone(v.irr.p90, percent)],
  ], (c) => c > 0).map((l) => `  ${l}`));
  lines.push(`  Probability the venture's NPV is negative: ${percent(v.probabilityNpvNegative)}`);
  lines.push(`  IRR: ${v.irr.none} iterations without one, ${v.irr.several} with several (left out of its statistics)`);

  lines.push('', 'Parties (PV at the venture rate; risk share = share of the venture\'s pre-tax risk)');
  lines.push(...table(['party', 'mean', 'P10', 'P50', 'P90', 'P(loss)', 'P(below hurdle)', 'risk share'], doc.parties.map((p) => [
    p.id, millions(p.pv.mean!), millions(p.pv.p10!), millions(p.pv.p50!), millions(p.pv.p90!), percent(p.probabilityNegative),
    p.probabilityBelowHurdle === undefined ? '' : percent(p.probabilityBelowHurdle), percent(p.riskShare),
  ]), (c) => c > 0).map((l) => `  ${l}`));

  const sensitivities = doc.parties.flatMap((p) => Object.entries(p.sensitivity).flatMap(([variable, rho]) => (rho === null ? [] : [{ party: p.id, variable, rho }])));
  if (sensitivities.length > 0) {
    lines.push('', 'Top sensitivities (Spearman rank correlation of the variable with the party\'s PV)');
    const top = sensitivities.sort((a, b) => Math.abs(Number(b.rho)) - Math.abs(Number(a.rho))).slice(0, 8);
    lines.push(...table(['party', 'variable', 'rank correlation'], top.map((s) => [s.party, s.variable, signed(s.rho)]), (c) => c === 2).map((l) => `  ${l}`));
  }
  return `${lines.join('\n')}\n`;
}
