import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { EXAMPLES_DIR } from '../support/examples.ts';
import { applyEdits, set, type JsonContainer } from '../support/json-edit.ts';

// §9's strict decimal grammar and issue 9's number bounds hold in every command alike: a value
// that `validate` refuses is refused by `evaluate` and by `check` with the same message.

const work = mkdtempSync(join(tmpdir(), 'orebridge-strict-'));
const spodumene = () => JSON.parse(readFileSync(join(EXAMPLES_DIR, 'northern-spodumene.project.json'), 'utf8')) as JsonContainer;
const writeJson = (name: string, doc: unknown) => {
  const path = join(work, name);
  writeFileSync(path, JSON.stringify(doc));
  return path;
};

describe('strict numbers in validate, evaluate and check', () => {
  for (const [what, value, message] of [
    ['" 5 " as years', ' 5 ', 'assumptions.years: must be a whole number (the number of annual periods), not " 5 "'],
    ['1e1000000000 as years', '1e1000000000', 'assumptions.years: must be from 1 to 100 (the number of annual periods), not 1e1000000000'],
  ] as const) {
    it(`refuses ${what} with exit 2 and one line, in validate and evaluate`, () => {
      const path = writeJson(`years-${value.trim()}.json`, applyEdits(spodumene(), [set('assumptions.years', value)]));
      for (const command of ['validate', 'evaluate']) {
        const result = runCli([command, path]);
        expect(result.code, command).toBe(2);
        expect(result.stderr.trim().split('\n'), command).toEqual([message]);
      }
    });
  }

  it('refuses " 0.1 " in a file\'s cell in check, as validate refuses it in JSON', () => {
    const file = join(work, 'spaced.orebridge');
    const imported = runCli(['import', join(EXAMPLES_DIR, 'northern-spodumene.project.json'), '-o', file]);
    expect(imported.code, imported.stderr).toBe(0);
    const db = new Database(file);
    db.prepare("UPDATE assumptions SET inflation = ' 0.1 ', inflation_form = 's'").run();
    db.close();
    const result = runCli(['check', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('assumptions.inflation: must be a number (a JSON number or a decimal string such as "0.05", without spaces or a + sign), not " 0.1 "');
  });
});
