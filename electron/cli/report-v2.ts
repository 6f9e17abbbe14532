// The methodology-v2 sections of the readable report (venture-model.md §11–§17): debt service,
// loans, grants, price support and the supply each offtaker secures. Money is nominal, millions.
import { Dec } from '../../shared/engine/arithmetic.ts';
import type { Evaluation, Project } from '../../shared/engine/interchange.ts';
import { formatDecimal, millions, table } from './report.ts';

const sum = (values: readonly (string | undefined)[]) => values.reduce((s, v) => s.plus(v ?? '0'), new Dec(0)).toString();
const ratio = (value: string | null | undefined) => (value === null || value === undefined ? 'none' : `${formatDecimal(value, 2)}×`);
const indent = (lines: string[]) => lines.map((l) => `  ${l}`);

export function renderVersion2(project: Project, evaluation: Evaluation): string[] {
  if (evaluation.debt === undefined || evaluation.supply === undefined) return [];
  const v = evaluation.venture;
  const years = evaluation.years;
  const unit = project.assumptions.productUnit ?? 'units';
  const lines: string[] = ['', 'Financing and public-finance instruments (nominal, millions)'];
  const metrics: [string, string][] = [
    ['Minimum DSCR', v.minDscr === null || v.minDscr === undefined ? 'none (no debt service after first production)' : `${ratio(v.minDscr)} in ${v.minDscrYear}`],
    ['Average DSCR', ratio(v.averageDscr)],
    ['Loans drawn', millions(sum(years.map((y) => y.drawdown)))],
    ['Interest paid (gross)', millions(sum(years.map((y) => y.interest)))],
    ['Capital grants', millions(sum(years.map((y) => y.grant)))],
    ['Price support received (net of clawback)', millions(sum(years.map((y) => y.priceSupport)))],
    ['Investment allowance deducted', millions(sum(years.map((y) => y.investmentAllowance)))],
  ];
  const lender = evaluation.parties.find((p) => p.id === 'external-lender');
  if (lender) metrics.push(['External lenders: PV at the venture rate', millions(lender.pv)]);
  const width = Math.max(...metrics.map(([label]) => label.length));
  for (const [label, value] of metrics) lines.push(`  ${label.padEnd(width)}  ${value}`);

  if (evaluation.debt.length > 0) {
    lines.push('', 'Loans');
    lines.push(...indent(table(['tranche', 'lender', 'drawn', 'interest', 'withholding', 'repaid'], evaluation.debt.map((d) => [
      d.id, `${d.lender}${d.foreign ? ' (foreign)' : ''}`,
      millions(sum(d.years.map((y) => y.drawdown))), millions(sum(d.years.map((y) => y.interest))),
      millions(sum(d.years.map((y) => y.withholding))), millions(sum(d.years.map((y) => y.principal))),
    ]), (c) => c > 1)));
    lines.push('', 'Debt service by year');
    lines.push(...indent(table(['year', 'drawdown', 'interest', 'principal', 'balance', 'CFADS', 'DSCR'],
      years.filter((y) => !new Dec(y.drawdown ?? '0').isZero() || !new Dec(y.debtService ?? '0').isZero() || !new Dec(y.debtBalance ?? '0').isZero())
        .map((y) => [String(y.year), millions(y.drawdown ?? '0'), millions(y.interest ?? '0'), millions(y.principal ?? '0'), millions(y.debtBalance ?? '0'),
          millions(y.cfads ?? '0'), y.dscr === null || y.dscr === undefined ? '—' : ratio(y.dscr)]), (c) => c > 0)));
  }

  const total = evaluation.supply.total;
  const share = (volume: string) => (new Dec(total.volume).isZero() ? '—' : `${formatDecimal(new Dec(volume).div(total.volume).times(100).toString(), 1)} %`);
  lines.push('', `Supply secured (${unit}, whole horizon)`);
  lines.push(...indent(table(['buyer', 'volume', 'share'], [
    ...Object.entries(total.offtakers).map(([id, volume]) => [id, formatDecimal(volume, 0), share(volume)]),
    ['open market', formatDecimal(total.market, 0), share(total.market)],
    ['total', formatDecimal(total.volume, 0), share(total.volume)],
  ], (c) => c > 0)));
  return lines;
}
