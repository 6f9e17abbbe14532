// An edit rewrites only the parts of the working copy that changed (issue 8, item 4), and the
// result is exactly what a whole rewrite gives.
import { describe, expect, it } from 'vitest';
import type { Project } from '../../shared/engine/index.ts';
import { databaseWith } from '../../electron/files/content.ts';
import { stringifyWithLiterals } from '../../electron/files/literal-json.ts';
import type { Database } from '../../electron/files/sqlite.ts';
import { readMetadata, readProjectTree } from '../../electron/files/store-read.ts';
import { writeProject } from '../../electron/files/store-write.ts';
import { EXAMPLE_NAMES, exampleProject } from './helpers.ts';

const WATCHED = ['project', 'assumptions', 'yearly_series', 'structures', 'partners', 'royalty_bands', 'scenarios', 'overrides', 'shocks', 'notes'];

function watch(db: Database): () => string[] {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS rewritten (name TEXT)');
  for (const table of WATCHED) db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS rewrite_${table} AFTER DELETE ON main.${table} BEGIN INSERT INTO rewritten VALUES ('${table}'); END`);
  db.exec('DELETE FROM rewritten');
  return () => [...new Set(db.prepare('SELECT name FROM rewritten').pluck().all() as string[])].sort();
}

function apply(db: Database, project: Project): void {
  db.transaction(() => writeProject(db, project, undefined, readProjectTree(db)))();
}

const content = (project: Project) => ({ tree: project, metadata: { internalScenarios: [], privateNotes: [], placeholders: [] }, revisions: [] });

const EDITS: [string, (p: Project) => void, string[]][] = [
  ['a price', (p) => { p.assumptions.prices[2] = '1234.5'; }, ['assumptions', 'notes', 'project', 'yearly_series']],
  ['a partner’s equity', (p) => {
    const [a, b] = p.structures[0]!.terms.partners;
    [a!.equity, b!.equity] = [b!.equity, a!.equity];
  }, ['partners', 'royalty_bands', 'structures']],
  ['a scenario’s name', (p) => { p.scenarios[0]!.name = 'Renamed'; }, ['overrides', 'scenarios']],
  ['nothing', () => {}, []],
];

describe('writing an edit into the working copy', () => {
  for (const [what, edit, tables] of EDITS) {
    it(`rewrites only what ${what} touches`, () => {
      const db = databaseWith(content(exampleProject('northern-spodumene')));
      const edited = structuredClone(exampleProject('northern-spodumene'));
      edit(edited);
      const rewritten = watch(db);
      apply(db, edited);
      expect(rewritten()).toEqual(tables);
      expect(stringifyWithLiterals(readProjectTree(db), 0)).toBe(stringifyWithLiterals(readProjectTree(databaseWith(content(edited))), 0));
    });
  }

  it('gives exactly what a whole rewrite gives, for edits of every part of every example, keeping the file’s flags', () => {
    for (const name of EXAMPLE_NAMES) {
      const original = exampleProject(name);
      const internal = original.scenarios.slice(-1).map((s) => s.id);
      const db = databaseWith({ ...content(original), metadata: { internalScenarios: internal, privateNotes: [{ kind: 'project', id: null }], placeholders: [] } });
      const edits: ((p: Project) => void)[] = [
        (p) => { p.name = `${p.name} (edited)`; },
        (p) => { p.structures.reverse(); },
        (p) => { p.structures[0]!.terms.fiscal.incomeTax.rate = '0.27'; },
        (p) => { p.scenarios = p.scenarios.slice(0, 1); },
        (p) => { p.shocks = null; },
        (p) => { p.assumptions.years += 0; p.notes = null; },
      ];
      let current = structuredClone(original);
      for (const edit of edits) {
        edit(current);
        apply(db, current);
        expect(stringifyWithLiterals(readProjectTree(db), 0)).toBe(stringifyWithLiterals(readProjectTree(databaseWith(content(current))), 0));
        current = structuredClone(current);
      }
      const kept = readMetadata(db);
      expect(kept.internalScenarios).toEqual(current.scenarios.some((s) => internal.includes(s.id)) ? internal : []);
    }
  });
});
