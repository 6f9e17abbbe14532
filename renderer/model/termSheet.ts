// A structure's terms as labelled lines, so two structures can be laid side by side.
// Partners, agreements and offtakes are matched by id, not by position.
import type { Structure } from '../../shared/engine/interchange.ts';
import { storedToDecimal } from '../lib/decimalText.ts';

export type TermFormat = 'percent' | 'money' | 'text' | 'year' | 'integer' | 'flag';

export interface TermLine {
  key: string;
  label: string;
  value: unknown;
  format: TermFormat;
}

function line(key: string, label: string, value: unknown, format: TermFormat): TermLine {
  return { key, label, value, format };
}

export function termLines(structure: Structure): TermLine[] {
  const t = structure.terms;
  const lines: TermLine[] = [];
  for (const p of t.partners) {
    const who = p.name || p.id;
    lines.push(
      line(`partners[${p.id}]`, `Partner ${who}`, 'present', 'text'),
      line(`partners[${p.id}].kind`, `Kind of ${who}`, p.kind, 'text'),
      line(`partners[${p.id}].equity`, `Equity of ${who}`, p.equity, 'percent'),
      line(`partners[${p.id}].state`, `${who} is state-owned`, p.state, 'flag'),
      line(`partners[${p.id}].foreign`, `${who} is foreign`, p.foreign, 'flag'),
      line(`partners[${p.id}].hurdleRate`, `Hurdle rate of ${who}`, p.hurdleRate, 'percent'),
      line(`partners[${p.id}].carried`, `${who} is carried`, Boolean(p.carried), 'flag'),
      line(`partners[${p.id}].carried.interestRate`, `Carry interest rate of ${who}`, p.carried?.interestRate ?? null, 'percent'),
      line(`partners[${p.id}].carried.repaymentShare`, `Carry repayment share of ${who}`, p.carried?.repaymentShare ?? null, 'percent'),
      line(`partners[${p.id}].fundingCap`, `Funding cap of ${who}`, p.fundingCap ?? null, 'money'),
    );
  }
  lines.push(line('deemedValue', 'Deemed value', t.deemedValue, 'money'), line('dilution', 'Interests dilute', t.dilution, 'flag'));
  const f = t.fiscal;
  lines.push(line('royalty.base', 'Royalty base', f.royalty.base, 'text'), line('royalty.interpolate', 'Royalty interpolated between bands', f.royalty.interpolate, 'flag'));
  f.royalty.bands.forEach((band, index) => {
    lines.push(line(`royalty.bands[${index}].fromPrice`, `Royalty band ${index + 1} from price`, band.fromPrice, 'money'), line(`royalty.bands[${index}].rate`, `Royalty band ${index + 1} rate`, band.rate, 'percent'));
  });
  lines.push(
    line('incomeTax.rate', 'Income tax rate', f.incomeTax.rate, 'percent'),
    line('incomeTax.depreciationYears', 'Depreciation years', f.incomeTax.depreciationYears, 'integer'),
    line('incomeTax.lossCarryForwardYears', 'Loss carry-forward years', f.incomeTax.lossCarryForwardYears ?? 'no limit', 'integer'),
    line('resourceRentTax.rate', 'Resource rent tax rate', f.resourceRentTax?.rate ?? null, 'percent'),
    line('resourceRentTax.thresholdRate', 'Resource rent tax threshold rate', f.resourceRentTax?.thresholdRate ?? null, 'percent'),
    line('withholding.dividends', 'Dividend withholding', f.withholding.dividends, 'percent'),
    line('withholding.technology', 'Technology withholding', f.withholding.technology, 'percent'),
    line('communityShare', 'Community share', f.communityShare, 'percent'),
  );
  for (const a of t.technology) {
    const what = a.name || a.id;
    lines.push(
      line(`technology[${a.id}].licensor`, `Licensor of ${what}`, a.licensor, 'text'),
      line(`technology[${a.id}].recoveryUplift`, `Recovery uplift of ${what}`, a.recoveryUplift, 'percent'),
      line(`technology[${a.id}].fees`, `Fees of ${what}`, a.fees.map((fee) => `${fee.year}: ${storedToDecimal(fee.amount) ?? String(fee.amount)}`).join(', ') || 'none', 'text'),
      line(`technology[${a.id}].royaltyRate`, `Running royalty of ${what}`, a.royaltyRate, 'percent'),
      line(`technology[${a.id}].royaltyYears`, `Running royalty years of ${what}`, `${a.royaltyFromYear ?? 'start'}–${a.royaltyToYear ?? 'end'}`, 'text'),
      line(`technology[${a.id}].royaltyCapPerYear`, `Royalty cap per year of ${what}`, a.royaltyCapPerYear ?? null, 'money'),
    );
  }
  for (const o of t.offtake) {
    lines.push(
      line(`offtake[${o.id}].offtaker`, `Offtaker of ${o.id}`, o.offtaker, 'text'),
      line(`offtake[${o.id}].share`, `Share of ${o.id}`, o.share, 'percent'),
      line(`offtake[${o.id}].discount`, `Discount of ${o.id}`, o.discount, 'percent'),
      line(`offtake[${o.id}].floor`, `Floor of ${o.id}`, o.floor ?? null, 'money'),
      line(`offtake[${o.id}].ceiling`, `Ceiling of ${o.id}`, o.ceiling ?? null, 'money'),
      line(`offtake[${o.id}].years`, `Years of ${o.id}`, `${o.fromYear ?? 'start'}–${o.toYear ?? 'end'}`, 'text'),
    );
  }
  return lines;
}

function sameValue(a: unknown, b: unknown): boolean {
  const left = storedToDecimal(a);
  const right = storedToDecimal(b);
  if (left !== null && right !== null) return left === right;
  return (a ?? null) === (b ?? null);
}

export interface TermSheetRow {
  key: string;
  label: string;
  format: TermFormat;
  left: unknown;
  right: unknown;
  differs: boolean;
}

/** Every term of either structure, in the left structure's order, then terms only the right has. */
export function compareTermSheets(left: Structure, right: Structure): TermSheetRow[] {
  const leftLines = termLines(left);
  const rightLines = termLines(right);
  const rightByKey = new Map(rightLines.map((l) => [l.key, l]));
  const leftKeys = new Set(leftLines.map((l) => l.key));
  const rows: TermSheetRow[] = leftLines.map((l) => {
    const r = rightByKey.get(l.key);
    return { key: l.key, label: l.label, format: l.format, left: l.value, right: r ? r.value : undefined, differs: !r || !sameValue(l.value, r.value) };
  });
  for (const r of rightLines) {
    if (!leftKeys.has(r.key)) rows.push({ key: r.key, label: r.label, format: r.format, left: undefined, right: r.value, differs: true });
  }
  return rows;
}
