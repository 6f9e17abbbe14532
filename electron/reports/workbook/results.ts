// The Results sheet: venture metrics and the benefit split as formulas over the Calculation
// sheet (§7), IRRs with the spreadsheet's IRR where the flows change sign once, the engine's
// roots as values otherwise, and the shock table (§8) as values.
import type { Evaluation, PartyResult } from '../../../shared/engine/interchange.ts';
import {
  IF, IFERROR, INDEX, IRR, MATCH, MAX, MIN, ONE, SUM, SUMPRODUCT, ZERO,
  add, num as literal, div, le, mul, neg, sum, text, type Expr,
} from './formula.ts';
import type { CalculationRows } from './calculation.ts';
import type { InputRows } from './inputs.ts';
import { cellOf, key, whole, type Key, type RowHandle, type SheetBuilder } from './sheet.ts';

/** `PV_<party id>` with every character other than a letter, digit or underscore replaced by `_`. */
export const partyName = (id: string) => `PV_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;

const NA = 'n/a';
const num = (x: string | null | undefined): number | string => (x === null || x === undefined ? NA : Number(x));

function signChanges(values: readonly number[]): number {
  let changes = 0;
  let last = 0;
  for (const v of values) {
    if (v === 0) continue;
    if (last !== 0 && Math.sign(v) !== Math.sign(last)) changes++;
    last = v;
  }
  return changes;
}

/**
 * IRR over a real-flow row when the spreadsheet can find the single root; the engine's roots as a
 * value otherwise. The engine's root, to 6 significant digits, is the search's guess: Excel starts
 * at 10 % and gives #NUM! on a root far below it (near −80 %). With one sign change there is one
 * root, so the guess only decides whether the search gets there, never which root it finds.
 */
function irrCell(real: RowHandle, realValues: readonly number[], irr: string | null, roots: readonly string[]): Key {
  if (irr !== null && roots.length === 1 && signChanges(realValues) === 1) {
    return { formula: IRR(whole(real), literal(Number(Number(irr).toPrecision(6)))), engine: Number(irr) };
  }
  return { value: roots.length === 0 ? 'none' : roots.map((r) => Number(r).toPrecision(12)).join('; ') };
}

const irrNote = (roots: readonly string[]) => (roots.length === 1 ? undefined : roots.length === 0
  ? 'The flows have no internal rate of return in (−0.99, 10] (the engine\'s finding).'
  : 'The flows have several internal rates of return; the engine\'s roots are listed, as the spreadsheet\'s IRR would report only one.');

export function buildResults(
  b: SheetBuilder, inp: InputRows, calc: CalculationRows, ev: Evaluation, realByParty: Map<string, number[]>, realF: number[],
  units: { currency: string },
): void {
  const money = `${units.currency} of year 1`;
  b.row('Results', { style: 'title' });
  b.row(`Structure ${ev.structure} under scenario ${ev.scenario}. Every figure is a formula over the Calculation sheet unless its note says otherwise.`, { style: 'note' });
  b.blank();
  b.row('Venture metrics (§7)', { style: 'section' });
  b.row('Venture NPV (free cash flow)', { unit: money, style: 'result', name: 'NPV', key: { formula: SUM(whole(calc.discountedFreeCashFlow)), engine: Number(ev.venture.npv) } });
  b.row('Venture IRR (real)', { unit: 'rate', style: 'result', key: irrCell(calc.realFreeCashFlow, realF, ev.venture.irr, ev.venture.irrRoots), ...optionalNote(irrNote(ev.venture.irrRoots)) });
  const preTax = b.row('Pre-tax NPV', { unit: money, style: 'result', name: 'PreTaxNPV', key: { formula: SUM(whole(calc.discountedPreTaxNetCashFlow)), engine: Number(ev.venture.preTaxNpv) } });
  const government = calc.parties.find((p) => p.id === 'government')!;
  const ncfTotal = SUM(whole(calc.realPreTaxNetCashFlow));
  const ratioOrNa = (numerator: Expr, denominator: Expr) => IF(le(denominator, ZERO), text(NA), div(numerator, denominator));
  b.row('Government take (undiscounted)', { unit: 'fraction', style: 'result', name: 'GovernmentTake',
    key: { formula: ratioOrNa(SUM(whole(government.real)), ncfTotal), engine: num(ev.venture.governmentTake) } });
  const statePartners = calc.parties.filter((p) => p.partner);
  b.row('Government take including state partners', { unit: 'fraction', style: 'result',
    key: { formula: ratioOrNa(add(SUM(whole(government.real)), sum(statePartners.map((p) => mul(key(inp.partners[p.partner!.index]!.state), SUM(whole(p.real)))))), ncfTotal),
      engine: num(ev.venture.governmentTakeInclState) } });
  const aetr = b.row('Average effective tax rate (AETR)', { unit: 'fraction', style: 'result', name: 'AETR' });
  b.row('Breakeven price factor', { unit: 'factor', style: 'result', key: { value: num(ev.venture.breakevenPriceFactor) },
    note: 'The engine\'s search (the smallest factor on the price deck at which NPV reaches 0); a value, as a spreadsheet cannot search it.' });
  b.row('Payback year', { unit: 'year', style: 'result', key: {
    formula: IFERROR(INDEX(whole(calc.calendarYear), MATCH(ONE, whole(calc.paybackFreeCashFlow), ZERO)), text('none')),
    engine: ev.venture.paybackYear ?? 'none' } });
  b.row('Largest identity difference (Σ party flows − NCF)', { unit: units.currency, style: 'check',
    key: { formula: MAX(MAX(whole(calc.identity)), neg(MIN(whole(calc.identity)))), engine: 0 } });

  b.blank();
  b.row('Benefit split per party (§7)', { style: 'section' });
  const header = ['Present value', 'Share of pre-tax NPV', 'Total real flow', 'NPV at hurdle', 'IRR (real)', 'Payback year', 'Peak exposure'];
  b.row('Party', { style: 'heading', unit: '', cells: Object.fromEntries(header.map((h, i) => [3 + i, { value: h }])) });
  const governmentPv: RowHandle = { sheet: 'Results', row: b.nextRow + calc.parties.findIndex((p) => p.id === 'government') };
  b.setCell(aetr, 3, { formula: ratioOrNa(cellOf(governmentPv, 3), cellOf(preTax, 3)), engine: num(ev.venture.aetr) });
  for (const party of calc.parties) {
    const result: PartyResult | undefined = ev.parties.find((p) => p.id === party.id);
    const self: RowHandle = { sheet: 'Results', row: b.nextRow };
    const cells: Record<number, Key> = {
      3: { formula: SUM(whole(party.discounted)), engine: Number(result?.pv ?? '0') },
      4: { formula: ratioOrNa(cellOf(self, 3), cellOf(preTax, 3)), engine: result ? num(result.share) : (Number(ev.venture.preTaxNpv) > 0 ? 0 : NA) },
      5: { formula: SUM(whole(party.real)), engine: Number(result?.total ?? '0') },
    };
    const notes: string[] = [];
    if (party.partner) {
      const real = realByParty.get(party.id) ?? [];
      cells[6] = { formula: SUMPRODUCT(whole(party.real), whole(party.partner.hurdleFactor)), engine: Number(result?.npvAtHurdle ?? '0') };
      cells[7] = irrCell(party.real, real, result?.irr ?? null, result?.irrRoots ?? []);
      const note = irrNote(result?.irrRoots ?? []);
      if (note) notes.push(`IRR: ${note}`);
      cells[8] = { formula: IFERROR(INDEX(whole(calc.calendarYear), MATCH(ONE, whole(party.partner.payback), ZERO)), text('none')), engine: result?.paybackYear ?? 'none' };
      cells[9] = { formula: MAX(ZERO, neg(MIN(whole(party.partner.cumulative)))), engine: Number(result?.peakExposure ?? '0') };
    }
    b.row(party.id, { unit: money, style: 'result', cells, names: { 3: partyName(party.id) }, ...optionalNote(notes.join(' ')) });
  }

  b.blank();
  b.row('Who bears each shock (§8): change in present value by party (values from the engine)', { style: 'section' });
  const ids = [...new Set(ev.shocks.flatMap((s) => s.parties.map((p) => p.id)))];
  b.row('Shock', { style: 'heading', cells: Object.fromEntries(ids.map((id, i) => [3 + i, { value: id }])) });
  for (const shock of ev.shocks) {
    b.row(`${shock.name ?? shock.id}: change in PV`, { unit: money, style: 'result',
      cells: Object.fromEntries(ids.map((id, i) => [3 + i, { value: Number(shock.parties.find((p) => p.id === id)?.deltaPv ?? '0') }])) });
    b.row(`${shock.name ?? shock.id}: share of the loss borne`, { unit: 'fraction', style: 'result',
      cells: Object.fromEntries(ids.map((id, i) => [3 + i, { value: num(shock.parties.find((p) => p.id === id)?.bearShare ?? null) }])) });
  }
  if (ev.warnings.length > 0) {
    b.blank();
    b.row('Warnings', { style: 'section' });
    for (const w of ev.warnings) b.row(w.message, { style: 'note' });
  }
}

const optionalNote = (note: string | undefined) => (note ? { note } : {});
