// The audit part of the readable report: every line needed to rebuild the figures by hand.
import type { Evaluation } from '../../shared/engine/index.ts';
import { formatDecimal, millions, percent } from './report.ts';

function table(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].map((l) => `  ${l}`);
}

/** Year factors, each partner's funding lines and the reconciliation of NPV with the parties' PVs. */
export function renderAudit(evaluation: Evaluation): string[] {
  const lines: string[] = [];
  const years = evaluation.years;
  if (years.length === 0 || years[0]?.escalationIndex === undefined) return lines;
  lines.push('', 'Year factors (real = nominal × deflator; PV = real × discount factor)');
  lines.push(...table(['year', 'escalation', 'deflator', 'discount factor', 'free cash flow (nominal m)'],
    years.map((y) => [String(y.year), formatDecimal(y.escalationIndex ?? '0', 6), formatDecimal(y.deflator ?? '0', 6), formatDecimal(y.discountFactor ?? '0', 6), millions(y.freeCashFlow)])));
  const partnerIds = Object.keys(years[0]?.partners ?? {});
  for (const id of partnerIds) {
    lines.push('', `Partner ${id}, nominal millions (flow = −cash call + distribution + carry received + technology and offtake receipts)`);
    lines.push(...table(['year', 'interest', 'cash call', 'carry balance', 'carry repaid', 'carry received', 'distribution', 'withholding', 'flow'],
      years.map((y) => {
        const p = y.partners?.[id];
        if (!p) return [String(y.year)];
        return [String(y.year), percent(p.interest), millions(p.cashCallPaid), millions(p.carryBalance), millions(p.carryRepaid), millions(p.carryReceived), millions(p.distribution), millions(p.withholding), millions(p.flow)];
      })));
  }
  const r = evaluation.reconciliation;
  if (r) {
    lines.push('', 'Reconciliation (present values, millions)');
    const rows: [string, string][] = [
      ['Pre-tax NPV', millions(r.preTaxNpv)],
      ['  − government', millions(r.governmentPv)],
      ['  − community', millions(r.communityPv)],
      ['  − external licensors, offtakers and lenders', millions(r.othersPv)],
      ['  − rounding', millions(r.splitResidual)],
      ['  = partners', millions(r.partnersPv)],
      ['Venture NPV (after tax)', millions(r.ventureNpv)],
      ['  − dividend withholding', millions(r.dividendWithholdingPv)],
      ['  + partners\' technology and offtake receipts', millions(r.partnerReceiptsPv)],
      ['  − rounding', millions(r.ventureResidual)],
      ['  = partners', millions(r.partnersPv)],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    for (const [label, value] of rows) lines.push(`  ${label.padEnd(width)}  ${value.padStart(12)}`);
  }
  return lines;
}
