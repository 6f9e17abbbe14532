import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits, remove, set, type JsonContainer } from '../support/json-edit.ts';
import { runCli } from '../support/cli.ts';
import { EXAMPLES_DIR } from '../support/examples.ts';
import { CURRENT_FORMAT_VERSION } from '../../electron/files/format.ts';

const work = mkdtempSync(join(tmpdir(), 'orebridge-cli-v2-'));
const write = (name: string, doc: unknown) => {
  const path = join(work, name);
  writeFileSync(path, JSON.stringify(doc));
  return path;
};
const read = (name: string) => JSON.parse(readFileSync(join(EXAMPLES_DIR, `${name}.project.json`), 'utf8')) as JsonContainer;
const T0 = 'structures[0].terms';
const T1 = 'structures[1].terms';

describe('orebridge validate, version 2 (§9 "Version 2")', () => {
  it('says the version-2 examples are valid', () => {
    for (const name of ['nordic-graphite-anode', 'ndpr-strategic-reserve']) {
      const result = runCli(['validate', join(EXAMPLES_DIR, `${name}.project.json`)]);
      expect(result.code, result.stderr).toBe(0);
    }
  });

  it('lists one line per mistake, with its path, for a mistake in every new section, exit 2', () => {
    const doc = applyEdits(read('ndpr-strategic-reserve'), [
      set(`${T0}.partners[1].id`, 'external-lender'),                                 // reserved party id
      set(`${T0}.debt[0].lender`, 'bank-that-is-not-a-partner'),                      // debt: lender
      set(`${T0}.debt[1].gearing`, 0.3),                                              // debt: both bases
      set(`${T0}.debt[1].tenorYears`, 0),                                             // debt: tenor
      set(`${T0}.priceSupport[0].capPrice`, 90000),                                   // price support: cap below strike
      set(`${T0}.fiscal.incomeTax.holidayYears`, 2.5),                                // holiday
      set(`${T0}.fiscal.capitalGrant.share`, 1.1),                                    // grant
      set(`${T0}.fiscal.withholding.interest`, -0.1),                                 // interest withholding
      set(`${T1}.fiscal.incomeTax.depreciation`, { method: 'declining-balance' }),    // depreciation without a rate
      set(`${T1}.fiscal.stabilized`, false),                                          // stabilisation year while not stabilised
      remove(`${T1}.debt[0].foreign`),                                                // external lender without foreign
      set('scenarios[2].overrides.fiscalChange.royaltyRateAdd', 1.5),                 // fiscal change
    ]);
    const result = runCli(['validate', write('every-v2-section.json', doc)]);
    expect(result.code).toBe(2);
    const paths = result.stderr.trim().split('\n').map((line) => line.split(':')[0]);
    expect(paths.sort()).toEqual([
      `${T0}.debt[0].lender`,
      `${T0}.debt[1]`,
      `${T0}.debt[1].tenorYears`,
      `${T0}.fiscal.capitalGrant.share`,
      `${T0}.fiscal.incomeTax.holidayYears`,
      `${T0}.fiscal.withholding.interest`,
      `${T0}.partners[1].id`,
      `${T0}.priceSupport[0].capPrice`,
      `${T1}.debt[0].foreign`,
      `${T1}.fiscal.incomeTax.depreciation.rate`,
      `${T1}.fiscal.stabilizedUntilYear`,
      'scenarios[2].overrides.fiscalChange.royaltyRateAdd',
    ].sort());
  });

  it('reports every version-2 field of a version-1 project, null included, at its own path', () => {
    const doc = applyEdits(read('northern-spodumene'), [
      set(`${T0}.debt`, null),
      set(`${T0}.fiscal.incomeTax.holidayYears`, 3),
      set('scenarios[1].overrides.fiscalChange', { fromYear: 2030 }),
    ]);
    const result = runCli(['validate', write('v1-with-v2-fields.json', doc)]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines.map((line) => line.split(':')[0]).sort()).toEqual([
      `${T0}.debt`, `${T0}.fiscal.incomeTax.holidayYears`, 'scenarios[1].overrides.fiscalChange',
    ].sort());
    for (const line of lines) expect(line).toContain('a version-2 field');
  });
});

describe('orebridge evaluate, version 2 readable report', () => {
  it('shows DSCR min (with its year) and average, the loans and their lenders, grants, price support, the lender party and supply per offtaker', () => {
    const result = runCli(['evaluate', join(EXAMPLES_DIR, 'ndpr-strategic-reserve.project.json'), '--structure', 'dfi-floor-holiday']);
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/Minimum DSCR\s+2\.79× in 2036/);
    expect(out).toMatch(/Average DSCR\s+4\.24×/);
    expect(out).toMatch(/Capital grants\s+60\.00/);
    expect(out).toMatch(/Price support received \(net of clawback\)\s+91\.50/);
    expect(out).toMatch(/dfi-senior\s+dfi \(foreign\)\s+280\.00/);
    expect(out).toMatch(/external-lender\s+-20\.07/);
    expect(out).toMatch(/magnetco\s+18,125\s+27\.2 %/);
    expect(out).toMatch(/open market\s+35,267/);
  });

  it('a version-1 project has no v2 section', () => {
    const result = runCli(['evaluate', join(EXAMPLES_DIR, 'northern-spodumene.project.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('DSCR');
  });
});

describe('version-2 project files from the command line', () => {
  it('import, check and export keep every v2 term exactly; diff and share include them', () => {
    const source = join(EXAMPLES_DIR, 'nordic-graphite-anode.project.json');
    const file = join(work, 'nordic.orebridge');
    expect(runCli(['import', source, '-o', file, '--force']).code).toBe(0);
    const check = runCli(['check', file]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain(`file format ${CURRENT_FORMAT_VERSION}`);
    const exported = runCli(['export', file]);
    expect(JSON.parse(exported.stdout)).toStrictEqual(JSON.parse(readFileSync(source, 'utf8')));

    const diff = runCli(['diff', file, 'grant-eca', 'partner-loan-cfd']).stdout;
    expect(diff).toContain('- Tranche Export-credit agency annuity loan');
    expect(diff).toContain('+ Price support Two-sided contract for difference');
    expect(diff).toContain('~ Stabilised until: none → 2034');

    const copy = join(work, 'nordic-share.orebridge');
    expect(runCli(['share', file, '-o', copy, '--structures', 'partner-loan-cfd', '--scenarios', 'fiscal-change']).code).toBe(0);
    const shared = JSON.parse(runCli(['export', copy]).stdout) as { version: number; structures: { terms: { debt: unknown[] } }[]; scenarios: { overrides: { fiscalChange?: unknown } }[] };
    expect(shared.version).toBe(2);
    expect(shared.structures[0]!.terms.debt).toHaveLength(1);
    expect(shared.scenarios[0]!.overrides.fiscalChange).toEqual({ fromYear: 2031, royaltyRateAdd: 0.02, incomeTaxRate: 0.26 });
  });
});
