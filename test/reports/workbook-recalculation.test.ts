// The exported workbook recalculated by HyperFormula, in npm test with nothing but npm packages:
// the engine's headline numbers for every example and thirty random projects, an input typed on
// the Inputs sheet followed through, and every formula cell's value equal to the value the file
// carries (what Orebridge computed for it). LibreOffice Calc runs the same headline checks in
// `npm run test:office` (test/office/workbook-libreoffice.test.ts).
import { expect, it } from 'vitest';
import { recalculateWithHyperFormula, type FormulaCell, type Recalculation } from '../support/hyperformula.ts';
import { describeWorkbookRecalculation } from '../support/workbook-recalculation.ts';

/**
 * Within 1e-6 relative (absolute below 1). The file's values come from the engine's decimals or
 * from Orebridge's own float evaluation; HyperFormula adds in another order, and a small
 * difference of amounts near 1e9 keeps a residue near 1e-7. A wrong formula is off by far more;
 * the headline results above are held to 1e-9.
 */
function disagrees(cell: FormulaCell): boolean {
  const { cached } = cell;
  // A formula that reads a blank cell shows 0, as in Excel.
  const found = cell.recalculated ?? 0;
  if (typeof cached === 'number' && typeof found === 'number') return Math.abs(found - cached) > 1e-6 * Math.max(1, Math.abs(cached));
  return found !== cached;
}

describeWorkbookRecalculation<Recalculation>({
  name: 'HyperFormula',
  recalculate: async (files) => {
    const out: Recalculation[] = [];
    for (const file of files) out.push(await recalculateWithHyperFormula(file));
    return out;
  },
}, (all) => {
  it('gives every formula cell the value the file carries for it, in every example and random project', () => {
    const { cases, found } = all();
    const problems: string[] = [];
    let formulas = 0;
    cases.forEach((c, i) => {
      for (const cell of found[i]!.formulaCells) {
        formulas++;
        if (disagrees(cell)) problems.push(`${c.label} ${cell.sheet}!${cell.address} =${cell.formula}: the file carries ${String(cell.cached)}, HyperFormula finds ${String(cell.recalculated)}`);
      }
    });
    expect(formulas).toBeGreaterThan(100_000);
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
