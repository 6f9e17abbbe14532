// What the negotiation pack says, as plain data: the command line and the app lay the same
// content out with the same PDF writer, so both produce the same pack.
import type { Evaluation, Project, Structure } from '../engine/interchange.ts';
import { currencySymbol } from '../fields/format.ts';
import { termLines, type TermChange } from '../fields/termSheet.ts';
import { formatFactor, formatIrr, formatMoney, formatNumber, formatPercent } from './format.ts';
import { partyNameIn } from './parties.ts';
import type { Table } from './table.ts';
import type { SimulationDocument } from '../risk/simulate.ts';

export type PackBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'facts'; rows: [string, string][] }
  | { kind: 'table'; table: Table; caption?: string }
  | { kind: 'bars'; caption: string; bars: { label: string; value: number; text: string }[] };

export interface PackSection {
  title: string;
  blocks: PackBlock[];
}

export interface PackContent {
  title: string;
  subtitle: string;
  /** Shown in every page's footer. */
  date: string;
  sections: PackSection[];
}

/** The term changes between a structure's last two negotiation rounds (or its last round and now). */
export interface RoundChanges {
  structureId: string;
  from: string;
  to: string;
  changes: TermChange[];
}

export interface PackInput {
  project: Project;
  /** The Monte Carlo simulation of each structure, where the project defines one (risk block). */
  simulations?: SimulationDocument[];
  /** One evaluation per chosen structure, in the order chosen, all under the same scenario. */
  evaluations: Evaluation[];
  rounds: RoundChanges[];
  date: Date;
  locale?: string;
}

export const YEARS_PER_TABLE = 8;

export function methodologyVersion(project: Project): string {
  return Number(project.version) === 2
    ? 'Orebridge venture model, methodology v2 (§1–§17)'
    : 'Orebridge venture model, methodology v1 (§1–§9)';
}

export function packContent(input: PackInput): PackContent {
  const { project, evaluations } = input;
  const locale = input.locale ?? 'en-US';
  const currency = project.assumptions.currency ?? '';
  const money = (value: string | null | undefined) => formatMoney(value, { currency, locale });
  const compact = (value: string | null | undefined) => formatMoney(value, { currency: '', locale, compact: true });
  const structureOf = (id: string) => project.structures.find((s) => s.id === id)!;
  const structureName = (s: Structure) => s.name || s.id;
  const scenario = project.scenarios.find((s) => s.id === evaluations[0]!.scenario)!;
  const date = input.date.toISOString().slice(0, 10);
  const sections: PackSection[] = [];

  sections.push({
    title: 'Summary',
    blocks: [{ kind: 'facts', rows: [
      ['Project', project.name || 'Untitled venture'],
      ['Structures', evaluations.map((e) => structureName(structureOf(e.structure))).join('; ')],
      ['Scenario', scenario.name || scenario.id],
      ['Commodity', project.assumptions.commodity ?? '—'],
      ['Venture', `${project.assumptions.years} years from ${project.assumptions.startYear}`],
      ['Methodology', methodologyVersion(project)],
      ['Prepared', date],
    ] }],
  });

  for (const ev of evaluations) {
    const structure = structureOf(ev.structure);
    const name = structureName(structure);
    const nameOf = (id: string) => partyNameIn(structure, id);
    const v = ev.venture;
    sections.push({
      title: `Term sheet: ${name}`,
      blocks: [{ kind: 'table', table: { columns: ['Term', 'Value'], rows: termLines(structure, { locale, currency: currencySymbol(currency), productUnit: project.assumptions.productUnit ?? null })
        .filter((line) => !line.item && !/^Id of /.test(line.label)).map((line) => [line.label, line.text]) } }],
    });
    sections.push({
      title: `Headline metrics: ${name}`,
      blocks: [{ kind: 'facts', rows: [
        ['Venture NPV', money(v.npv)],
        ['Venture IRR (real)', formatIrr(v.irr, v.irrRoots, locale)],
        ['Pre-tax NPV', money(v.preTaxNpv)],
        ['Government take', formatPercent(v.governmentTake, locale)],
        ['Government take incl. state partners', formatPercent(v.governmentTakeInclState, locale)],
        ['Average effective tax rate (AETR)', formatPercent(v.aetr, locale)],
        ['Breakeven price', formatFactor(v.breakevenPriceFactor, locale)],
        ['Payback year', v.paybackYear === null ? 'none' : String(v.paybackYear)],
      ] }, ...ev.warnings.map((w): PackBlock => ({ kind: 'paragraph', text: `Warning: ${w.message}` }))],
    });
    sections.push({
      title: `Benefit split: ${name}`,
      blocks: [
        { kind: 'bars', caption: `Each party's present value at the venture discount rate (${currency || 'money'} of year 1)`,
          bars: ev.parties.map((p) => ({ label: nameOf(p.id), value: Number(p.pv), text: compact(p.pv) })) },
        { kind: 'table', table: { columns: ['Party', 'Present value', 'Share of pre-tax NPV', 'Total real flow'],
          rows: ev.parties.map((p) => [nameOf(p.id), money(p.pv), formatPercent(p.share, locale), money(p.total)]) } },
      ],
    });
    const partners = ev.parties.filter((p) => p.kind === 'partner');
    sections.push({
      title: `Partner metrics: ${name}`,
      blocks: [{ kind: 'table', table: { columns: ['Partner', 'Present value', 'NPV at hurdle', 'IRR', 'Payback', 'Peak exposure'],
        rows: partners.map((p) => [nameOf(p.id), money(p.pv), money(p.npvAtHurdle), formatIrr(p.irr ?? null, p.irrRoots, locale),
          p.paybackYear === null || p.paybackYear === undefined ? 'none' : String(p.paybackYear), money(p.peakExposure)]) } }],
    });
    sections.push({ title: `Yearly cash flow summary: ${name}`, blocks: yearlyBlocks(ev, nameOf, compact, currency) });
    const shockParties = [...new Set(ev.shocks.flatMap((s) => s.parties.map((p) => p.id)))];
    sections.push({
      title: `Who bears each shock: ${name}`,
      blocks: ev.shocks.length === 0 ? [{ kind: 'paragraph', text: 'No shocks were run.' }] : [
        { kind: 'paragraph', text: 'The share of each shock\'s change in total present value that each party bears (§8).' },
        { kind: 'table', table: { columns: ['Shock', ...shockParties.map(nameOf)],
          rows: ev.shocks.map((s) => [s.name || s.id, ...shockParties.map((id) => formatPercent(s.parties.find((p) => p.id === id)?.bearShare ?? null, locale))]) } },
      ],
    });
  }

  for (const sim of input.simulations ?? []) {
    const structure = structureOf(sim.structure);
    const nameOf = (id: string) => partyNameIn(structure, id);
    const v = sim.venture;
    sections.push({
      title: `Risk summary: ${structureName(structure)}`,
      blocks: [
        { kind: 'paragraph', text: `Monte Carlo simulation of the project's risk model: ${sim.iterations.toLocaleString(locale)} iterations, seed ${sim.seed}. Present values at the venture discount rate; P10 and P90 are the 10th and 90th percentiles.` },
        { kind: 'facts', rows: [
          ['Venture NPV: mean', money(v.npv.mean)],
          ['Venture NPV: P10 to P90', `${money(v.npv.p10)} to ${money(v.npv.p90)}`],
          ['Probability that the NPV is negative', formatPercent(v.probabilityNpvNegative, locale)],
          ['Government take: P50', formatPercent(v.governmentTake.p50, locale)],
        ] },
        { kind: 'table', table: { columns: ['Party', 'Mean PV', 'P10', 'P50', 'P90', 'Probability negative', 'Share of the risk'],
          rows: sim.parties.map((p) => [nameOf(p.id), compact(p.pv.mean), compact(p.pv.p10), compact(p.pv.p50), compact(p.pv.p90),
            formatPercent(p.probabilityNegative, locale), formatPercent(p.riskShare, locale)]) } },
      ],
    });
  }

  if (evaluations.length > 1) {
    const names = evaluations.map((e) => structureName(structureOf(e.structure)));
    const partyIds = [...new Set(evaluations.flatMap((e) => e.parties.map((p) => p.id)))];
    const pvIn = (e: Evaluation, id: string) => e.parties.find((p) => p.id === id)?.pv ?? '0';
    sections.push({
      title: 'Comparison of structures',
      blocks: [{ kind: 'table', table: { columns: ['Metric', ...names], rows: [
        ['Venture NPV', ...evaluations.map((e) => money(e.venture.npv))],
        ['Venture IRR', ...evaluations.map((e) => formatIrr(e.venture.irr, e.venture.irrRoots, locale))],
        ['Government take', ...evaluations.map((e) => formatPercent(e.venture.governmentTake, locale))],
        ['AETR', ...evaluations.map((e) => formatPercent(e.venture.aetr, locale))],
        ...partyIds.map((id) => [`PV: ${partyNameIn(structureOf(evaluations[0]!.structure), id)}`, ...evaluations.map((e) => money(pvIn(e, id)))]),
      ] } }],
    });
  }

  sections.push({
    title: 'Changes in the last round',
    blocks: evaluations.flatMap((ev): PackBlock[] => {
      const name = structureName(structureOf(ev.structure));
      const round = input.rounds.find((r) => r.structureId === ev.structure);
      if (!round) return [{ kind: 'paragraph', text: `${name}: no negotiation rounds are recorded.` }];
      if (round.changes.length === 0) return [{ kind: 'paragraph', text: `${name}: no terms changed from ${round.from} to ${round.to}.` }];
      return [{ kind: 'table', caption: `${name}: from ${round.from} to ${round.to}`, table: { columns: ['Term', 'Before', 'After'],
        rows: round.changes.map((c) => [c.label, c.before ?? '(added)', c.after ?? '(removed)']) } }];
    }),
  });

  const a = project.assumptions;
  sections.push({
    title: 'Assumptions and methodology',
    blocks: [
      { kind: 'facts', rows: [
        ['Scenario', `${scenario.name || scenario.id}${scenarioSummary(scenario.overrides)}`],
        ['First year', String(a.startYear)],
        ['Years', String(a.years)],
        ['Discount rate (real)', formatPercent(String(scenario.overrides.discountRate ?? a.discountRate), locale)],
        ['Discounting', a.discounting === 'mid-year' ? 'mid-year' : 'end of year'],
        ['Inflation', formatPercent(String(a.inflation), locale)],
        ['Payability', formatPercent(String(a.production.payability), locale)],
        ['Working capital', `${formatPercent(String(a.workingCapitalRate), locale)} of revenue`],
        ['Price deck (real)', `${formatNumber(String(a.prices[0]), locale)} to ${formatNumber(String(a.prices[a.prices.length - 1]), locale)} ${currency} /${a.productUnit ?? 'unit'}`],
        ['Methodology', methodologyVersion(project)],
      ] },
      { kind: 'paragraph', text: 'Every figure follows the published methodology (docs/methodology.md): real inputs in money of year 1, nominal flows deflated for valuation, every party\'s present value at the venture discount rate, shares of the pre-tax NPV. Amounts are computed in decimal arithmetic; the workbook export recalculates them formula by formula.' },
    ],
  });

  return {
    title: `${project.name || 'Untitled venture'}: negotiation pack`,
    subtitle: `${evaluations.map((e) => structureName(structureOf(e.structure))).join(' vs ')} · scenario ${scenario.name || scenario.id}`,
    date,
    sections,
  };
}

function scenarioSummary(o: Project['scenarios'][number]['overrides']): string {
  const parts: string[] = [];
  if (o.priceFactor !== undefined) parts.push(`prices × ${o.priceFactor}`);
  if (o.prices) parts.push('own price deck');
  if (o.capexFactor !== undefined) parts.push(`capex × ${o.capexFactor}`);
  if (o.opexFactor !== undefined) parts.push(`opex × ${o.opexFactor}`);
  if (o.gradeFactor !== undefined) parts.push(`grade × ${o.gradeFactor}`);
  if (o.delayYears) parts.push(`${o.delayYears}-year delay`);
  if (o.disruption) parts.push(`disruption ${o.disruption.fromYear}–${o.disruption.toYear}`);
  if (o.discountRate !== undefined) parts.push(`discount rate ${o.discountRate}`);
  return parts.length === 0 ? ' (no changes to the assumptions)' : ` (${parts.join(', ')})`;
}

function yearlyBlocks(ev: Evaluation, nameOf: (id: string) => string, compact: (v: string | null | undefined) => string, currency: string): PackBlock[] {
  const lines: [string, (y: Evaluation['years'][number]) => string][] = [
    ['Venture revenue', (y) => y.revenue],
    ['Operating and selling cost', (y) => String(Number(y.opex) + Number(y.selling))],
    ['Capital expenditure', (y) => y.capex],
    ['Royalty', (y) => y.royalty],
    ['Income tax', (y) => y.incomeTax],
    ['Resource rent tax', (y) => y.resourceRentTax],
    ['Free cash flow', (y) => y.freeCashFlow],
    ['Pre-tax net cash flow', (y) => y.preTaxNetCashFlow],
    ...ev.parties.map((p): [string, (y: Evaluation['years'][number]) => string] => [`Flow: ${nameOf(p.id)}`, (y) => y.flows[p.id] ?? '0']),
  ];
  const blocks: PackBlock[] = [{ kind: 'paragraph', text: `Nominal ${currency || 'money'}, k = thousand, m = million, bn = billion.` }];
  for (let start = 0; start < ev.years.length; start += YEARS_PER_TABLE) {
    const years = ev.years.slice(start, start + YEARS_PER_TABLE);
    blocks.push({ kind: 'table', table: { columns: ['Line', ...years.map((y) => String(y.year))], rows: lines.map(([label, pick]) => [label, ...years.map((y) => compact(pick(y)))]) } });
  }
  return blocks;
}
