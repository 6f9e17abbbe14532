import type { Evaluation, Project } from '../../shared/engine/index.ts';
import { renderAudit } from './audit-report.ts';
import { renderVersion2 } from './report-v2.ts';

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A decimal string rounded to `places` with thousands separators, without a float round trip. */
export function formatDecimal(value: string, places: number): string {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const padded = (fraction + '0'.repeat(places + 1)).slice(0, places + 1);
  let digits = whole + padded.slice(0, places);
  if (Number(padded[places]) >= 5) {
    const chars = digits.split('');
    let i = chars.length - 1;
    while (i >= 0) {
      if (chars[i] === '9') {
        chars[i] = '0';
        i--;
      } else {
        chars[i] = String(Number(chars[i]) + 1);
        break;
      }
    }
    digits = (i < 0 ? '1' : '') + chars.join('');
  }
  const intPart = digits.slice(0, digits.length - places).replace(/^0+(?=\d)/, '') || '0';
  const text = places > 0 ? `${group(intPart)}.${digits.slice(-places)}` : group(intPart);
  const isZero = /^[0.,]*$/.test(text);
  return negative && !isZero ? `-${text}` : text;
}

/** Money in millions with two decimals: 177109731.9 → "177.11". */
export const millions = (value: string) => formatDecimal(shift(value, -6), 2);
/** A fraction as a percentage with two decimals: 0.1467 → "14.67 %". */
export const percent = (value: string | null | undefined) => (value === null || value === undefined ? '—' : `${formatDecimal(shift(value, 2), 2)} %`);

/** Moves the decimal point by `places` (exact, on the text). */
function shift(value: string, places: number): string {
  const negative = value.startsWith('-');
  const body = negative ? value.slice(1) : value;
  const [whole = '0', fraction = ''] = body.split('.');
  let digits = whole + fraction;
  let point = whole.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const result = `${digits.slice(0, point) || '0'}.${digits.slice(point) || '0'}`;
  return negative ? `-${result}` : result;
}

export function table(headers: string[], rows: string[][], rightAligned: (column: number) => boolean): string[] {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, c) => (rightAligned(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

const irrText = (irr: string | null | undefined, roots: string[] | undefined) =>
  irr ? percent(irr) : roots && roots.length > 1 ? `several: ${roots.map(percent).join(', ')}` : 'none';

/** The readable report of `orebridge evaluate` without --json. */
export function renderReport(project: Project, evaluation: Evaluation): string {
  const a = project.assumptions;
  const currency = a.currency ?? 'money';
  const structure = project.structures.find((s) => s.id === evaluation.structure);
  const scenario = project.scenarios.find((s) => s.id === evaluation.scenario);
  const v = evaluation.venture;
  const lines: string[] = [];
  lines.push(`${project.name ?? 'Project'} — structure "${structure?.name ?? evaluation.structure}" (${evaluation.structure}), scenario "${scenario?.name ?? evaluation.scenario}" (${evaluation.scenario})`);
  lines.push(`${a.years} years from ${a.startYear}; real ${currency} of ${a.startYear}, millions; discount rate ${percent(String(a.discountRate))} real, ${a.discounting}`);
  for (const w of evaluation.warnings) lines.push(`Warning: ${w.message}`);
  lines.push('', 'Venture');
  const metrics: [string, string][] = [
    ['NPV (after tax)', millions(v.npv)],
    ['IRR (real)', irrText(v.irr, v.irrRoots)],
    ['Pre-tax NPV', millions(v.preTaxNpv)],
    ['Government take', percent(v.governmentTake)],
    ['Government take incl. state partners', percent(v.governmentTakeInclState)],
    ['AETR', percent(v.aetr)],
    ['Breakeven price factor', v.breakevenPriceFactor === null ? 'none in 0–100' : `${formatDecimal(v.breakevenPriceFactor, 4)} × price deck`],
    ['Payback year', v.paybackYear === null ? 'none' : String(v.paybackYear)],
  ];
  const labelWidth = Math.max(...metrics.map(([label]) => label.length));
  for (const [label, value] of metrics) lines.push(`  ${label.padEnd(labelWidth)}  ${value}`);

  lines.push('', 'Benefit split (present values at the venture rate)');
  lines.push(...table(['party', 'PV', 'share', 'undiscounted'],
    evaluation.parties.map((p) => [p.id, millions(p.pv), percent(p.share), millions(p.total)]), (c) => c > 0).map((l) => `  ${l}`));

  const partners = evaluation.parties.filter((p) => p.kind === 'partner');
  if (partners.length > 0) {
    lines.push('', 'Partners');
    lines.push(...table(['partner', 'NPV at hurdle', 'IRR', 'payback', 'peak exposure'],
      partners.map((p) => [p.id, millions(p.npvAtHurdle ?? '0'), irrText(p.irr, p.irrRoots), p.paybackYear === null || p.paybackYear === undefined ? 'none' : String(p.paybackYear), millions(p.peakExposure ?? '0')]),
      (c) => c > 0).map((l) => `  ${l}`));
  }
  lines.push(...renderVersion2(project, evaluation));
  if (evaluation.shocks.length > 0) {
    const ids = [...new Set(evaluation.shocks.flatMap((s) => s.parties.map((p) => p.id)))];
    lines.push('', 'Who bears each shock (share of the total change in PV)');
    lines.push(...table(['shock', ...ids], evaluation.shocks.map((s) => [
      s.id, ...ids.map((id) => percent(s.parties.find((p) => p.id === id)?.bearShare ?? null)),
    ]), (c) => c > 0).map((l) => `  ${l}`));
  }
  lines.push(...renderAudit(evaluation));
  return `${lines.join('\n')}\n`;
}
